/**
 * The README's own way to try a build: `vite preview` on dist/. Started on a free port on
 * 127.0.0.1, so the e2e suite sees what that server sends (it adds `Vary: Origin`, which a
 * service worker's cache lookup must not trip over).
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { StaticServer } from './server';
import { ROOT } from './harness';

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });
}

export async function vitePreview(): Promise<StaticServer> {
  const port = await freePort();
  const child = spawn(join(ROOT, 'node_modules/.bin/vite'), ['preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
  });
  let log = '';
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  const url = `http://127.0.0.1:${port}/`;
  const t0 = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`vite preview exited: ${log}`);
    const up = await fetch(url).then((r) => r.ok).catch(() => false);
    if (up) break;
    if (Date.now() - t0 > 30_000) {
      child.kill();
      throw new Error(`vite preview did not start: ${log}`);
    }
    await new Promise((ok) => setTimeout(ok, 200));
  }
  return {
    url,
    close: () =>
      new Promise<void>((ok) => {
        if (child.exitCode !== null) return ok();
        child.once('exit', () => ok());
        child.kill();
      }),
  };
}
