import type { Ajv2020, ValidateFunction } from 'ajv/dist/2020.js';
import { compileSchema } from './ajv.js';
import type { JsonObject } from './load.js';

/**
 * Validation that checks each immutable item once. A mock answers pages of items drawn from a
 * dataset that does not change, so an answer is its envelope (checked every time) plus items it
 * has sent before. `compileMemoized` compiles the same schema with the schema of each array's
 * items (the outermost ones holding objects) replaced by a keyword that runs that very item schema
 * — and remembers the items it passed when they are deep-frozen (every object and array in them
 * frozen: they cannot change, so they pass again). Anything not frozen is checked in full every
 * time. So the memoized validator says yes exactly when the full one does; the errors of a no come
 * from the full validator (`checkResponse` runs it then).
 */
const MEMO_KEYWORD = 'scanapisItemMemo';

interface Memo {
  validate: ValidateFunction;
  passed: WeakSet<object>;
}

const memos: Memo[] = [];
const compiled = new WeakMap<object, ValidateFunction>();

/** Objects found deep-frozen: they stay so (nothing in them can be unfrozen), so are not walked again. */
const deepFrozen = new WeakSet<object>();

/** Whether `value` and everything it holds is frozen (so it can never change). */
export function isDeepFrozen(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (deepFrozen.has(value)) return true;
  if (!Object.isFrozen(value)) return false;
  for (const v of Object.values(value)) if (!isDeepFrozen(v)) return false;
  deepFrozen.add(value);
  return true;
}

function ensureKeyword(ajv: Ajv2020): void {
  if (ajv.getKeyword(MEMO_KEYWORD)) return;
  ajv.addKeyword({
    keyword: MEMO_KEYWORD,
    schemaType: 'number',
    errors: false,
    validate: (index: number, data: unknown) => {
      const memo = memos[index]!;
      const isObject = data !== null && typeof data === 'object';
      if (isObject && memo.passed.has(data)) return true;
      const ok = memo.validate(data) as boolean;
      if (ok && isObject && isDeepFrozen(data)) memo.passed.add(data);
      return ok;
    },
  });
}

/** Whether a schema describes objects (the items worth remembering). */
const describesObjects = (schema: JsonObject) =>
  schema.type === 'object' ||
  (Array.isArray(schema.type) && schema.type.includes('object')) ||
  'properties' in schema;

/** A copy of `schema` with each outermost object-item schema replaced by the memo keyword. */
function withMemoItems(ajv: Ajv2020, node: unknown): unknown {
  if (Array.isArray(node)) return node.map((n) => withMemoItems(ajv, n));
  if (node === null || typeof node !== 'object') return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node as JsonObject)) {
    if (key === 'items' && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const item = value as JsonObject;
      if (describesObjects(item)) {
        const index = memos.push({ validate: compileSchema(ajv, item), passed: new WeakSet() }) - 1;
        out[key] = { [MEMO_KEYWORD]: index };
        continue;
      }
    }
    out[key] = withMemoItems(ajv, value);
  }
  return out;
}

/** Compiles (once per schema object) the memoized validator of `schema` (see above). */
export function compileMemoized(ajv: Ajv2020, schema: JsonObject): ValidateFunction {
  const hit = compiled.get(schema);
  if (hit) return hit;
  ensureKeyword(ajv);
  const copy = withMemoItems(ajv, schema) as JsonObject;
  const validate = compileSchema(ajv, copy);
  compiled.set(schema, validate);
  return validate;
}

const passedBodies = new WeakMap<object, WeakSet<object>>();

/**
 * Whether a deep-frozen `body` already passed `schema`: the same object cannot have changed, so
 * it passes again (a mock answering the same page twice answers the same frozen object).
 */
export function passedBefore(schema: JsonObject, body: unknown): boolean {
  return body !== null && typeof body === 'object' && passedBodies.get(schema)?.has(body) === true;
}

/** Remembers that `body` passed `schema`, when it is deep-frozen (see `passedBefore`). */
export function rememberPassed(schema: JsonObject, body: unknown): void {
  if (body === null || typeof body !== 'object' || !Object.isFrozen(body) || !isDeepFrozen(body)) return;
  let passed = passedBodies.get(schema);
  if (!passed) {
    passed = new WeakSet();
    passedBodies.set(schema, passed);
  }
  passed.add(body);
}
