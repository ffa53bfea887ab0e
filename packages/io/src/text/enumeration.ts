/**
 * Enumeration markers at the start of a line (一、 （一） 1. 1、 (1)): they start paragraphs in the
 * narratives and in 评分依据, and number duty indicator names (1.年产新能源汽车).
 */

/** A marker: its style (so 一、 and 1. count separately) and its number. */
export interface Enumeration {
  readonly style: 'cjk' | 'cjkParen' | 'digit' | 'digitParen';
  readonly n: number;
}

const CJK_DIGITS: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 … 九十九 as a number, or null. */
function cjkNumber(text: string): number | null {
  if (text === '十') return 10;
  const tens = /^([二三四五六七八九]?)十([一二三四五六七八九]?)$/u.exec(text);
  if (tens) return (tens[1] ? (CJK_DIGITS[tens[1]] ?? 0) : 1) * 10 + (tens[2] ? (CJK_DIGITS[tens[2]] ?? 0) : 0);
  return text.length === 1 ? (CJK_DIGITS[text] ?? null) : null;
}

const CJK = /^([一二三四五六七八九十]{1,3})[、.．]/u;
const CJK_PAREN = /^[（(]([一二三四五六七八九十]{1,3})[）)]/u;
// "1." but not "1.5亿元": a digit after the dot is a decimal, not a marker.
const DIGIT = /^(\d{1,2})(?:[、]|[.．](?!\d))/u;
const DIGIT_PAREN = /^[（(](\d{1,2})[）)]/u;

/** The marker a text starts with (full-width digits included), or null. */
export function enumerationOf(text: string): Enumeration | null {
  const head = text.slice(0, 8).normalize('NFKC');
  let m = CJK.exec(head);
  if (m?.[1] !== undefined) {
    const n = cjkNumber(m[1]);
    return n === null ? null : { style: 'cjk', n };
  }
  m = CJK_PAREN.exec(head);
  if (m?.[1] !== undefined) {
    const n = cjkNumber(m[1]);
    return n === null ? null : { style: 'cjkParen', n };
  }
  m = DIGIT.exec(head);
  if (m?.[1] !== undefined) return { style: 'digit', n: Number(m[1]) };
  m = DIGIT_PAREN.exec(head);
  if (m?.[1] !== undefined) return { style: 'digitParen', n: Number(m[1]) };
  return null;
}
