import type { Operation } from '@scanapis/spec-tools';
import type { MockReply } from './types.js';

/** The spec's own answer for a status of an operation: its first example and example headers. */
export function exampleReply(operation: Operation, status: number): MockReply | undefined {
  const response = operation.responses[String(status)];
  if (!response) return undefined;
  const headers: Record<string, string> = {};
  for (const [name, header] of Object.entries(response.headers ?? {})) {
    const example = header.example ?? header.schema?.example;
    if (example !== undefined) headers[name.toLowerCase()] = String(example);
  }
  const media = response.content?.['application/json'];
  const body = media?.example ?? Object.values(media?.examples ?? {})[0]?.value;
  return { status, headers, ...(body === undefined ? {} : { body }) };
}
