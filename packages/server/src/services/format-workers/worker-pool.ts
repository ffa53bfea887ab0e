/**
 * A small bounded pool of worker threads: at most `size` jobs run at once, at most `queue` more wait, and
 * each job is held to a time limit and a heap limit. A job over either limit ends its worker (a fresh one
 * is started for the next job) and is reported as such; the process itself never hangs or runs out of
 * memory on one job's account.
 */
import type { Transferable } from 'node:worker_threads';
import { Worker } from 'node:worker_threads';

/** The bounds of a pool. */
export interface PoolLimits {
  /** Jobs running at once (one worker each). */
  size: number;
  /** Jobs waiting for a worker beyond those; one more is refused. */
  queue: number;
  /** Longest time one job may run (waiting in the queue not counted). */
  timeMs: number;
  /** A worker's heap (old generation) in MB. */
  heapMb: number;
}

/** How one job ended. */
export type JobOutcome<T> =
  | { kind: 'done'; value: T }
  | { kind: 'threw'; detail: string }
  | { kind: 'timeout' }
  | { kind: 'memory'; detail: string };

/** Thrown by `run` when `queue` jobs already wait: the caller should answer "busy, retry". */
export class PoolBusyError extends Error {
  constructor() {
    super('every format worker is busy and the queue is full');
  }
}

/** Answer of the worker script: `{ id, result }` or `{ id, threw }`. */
interface Answer<T> {
  id: number;
  result?: T;
  threw?: string;
}

/** A pool over one worker script that answers `{ id, job }` messages with `{ id, result }` or `{ id, threw }`. */
export class WorkerPool<J, T> {
  private readonly idle: Worker[] = [];
  private readonly working = new Set<Worker>();
  private readonly waiting: Array<(granted: boolean) => void> = [];
  private running = 0;
  private next = 0;
  private closed = false;

  constructor(
    private readonly script: URL,
    readonly limits: PoolLimits,
  ) {}

  /** Jobs running now and jobs waiting (for tests and diagnostics). */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  /** Runs one job once a worker is free; throws PoolBusyError when the queue is full. */
  async run(job: J, transfer: readonly Transferable[] = []): Promise<JobOutcome<T>> {
    if (this.closed) return { kind: 'threw', detail: 'the format workers are shut down' };
    if (this.running >= this.limits.size) {
      if (this.waiting.length >= this.limits.queue) throw new PoolBusyError();
      // The slot is handed over by the job that finishes (or refused when the pool closes).
      if (!(await new Promise<boolean>((resolve) => this.waiting.push(resolve)))) return { kind: 'threw', detail: 'the format workers are shut down' };
    } else {
      this.running++;
    }
    try {
      return await this.runOn(this.idle.pop() ?? this.startWorker(), job, transfer);
    } finally {
      const nextInLine = this.waiting.shift();
      if (nextInLine) nextInLine(true);
      else this.running--;
    }
  }

  /** Ends every worker; waiting jobs are refused and running ones end as failed. */
  async close(): Promise<void> {
    this.closed = true;
    for (const refuse of this.waiting.splice(0)) refuse(false);
    const workers = [...this.idle.splice(0), ...this.working];
    await Promise.all(workers.map((w) => w.terminate()));
  }

  private startWorker(): Worker {
    const worker = new Worker(this.script, { resourceLimits: { maxOldGenerationSizeMb: this.limits.heapMb, maxYoungGenerationSizeMb: 32 } });
    // An idle worker must not keep the process alive: a running job holds it by its timer.
    worker.unref();
    return worker;
  }

  private runOn(worker: Worker, job: J, transfer: readonly Transferable[]): Promise<JobOutcome<T>> {
    const id = ++this.next;
    this.working.add(worker);
    return new Promise((resolve) => {
      const done = (outcome: JobOutcome<T>, healthy: boolean): void => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        this.working.delete(worker);
        if (healthy && !this.closed) this.idle.push(worker);
        else void worker.terminate();
        resolve(outcome);
      };
      const onMessage = (answer: Answer<T>): void => {
        if (answer.id !== id) return;
        done(answer.threw === undefined ? { kind: 'done', value: answer.result as T } : { kind: 'threw', detail: answer.threw }, true);
      };
      // Out of memory, or anything else that ends the worker, ends this job (the worker is not reused).
      const onError = (error: Error): void => {
        const code = (error as { code?: string }).code;
        done(code === 'ERR_WORKER_OUT_OF_MEMORY' ? { kind: 'memory', detail: error.message } : { kind: 'threw', detail: `the worker died: ${error.message}` }, false);
      };
      const onExit = (code: number): void => done({ kind: 'threw', detail: `the worker exited (${code})` }, false);
      const timer = setTimeout(() => done({ kind: 'timeout' }, false), this.limits.timeMs);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage({ id, job }, [...transfer]);
    });
  }
}
