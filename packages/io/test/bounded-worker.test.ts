/**
 * The bound the fuzz runs rely on holds: an input that hangs is stopped at the time limit, one that grows
 * without bound is stopped at the memory limit, one that kills its worker is reported — each without taking
 * the test process with it — and the next input runs in a fresh worker.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { BoundedWorker } from '../../../test-support/bounded-worker.js';

describe('a bounded worker', () => {
  const worker = new BoundedWorker<{ act: string }, string>(new URL('../../../test-support/hostile-worker.mjs', import.meta.url), { timeMs: 1000, memoryMb: 64 });
  afterAll(async () => worker.close());

  it('answers an input that behaves', async () => {
    expect(await worker.run({ act: 'echo' })).toMatchObject({ kind: 'done', value: 'did echo' });
  });

  it('stops an input that hangs at the time limit, and runs the next in a fresh worker', async () => {
    const hung = await worker.run({ act: 'hang' });
    expect(hung.kind).toBe('timeout');
    expect(hung.ms).toBeGreaterThanOrEqual(1000);
    expect(hung.ms).toBeLessThan(5000);
    expect(worker.cold).toBe(true);
    expect(await worker.run({ act: 'echo' })).toMatchObject({ kind: 'done', value: 'did echo' });
  });

  it('stops an input that grows without bound at the memory limit', async () => {
    const grown = await worker.run({ act: 'grow' }, 30_000);
    expect(grown.kind).toBe('memory');
    expect(await worker.run({ act: 'echo' })).toMatchObject({ kind: 'done', value: 'did echo' });
  });

  it('reports an input whose worker dies', async () => {
    const died = await worker.run({ act: 'die' });
    expect(died).toMatchObject({ kind: 'threw' });
    if (died.kind === 'threw') expect(died.detail).toContain('uncaught in the worker');
  });
});
