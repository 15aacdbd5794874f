import type { JsonObject } from './load.js';

function typeName(schema: JsonObject): string {
  const t = Array.isArray(schema.type) ? schema.type.filter((x) => x !== 'null')[0] : schema.type;
  if (t === 'integer') return 'an integer';
  if (t === 'number') return 'a number';
  if (t === 'boolean') return 'true or false';
  if (t === 'array') return 'a list';
  return 'a string';
}

/** What a parameter accepts, in one phrase: `an integer from 1 to 1000`. */
export function describeSchema(schema: JsonObject): string {
  if (Array.isArray(schema.enum)) return `one of ${schema.enum.map((v) => JSON.stringify(v)).join(', ')}`;
  const base = typeName(schema);
  const parts: string[] = [];
  const { minimum: min, maximum: max, minLength: minLen, maxLength: maxLen } = schema;
  if (min !== undefined && max !== undefined) parts.push(`from ${min} to ${max}`);
  else if (min !== undefined) parts.push(`>= ${min}`);
  else if (max !== undefined) parts.push(`<= ${max}`);
  if (minLen !== undefined && maxLen !== undefined) parts.push(`of ${minLen} to ${maxLen} characters`);
  else if (maxLen !== undefined) parts.push(`of at most ${maxLen} characters`);
  else if (minLen !== undefined) parts.push(`of at least ${minLen} characters`);
  if (typeof schema.pattern === 'string') parts.push(`matching ${schema.pattern}`);
  if (schema.format === 'int64' && base === 'a string') parts.push('(an int64 as a decimal string)');
  return [base, ...parts].join(' ');
}
