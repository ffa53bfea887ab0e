/**
 * The open-data package of a year as files: summaries.csv, expenditure.csv, indicators.csv and the
 * datapackage.json that describes them — bytes only (the server sends them, the CLI writes them) — and
 * the same files as one .zip. Forms are put in the public ranking order first (core's rankForms).
 */
import { rankForms } from '@jixiao/core';
import { csvText } from '../csv/csv-text.js';
import { dataPackageDescriptor } from './datapackage.js';
import { writeFieldValue } from './open-data-field.js';
import type { OpenDataInput } from './open-data-input.js';
import { OPEN_DATA_TABLES } from './open-data-tables.js';

/** One file of the package. */
export interface OpenDataFile {
  path: string;
  mediaType: string;
  bytes: Uint8Array;
}

/** The name of the descriptor inside the package. */
export const DATAPACKAGE_PATH = 'datapackage.json';

/** The files of the package, datapackage.json first. */
export function openDataFiles(input: OpenDataInput): OpenDataFile[] {
  const forms = rankForms(input.forms);
  const encoder = new TextEncoder();
  const tables = OPEN_DATA_TABLES.map((table) => {
    const rows = table.rows(forms).map((row) => table.fields.map((field) => writeFieldValue(field, row[field.name] ?? null)));
    const bytes = encoder.encode(csvText(table.fields.map((f) => f.name), rows));
    return { path: table.path, mediaType: 'text/csv; charset=utf-8', bytes };
  });
  const descriptor = dataPackageDescriptor(input, OPEN_DATA_TABLES, new Map(tables.map((t) => [t.path, t.bytes.byteLength])));
  const json = encoder.encode(`${JSON.stringify(descriptor, null, 2)}\n`);
  return [{ path: DATAPACKAGE_PATH, mediaType: 'application/json; charset=utf-8', bytes: json }, ...tables];
}

/** The package as one .zip (deflated; every entry stamped with the package's creation time, so the same data makes the same bytes). */
export async function writeOpenDataZip(input: OpenDataInput): Promise<Uint8Array> {
  return zipOpenDataFiles(openDataFiles(input), input.createdAt);
}

/** Files already made by `openDataFiles`, zipped (for a caller that keeps both). */
export async function zipOpenDataFiles(files: readonly OpenDataFile[], createdAt: string): Promise<Uint8Array> {
  const { default: JSZip } = await import('jszip');
  const zip = new JSZip();
  const date = new Date(createdAt);
  // Files at the root, as data-package tools expect datapackage.json.
  for (const file of files) zip.file(file.path, file.bytes, { date, binary: true });
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
