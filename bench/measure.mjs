// Timing helpers for the benchmarks: medians of batches, so one slow batch (GC, a noisy neighbour) does not
// decide a figure. Figures are reported as ratios against a floor measured in the same run.
import { performance } from 'node:perf_hooks';

/** Median milliseconds per call of `fn`, over `batches` batches of calls lasting about `batchMs` each. */
export async function medianMs(fn, { batches = 15, batchMs = 40, warmupMs = 1500 } = {}) {
  // Warm up long enough for the JIT's optimising tiers (a few hundred calls of a cold function can be
  // several times slower than steady state), then find how many calls make a batch.
  const warmupEnd = performance.now() + warmupMs;
  while (performance.now() < warmupEnd) await fn();
  let calls = 1;
  for (;;) {
    const start = performance.now();
    for (let i = 0; i < calls; i++) await fn();
    const elapsed = performance.now() - start;
    if (elapsed >= batchMs / 4 || calls >= 1 << 20) {
      calls = Math.max(1, Math.round((calls * batchMs) / Math.max(elapsed, 0.001)));
      break;
    }
    calls *= 2;
  }
  const perCall = [];
  for (let b = 0; b < batches; b++) {
    const start = performance.now();
    for (let i = 0; i < calls; i++) await fn();
    perCall.push((performance.now() - start) / calls);
  }
  perCall.sort((a, b) => a - b);
  return perCall[Math.floor(perCall.length / 2)];
}

/** A table row: the figure, its floor, and the ratio. */
export function ratioRow(name, ms, floorName, floorMs, goal) {
  const ratio = ms / floorMs;
  return { name, ms, floorName, floorMs, ratio, goal, ok: goal === undefined ? undefined : ratio <= goal };
}
