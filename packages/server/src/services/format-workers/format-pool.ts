/**
 * io's readForm and writeForm, run in the server's bounded pool of format workers instead of on the request
 * loop: exceljs, pdfkit and pdfjs work in many small asynchronous steps that would otherwise starve (and be
 * starved by) every other request. One pool per process, started on first use and ended by the server's
 * close. A job over its time or heap limit becomes a problem naming the file, like io's own refusals; a
 * full queue becomes a "busy, retry" refusal (503).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FormDocument, Problem, WithProblems } from '@jixiao/core';
import type { InputFile, WriteOptions, WriteResult } from '@jixiao/io';
import { ApiError } from '../api-error.js';
import type { FormatWorkerRole } from './format-limits.js';
import { formatLimits } from './format-limits.js';
import type { JobOutcome, PoolLimits } from './worker-pool.js';
import { PoolBusyError, WorkerPool } from './worker-pool.js';

/** A job of the worker script (workers/format-worker.mjs). */
type FormatJob = { kind: 'read'; fileName: string; bytes: Uint8Array } | { kind: 'write'; form: FormDocument; extension: string; options: WriteOptions };

/**
 * The worker script: outside src, so the compiled server (dist/services/format-workers) and the tests
 * (src/services/format-workers) find it at the same place, three folders up.
 */
export const FORMAT_WORKER_SCRIPT = new URL('../../../workers/format-worker.mjs', import.meta.url);

/** Seconds a refused caller is told to wait before retrying. */
export const BUSY_RETRY_SECONDS = 5;

let pool: WorkerPool<FormatJob, unknown> | null = null;
let role: FormatWorkerRole = 'server';

/**
 * Sizes the pool for a command that has the machine to itself (`jixiao import`) or for the server (the
 * default). It takes effect when the pool starts: a running pool keeps its size until it is closed.
 */
export function useFormatWorkersFor(next: FormatWorkerRole): void {
  role = next;
}

/** How many jobs the pool runs at once, as it is (or will be) sized. */
export function formatWorkerCount(): number {
  return pool?.limits.size ?? formatLimits(process.env, role).size;
}

function formatPool(): WorkerPool<FormatJob, unknown> {
  if (pool) return pool;
  if (!existsSync(FORMAT_WORKER_SCRIPT)) throw new Error(`The format worker script is missing: ${fileURLToPath(FORMAT_WORKER_SCRIPT)} (it ships in packages/server/workers).`);
  pool = new WorkerPool<FormatJob, unknown>(FORMAT_WORKER_SCRIPT, formatLimits(process.env, role));
  return pool;
}

async function runJob(job: FormatJob): Promise<{ outcome: JobOutcome<unknown>; limits: PoolLimits }> {
  const running = formatPool();
  try {
    return { outcome: await running.run(job), limits: running.limits };
  } catch (error) {
    if (error instanceof PoolBusyError) throw new ApiError('api.busy', { seconds: BUSY_RETRY_SECONDS });
    throw error;
  }
}

/** The problem of a job that did not finish: over its time, over its memory, or its worker failed. */
function limitProblem(outcome: Exclude<JobOutcome<unknown>, { kind: 'done' }>, limits: PoolLimits, file: string, reading: boolean): Problem {
  const prefix = reading ? 'input' : 'output';
  switch (outcome.kind) {
    case 'timeout':
      return { code: `${prefix}.timeLimit`, severity: 'error', path: file, params: { file, seconds: limits.timeMs / 1000 } };
    case 'memory':
      return { code: `${prefix}.memoryLimit`, severity: 'error', path: file, params: { file, limitMb: limits.heapMb } };
    case 'threw':
      return { code: reading ? 'input.unreadable' : 'output.unwritable', severity: 'error', path: file, params: { file, reason: outcome.detail.split('\n')[0] ?? '' } };
  }
}

/** io's readForm in a format worker; over a limit, no form and a problem naming the file. */
export async function readFormInWorker(input: InputFile): Promise<WithProblems<FormDocument | null>> {
  // Copied into the message, not transferred: the caller's bytes may share memory with other buffers.
  const { outcome, limits } = await runJob({ kind: 'read', fileName: input.fileName, bytes: input.bytes });
  if (outcome.kind === 'done') return outcome.value as WithProblems<FormDocument | null>;
  return { value: null, problems: [limitProblem(outcome, limits, input.fileName, true)] };
}

/** io's writeForm in a format worker (bytes transferred back); `fileName` names the file in a limit's problem. */
export async function writeFormInWorker(form: FormDocument, extension: string, options: WriteOptions, fileName: string): Promise<WriteResult> {
  const { outcome, limits } = await runJob({ kind: 'write', form, extension, options });
  if (outcome.kind === 'done') return outcome.value as WriteResult;
  return { ok: false, problem: limitProblem(outcome, limits, fileName, false) };
}

/** Ends the format workers (the server's close); the next job starts a fresh pool. */
export async function closeFormatWorkers(): Promise<void> {
  const closing = pool;
  pool = null;
  await closing?.close();
}
