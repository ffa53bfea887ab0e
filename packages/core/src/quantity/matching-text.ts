/**
 * Index-keeping normalisation for the quantity scanner: full-width digits and symbols become ASCII, the
 * traditional characters of numbers, units and comparators become simplified, and white space (line breaks
 * from a PDF cell) disappears — while every normalised position remembers where it came from, so that
 * quantities can report spans of the original text.
 */

/** Normalised text and the way back to original positions. */
export interface MatchingText {
  /** The normalised text the scanner reads. */
  text: string;
  /**
   * Where dropped white space shifts positions: from normalised index breaks[i] on, the original index is
   * the normalised one plus shifts[i]. Empty when nothing was dropped (the common case).
   */
  breaks: readonly number[];
  shifts: readonly number[];
}

const NONE: readonly number[] = Object.freeze([]);

// Traditional then simplified, pairwise: only what numbers, magnitudes, units, comparators and growth words use.
const TRADITIONAL_PAIRS =
  '萬万億亿兩两個个項项達达過过於于約约餘余將将內内輛辆場场戶户頃顷噸吨畝亩臺台筆笔間间張张條条屆届類类種种處处' +
  '長长減减為为較较僅仅漲涨點点歲岁週周時时鐘钟團团隊队額额幾几數数總总實实際际構构單单棟栋廠厂園园機机';

// Symbols NFKC leaves alone but the scanner wants in one spelling.
const SYMBOL_PAIRS = '≧≥≦≤–-〜~';

const CJK_FIRST = 0x4e00;
const CJK_LAST = 0x9fff;

// One lookup per character in the hot loop: a table over the CJK block (42 KB, built once) rather than a Map.
const CJK_TABLE = (() => {
  const table = new Uint16Array(CJK_LAST - CJK_FIRST + 1);
  for (let i = 0; i + 1 < TRADITIONAL_PAIRS.length; i += 2) {
    table[TRADITIONAL_PAIRS.charCodeAt(i) - CJK_FIRST] = TRADITIONAL_PAIRS.charCodeAt(i + 1);
  }
  return table;
})();

const FULL_WIDTH_COMMA = 0xff0c;

function simplified(code: number): number {
  return code >= CJK_FIRST && code <= CJK_LAST ? CJK_TABLE[code - CJK_FIRST] || code : code;
}

// NFKC, one code unit at a time, for the compatibility blocks that reach us from PDFs and office files:
// Kangxi radicals (⼀ ⼈ that PDF text extraction yields for 一 人), CJK compatibility ideographs, small and
// vertical forms (﹦ ﹪). Computed once at load; only single-code-unit results are kept, so positions stay 1:1
// (NFKC of ① is "1", but a circled number is a list marker, not a digit — it is outside these blocks).
const COMPATIBILITY_BLOCKS: readonly (readonly [number, number])[] = [
  [0x2f00, 0x2fdf],
  [0xf900, 0xfaff],
  [0xfe10, 0xfe1f],
  [0xfe30, 0xfe6f],
  [0xff5f, 0xffef],
];

const SYMBOLS: ReadonlyMap<number, number> = (() => {
  const map = new Map<number, number>();
  for (const [first, last] of COMPATIBILITY_BLOCKS) {
    for (let code = first; code <= last; code++) {
      const folded = String.fromCharCode(code).normalize('NFKC');
      if (folded.length !== 1 || folded.charCodeAt(0) === code) continue;
      // A small or vertical comma is a Chinese comma, never a thousands separator.
      map.set(code, folded === ',' ? FULL_WIDTH_COMMA : simplified(folded.charCodeAt(0)));
    }
  }
  for (let i = 0; i + 1 < SYMBOL_PAIRS.length; i += 2) map.set(SYMBOL_PAIRS.charCodeAt(i), SYMBOL_PAIRS.charCodeAt(i + 1));
  return map;
})();

// Chinese punctuation the scanner reads in either form stays as it is, so that ordinary text needs no copy:
// ！（），：；？ — and the full-width comma must stay Chinese anyway, or it would read as a thousands separator.
const KEPT_FULL_WIDTH = new Set([0xff01, 0xff08, 0xff09, 0xff0c, 0xff1a, 0xff1b, 0xff1f]);
const DROP = -1;

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x3000 || (code >= 0x09 && code <= 0x0d) || code === 0xa0 || code === 0x2028 || code === 0x2029 || code === 0xfeff;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** The normalised code of one code unit, or DROP for white space. */
function mapCode(code: number): number {
  if (code < 0x80) return isSpace(code) ? DROP : code;
  if (code >= CJK_FIRST && code <= CJK_LAST) return CJK_TABLE[code - CJK_FIRST] || code;
  if (code >= 0xff01 && code <= 0xff5e) return KEPT_FULL_WIDTH.has(code) ? code : code - 0xfee0;
  if (isSpace(code)) return DROP;
  return SYMBOLS.get(code) ?? code;
}

/**
 * The text the scanner reads. White space is dropped, except a run between two digits, which becomes one
 * space so that "127208.53 574.29" stays two numbers.
 */
export function toMatchingText(original: string): MatchingText {
  let breaks: number[] | null = null;
  let shifts: number[] | null = null;
  let text = '';
  let runStart = 0; // start of the current run of unchanged code units
  let length = 0; // normalised length so far
  let shift = 0;
  let spaceStart = -1;
  let previous = -1;
  const n = original.length;
  for (let i = 0; i < n; i++) {
    const code = original.charCodeAt(i);
    const mapped = mapCode(code);
    if (mapped === code && spaceStart < 0) {
      previous = code;
      continue;
    }
    text += original.slice(runStart, i);
    length += i - runStart;
    if (mapped === DROP) {
      if (spaceStart < 0) spaceStart = i;
      runStart = i + 1;
      continue;
    }
    if (spaceStart >= 0) {
      if (isDigit(previous) && isDigit(mapped)) {
        if (spaceStart - length !== shift) {
          shift = spaceStart - length;
          (breaks ??= []).push(length);
          (shifts ??= []).push(shift);
        }
        text += ' ';
        length++;
      }
      spaceStart = -1;
    }
    if (i - length !== shift) {
      shift = i - length;
      (breaks ??= []).push(length);
      (shifts ??= []).push(shift);
    }
    if (mapped === code) {
      runStart = i;
    } else {
      text += String.fromCharCode(mapped);
      length++;
      runStart = i + 1;
    }
    previous = mapped;
  }
  // Nothing changed (the common case): no copy at all.
  if (runStart === 0) return { text: original, breaks: NONE, shifts: NONE };
  text += original.slice(runStart);
  return { text, breaks: breaks ?? NONE, shifts: shifts ?? NONE };
}

/** The original index of normalised position k (k may equal the normalised length: the end of the text). */
export function originalIndex(matching: MatchingText, k: number, originalLength: number): number {
  if (k >= matching.text.length) return originalLength;
  const { breaks, shifts } = matching;
  // The last break at or before k, by binary search: a long text with many line breaks has many of them.
  let low = 0;
  let high = breaks.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((breaks[mid] ?? Infinity) <= k) low = mid + 1;
    else high = mid;
  }
  return k + (low === 0 ? 0 : (shifts[low - 1] ?? 0));
}

/** The original index just past normalised position k - 1: where a span ending before k ends. */
export function originalEnd(matching: MatchingText, k: number): number {
  if (k <= 0) return 0;
  return originalIndex(matching, k - 1, Number.NaN) + 1;
}
