/**
 * Checking a workbook's zip before exceljs inflates it. An .xlsx is a zip archive, and a hostile one can
 * be tiny yet unpack to gigabytes (a "zip bomb"), which would exhaust memory before any error. So the
 * central directory is read first: the declared unpacked sizes must stay within a limit, and every
 * entry is then inflated with that declared size as a hard cap, so an archive that lies about its
 * sizes is caught too — unless the archive is so small that even lying it cannot unpack to much. Old .xls files and password-protected workbooks (both OLE compound files) and
 * files that are not zips at all are told apart for the message.
 */
import { inflateRawSync } from 'node:zlib';
import type { Problem } from '@jixiao/core';

/** Unpacked bytes a workbook may hold: a form unpacks to well under 1 MB. */
export const MAX_UNPACKED_BYTES = 20 * 1024 * 1024;
/** Entries a workbook may hold. */
const MAX_ENTRIES = 2000;
/** Deflate never unpacks more than 1032 bytes per packed byte (its longest match costs about two bits). */
const DEFLATE_MAX_RATIO = 1032;
/** Archives that cannot unpack beyond this, whatever they declare, need no trial inflation. */
const HARMLESS_BYTES = 64 * 1024 * 1024;

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export type ZipCheck = { readonly ok: true } | { readonly ok: false; readonly problem: Problem };

const fail = (code: string, params: Record<string, string | number> = {}): ZipCheck => ({ ok: false, problem: { code, severity: 'error', path: '', params } });
const damaged = (detail: string): ZipCheck => fail('import.xlsx.damaged', { detail });
const megabytes = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);

/** The first bytes of a file, printable, for the message refusing a file that is not a workbook. */
function opening(bytes: Uint8Array): string {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 96)).replace(/\ufffd+$/u, '');
  return [...text]
    .slice(0, 24)
    .map((ch) => ((ch.codePointAt(0) ?? 0) < 0x20 || ch === '\ufffd' ? '·' : ch))
    .join('')
    .trim();
}

function findEndOfCentralDirectory(view: DataView): number {
  const last = view.byteLength - 22;
  for (let at = last; at >= 0 && at >= last - 65_535; at -= 1) if (view.getUint32(at, true) === EOCD) return at;
  return -1;
}

/** Checks a workbook's bytes (see the module comment); ok when exceljs may safely load them. */
export function checkWorkbookZip(bytes: Uint8Array): ZipCheck {
  if (bytes.length >= 8 && OLE_MAGIC.every((b, i) => bytes[i] === b)) return fail('import.xlsx.legacyOrEncrypted');
  if (bytes.length < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) return fail('import.xlsx.notWorkbook', { found: opening(bytes) });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfCentralDirectory(view);
  if (end < 0) return damaged('zip directory missing: the file is cut off or not a zip');
  const count = view.getUint16(end + 10, true);
  const size = view.getUint32(end + 12, true);
  const offset = view.getUint32(end + 16, true);
  if (count > MAX_ENTRIES) return damaged(`${count} entries`);
  if (offset + size > end) return damaged('zip directory out of bounds');
  let at = offset;
  let unpacked = 0;
  const entries: { method: number; packed: number; unpacked: number; local: number; name: string }[] = [];
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > end || view.getUint32(at, true) !== CENTRAL) return damaged('zip directory entry unreadable');
    const method = view.getUint16(at + 10, true);
    const packed = view.getUint32(at + 20, true);
    const entrySize = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const local = view.getUint32(at + 42, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (entrySize === 0xffffffff || packed === 0xffffffff) return fail('import.xlsx.tooLarge', { sizeMb: '≥ 4096', limitMb: megabytes(MAX_UNPACKED_BYTES) });
    unpacked += entrySize;
    if (unpacked > MAX_UNPACKED_BYTES) return fail('import.xlsx.tooLarge', { sizeMb: megabytes(unpacked), limitMb: megabytes(MAX_UNPACKED_BYTES) });
    entries.push({ method, packed, unpacked: entrySize, local, name });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  // A small archive cannot hide a bomb: even lying, it unpacks to at most packed × 1032 bytes.
  if (entries.reduce((sum, e) => sum + e.packed, 0) * DEFLATE_MAX_RATIO <= HARMLESS_BYTES) return { ok: true };
  for (const entry of entries) {
    const problem = checkEntry(bytes, view, entry);
    if (problem !== null) return damaged(problem);
  }
  return { ok: true };
}

/** Inflates one entry, capped at its declared size: null when it is what it says, else what is wrong. */
function checkEntry(bytes: Uint8Array, view: DataView, entry: { method: number; packed: number; unpacked: number; local: number; name: string }): string | null {
  if (entry.local + 30 > bytes.length || view.getUint32(entry.local, true) !== LOCAL) return `entry ${entry.name} unreadable`;
  const start = entry.local + 30 + view.getUint16(entry.local + 26, true) + view.getUint16(entry.local + 28, true);
  if (start + entry.packed > bytes.length) return `entry ${entry.name} cut off`;
  if (entry.method === 0) return entry.packed === entry.unpacked ? null : `entry ${entry.name} has inconsistent sizes`;
  if (entry.method !== 8) return `entry ${entry.name} uses compression method ${entry.method}`;
  try {
    const out = inflateRawSync(bytes.subarray(start, start + entry.packed), { maxOutputLength: Math.max(1, entry.unpacked) });
    return out.length === entry.unpacked ? null : `entry ${entry.name} unpacks to another size than declared`;
  } catch (error) {
    const code = (error as { code?: string }).code;
    return code === 'ERR_BUFFER_TOO_LARGE' ? `entry ${entry.name} unpacks to more than declared` : `entry ${entry.name} cannot be unpacked`;
  }
}
