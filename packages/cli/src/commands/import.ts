/**
 * `jixiao import <files | folders | .zip …> --year Y --region R`: the finance bureau's bulk import. The
 * command gathers the files (folders walked, .zip archives read with a small bounded reader), hands their
 * bytes to the server's bulk-import service and prints its per-file report; a progress bar on stderr when
 * that is a terminal.
 */
import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { SingleBar } from 'cli-progress';
import type { Lang, MessageParams } from '@jixiao/core';
import { problemMessage, renderMessage } from '@jixiao/core';
import type { BulkImportEntry, BulkImportFile, BulkImportReport } from '@jixiao/server';
import { bulkImport, findRegionByName, loadConfig, withServices } from '@jixiao/server';
import type { CliIo } from '../cli-io.js';
import { processIo } from '../cli-io.js';
import type { ExitCode } from '../exit-codes.js';
import { EXIT } from '../exit-codes.js';
import { MAX_INPUT_BYTES, readInput } from '../read-input.js';

/** Options of `jixiao import`. */
export interface ImportOptions {
  year: string;
  region: string;
  databaseUrl?: string | undefined;
  createDepartments?: boolean | undefined;
  format: 'text' | 'json';
  lang: Lang;
}

/** Bounds of the .zip reader: no archive of forms comes near them; a zip bomb does. */
const ZIP_LIMITS = { entries: 2000, entryBytes: MAX_INPUT_BYTES, totalBytes: 512 * 1024 * 1024, ratio: 200 } as const;

/** A file that could not be gathered: refused in the report with its reason. */
interface Refusal {
  file: string;
  code: string;
  params: MessageParams;
}

type Gathered = { files: BulkImportFile[]; refusals: Refusal[] };

/** Reads a .zip's central directory and inflates its entries (stored or deflated), refusing anything unsafe. */
export function readZip(archive: string, bytes: Uint8Array): Gathered {
  const out: Gathered = { files: [], refusals: [] };
  const invalid = (detail: string): Gathered => ({ files: [], refusals: [{ file: archive, code: 'bulkImport.zipInvalid', params: { detail } }] });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record lies within the last 22 + 65535 bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return invalid('no end of central directory');
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  if (count > ZIP_LIMITS.entries) return invalid(`more than ${ZIP_LIMITS.entries} entries`);
  let total = 0;
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return invalid('broken central directory');
    const method = view.getUint16(at + 10, true);
    const compressed = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const localAt = view.getUint32(at + 42, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
    if (name.endsWith('/')) continue;
    const label = `${archive}!${name}`;
    const unsafe = (detail: string): void => void out.refusals.push({ file: label, code: 'bulkImport.zipUnsafe', params: { entry: name, detail } });
    // Entries are only ever read into memory, never written out; a path that climbs is still refused.
    if (name.startsWith('/') || name.includes('\\') || name.split('/').includes('..') || /^[a-z]:/iu.test(name)) {
      unsafe('path outside the archive');
      continue;
    }
    if (size > ZIP_LIMITS.entryBytes || (total += size) > ZIP_LIMITS.totalBytes || size > Math.max(compressed, 1) * ZIP_LIMITS.ratio) {
      unsafe('too large or too compressed');
      continue;
    }
    if (localAt + 30 > bytes.length || view.getUint32(localAt, true) !== 0x04034b50) return invalid(`broken entry ${name}`);
    const dataAt = localAt + 30 + view.getUint16(localAt + 26, true) + view.getUint16(localAt + 28, true);
    const data = bytes.subarray(dataAt, dataAt + compressed);
    if (data.length !== compressed) return invalid(`truncated entry ${name}`);
    try {
      const content = method === 0 ? data : method === 8 ? inflateRawSync(data, { maxOutputLength: size }) : null;
      if (content === null) unsafe(`compression method ${method}`);
      else if (content.length !== size) unsafe('size differs from the directory');
      else out.files.push({ name: label, bytes: new Uint8Array(content) });
    } catch (error) {
      unsafe(`cannot inflate: ${(error as Error).message}`);
    }
  }
  return out;
}

/** The files named on the command line: folders walked (sorted, so reports repeat), .zip archives opened. */
async function gather(paths: readonly string[]): Promise<Gathered> {
  const out: Gathered = { files: [], refusals: [] };
  const add = async (path: string): Promise<void> => {
    const info = await stat(path).catch(() => null);
    if (info?.isDirectory()) {
      for (const name of (await readdir(path)).sort()) if (!name.startsWith('.')) await add(join(path, name));
      return;
    }
    const read = await readInput(path);
    if (!read.ok) {
      out.refusals.push({ file: path, code: read.problem.code, params: read.problem.params });
      return;
    }
    if (basename(path).toLowerCase().endsWith('.zip')) {
      const zip = readZip(path, read.bytes);
      out.files.push(...zip.files);
      out.refusals.push(...zip.refusals);
      return;
    }
    out.files.push({ name: path, bytes: read.bytes });
  };
  for (const path of paths) await add(path);
  return out;
}

function refusedEntry(r: Refusal): BulkImportEntry {
  return { file: r.file, outcome: 'refused', code: r.code, params: r.params, departmentName: null, departmentCreated: false, formId: null, problems: [], errorCount: 0, warningCount: 0 };
}

const MARK: Record<BulkImportEntry['outcome'], string> = { imported: '✓', importedWithFindings: '✓', updated: '↻', unchanged: '=', needsConfirmation: '?', refused: '✗' };

function printText(report: BulkImportReport, lang: Lang, io: CliIo): void {
  for (const e of report.entries) {
    io.out(`${MARK[e.outcome]} ${e.file}\n    ${renderMessage(e.code, e.params, lang)}\n`);
    if (e.departmentCreated) io.out(`    ${renderMessage('bulkImport.departmentCreated', { department: e.departmentName ?? '' }, lang)}\n`);
    if (e.outcome === 'refused') for (const p of e.problems.filter((x) => x.severity === 'error')) io.out(`    - ${problemMessage(p, lang)}\n`);
  }
  const c = report.counts;
  io.out(`${renderMessage('bulkImport.summary', { files: report.entries.length, imported: c.imported + c.importedWithFindings, updated: c.updated, unchanged: c.unchanged, needsConfirmation: c.needsConfirmation, refused: c.refused }, lang)}\n`);
}

/** Imports the files into the region's departments for the year and prints the report; exit 2 when any file was refused or waits. */
export async function runImport(paths: readonly string[], options: ImportOptions, io: CliIo): Promise<ExitCode> {
  const year = Number(options.year);
  if (!Number.isInteger(year) || year < 1990 || year > 2100) {
    io.err(`年度应为四位数字 / --year must be a year such as 2021, not “${options.year}”\n`);
    return EXIT.unreadable;
  }
  const gathered = await gather(paths);
  const config = loadConfig(process.env, { databaseUrl: options.databaseUrl });
  return withServices(config, async (ctx) => {
    const regionId = await findRegionByName(ctx.db, options.region);
    if (regionId === null) {
      io.err(`找不到地区 / no region “${options.region}”\n`);
      return EXIT.unreadable;
    }
    const bar = io === processIo && process.stderr.isTTY ? new SingleBar({ stream: process.stderr, format: '{bar} {value}/{total} {file}', hideCursor: true }) : null;
    bar?.start(gathered.files.length, 0, { file: '' });
    const report = await bulkImport(ctx, {
      regionId,
      year,
      files: gathered.files,
      createDepartments: options.createDepartments === true,
      userId: 'system',
      onProgress: (done, _total, e) => bar?.update(done, { file: basename(e.file) }),
    });
    bar?.stop();
    const refused = gathered.refusals.map(refusedEntry);
    const all: BulkImportReport = { entries: [...report.entries, ...refused], counts: { ...report.counts, refused: report.counts.refused + refused.length } };
    if (options.format === 'json') {
      const entries = all.entries.map((e) => ({ ...e, message: renderMessage(e.code, e.params, options.lang), problems: e.problems.map((p) => ({ ...p, message: problemMessage(p, options.lang) })) }));
      io.out(`${JSON.stringify({ counts: all.counts, entries }, null, 2)}\n`);
    } else {
      printText(all, options.lang, io);
    }
    return all.counts.refused + all.counts.needsConfirmation > 0 ? EXIT.unreadable : EXIT.ok;
  });
}
