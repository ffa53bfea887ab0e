/**
 * Reading ahead: results in the items' order whatever order the reads finish in, never more than the depth in
 * flight, the next read started before the caller is handed the current one, and a failed read thrown in its turn.
 */
import { describe, expect, it } from 'vitest';
import { readAhead } from '../../src/services/format-workers/read-ahead.js';

/** A read whose finishing the test controls, counting how many run at once. */
function controlledReads() {
  const pending = new Map<number, { resolve: (v: string) => void; reject: (e: Error) => void }>();
  const started: number[] = [];
  let inFlight = 0;
  let most = 0;
  const read = (item: number): Promise<string> => {
    started.push(item);
    inFlight++;
    most = Math.max(most, inFlight);
    return new Promise<string>((resolve, reject) => pending.set(item, { resolve, reject })).finally(() => inFlight--);
  };
  return { read, pending, started, most: () => most };
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('read-ahead', () => {
  it('yields in order although later reads finish first, with at most depth in flight', async () => {
    const c = controlledReads();
    const got: string[] = [];
    const consuming = (async () => {
      for await (const r of readAhead([1, 2, 3, 4, 5], c.read, 2)) got.push(r);
    })();
    await tick();
    expect(c.started).toEqual([1, 2]);
    c.pending.get(2)?.resolve('b');
    await tick();
    expect(got).toEqual([]);
    c.pending.get(1)?.resolve('a');
    await tick();
    // The third read started as soon as the first was taken, before the caller finished with it.
    expect(got).toEqual(['a', 'b']);
    expect(c.started).toEqual([1, 2, 3, 4]);
    for (const i of [4, 3, 5]) {
      await tick();
      c.pending.get(i)?.resolve(String.fromCharCode(96 + i));
    }
    await consuming;
    expect(got).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(c.most()).toBe(2);
  });

  it('keeps reading ahead while the caller is busy with an earlier result', async () => {
    const c = controlledReads();
    let release = (): void => undefined;
    const consuming = (async () => {
      for await (const r of readAhead([1, 2, 3], c.read, 3)) if (r === 'a') await new Promise<void>((resolve) => (release = resolve));
    })();
    await tick();
    expect(c.started).toEqual([1, 2, 3]);
    c.pending.get(1)?.resolve('a');
    c.pending.get(2)?.resolve('b');
    c.pending.get(3)?.resolve('c');
    await tick();
    release();
    await consuming;
    expect(c.most()).toBe(3);
  });

  it('throws a failed read in its turn, after the results before it, with no unhandled rejection', async () => {
    const c = controlledReads();
    const got: string[] = [];
    const consuming = (async () => {
      for await (const r of readAhead([1, 2, 3], c.read, 3)) got.push(r);
    })();
    await tick();
    c.pending.get(3)?.reject(new Error('third failed first'));
    c.pending.get(2)?.reject(new Error('second is unreadable'));
    c.pending.get(1)?.resolve('a');
    await expect(consuming).rejects.toThrow('second is unreadable');
    expect(got).toEqual(['a']);
  });

  it('refuses a depth that is not a positive whole number', async () => {
    const none = readAhead([1], async () => 'x', 0);
    await expect(none.next()).rejects.toThrow('read-ahead depth must be a positive whole number, not 0');
  });
});
