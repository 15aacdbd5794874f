#!/usr/bin/env node
// Run by each spec's `bundle` task, in specs/<api>: puts back the exact digits of the integers
// beyond ±2^53 that the bundler rounded (it writes numbers through JavaScript doubles, so int64's
// 9223372036854775807 came out as 9223372036854776000). The digits come from the sources the
// bundle is made of; a rounded value two sources would claim is an error, never a guess.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const LITERAL = /^\s*(?:-\s+)?(?:[\w$.-]+:\s+)?(-?\d{16,})\s*(?:#.*)?$/;

function yamlFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory())
      return name === 'node_modules' || name === 'dist' ? [] : yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

/** Rounded text (as JSON.stringify writes it) → the exact literal of the sources. */
const exact = new Map();
for (const file of yamlFiles('.')) {
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const literal = LITERAL.exec(line)?.[1];
    if (!literal || Number.isSafeInteger(Number(literal))) continue;
    const rounded = JSON.stringify(Number(literal));
    const known = exact.get(rounded);
    if (known !== undefined && known !== literal) {
      console.error(
        `bundle-exact-ints: ${known} and ${literal} both round to ${rounded}; cannot tell them apart`,
      );
      process.exit(1);
    }
    exact.set(rounded, literal);
  }
}

/** Replaces number tokens outside strings (JSON). */
function fixJson(text) {
  let out = '';
  let last = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '-' || (c >= '0' && c <= '9')) {
      let j = i + 1;
      while (j < text.length && /[0-9.eE+-]/.test(text[j])) j++;
      const literal = exact.get(text.slice(i, j));
      if (literal !== undefined) {
        out += text.slice(last, i) + literal;
        last = j;
      }
      i = j - 1;
    }
  }
  return out + text.slice(last);
}

/** Replaces plain scalars that are a whole value (YAML). */
function fixYaml(text) {
  return text.replace(
    /^(\s*(?:-\s+)?(?:[\w$.-]+:\s+)?)(-?\d{16,}(?:e\+\d+)?)(\s*)$/gm,
    (all, head, token, tail) => {
      const literal = exact.get(token);
      return literal === undefined ? all : `${head}${literal}${tail}`;
    },
  );
}

let fixed = 0;
for (const [file, fix] of [
  ['dist/openapi.json', fixJson],
  ['dist/openapi.yaml', fixYaml],
]) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    continue;
  }
  const out = fix(text);
  if (out !== text) {
    writeFileSync(file, out);
    fixed += 1;
  }
}
if (exact.size > 0) console.log(`bundle-exact-ints: ${exact.size} exact integer(s), ${fixed} file(s) fixed`);
