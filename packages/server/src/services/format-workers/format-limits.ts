/**
 * The bounds of the format workers, from the environment or defaults: in the server one worker per core but
 * one (the request loop keeps a core); in a command at the terminal (`jixiao import`), which has no requests
 * to answer, one per core up to four (each may hold a 512-MB heap; past a few, storing is what an import
 * waits for, not reading). 64 jobs waiting, 60 s and 512 MB of heap per job.
 */
import { availableParallelism } from 'node:os';
import type { PoolLimits } from './worker-pool.js';

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive whole number, not “${raw}”`);
  return value;
}

/** Workers of a command at the terminal, at most (see the module comment). */
const COMMAND_WORKERS_AT_MOST = 4;

/** Who the format workers serve: the server's request loop, or a command that has the machine to itself. */
export type FormatWorkerRole = 'server' | 'command';

/** JIXIAO_FORMAT_WORKERS, JIXIAO_FORMAT_QUEUE, JIXIAO_FORMAT_TIME_LIMIT_S, JIXIAO_FORMAT_HEAP_MB. */
export function formatLimits(env: NodeJS.ProcessEnv = process.env, role: FormatWorkerRole = 'server'): PoolLimits {
  const cores = availableParallelism();
  return {
    size: positiveInteger(env, 'JIXIAO_FORMAT_WORKERS', role === 'server' ? Math.max(1, cores - 1) : Math.min(cores, COMMAND_WORKERS_AT_MOST)),
    queue: positiveInteger(env, 'JIXIAO_FORMAT_QUEUE', 64),
    timeMs: positiveInteger(env, 'JIXIAO_FORMAT_TIME_LIMIT_S', 60) * 1000,
    heapMb: positiveInteger(env, 'JIXIAO_FORMAT_HEAP_MB', 512),
  };
}
