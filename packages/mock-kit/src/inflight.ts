import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/**
 * What a node:http mock has in flight: answers not yet sent (per socket, so an error on a
 * pipelined connection waits for the answers before it) and delayed faults (so a shutdown can
 * cut them short). One per server.
 */
export function createInflight() {
  const bySocket = new WeakMap<Socket, Set<Promise<void>>>();
  const all = new Set<Promise<void>>();
  const delayed = new Map<NodeJS.Timeout, () => void>();
  let closing = false;

  return {
    get closing() {
      return closing;
    },
    /** Counts `res` in flight until it is sent or its connection closes. */
    track(res: ServerResponse): void {
      const socket = res.socket;
      const done = new Promise<void>((resolve) => {
        res.once('finish', resolve);
        res.once('close', resolve);
      });
      all.add(done);
      let set: Set<Promise<void>> | undefined;
      if (socket) {
        set = bySocket.get(socket) ?? new Set();
        bySocket.set(socket, set);
        set.add(done);
      }
      done.then(() => {
        all.delete(done);
        set?.delete(done);
        // While closing, a connection whose last answer went out is not kept alive.
        if (closing && socket && (set?.size ?? 0) === 0) socket.end();
      });
    },
    /** Resolves once every answer already asked for on `socket` is sent. */
    settled(socket: Socket): Promise<void> {
      return Promise.all([...(bySocket.get(socket) ?? [])]).then(() => undefined);
    },
    /** Runs `fn` after `ms`, or at once when the server starts closing. */
    delay(ms: number, fn: () => void): void {
      if (closing) {
        fn();
        return;
      }
      const timer = setTimeout(() => {
        delayed.delete(timer);
        fn();
      }, ms);
      delayed.set(timer, fn);
    },
    /**
     * Starts closing: delayed faults answer now; resolves when every answer in flight is sent, or
     * after `graceMs`, whichever comes first (`true` when all were sent).
     */
    async drain(graceMs: number): Promise<boolean> {
      closing = true;
      for (const [timer, fn] of delayed) {
        clearTimeout(timer);
        delayed.delete(timer);
        fn();
      }
      let timer: NodeJS.Timeout | undefined;
      const expired = new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), graceMs);
      });
      const finished = (async () => {
        while (all.size > 0) await Promise.all([...all]);
        return true as const;
      })();
      const result = await Promise.race([finished, expired]);
      clearTimeout(timer);
      return result;
    },
  };
}

export type Inflight = ReturnType<typeof createInflight>;
