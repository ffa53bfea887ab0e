// A worker thread of the server's format pool (src/services/format-workers): reads uploaded forms and
// writes exports with io, off the request loop. Each message is one job `{ id, job }`; each answer is
// `{ id, result }` or `{ id, threw }`. Plain JavaScript over the built io (packages/io/dist), because a
// worker thread cannot load TypeScript — the same file serves the built server and the tests.
import { parentPort } from 'node:worker_threads';
import { readForm, writeForm } from '@jixiao/io';

/** Bytes over an ArrayBuffer of their own, so it can be transferred rather than copied. */
function ownBuffer(bytes) {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
}

parentPort?.on('message', async ({ id, job }) => {
  try {
    if (job.kind === 'read') {
      parentPort?.postMessage({ id, result: await readForm({ fileName: job.fileName, bytes: job.bytes }) });
      return;
    }
    const written = await writeForm(job.form, job.extension, job.options);
    if (!written.ok) {
      parentPort?.postMessage({ id, result: written });
      return;
    }
    const bytes = ownBuffer(written.bytes);
    parentPort?.postMessage({ id, result: { ok: true, bytes } }, [bytes.buffer]);
  } catch (error) {
    parentPort?.postMessage({ id, threw: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
