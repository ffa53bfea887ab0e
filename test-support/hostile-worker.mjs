// A worker that misbehaves on request, to prove test-support/bounded-worker.ts holds its limits: it hangs,
// grows without bound, dies of an uncaught error, or answers.
import { parentPort } from 'node:worker_threads';

parentPort?.on('message', ({ id, act }) => {
  if (act === 'hang') for (;;);
  if (act === 'grow') {
    const hoard = [];
    for (;;) hoard.push(new Array(1_000_000).fill(hoard.length));
  }
  if (act === 'die') setTimeout(() => { throw new Error('uncaught in the worker'); }, 0);
  else parentPort?.postMessage({ id, result: `did ${act}` });
});
