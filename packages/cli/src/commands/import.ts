/**
 * `jixiao import <files | folders | .zip …> --region R [--year Y]`: the finance bureau's bulk import. The
 * command gathers the files (folders walked, .zip archives read with a small bounded reader), hands their
 * bytes to the server's bulk-import service and prints its per-file report; a progress bar on stderr when
 * that is a terminal.
 */
import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { SingleBar } from 'cli-progress';
import type { Lang } from '@jixiao/core';
import { problemMessage, renderMessage } from '@jixiao/core';
import type { BulkImportEntry, BulkImportReport, ZipContents } from '@jixiao/server';
import { bulkEntry, bulkImport, countOutcomes, findRegionByName, isZipName, loadConfig, readZip, useFormatWorkersFor, withServices } from '@jixiao/server';
import type { CliIo } from '../cli-io.js';
import { processIo } from '../cli-io.js';
import type { ExitCode } from '../exit-codes.js';
import { EXIT } from '../exit-codes.js';
import { MAX_INPUT_BYTES, readInput } from '../read-input.js';

/** Options of `jixiao import`. */
export interface ImportOptions {
  /** The year of every form; absent: each form's own year. */
  year?: string | undefined;
  region: string;
  databaseUrl?: string | undefined;
  createDepartments?: boolean | undefined;
  format: 'text' | 'json';
  lang: Lang;
}

/** Bounds of the .zip reader: no archive of forms comes near them; a zip bomb does. */
const ZIP_LIMITS = { entries: 2000, entryBytes: MAX_INPUT_BYTES, totalBytes: 512 * 1024 * 1024, ratio: 200 } as const;

/** The files named on the command line: folders walked (sorted, so reports repeat), .zip archives opened. */
async function gather(paths: readonly string[]): Promise<ZipContents> {
  const out: ZipContents = { files: [], refusals: [] };
  const add = async (path: string): Promise<void> => {
    const info = await stat(path).catch(() => null);
    if (info?.isDirectory()) {
      for (const name of (await readdir(path)).sort()) if (!name.startsWith('.')) await add(join(path, name));
      return;
    }
    const read = await readInput(path);
    if (!read.ok) {
      out.refusals.push(bulkEntry(path, 'refused', read.problem.code, read.problem.params));
      return;
    }
    if (isZipName(path)) {
      const zip = readZip(path, read.bytes, ZIP_LIMITS);
      out.files.push(...zip.files);
      out.refusals.push(...zip.refusals);
      return;
    }
    out.files.push({ name: path, bytes: read.bytes });
  };
  for (const path of paths) await add(path);
  return out;
}

const MARK: Record<BulkImportEntry['outcome'], string> = { imported: '✓', importedWithFindings: '✓', updated: '↻', unchanged: '=', needsConfirmation: '?', skipped: '-', refused: '✗' };

function printEntry(e: BulkImportEntry, lang: Lang, io: CliIo): void {
  io.out(`${MARK[e.outcome]} ${e.file}\n    ${renderMessage(e.code, e.params, lang)}\n`);
  if (e.departmentCreated) io.out(`    ${renderMessage('bulkImport.departmentCreated', { department: e.departmentName ?? '' }, lang)}\n`);
  if (e.outcome === 'refused') for (const p of e.problems.filter((x) => x.severity === 'error')) io.out(`    - ${problemMessage(p, lang)}\n`);
}

function printSummary(report: BulkImportReport, lang: Lang, io: CliIo): void {
  const c = report.counts;
  io.out(`${renderMessage('bulkImport.summary', { files: report.entries.length, imported: c.imported + c.importedWithFindings, updated: c.updated, unchanged: c.unchanged, needsConfirmation: c.needsConfirmation, refused: c.refused }, lang)}\n`);
}

/**
 * Imports the files into the region's departments (for the year, or each form's own) and prints the report,
 * file by file as each is committed (so an interrupted run shows what is done); exit 2 when any file was
 * refused or waits.
 */
export async function runImport(paths: readonly string[], options: ImportOptions, io: CliIo): Promise<ExitCode> {
  const year = options.year === undefined ? null : Number(options.year);
  if (year !== null && (!Number.isInteger(year) || year < 1990 || year > 2100)) {
    io.err(`年度应为四位数字 / --year must be a year such as 2021, not “${options.year}”\n`);
    return EXIT.unreadable;
  }
  const gathered = await gather(paths);
  // No requests to answer here: the files are read on every core while the database stores them.
  useFormatWorkersFor('command');
  const config = loadConfig(process.env, { databaseUrl: options.databaseUrl });
  return withServices(config, async (ctx) => {
    const regionId = await findRegionByName(ctx.db, options.region);
    if (regionId === null) {
      io.err(`找不到地区 / no region “${options.region}”\n`);
      return EXIT.unreadable;
    }
    const text = options.format === 'text';
    const bar = io === processIo && process.stderr.isTTY ? new SingleBar({ stream: process.stderr, format: '{bar} {value}/{total} {file}', hideCursor: true }) : null;
    bar?.start(gathered.files.length, 0, { file: '' });
    const report = await bulkImport(ctx, {
      regionId,
      year,
      files: gathered.files,
      createDepartments: options.createDepartments === true,
      userId: 'system',
      onProgress: (done, _total, e) => {
        bar?.update(done, { file: basename(e.file) });
        if (text && bar === null) printEntry(e, options.lang, io);
      },
    });
    bar?.stop();
    const entries = [...report.entries, ...gathered.refusals];
    const all: BulkImportReport = { entries, counts: countOutcomes(entries) };
    if (!text) {
      const presented = all.entries.map((e) => ({ ...e, message: renderMessage(e.code, e.params, options.lang), problems: e.problems.map((p) => ({ ...p, message: problemMessage(p, options.lang) })) }));
      io.out(`${JSON.stringify({ counts: all.counts, entries: presented }, null, 2)}\n`);
    } else {
      // Behind a progress bar the entries wait until it is gone; otherwise they were printed as they came.
      for (const e of bar === null ? gathered.refusals : all.entries) printEntry(e, options.lang, io);
      printSummary(all, options.lang, io);
    }
    return all.counts.refused + all.counts.needsConfirmation > 0 ? EXIT.unreadable : EXIT.ok;
  });
}
