/**
 * The input split into numbered lines, cleaned for reading: line ends of any platform, form feeds
 * (page breaks in PDF-to-text output) and page-number lines become page-break markers, and surrounding
 * white space is dropped. The original characters of every line are kept: normalisation is for matching.
 */

/** One line of the input, or a page break. */
export interface SourceLine {
  /** 1-based line number in the input (what messages cite). */
  readonly number: number;
  /** `pageBreak` for form feeds and page-number lines; their `text` is ''. */
  readonly kind: 'text' | 'pageBreak';
  /** The line without surrounding white space, in its original characters. */
  readonly text: string;
  /** True when the line began with indentation: a paragraph start in narratives. */
  readonly indented: boolean;
}

// Page numbers printed by PDF tools: "- 2 -", "—2—", "第 2 页", "第2页 共5页", "2 / 5", "Page 2 of 5".
const PAGE_NUMBER = /^(?:[-—–]\s*\d{1,4}\s*[-—–]|第\s*\d{1,4}\s*页(?:\s*[,，]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4}|page\s+\d{1,4}(?:\s+of\s+\d{1,4})?)$/iu;

const INDENT = /^(?:\u3000|[ \t\u00a0]{2,})/u;

/** True for a line that is only a page number. */
export function isPageNumber(text: string): boolean {
  return text.length <= 24 && PAGE_NUMBER.test(text.normalize('NFKC'));
}

/** Where the next line break at or after `from` starts, and how long it is (0 at the end). */
function nextBreak(text: string, from: number, end: number): { at: number; length: number } {
  for (let i = from; i < end; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) return { at: i, length: 1 };
    if (c === 0x0d) return { at: i, length: text.charCodeAt(i + 1) === 0x0a ? 2 : 1 };
  }
  return { at: end, length: 0 };
}

/** The raw lines (any line ends) of the first `maxLines` lines and `maxChars` characters of a text. */
function rawLines(text: string, maxLines: number, maxChars: number): { lines: string[]; more: boolean } {
  const lines: string[] = [];
  const end = Math.min(text.length, maxChars);
  let start = 0;
  while (lines.length < maxLines) {
    const { at, length } = nextBreak(text, start, end);
    lines.push(text.slice(start, at));
    if (length === 0) return { lines, more: end < text.length };
    start = at + length;
  }
  return { lines, more: start < text.length };
}

/**
 * The lines of a text, at most `maxLines` lines and `maxChars` characters of it (`more` says whether
 * the text went on). Linear in the part read: a huge input costs only what is looked at.
 */
export function splitLines(text: string, maxLines = Number.POSITIVE_INFINITY, maxChars = Number.POSITIVE_INFINITY): { lines: SourceLine[]; more: boolean } {
  const out: SourceLine[] = [];
  const { lines: raw, more } = rawLines(text, maxLines, maxChars);
  for (let i = 0; i < raw.length; i += 1) {
    let line = raw[i] ?? '';
    if (i === 0 && line.startsWith('\uFEFF')) line = line.slice(1);
    const parts = line.includes('\f') ? line.split('\f') : [line];
    for (let p = 0; p < parts.length; p += 1) {
      if (p > 0) out.push({ number: i + 1, kind: 'pageBreak', text: '', indented: false });
      const part = parts[p] ?? '';
      const trimmed = part.trim();
      if (trimmed !== '' && isPageNumber(trimmed)) {
        out.push({ number: i + 1, kind: 'pageBreak', text: '', indented: false });
        continue;
      }
      out.push({ number: i + 1, kind: 'text', text: trimmed, indented: trimmed !== '' && INDENT.test(part) });
    }
  }
  return { lines: out, more };
}

/** True for a text line with something on it. */
export function isFilled(line: SourceLine): boolean {
  return line.kind === 'text' && line.text !== '';
}
