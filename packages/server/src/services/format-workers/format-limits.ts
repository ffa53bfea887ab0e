/**
 * The bounds of the format workers, from the environment or defaults: one worker per core but one (the
 * request loop keeps a core), 64 jobs waiting, 60 s and 512 MB of heap per job.
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

/** JIXIAO_FORMAT_WORKERS, JIXIAO_FORMAT_QUEUE, JIXIAO_FORMAT_TIME_LIMIT_S, JIXIAO_FORMAT_HEAP_MB. */
export function formatLimits(env: NodeJS.ProcessEnv = process.env): PoolLimits {
  return {
    size: positiveInteger(env, 'JIXIAO_FORMAT_WORKERS', Math.max(1, availableParallelism() - 1)),
    queue: positiveInteger(env, 'JIXIAO_FORMAT_QUEUE', 64),
    timeMs: positiveInteger(env, 'JIXIAO_FORMAT_TIME_LIMIT_S', 60) * 1000,
    heapMb: positiveInteger(env, 'JIXIAO_FORMAT_HEAP_MB', 512),
  };
}
