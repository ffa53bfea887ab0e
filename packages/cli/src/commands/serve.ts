/** `jixiao serve`: start the server on the configured database, optionally with the demo district. */
import { readFile } from 'node:fs/promises';
import type { RunningServer } from '@jixiao/server';
import { loadConfig, startServer } from '@jixiao/server';
import type { CliIo } from '../cli-io.js';
import type { ExitCode } from '../exit-codes.js';
import { EXIT } from '../exit-codes.js';

/** Options of `jixiao serve`. */
export interface ServeOptions {
  port?: string | undefined;
  host?: string | undefined;
  databaseUrl?: string | undefined;
  demo?: boolean | undefined;
}

/** The demo form shipped with the repository (not ../shared: a fresh clone must run on its own). */
export const DEMO_FORM = new URL('../../../../demo/panyu-kgxj-2021.txt', import.meta.url);

/** Prints where the server listens and, with the demo, the logins to try. */
export function printStarted(server: RunningServer, io: CliIo): void {
  io.out(`jixiao 已启动 / listening: ${server.url}\n`);
  io.out(`  API 文档 / API docs: ${server.url}/api/docs\n`);
  if (server.demo) {
    io.out('  演示账号 / demo logins:\n');
    for (const a of server.demo.accounts) io.out(`    ${a.role.padEnd(14)} ${a.username.padEnd(10)} ${a.password}   (${a.displayName})\n`);
  }
}

/** Starts the server and keeps it running until SIGINT or SIGTERM. */
export async function runServe(options: ServeOptions, io: CliIo): Promise<ExitCode> {
  let config;
  try {
    config = loadConfig(process.env, { port: options.port, host: options.host, databaseUrl: options.databaseUrl, demo: options.demo });
  } catch (error) {
    io.err(`配置无效 / invalid configuration: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.unreadable;
  }
  if (config.demo && config.nodeEnv === 'production') {
    io.err('生产环境不允许加载演示数据 / demo data is refused when NODE_ENV=production\n');
    return EXIT.unreadable;
  }
  const demoText = config.demo ? await readFile(DEMO_FORM, 'utf8') : null;
  const server = await startServer(config, demoText, config.nodeEnv === 'production');
  printStarted(server, io);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  return EXIT.ok;
}
