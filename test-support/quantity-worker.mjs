// A worker thread that runs the quantity parser for the bounded fuzz runs (test-support/bounded-worker.ts):
// each message is one target/actual pair, each answer the figures read from both and the assessment. Runs
// the built core (packages/core/dist), because a worker thread cannot load TypeScript; the runner refuses a
// build older than the sources.
import { parentPort } from 'node:worker_threads';
import { assessTarget, parseMeasure } from '@jixiao/core';

parentPort?.on('message', ({ id, target, actual }) => {
  try {
    const values = [target, actual].map((text) => ({ text, values: parseMeasure(text).quantities.map((q) => q.value) }));
    parentPort?.postMessage({ id, result: { values, assessment: assessTarget(target, actual) } });
  } catch (error) {
    parentPort?.postMessage({ id, threw: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
