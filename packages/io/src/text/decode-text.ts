/**
 * Bytes to text. Published forms come as UTF-8 (with or without a byte-order mark), UTF-16 with a
 * byte-order mark (Windows "Unicode" text), or GB18030/GBK (older Chinese Windows); anything with NUL
 * bytes or many control characters is binary (a PDF, a spreadsheet) and refused, not decoded into noise.
 */
import type { ImportCode, WithProblems } from '@jixiao/core';
import { ImportProblems } from './problems.js';

/** Bytes examined for control characters: enough to tell, bounded for huge inputs. */
const SAMPLE = 64 * 1024;
/** More than this share of control characters in the sample means binary. */
const MAX_CONTROL_SHARE = 0.01;

/** Why a sample of characters is not text, or null when it is. */
export function binaryReason(codes: ArrayLike<number>, length: number): string | null {
  const n = Math.min(length, SAMPLE);
  let controls = 0;
  for (let i = 0; i < n; i += 1) {
    const c = codes[i] ?? 0;
    if (c === 0) return 'NUL';
    // Tab, line feed, form feed and carriage return are text; other C0 controls and DEL are not.
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) || c === 0x7f) controls += 1;
  }
  return n > 0 && controls / n > MAX_CONTROL_SHARE ? 'control' : null;
}

function detail(reason: string, count: number): string {
  return reason === 'NUL' ? 'NUL bytes' : `${count} bytes, many control characters`;
}

/** Char codes of the first `SAMPLE` characters of a string. */
function sampleCodes(text: string): number[] {
  const n = Math.min(text.length, SAMPLE);
  const codes = new Array<number>(n);
  for (let i = 0; i < n; i += 1) codes[i] = text.charCodeAt(i);
  return codes;
}

/** Why a string is not text (NUL or control characters in its beginning), or null. */
export function textBinaryReason(text: string): string | null {
  return binaryReason(sampleCodes(text), text.length);
}

/** Decodes strictly; `partial` leaves an incomplete character at the end out instead of failing on it. */
function decodeWith(encoding: string, bytes: Uint8Array, partial: boolean): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes, { stream: partial });
  } catch {
    return null;
  }
}

/** Options of `decodeText`. */
export interface DecodeOptions {
  /** Decode at most this many bytes (the rest is reported, not decoded): bounds the work on huge files. */
  maxBytes?: number;
}

/**
 * The text of a file's bytes, with the encoding detected: a byte-order mark decides (UTF-8, UTF-16LE,
 * UTF-16BE); without one, valid UTF-8 is UTF-8, anything else is tried as GB18030 (a superset of GBK
 * and GB2312). Binary and undecodable bytes are refused with `import.notText`.
 */
export function decodeText(input: Uint8Array, options: DecodeOptions = {}): WithProblems<string | null, ImportCode> {
  const problems = new ImportProblems();
  const cut = options.maxBytes !== undefined && input.length > options.maxBytes;
  // UTF-16 code units are two bytes: cut at an even offset.
  const bytes = cut ? input.subarray(0, (options.maxBytes ?? 0) & ~1) : input;
  if (cut) problems.add('import.bytesCut', 'warning', { size: input.length, max: bytes.length });
  const refuse = (why: string): WithProblems<string | null, ImportCode> => {
    problems.add('import.notText', 'error', { detail: why });
    return { value: null, problems: problems.all() };
  };
  if (bytes.length === 0) {
    problems.add('import.empty', 'error');
    return { value: null, problems: problems.all() };
  }
  let encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | null = null;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) encoding = 'utf-8';
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) encoding = 'utf-16le';
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) encoding = 'utf-16be';

  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    const text = decodeWith(encoding, bytes, cut);
    if (text === null) return refuse(`invalid ${encoding.toUpperCase()}`);
    const reason = textBinaryReason(text);
    if (reason !== null) return refuse(detail(reason, bytes.length));
    problems.add('import.encoding', 'info', { encoding: encoding.toUpperCase() });
    return { value: text, problems: problems.all() };
  }
  // UTF-8 and GB18030 keep ASCII control bytes as they are, so the bytes can be checked directly.
  const reason = binaryReason(bytes, bytes.length);
  if (reason !== null) return refuse(detail(reason, bytes.length));
  const utf8 = decodeWith('utf-8', bytes, cut);
  if (utf8 !== null) return { value: utf8, problems: problems.all() };
  if (encoding === 'utf-8') return refuse('invalid UTF-8 after a UTF-8 byte-order mark');
  const gb = decodeWith('gb18030', bytes, cut);
  if (gb === null) return refuse('neither UTF-8 nor GB18030');
  problems.add('import.encoding', 'info', { encoding: 'GB18030' });
  return { value: gb, problems: problems.all() };
}
