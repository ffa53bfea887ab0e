/**
 * `jixiao publish open-data --year Y --out file.zip`: the year's open-data package (published forms only)
 * written to a file, the same bytes the public download serves — for a publication site fed by scripts.
 * A year with nothing published is refused with the API's message in both languages and exit 2.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { renderMessage } from '@jixiao/core';
import { writeOpenDataZip } from '@jixiao/io';
import { ApiError, loadConfig, openDataInput, withServices } from '@jixiao/server';
import type { CliIo } from '../cli-io.js';
import type { ExitCode } from '../exit-codes.js';
import { EXIT } from '../exit-codes.js';

/** The options of `publish open-data`. */
export interface PublishOpenDataOptions {
  year: string;
  out: string;
  /** Where the public index of the year is read, named as the source in datapackage.json. */
  sourceUrl?: string | undefined;
  databaseUrl?: string | undefined;
}

/** Writes the package of a year. */
export async function runPublishOpenData(options: PublishOpenDataOptions, io: CliIo): Promise<ExitCode> {
  const year = Number(options.year);
  if (!Number.isInteger(year) || year < 1990 || year > 2200) {
    io.err(`年度无效 / not a year: “${options.year}”\n`);
    return EXIT.unreadable;
  }
  const config = loadConfig(process.env, { databaseUrl: options.databaseUrl });
  return withServices(config, async (ctx) => {
    try {
      const input = await openDataInput(ctx, year, options.sourceUrl ?? `/public/${year}`);
      const bytes = await writeOpenDataZip(input);
      await writeFile(resolve(options.out), bytes);
      io.out(`已写出开放数据 / open data written: ${options.out} — ${year} 年度 ${input.forms.length} 份已公开自评表 / ${input.forms.length} published form(s), ${bytes.byteLength} bytes\n`);
      return EXIT.ok;
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      io.err(`${renderMessage(error.code, error.params, 'zh')}\n${renderMessage(error.code, error.params, 'en')}\n`);
      return EXIT.unreadable;
    }
  });
}
