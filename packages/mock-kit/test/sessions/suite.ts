import { expect, inject, it } from 'vitest';

const ROUNDS = 25;
const json = { 'content-type': 'application/json' };

/**
 * What each of the two session files runs against the one shared HTTP mock, at the same time:
 * arm ROUNDS faults under its own session, wait until the other file has armed its own (so both
 * are armed on the server at once), then see only its own status, ROUNDS times, while requests
 * without a session see none. Each file also leaves a marker fault (a session no request sends)
 * so the other can tell it has started.
 */
export function sessionIsolation(mine: { session: string; status: number }, other: { session: string }) {
  it(`session ${mine.session}: its ${ROUNDS} × ${mine.status}, never the other session's faults`, async () => {
    const url = inject('sessionMockUrl');
    const arm = async (fault: object) => {
      const res = await fetch(`${url}/__scanapis/faults`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify(fault),
      });
      expect(res.status).toBe(201);
    };
    const armed = async (): Promise<Array<{ session?: string }>> =>
      (await (await fetch(`${url}/__scanapis/faults`)).json()).faults;
    const get = async (session?: string) =>
      (await fetch(`${url}/v1/p/things?a=1`, { headers: session ? { 'x-scanapis-session': session } : {} }))
        .status;

    await arm({ status: mine.status, count: ROUNDS, session: mine.session });
    await arm({ status: 500, session: `${mine.session}-started` });
    // The barrier: both files' faults are armed on the one server at the same time.
    const deadline = Date.now() + 40_000;
    while (!(await armed()).some((f) => f.session === `${other.session}-started`)) {
      if (Date.now() > deadline)
        throw new Error(`session ${other.session} never started: files not parallel`);
      await new Promise((r) => setTimeout(r, 20));
    }
    const mineSeen: number[] = [];
    const unscoped: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      mineSeen.push(await get(mine.session));
      unscoped.push(await get());
      await new Promise((r) => setTimeout(r, 2));
    }
    expect(mineSeen).toEqual(Array(ROUNDS).fill(mine.status));
    expect(unscoped).toEqual(Array(ROUNDS).fill(200));
    expect(await get(mine.session)).toBe(200);
  }, 60_000);
}
