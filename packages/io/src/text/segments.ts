/**
 * A line cut into its space-separated pieces, each either a plain number or text. PDF-to-text tools
 * put a space where two printed cells meet on one line ("2.年度营收 4 100亿元 超140亿元 4"), so a space
 * between Chinese pieces is a cell boundary; a space next to a Latin word ("LED 屏") is kept inside.
 */
import type { SourceLine } from './source-lines.js';

/** One piece of a line. */
export interface Segment {
  /** The original characters. */
  readonly text: string;
  /** 1-based line number. */
  readonly line: number;
  /** Its value when the piece is a plain number (full-width digits and minus signs included). */
  readonly value: number | null;
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d+)?|\.\d+)$/u;

/** NFKC with the minus signs NFKC leaves alone, for reading numbers and markers. */
export function normalizeForReading(text: string): string {
  return text.normalize('NFKC').replace(/[\u2212\u2012\u2013]/gu, '-');
}

/** The value of a plain number ("2", "1.97", "１２７２０８．５３", "-2.5"), or null. */
export function plainNumber(text: string): number | null {
  if (text.length > 40) return null;
  const norm = normalizeForReading(text);
  if (!NUMBER.test(norm)) return null;
  const value = Number(norm);
  return Number.isFinite(value) ? value : null;
}

const LATIN_END = /[A-Za-z]$/u;
const LATIN_START = /^[A-Za-z]/u;
const ALNUM_END = /[A-Za-z0-9]$/u;

/** The pieces of a line. A line of several megabytes is cut like any other, in linear time. */
export function segmentsOf(line: SourceLine): Segment[] {
  if (line.kind !== 'text' || line.text === '') return [];
  const words = line.text.split(/\s+/u).filter((w) => w !== '');
  const out: Segment[] = [];
  let pending: string | null = null;
  const flush = (): void => {
    if (pending !== null) out.push({ text: pending, line: line.number, value: plainNumber(pending) });
    pending = null;
  };
  for (const word of words) {
    // A space inside Latin text ("LED 屏", "5G 网络", "Open Harmony") belongs to the cell.
    const soft = pending !== null && plainNumber(pending) === null && plainNumber(word) === null && (LATIN_END.test(pending) || (LATIN_START.test(word) && ALNUM_END.test(pending)));
    if (soft && pending !== null) {
      pending = `${pending} ${word}`;
      continue;
    }
    flush();
    pending = word;
  }
  flush();
  return out;
}
