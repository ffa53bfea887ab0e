/**
 * Breaking a cell's text into printed lines, with the breaks chosen so that the text can be read back
 * exactly: a reader joins wrapped lines with nothing between them, except a space between two Latin
 * letters (`joinParagraphs` in text/text-join.ts, the rule PDF-to-text output needs). So a line never
 * breaks inside a Latin word, breaks at a space only between two Latin words (the space is dropped and
 * comes back on reading), never ends or starts with a space, and never starts with what reads as a list
 * marker (1. 二、), which would start a paragraph on reading. Within those, the usual Chinese rules make
 * it read well: no line starts with closing punctuation or ends with opening punctuation, and numbers
 * stay whole.
 */
import { enumerationOf } from '../text/enumeration.js';

/** One printed line; `paragraphStart` marks the first line of each paragraph. */
export interface WrappedLine {
  readonly text: string;
  readonly paragraphStart: boolean;
}

const LATIN = /^[A-Za-z]$/u;
const SPACE = /^\s$/u;
/** Parts of a number: a line never breaks inside "2304.97" or "98.3%". */
const NUMERIC = /^[0-9.%]$/u;
/** Punctuation that never starts a line, and punctuation that never ends one (Chinese line-breaking rules). */
const NO_LINE_START = /^[，。、；：？！）》」』”’…%,.;:?!)\]}]$/u;
const NO_LINE_END = /^[（《「『“‘([{]$/u;

function isLatin(ch: string | undefined): boolean {
  return ch !== undefined && LATIN.test(ch);
}

function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && SPACE.test(ch);
}

/** True when a line may break before `chars[at]` (see the module comment). */
function canBreakBefore(chars: readonly string[], at: number): boolean {
  const before = chars[at - 1];
  const after = chars[at];
  if (isSpace(before)) return false;
  if (isSpace(after)) return isLatin(before) && isLatin(chars[at + 1]) && !isSpace(chars[at + 1]);
  if (isLatin(before) && isLatin(after)) return false;
  if (before !== undefined && after !== undefined && NUMERIC.test(before) && NUMERIC.test(after)) return false;
  if ((after !== undefined && NO_LINE_START.test(after)) || (before !== undefined && NO_LINE_END.test(before))) return false;
  return enumerationOf(chars.slice(at, at + 8).join('')) === null;
}

/**
 * The lines of `text` in a column `maxWidth` wide, each character `widthOf(ch)` wide. The first line
 * of every paragraph is `indent` narrower (first-line indentation marks paragraphs where a cell has
 * several). A paragraph that is empty prints as an empty line.
 */
export function wrapLines(text: string, maxWidth: number, widthOf: (ch: string) => number, indent = 0): WrappedLine[] {
  const out: WrappedLine[] = [];
  for (const paragraph of text.split('\n')) {
    const chars = [...paragraph];
    if (chars.length === 0) {
      out.push({ text: '', paragraphStart: true });
      continue;
    }
    let start = 0;
    let first = true;
    while (start < chars.length) {
      const budget = maxWidth - (first ? indent : 0);
      let end = start;
      let used = 0;
      while (end < chars.length) {
        const w = widthOf(chars[end] as string);
        if (end > start && used + w > budget) break;
        used += w;
        end += 1;
      }
      let cut = end;
      if (end < chars.length) {
        while (cut > start + 1 && !canBreakBefore(chars, cut)) cut -= 1;
        if (cut === start + 1 && !canBreakBefore(chars, cut)) cut = end;
      }
      out.push({ text: chars.slice(start, cut).join(''), paragraphStart: first });
      first = false;
      start = cut;
      if (isSpace(chars[start]) && isLatin(chars[start - 1]) && isLatin(chars[start + 1])) start += 1;
    }
  }
  return out;
}
