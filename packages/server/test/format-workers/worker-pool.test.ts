/** The bounded pool of format workers, with a tiny worker script that hangs, grows, throws and dies on demand. */
import { afterEach, describe, expect, it } from 'vitest';
import type { PoolLimits } from '../../src/services/format-workers/worker-pool.js';
import { PoolBusyError, WorkerPool } from '../../src/services/format-workers/worker-pool.js';

type Job = { act: 'echo'; value: unknown } | { act: 'sleep'; ms: number } | { act: 'hang' | 'grow' | 'throw' | 'die' };

const SCRIPT = new URL('./pool-test-worker.mjs', import.meta.url);
const pools: WorkerPool<Job, unknown>[] = [];

function pool(limits: Partial<PoolLimits>): WorkerPool<Job, unknown> {
  const created = new WorkerPool<Job, unknown>(SCRIPT, { size: 1, queue: 8, timeMs: 5_000, heapMb: 64, ...limits });
  pools.push(created);
  return created;
}

afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

describe('format worker pool', () => {
  it('stops a job that hangs at its time limit, and the next job is answered by a fresh worker', async () => {
    const p = pool({ timeMs: 500 });
    const started = performance.now();
    expect(await p.run({ act: 'hang' })).toEqual({ kind: 'timeout' });
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(await p.run({ act: 'echo', value: { 名称: '番禺区' } })).toEqual({ kind: 'done', value: { 名称: '番禺区' } });
  });

  it('ends a job that grows past its heap limit without harming the process, then keeps serving', async () => {
    const p = pool({ heapMb: 32, timeMs: 20_000 });
    const outcome = await p.run({ act: 'grow' });
    expect(outcome.kind).toBe('memory');
    expect(await p.run({ act: 'echo', value: 1 })).toEqual({ kind: 'done', value: 1 });
  });

  it('reports a job that throws or kills its worker, and keeps serving', async () => {
    const p = pool({});
    expect(await p.run({ act: 'throw' })).toEqual({ kind: 'threw', detail: 'refused on purpose' });
    expect(await p.run({ act: 'die' })).toEqual({ kind: 'threw', detail: 'the worker exited (3)' });
    expect(await p.run({ act: 'echo', value: 'ok' })).toEqual({ kind: 'done', value: 'ok' });
  });

  it('runs at most `size` jobs at once, all of them in turn', async () => {
    const p = pool({ size: 2 });
    const outcomes = await Promise.all(Array.from({ length: 6 }, () => p.run({ act: 'sleep', ms: 150 })));
    const spans = outcomes.map((o) => (o.kind === 'done' ? (o.value as { started: number; ended: number }) : null));
    expect(spans.every((s) => s !== null)).toBe(true);
    const overlapping = (at: number): number => spans.filter((s) => s !== null && s.started <= at && at < s.ended).length;
    const most = Math.max(...spans.map((s) => overlapping(s?.started ?? 0)));
    expect(most).toBe(2);
  });

  it('refuses a job when `queue` jobs already wait, and takes jobs again once they are done', async () => {
    const p = pool({ size: 1, queue: 1 });
    const running = p.run({ act: 'sleep', ms: 300 });
    const waiting = p.run({ act: 'sleep', ms: 10 });
    await expect(p.run({ act: 'echo', value: 'late' })).rejects.toBeInstanceOf(PoolBusyError);
    expect((await running).kind).toBe('done');
    expect((await waiting).kind).toBe('done');
    expect(await p.run({ act: 'echo', value: 'again' })).toEqual({ kind: 'done', value: 'again' });
  });

  it('ends running and waiting jobs when closed', async () => {
    const p = pool({ size: 1, timeMs: 20_000 });
    const running = p.run({ act: 'hang' });
    const waiting = p.run({ act: 'echo', value: 1 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await p.close();
    expect((await running).kind).toBe('threw');
    expect(await waiting).toEqual({ kind: 'threw', detail: 'the format workers are shut down' });
    expect(p.load).toEqual({ running: 0, waiting: 0 });
  });
});
