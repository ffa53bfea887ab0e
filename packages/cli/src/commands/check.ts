/** `jixiao check <files…>`: score and check forms, print the findings, exit 0 / 1 / 2. */
import { basename } from 'node:path';
import type { Lang } from '@jixiao/core';
import { readForm } from '@jixiao/io';
import type { CliIo } from '../cli-io.js';
import type { ExitCode } from '../exit-codes.js';
import { EXIT } from '../exit-codes.js';
import type { CheckReport } from '../present/check-report.js';
import { checkReport } from '../present/check-report.js';
import { formatCheckText } from '../present/format-check-text.js';
import { readInput } from '../read-input.js';

export interface CheckOptions {
  format: 'text' | 'json';
  lang: Lang;
}

/** The report of one file, whatever happens to it. */
export async function checkFile(path: string, lang: Lang): Promise<CheckReport> {
  const input = await readInput(path);
  if (!input.ok) return checkReport(path, null, [input.problem], lang);
  const { value, problems } = await readForm({ fileName: basename(path), bytes: input.bytes });
  return checkReport(path, value, problems, lang);
}

/** The exit code a set of reports calls for: unreadable beats errors beats clean. */
export function exitCodeOf(reports: readonly CheckReport[]): ExitCode {
  if (reports.some((r) => !r.readable)) return EXIT.unreadable;
  if (reports.some((r) => r.counts.error > 0)) return EXIT.formHasErrors;
  return EXIT.ok;
}

export async function runCheck(files: readonly string[], options: CheckOptions, io: CliIo): Promise<ExitCode> {
  const reports: CheckReport[] = [];
  for (const file of files) reports.push(await checkFile(file, options.lang));
  if (options.format === 'json') {
    io.out(`${JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2)}\n`);
  } else {
    io.out(reports.map((r) => formatCheckText(r, options.lang)).join('\n'));
  }
  return exitCodeOf(reports);
}
