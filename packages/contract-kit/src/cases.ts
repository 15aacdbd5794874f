import { exactInteger, type JsonObject, type Operation, type Parameter } from '@scanapis/spec-tools';
import type { CallInput } from './http.js';

/** One generated request and what the server must do with it. */
export interface BoundaryCase {
  /** The parameter (or rule) under test. */
  param: string;
  given: CallInput;
  want: 'accept' | 'reject';
}

type Row = [name: string, c: BoundaryCase];

function firstType(schema: JsonObject): string {
  const t = schema.type;
  return (Array.isArray(t) ? t.find((x) => x !== 'null') : t) as string;
}

function exampleOf(param: Parameter): string | undefined {
  const ex =
    param.example ??
    Object.values(param.examples ?? {})[0]?.value ??
    param.schema.example ??
    param.schema.default;
  if (ex === undefined) return Array.isArray(param.schema.enum) ? String(param.schema.enum[0]) : undefined;
  return String(ex);
}

/**
 * The smallest valid request of an operation: the spec's example for every required parameter
 * and for the first member of every `x-scanapis-oneof` group.
 */
export function baselineRequest(operation: Operation): CallInput {
  const oneOf = (operation.raw['x-scanapis-oneof'] ?? []) as string[][];
  const wanted = new Set(oneOf.map((g) => g[0]!));
  const query: Record<string, string> = {};
  const pathParams: Record<string, string> = {};
  const headers: Record<string, string> = {};
  for (const p of operation.parameters) {
    if (!p.required && !wanted.has(p.name)) continue;
    const ex = exampleOf(p);
    if (ex === undefined) throw new Error(`${operation.operationId}: parameter ${p.name} needs an example`);
    if (p.in === 'query') query[p.name] = ex;
    else if (p.in === 'path') pathParams[p.name] = ex;
    else if (p.in === 'header') headers[p.name] = ex;
  }
  return { query, pathParams, headers };
}

function withParam(base: CallInput, p: Parameter, value: string): CallInput {
  if (p.in === 'path') return { ...base, pathParams: { ...base.pathParams, [p.name]: value } };
  if (p.in === 'header') return { ...base, headers: { ...base.headers, [p.name]: value } };
  return { ...base, query: { ...base.query, [p.name]: value } };
}

function matches(schema: JsonObject, value: string): boolean {
  return typeof schema.pattern !== 'string' || new RegExp(schema.pattern as string, 'u').test(value);
}

/** A string of `length` characters that satisfies the pattern when one can be grown from the example. */
function stringOfLength(schema: JsonObject, length: number, example: string | undefined): string | undefined {
  const seed = example && example.length > 0 ? example : 'a';
  let s = seed;
  while (s.length < length) s += seed;
  s = s.slice(0, length);
  return matches(schema, s) ? s : undefined;
}

/**
 * Boundary cases derived from each parameter's schema — every bound, one past each, the wrong
 * type, every enum value and one outside, lengths at and past their limits — plus the spec's
 * rule extensions (`x-scanapis-oneof`: neither and both; `x-scanapis-ranges`: start after end).
 * Adding a constraint to the spec adds its cases here, with no new test code.
 */
export function boundaryCases(operation: Operation): Row[] {
  const baseline = baselineRequest(operation);
  const groups = (operation.raw['x-scanapis-oneof'] ?? []) as string[][];
  /** The baseline with p's oneof group satisfied by p alone, so that p's cases test p. */
  const baseFor = (p: Parameter): CallInput => {
    const group = groups.find((g) => g.includes(p.name));
    if (!group || p.in !== 'query') return baseline;
    const query = { ...baseline.query };
    for (const other of group) if (other !== p.name) delete query[other];
    return { ...baseline, query: { ...query, [p.name]: exampleOf(p) ?? 'x' } };
  };
  const rows: Row[] = [];
  const add = (param: string, label: string, given: CallInput, want: BoundaryCase['want']) =>
    rows.push([`${param} ${label} → ${want}`, { param, given, want }]);

  for (const p of operation.parameters) {
    if (p.in === 'cookie') continue;
    const base = baseFor(p);
    const s = p.schema;
    const type = firstType(s);
    const example = exampleOf(p);
    if (type === 'integer' || type === 'number') {
      const { minimum: min, maximum: max } = s as { minimum?: number; maximum?: number };
      if (min !== undefined) {
        add(p.name, `= minimum ${min}`, withParam(base, p, String(min)), 'accept');
        add(p.name, `= minimum - 1 (${min - 1})`, withParam(base, p, String(min - 1)), 'reject');
      }
      if (max !== undefined && Number.isSafeInteger(max)) {
        add(p.name, `= maximum ${max}`, withParam(base, p, String(max)), 'accept');
        add(p.name, `= maximum + 1 (${max + 1})`, withParam(base, p, String(max + 1)), 'reject');
      } else if (type === 'integer' && max !== undefined) {
        // Beyond 2^53 the bound is compared exactly: its own digits accepted, one more refused.
        const exact = exactInteger(s, 'maximum')!;
        add(p.name, `= maximum ${exact} (exact)`, withParam(base, p, String(exact)), 'accept');
        add(p.name, `= maximum + 1 (${exact + 1n}, exact)`, withParam(base, p, String(exact + 1n)), 'reject');
      }
      add(p.name, 'not a number ("abc")', withParam(base, p, 'abc'), 'reject');
      if (type === 'integer') add(p.name, 'a fraction (1.5)', withParam(base, p, '1.5'), 'reject');
    } else if (type === 'boolean') {
      add(p.name, '= true', withParam(base, p, 'true'), 'accept');
      add(p.name, '= false', withParam(base, p, 'false'), 'accept');
      add(p.name, 'not a boolean ("yes")', withParam(base, p, 'yes'), 'reject');
    } else if (type === 'string') {
      if (Array.isArray(s.enum)) {
        for (const v of s.enum)
          add(p.name, `= enum ${JSON.stringify(v)}`, withParam(base, p, String(v)), 'accept');
        add(p.name, 'outside the enum', withParam(base, p, 'not_a_listed_value'), 'reject');
      }
      const { minLength, maxLength } = s as { minLength?: number; maxLength?: number };
      if (maxLength !== undefined) {
        const at = stringOfLength(s, maxLength, example);
        if (at !== undefined && !Array.isArray(s.enum))
          add(p.name, `of maxLength ${maxLength}`, withParam(base, p, at), 'accept');
        add(
          p.name,
          `of maxLength + 1 (${maxLength + 1})`,
          withParam(base, p, (example ?? 'a').padEnd(maxLength + 1, 'a')),
          'reject',
        );
      }
      if (minLength !== undefined && minLength > 0 && p.in !== 'path') {
        add(
          p.name,
          `shorter than minLength ${minLength}`,
          withParam(base, p, 'a'.repeat(minLength - 1)),
          'reject',
        );
      }
      if (typeof s.pattern === 'string') {
        if (example !== undefined)
          add(p.name, 'the example (matches the pattern)', withParam(base, p, example), 'accept');
        const bad = 'no spaces allowed ✗';
        if (!matches(s, bad)) add(p.name, 'not matching the pattern', withParam(base, p, bad), 'reject');
      }
    }
    if (p.in === 'query' && type !== 'array' && example !== undefined) {
      add(
        p.name,
        'sent twice',
        { ...base, query: { ...base.query, [p.name]: [example, example] } },
        'reject',
      );
    }
  }

  const base = baseline;
  for (const group of groups) {
    const without = { ...base.query };
    for (const name of group) delete without[name];
    add(group.join('|'), 'neither of the oneof', { ...base, query: without }, 'reject');
    const both = { ...without };
    for (const name of group) {
      const p = operation.parameters.find((x) => x.name === name)!;
      both[name] = exampleOf(p) ?? 'x';
    }
    add(group.join('|'), 'all of the oneof', { ...base, query: both }, 'reject');
    for (const name of group) {
      const p = operation.parameters.find((x) => x.name === name)!;
      add(
        group.join('|'),
        `only ${name}`,
        { ...base, query: { ...without, [name]: exampleOf(p) ?? 'x' } },
        'accept',
      );
    }
  }
  for (const [start, end] of (operation.raw['x-scanapis-ranges'] ?? []) as Array<[string, string]>) {
    add(
      `${start}..${end}`,
      'start after end',
      { ...base, query: { ...base.query, [start]: '2000', [end]: '1000' } },
      'reject',
    );
    add(
      `${start}..${end}`,
      'start equal to end',
      { ...base, query: { ...base.query, [start]: '1000', [end]: '1000' } },
      'accept',
    );
  }
  return rows;
}
