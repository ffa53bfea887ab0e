/**
 * A small bounded .zip reader for bulk import (the command line's archives and the web's uploads): the
 * central directory is read, stored and deflated entries inflated in memory, and anything unsafe (a path
 * that climbs, an entry too large or too compressed, a broken archive) refused with its reason.
 */
import { inflateRawSync } from 'node:zlib';
import type { BulkImportEntry, BulkImportFile } from './bulk-import-service.js';
import { bulkEntry } from './bulk-import-service.js';

/** Bounds of the reader: no archive of forms comes near them; a zip bomb does. */
export interface ZipLimits {
  entries: number;
  entryBytes: number;
  totalBytes: number;
  /** Largest uncompressed / compressed size of an entry. */
  ratio: number;
}

/** What an archive gave: its files, and the entries (or the archive itself) refused with their reason. */
export interface ZipContents {
  files: BulkImportFile[];
  refusals: BulkImportEntry[];
}

/** Whether a file's name says it is a .zip archive. */
export function isZipName(name: string): boolean {
  return name.toLowerCase().endsWith('.zip');
}

/** Reads a .zip's central directory and inflates its entries (stored or deflated), refusing anything unsafe. */
export function readZip(archive: string, bytes: Uint8Array, limits: ZipLimits): ZipContents {
  const out: ZipContents = { files: [], refusals: [] };
  const invalid = (detail: string): ZipContents => ({ files: [], refusals: [bulkEntry(archive, 'refused', 'bulkImport.zipInvalid', { detail })] });
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
  if (count > limits.entries) return invalid(`more than ${limits.entries} entries`);
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
    const unsafe = (detail: string): void => void out.refusals.push(bulkEntry(label, 'refused', 'bulkImport.zipUnsafe', { entry: name, detail }));
    // Entries are only ever read into memory, never written out; a path that climbs is still refused.
    if (name.startsWith('/') || name.includes('\\') || name.split('/').includes('..') || /^[a-z]:/iu.test(name)) {
      unsafe('path outside the archive');
      continue;
    }
    if (size > limits.entryBytes || (total += size) > limits.totalBytes || size > Math.max(compressed, 1) * limits.ratio) {
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
