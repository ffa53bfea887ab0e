/** The format workers' bounds from the environment: defaults, overrides, and a wrong value refused by name. */
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { formatLimits } from '../../src/services/format-workers/format-limits.js';

describe('format worker limits', () => {
  it('keeps a core for the request loop and bounds the queue, time and heap by default', () => {
    expect(formatLimits({})).toEqual({ size: Math.max(1, availableParallelism() - 1), queue: 64, timeMs: 60_000, heapMb: 512 });
  });

  it('gives a command at the terminal, which answers no requests, a worker per core up to four', () => {
    expect(formatLimits({}, 'command').size).toBe(Math.min(4, availableParallelism()));
    expect(formatLimits({ JIXIAO_FORMAT_WORKERS: '1' }, 'command').size).toBe(1);
  });

  it('takes each bound from the environment', () => {
    expect(formatLimits({ JIXIAO_FORMAT_WORKERS: '3', JIXIAO_FORMAT_QUEUE: '10', JIXIAO_FORMAT_TIME_LIMIT_S: '5', JIXIAO_FORMAT_HEAP_MB: '256' })).toEqual({ size: 3, queue: 10, timeMs: 5_000, heapMb: 256 });
  });

  it('refuses a bound that is not a positive whole number, naming the variable', () => {
    expect(() => formatLimits({ JIXIAO_FORMAT_WORKERS: '0' })).toThrow('JIXIAO_FORMAT_WORKERS must be a positive whole number, not “0”');
    expect(() => formatLimits({ JIXIAO_FORMAT_HEAP_MB: '1.5' })).toThrow(/JIXIAO_FORMAT_HEAP_MB/u);
  });
});
