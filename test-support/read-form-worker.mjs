// A worker thread that reads forms for the bounded fuzz runs (test-support/bounded-worker.ts): each message
// is one input, each answer its outcome, or what it threw. Runs the built io (packages/io/dist), because a
// worker thread cannot load TypeScript; the runner refuses a build older than the sources.
import { parentPort } from 'node:worker_threads';
import { readForm } from '@jixiao/io';

parentPort?.on('message', async ({ id, fileName, bytes }) => {
  try {
    const result = await readForm({ fileName, bytes });
    parentPort?.postMessage({ id, result });
  } catch (error) {
    parentPort?.postMessage({ id, threw: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
