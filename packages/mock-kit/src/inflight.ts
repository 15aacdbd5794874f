import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/**
 * What a node:http mock has in flight: answers not yet sent (per socket, so an error on a
 * pipelined connection waits for the answers before it). One per server.
 */
export function createInflight() {
  const bySocket = new WeakMap<Socket, Set<Promise<void>>>();
  const all = new Set<Promise<void>>();
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
    /**
     * Starts closing (the server has already cut delayed faults short); resolves when every answer in flight is sent, or
     * after `graceMs`, whichever comes first (`true` when all were sent).
     */
    async drain(graceMs: number): Promise<boolean> {
      closing = true;
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
