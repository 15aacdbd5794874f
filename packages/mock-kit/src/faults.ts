/**
 * Faults on demand, for testing clients: the next N answers come back with a status, after a
 * delay, or as a dropped connection. Armed through the mock's control path
 * `/__scanapis/faults`, which no vendor API has, so it never collides with a real path or parameter.
 */
export interface Fault {
  /** Answer with this status (the spec's example body for it, or the vendor's error). */
  status?: number;
  /** Wait this long before answering (on its own: a slow but correct answer). */
  delayMs?: number;
  /** Destroy the connection without an answer. */
  drop?: boolean;
  /** How many answers this applies to (default 1). */
  count?: number;
  /**
   * Only requests that carry `x-scanapis-session: <this>` get the fault (parallel test files
   * sharing one server arm their own); without it, every request does.
   */
  session?: string;
}

export interface ArmedFault extends Required<Pick<Fault, 'count'>> {
  status?: number;
  delayMs?: number;
  drop?: boolean;
  session?: string;
}

/** The request header naming the test session a request belongs to (see `Fault.session`). */
export const SESSION_HEADER = 'x-scanapis-session';

/** A session id: 1 to 128 visible ASCII characters. */
const SESSION_PATTERN = /^[\x21-\x7e]{1,128}$/;

/** Checks a fault from the control endpoint; returns a reason when it is not one. */
export function validateFault(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'a fault is a JSON object';
  const f = value as Record<string, unknown>;
  const known = ['status', 'delayMs', 'drop', 'count', 'session'];
  const unknown = Object.keys(f).filter((k) => !known.includes(k));
  if (unknown.length) return `unknown field ${unknown[0]}; a fault has ${known.join(', ')}`;
  if (
    f.status !== undefined &&
    !(Number.isInteger(f.status) && (f.status as number) >= 200 && (f.status as number) <= 599)
  ) {
    return 'status must be an HTTP status from 200 to 599';
  }
  if (
    f.delayMs !== undefined &&
    !(Number.isInteger(f.delayMs) && (f.delayMs as number) >= 0 && (f.delayMs as number) <= 60_000)
  ) {
    return 'delayMs must be an integer from 0 to 60000';
  }
  if (f.drop !== undefined && typeof f.drop !== 'boolean') return 'drop must be true or false';
  if (
    f.count !== undefined &&
    !(Number.isInteger(f.count) && (f.count as number) >= 1 && (f.count as number) <= 10_000)
  ) {
    return 'count must be an integer from 1 to 10000';
  }
  if (f.session !== undefined && !(typeof f.session === 'string' && SESSION_PATTERN.test(f.session)))
    return 'session must be a string of 1 to 128 visible ASCII characters';
  if (f.status === undefined && f.delayMs === undefined && f.drop !== true)
    return 'a fault needs status, delayMs or drop';
  return undefined;
}

/**
 * A queue of armed faults; each answer takes the first one that applies to its session. Each
 * mock instance (server, fetch, MSW handlers) has its own.
 */
export function createFaults() {
  const queue: ArmedFault[] = [];
  const applies = (f: ArmedFault, session: string | undefined) =>
    f.session === undefined || f.session === session;
  return {
    arm(fault: Fault): void {
      queue.push({ ...fault, count: fault.count ?? 1 });
    },
    /** Clears every fault, or with a session only the ones armed for it. */
    clear(session?: string): void {
      if (session === undefined) {
        queue.length = 0;
        return;
      }
      for (let i = queue.length - 1; i >= 0; i--) if (queue[i]!.session === session) queue.splice(i, 1);
    },
    /** Every armed fault, or with a session only the ones its requests would get. */
    list(session?: string): ArmedFault[] {
      return queue.filter((f) => session === undefined || applies(f, session)).map((f) => ({ ...f }));
    },
    /** The fault for the next answer of `session`, if any (and counts it down). */
    take(session?: string): ArmedFault | undefined {
      const index = queue.findIndex((f) => applies(f, session));
      if (index < 0) return undefined;
      const head = queue[index]!;
      head.count -= 1;
      if (head.count <= 0) queue.splice(index, 1);
      return { ...head, count: 1 };
    },
  };
}

export type Faults = ReturnType<typeof createFaults>;

/** The per-request header that asks for a fault on this one answer: `status=503`, `delay=200`, `drop`. */
export const FAULT_HEADER = 'x-scanapis-fault';

/**
 * Reads `x-scanapis-fault: status=503, delay=200` (or `drop`) into a fault for this answer only.
 * Returns a reason string when the header is malformed.
 */
export function parseFaultHeader(value: string): ArmedFault | string {
  const fault: Record<string, unknown> = {};
  for (const part of value
    .split(/[,;]/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [key, raw] = part.split('=').map((s) => s.trim());
    if (key === 'drop' && raw === undefined) fault.drop = true;
    else if (key === 'status' && raw && /^\d+$/.test(raw)) fault.status = Number(raw);
    else if (key === 'delay' && raw && /^\d+$/.test(raw)) fault.delayMs = Number(raw);
    else return `${FAULT_HEADER}: cannot read ${JSON.stringify(part)}; use status=<code>, delay=<ms> or drop`;
  }
  const problem = validateFault(fault);
  return problem ? `${FAULT_HEADER}: ${problem}` : ({ ...fault, count: 1 } as ArmedFault);
}
