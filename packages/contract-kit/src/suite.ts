import {
  checkResponse,
  compileSchema,
  createAjv,
  describeError,
  listOperations,
  loadSpec,
  type Operation,
} from '@scanapis/spec-tools';
import { describe, expect, it } from 'vitest';
import { baselineRequest, boundaryCases } from './cases.js';
import { collectExamples } from './examples.js';
import { type CallInput, type CallResult, call } from './http.js';

export interface ContractSuiteOptions {
  /** The bundled spec: `specs/<api>/dist/openapi.json`. */
  specFile: string;
  /** Where the server under test listens (read when the tests run, e.g. from vitest `inject`). */
  baseUrl: () => string;
  /** Headers that authenticate a request. */
  auth: Record<string, string>;
  /**
   * The natural request that produces a status, per operation id and status, as a change to the
   * operation's baseline request. Statuses without one are asked for with the mock's per-request
   * fault header, `x-scanapis-fault: status=<code>`.
   * `auth: false` sends the request without the `auth` headers.
   */
  triggers?: Record<string, Record<string, CallInput & { auth?: false }>>;
  /** The status a request that breaks the spec gets (400 for every vendor here). */
  rejectStatus?: number;
  /**
   * Boundary values that the schema accepts but a behavioural server refuses on what they mean —
   * an ID that names nothing (404), a page token it never issued or a filter outside its grammar
   * (400): per operation id and parameter, the status those generated "accept" rows get instead
   * of a 2xx. The answer must still conform, and name the parameter or quote the value sent.
   */
  refusedByMeaning?: Record<string, Record<string, number>>;
}

function merge(a: CallInput, b: CallInput): CallInput {
  return {
    query: { ...a.query, ...b.query },
    headers: { ...a.headers, ...b.headers },
    pathParams: { ...a.pathParams, ...b.pathParams },
  };
}

/** Asserts a response conforms to the spec for its status, and carries no Prism violation header. */
export function expectConforms(
  operation: Operation,
  res: CallResult,
  ajv: ReturnType<typeof createAjv> = createAjv(),
): void {
  const problems = checkResponse(ajv, operation, {
    status: res.status,
    headers: res.headers,
    body: res.body,
    contentType: res.headers.get('content-type'),
  });
  expect(problems, `${operation.operationId} ${res.status}: ${res.text.slice(0, 300)}`).toEqual([]);
  expect(res.headers.get('sl-violations')).toBeNull();
}

/**
 * The contract suite every API runs: every example valid; every declared response produced and
 * validated; boundary cases generated from the parameter schemas, each accepted with a conforming
 * 2xx or refused with a conforming error that names the parameter.
 */
export function contractSuite(options: ContractSuiteOptions): void {
  const doc = loadSpec(options.specFile);
  const operations = listOperations(doc);
  const ajv = createAjv();
  const rejectStatus = options.rejectStatus ?? 400;

  describe('every example in the spec validates against its schema', () => {
    const examples = collectExamples(doc);
    it('the spec has examples', () => expect(examples.length).toBeGreaterThan(0));
    it.each(examples.map((e) => [e.where, e] as const))('%s', (_, e) => {
      const validate = compileSchema(ajv, e.schema);
      const ok = validate(e.value);
      expect(ok, (validate.errors ?? []).map((x) => `${x.instancePath} ${describeError(x)}`).join('; ')).toBe(
        true,
      );
    });
  });

  for (const operation of operations) {
    const baseline = baselineRequest(operation);
    const authed = (input: CallInput): CallInput => ({
      ...input,
      headers: { ...options.auth, ...input.headers },
    });

    describe(`${operation.operationId}: every declared response is produced and conforms`, () => {
      const statuses = Object.keys(operation.responses).filter((s) => /^\d{3}$/.test(s));
      const rows = statuses.map((status) => {
        const trigger = options.triggers?.[operation.operationId]?.[status];
        const given = trigger
          ? (() => {
              const { auth, ...change } = trigger;
              const input = merge(baseline, change);
              return auth === false ? input : authed(input);
            })()
          : authed(merge(baseline, { headers: { Prefer: `code=${status}` } }));
        return [
          `${status}${trigger ? ' (natural trigger)' : ' (Prefer: code)'}`,
          { given, want: Number(status) },
        ] as const;
      });
      it.each(rows)('%s', async (_, { given, want }) => {
        const res = await call(options.baseUrl(), operation, given);
        expect(res.status).toBe(want);
        expectConforms(operation, res, ajv);
      });
    });

    describe(`${operation.operationId}: boundary cases from the parameter schemas`, () => {
      const refusals = options.refusedByMeaning?.[operation.operationId] ?? {};
      const rows = boundaryCases(operation).map(([name, c]) => {
        const refused = c.want === 'accept' ? refusals[c.param] : undefined;
        return [
          refused === undefined ? name : name.replace(/→ accept$/, `→ ${refused} (refused by meaning)`),
          { ...c, refused },
        ] as const;
      });
      it('has generated cases', () => expect(rows.length).toBeGreaterThan(0));
      it.each(rows)('%s', async (_, { param, given, want, refused }) => {
        const res = await call(options.baseUrl(), operation, authed(given));
        expectConforms(operation, res, ajv);
        if (want === 'accept' && refused === undefined) {
          expect(res.status, res.text.slice(0, 300)).toBeLessThan(300);
        } else {
          expect(res.status, res.text.slice(0, 300)).toBe(refused ?? rejectStatus);
          const names = param.split(/\||\.\./);
          const sent = refused === undefined ? [] : [given.query?.[param]].flat().filter(Boolean);
          expect(
            [...names, ...(sent as string[])].some((n) => res.text.toLowerCase().includes(n.toLowerCase())),
            `error names ${param}: ${res.text}`,
          ).toBe(true);
        }
      });
    });
  }
}
