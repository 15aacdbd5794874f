// Forking the bench's servers: each child sends { url } once it answers; 'mem' and 'stop' messages.
import { fork } from 'node:child_process';
import { once } from 'node:events';

const here = (p) => new URL(p, import.meta.url).pathname;

/** Forks `script` (in scripts/bench/) and resolves with its first message once it listens. */
export async function child(script, args = [], execArgv = []) {
  const proc = fork(here(script), args, { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = once(proc, 'exit').then(([code]) => {
    throw new Error(`${script} ${args.join(' ')} exited (${code}) before it listened`);
  });
  const [message] = await Promise.race([once(proc, 'message'), exited]);
  exited.catch(() => {});
  return { proc, ...message };
}

export async function stop(c) {
  if (c.proc.exitCode !== null) return;
  c.proc.send('stop');
  await once(c.proc, 'exit');
}

/** The child's `process.memoryUsage()` after a full GC. */
export async function memoryOf(c) {
  c.proc.send('mem');
  const [m] = await once(c.proc, 'message');
  return m.mem;
}

/** A load generator in a child process of its own (`blaster.mjs`): `send(url, headers, options)` runs one `blast()`. */
export async function loadGenerator() {
  const c = await child('./blaster.mjs');
  return {
    send: async (url, headers, options = {}) => {
      c.proc.send({ url, headers, ...options });
      const [m] = await once(c.proc, 'message');
      if (m.error) throw new Error(m.error);
      return m.result;
    },
    stop: () => stop(c),
  };
}
