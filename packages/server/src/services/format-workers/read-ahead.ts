/**
 * Reading ahead of storing: a batch's files are read (in the format workers) while the caller stores the ones
 * already read, so the workers never wait for the database and the database never waits for a worker that
 * could have started earlier. Results come back in the items' order. At most `depth` reads are in flight, so a
 * long batch never holds more than that many read forms at once, nor more than that many of the pool's slots.
 */
import { formatWorkerCount } from './format-pool.js';

/** Reads in flight for a batch: one per format worker, and one waiting so a worker never idles between files. */
export function readAheadDepth(): number {
  return formatWorkerCount() + 1;
}

/** `read` over `items` with up to `depth` in flight, yielded in order; a failed read throws where it is yielded. */
export async function* readAhead<T, R>(items: readonly T[], read: (item: T) => Promise<R>, depth: number = readAheadDepth()): AsyncGenerator<R> {
  if (!Number.isInteger(depth) || depth < 1) throw new Error(`read-ahead depth must be a positive whole number, not ${depth}`);
  const inFlight: Promise<R>[] = [];
  let next = 0;
  const fill = (): void => {
    while (next < items.length && inFlight.length < depth) {
      const reading = read(items[next++] as T);
      // Awaited in turn below; this only keeps a failure from counting as unhandled while it waits (or when
      // the caller stops early and never asks for it).
      reading.catch(() => undefined);
      inFlight.push(reading);
    }
  };
  fill();
  for (let reading = inFlight.shift(); reading !== undefined; reading = inFlight.shift()) {
    const result = await reading;
    // The next read starts before the caller is handed this result, so it runs while the caller stores.
    fill();
    yield result;
  }
}
