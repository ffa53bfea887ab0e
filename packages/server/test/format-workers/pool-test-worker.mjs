// A worker for the pool's own tests (worker-pool.test.ts): each job says what to do — answer, answer
// after a while (with when it started and ended, to see how many ran at once), hang, grow without bound,
// throw, or die. Production never runs it.
import { parentPort } from 'node:worker_threads';

parentPort?.on('message', async ({ id, job }) => {
  switch (job.act) {
    case 'echo':
      parentPort?.postMessage({ id, result: job.value });
      return;
    case 'sleep': {
      const started = Date.now();
      await new Promise((resolve) => setTimeout(resolve, job.ms));
      parentPort?.postMessage({ id, result: { started, ended: Date.now() } });
      return;
    }
    case 'hang':
      for (;;);
    case 'grow': {
      const kept = [];
      for (;;) kept.push(new Array(1e5).fill(kept.length));
    }
    case 'throw':
      parentPort?.postMessage({ id, threw: 'refused on purpose' });
      return;
    case 'die':
      process.exit(3);
  }
});
