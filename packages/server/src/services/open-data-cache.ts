/**
 * Anyone may download a year's open-data package, and making one reads and writes every published form of
 * the year: the package of each year is kept and served again while the year's published forms stand as they
 * did (same count, same last change — one cheap query) and for at most a minute (renaming a department or a
 * region changes the package without touching a form). A burst of downloads costs one build; a form
 * published in between is in the very next download. One cache per app server, a handful of years.
 */
import type { OpenDataFile } from '@jixiao/io';
import { openDataFiles, zipOpenDataFiles } from '@jixiao/io';
import { publishedStamp } from '../db/repositories/publication-repository.js';
import type { ServiceContext } from './context.js';
import { openDataInput } from './open-data-service.js';

/** A year's package: its files and the same files zipped. */
export interface OpenDataPackage {
  files: readonly OpenDataFile[];
  zip: Uint8Array;
}

interface Entry {
  stamp: string;
  madeAt: number;
  made: Promise<OpenDataPackage>;
}

/** The last package of each year (see the module comment). */
export class OpenDataCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly maxAgeMs = 60_000,
    private readonly maxEntries = 8,
  ) {}

  /** The package of a year, made afresh only when the year's published forms changed or the kept one is too old. */
  async package(ctx: ServiceContext, year: number, sourceUrl: string): Promise<OpenDataPackage> {
    const { count, lastChange } = await publishedStamp(ctx.db, year);
    const stamp = `${count}|${lastChange ?? ''}`;
    const key = `${year}|${sourceUrl}`;
    const now = ctx.clock().getTime();
    const kept = this.entries.get(key);
    if (kept !== undefined && kept.stamp === stamp && now - kept.madeAt <= this.maxAgeMs) return kept.made;
    const made = (async () => {
      const input = await openDataInput(ctx, year, sourceUrl);
      const files = openDataFiles(input);
      return { files, zip: await zipOpenDataFiles(files, input.createdAt) };
    })();
    this.entries.delete(key);
    this.entries.set(key, { stamp, madeAt: now, made });
    // A refusal (nothing published) or a failure is not kept.
    made.catch(() => {
      if (this.entries.get(key)?.made === made) this.entries.delete(key);
    });
    // The oldest kept year goes first when there are too many.
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return made;
  }
}
