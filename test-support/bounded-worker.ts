/**
 * Runs one input at a time in a worker thread with a memory limit and a time limit per input: an input that
 * takes longer is stopped (the worker terminated, a fresh one started for the next input) and reported, and
 * one that needs more memory than the limit ends its worker instead of the test process. So a fuzz run
 * enforces "no hang, no unbounded memory" input by input and names the input that broke it.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/** How one input ended. */
export type Bounded<T> =
  | { kind: 'done'; value: T; ms: number }
  | { kind: 'threw'; detail: string; ms: number }
  | { kind: 'timeout'; ms: number }
  | { kind: 'memory'; detail: string; ms: number };

/** The limits every input is held to. */
export interface Limits {
  /** Longest time one input may take. */
  timeMs: number;
  /** The worker's heap (old generation) in MB. */
  memoryMb: number;
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newest(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) latest = Math.max(latest, statSync(path).mtimeMs);
  }
  return latest;
}

/**
 * Throws unless `packages` are built from their current sources: workers run the built JavaScript, and a
 * test of a stale build would prove nothing about the code.
 */
export function requireFreshBuild(packages: readonly string[]): void {
  for (const name of packages) {
    const dir = join(ROOT, 'packages', name);
    let built = 0;
    try {
      built = statSync(join(dir, 'dist', '.tsbuildinfo')).mtimeMs;
    } catch {
      // Not built at all.
    }
    if (built < newest(join(dir, 'src'))) throw new Error(`packages/${name}/dist is older than its sources: the bounded fuzz workers run the build — build first (npx tsc -b)`);
  }
}

/** A worker that answers `{ id, ...input }` messages with `{ id, result }` or `{ id, threw }`. */
export class BoundedWorker<I extends object, T> {
  private worker: Worker | null = null;
  private next = 0;

  constructor(
    private readonly script: URL,
    private readonly limits: Limits,
  ) {}

  /** Whether the next input starts a fresh worker (which loads its libraries first: warm it up untimed). */
  get cold(): boolean {
    return this.worker === null;
  }

  /** Runs one input within the limits (or a longer time, for warming a fresh worker up). */
  run(input: I, timeMs = this.limits.timeMs): Promise<Bounded<T>> {
    const worker = (this.worker ??= new Worker(this.script, { resourceLimits: { maxOldGenerationSizeMb: this.limits.memoryMb, maxYoungGenerationSizeMb: 32 } }));
    const id = ++this.next;
    const started = performance.now();
    const ms = (): number => performance.now() - started;
    return new Promise((resolve) => {
      const done = (outcome: Bounded<T>, stop: boolean): void => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (stop) {
          this.worker = null;
          void worker.terminate();
        }
        resolve(outcome);
      };
      const onMessage = (answer: { id: number; result?: T; threw?: string }): void => {
        if (answer.id !== id) return;
        done(answer.threw === undefined ? { kind: 'done', value: answer.result as T, ms: ms() } : { kind: 'threw', detail: answer.threw, ms: ms() }, false);
      };
      // Out of memory, or anything else that ends the worker (an uncaught error), ends this input.
      const onError = (error: Error): void => {
        const code = (error as { code?: string }).code;
        done(code === 'ERR_WORKER_OUT_OF_MEMORY' ? { kind: 'memory', detail: error.message, ms: ms() } : { kind: 'threw', detail: `the worker died: ${error.stack ?? error.message}`, ms: ms() }, true);
      };
      const onExit = (code: number): void => done({ kind: 'threw', detail: `the worker exited (${code})`, ms: ms() }, true);
      const timer = setTimeout(() => done({ kind: 'timeout', ms: ms() }, true), timeMs);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage({ id, ...input });
    });
  }

  /** Ends the worker. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }
}
