import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/** The answers not yet sent on one connection, and who waits for them all to be. */
interface Pending {
  count: number;
  waiters: Array<() => void>;
}

/**
 * What a node:http mock has in flight: answers not yet sent (per socket, so an error on a
 * pipelined connection waits for the answers before it). One per server. Counters and one
 * `close` listener per answer (a response emits `close` once it is sent or its connection is
 * gone): no promise per request.
 */
export function createInflight() {
  const bySocket = new WeakMap<Socket, Pending>();
  const all: Pending = { count: 0, waiters: [] };
  let closing = false;

  const settle = (pending: Pending) => {
    if (--pending.count > 0 || pending.waiters.length === 0) return;
    const waiters = pending.waiters;
    pending.waiters = [];
    for (const wake of waiters) wake();
  };
  const whenSettled = (pending: Pending | undefined): Promise<void> =>
    !pending || pending.count === 0
      ? Promise.resolve()
      : new Promise((resolve) => pending.waiters.push(resolve));

  return {
    /**
     * Counts `res` in flight until it is sent or its connection closes; `onClose` (optional) is
     * called first, in the same `close` listener.
     */
    track(res: ServerResponse, onClose?: () => void): void {
      const socket = res.socket;
      let pending: Pending | undefined;
      if (socket) {
        pending = bySocket.get(socket);
        if (!pending) {
          pending = { count: 0, waiters: [] };
          bySocket.set(socket, pending);
        }
        pending.count++;
      }
      all.count++;
      res.once('close', () => {
        onClose?.();
        if (pending) {
          settle(pending);
          // While closing, a connection whose last answer went out is not kept alive.
          if (closing && pending.count === 0) socket!.end();
        }
        settle(all);
      });
    },
    /** Resolves once every answer already asked for on `socket` is sent. */
    settled(socket: Socket): Promise<void> {
      return whenSettled(bySocket.get(socket));
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
      const finished = whenSettled(all).then(() => true as const);
      const result = await Promise.race([finished, expired]);
      clearTimeout(timer);
      return result;
    },
  };
}

export type Inflight = ReturnType<typeof createInflight>;
