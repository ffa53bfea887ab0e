/**
 * The real server as users run it: the built `jixiao serve` in a child process of its own, on the loopback
 * address and a port the system chooses, so it can be loaded from outside and killed with SIGKILL.
 */
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The repository's root. */
export const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
/** The built command (the tests run what `npm run build` made, as a user would). */
export const JIXIAO_BIN = fileURLToPath(new URL('../../../cli/bin/jixiao.js', import.meta.url));
const BUILT_MAIN = fileURLToPath(new URL('../../../cli/dist/main.js', import.meta.url));

/** A running server process. */
export interface ServerProcess {
  /** http://127.0.0.1:<port> */
  base: string;
  pid: number;
  /** SIGKILL: no shutdown hook runs, open transactions are cut where they are. */
  kill: () => Promise<void>;
  /** SIGTERM and wait for the exit. */
  stop: () => Promise<void>;
  /** What the process printed on stderr (for failure messages). */
  stderr: () => string;
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/**
 * Starts `jixiao serve` on `databaseUrl` (with the demo when `demo`), resolving once it listens. Extra
 * environment (e.g. LOGIN_RATE_LIMIT) is added to this process's.
 */
export async function startServerProcess(databaseUrl: string, options: { demo?: boolean; env?: Record<string, string> } = {}): Promise<ServerProcess> {
  if (!existsSync(BUILT_MAIN)) throw new Error(`${BUILT_MAIN} is missing: build first (npx tsc -b)`);
  const args = [JIXIAO_BIN, 'serve', '--host', '127.0.0.1', '--port', '0', '--database-url', databaseUrl, ...(options.demo ? ['--demo'] : [])];
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, NODE_ENV: 'development', ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    err += chunk.toString('utf8');
  });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start within 60 s:\n${out}\n${err}`)), 60_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const found = /listening: http:\/\/[^:\s]+:(\d+)/u.exec(out);
      if (found?.[1]) {
        clearTimeout(timer);
        resolve(Number(found[1]));
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the server exited before listening (${code ?? signal}):\n${out}\n${err}`));
    });
  });
  const pid = child.pid ?? 0;
  return {
    base: `http://127.0.0.1:${port}`,
    pid,
    kill: async () => {
      const done = exited(child);
      child.kill('SIGKILL');
      await done;
    },
    stop: async () => {
      const done = exited(child);
      child.kill('SIGTERM');
      await done;
    },
    stderr: () => err,
  };
}

/** Runs the built `jixiao` with `args` to its end. */
export function runJixiao(args: readonly string[], env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [JIXIAO_BIN, ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout?.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.stderr?.on('data', (c: Buffer) => (err += c.toString('utf8')));
    child.once('exit', (code) => resolve({ code: code ?? -1, out, err }));
  });
}
