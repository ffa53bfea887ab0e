/** Simple Chinese numerals (三, 十二, 两千, 一万五千, 千) as written in targets: "三家", "十余个", "近千面". */

const CJK_FIRST = 0x4e00;
const CJK_END = 0xa000;
const LING = 0x3007; // 〇, outside the CJK block

/** numeralClass of 零一二两三四五六七八九十百千〇: may start a numeral. */
export const NUMERAL_START = 1;
/** numeralClass of 万 and 亿: only continue one ("万人空巷" is no number). */
export const NUMERAL_INSIDE = 2;

// A table over the CJK block (20 KB, built once), so the scan costs one lookup per character.
const NUMERAL_TABLE = (() => {
  const table = new Uint8Array(CJK_END - CJK_FIRST);
  for (const ch of '零一二两三四五六七八九十百千') table[ch.charCodeAt(0) - CJK_FIRST] = NUMERAL_START;
  for (const ch of '万亿') table[ch.charCodeAt(0) - CJK_FIRST] = NUMERAL_INSIDE;
  return table;
})();

/** NUMERAL_START, NUMERAL_INSIDE, or 0 for a code unit that is no Chinese numeral character. */
export function numeralClass(code: number): number {
  if (code >= CJK_FIRST && code < CJK_END) return NUMERAL_TABLE[code - CJK_FIRST] ?? 0;
  return code === LING ? NUMERAL_START : 0;
}

const DIGITS: Readonly<Record<string, number>> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/**
 * The value of a simple Chinese numeral, or null when the characters do not form one ("一一", "三五" are
 * approximations or idioms, not numbers). Financial numerals (壹贰叁) are not read.
 */
export function parseChineseNumeral(numeral: string): number | null {
  if (numeral.length === 0) return null;
  let total = 0; // completed 亿 sections
  let wan = 0; // completed 万 section below the current 亿
  let section = 0; // below 万
  let digit: number | null = null;
  let lastSmallUnit = 10_000; // 十/百/千 must come in decreasing order within a section
  for (const ch of numeral) {
    const d = DIGITS[ch];
    if (d !== undefined) {
      if (digit !== null) return null;
      if (d === 0) continue; // 一千零五: 零 only marks a gap
      digit = d;
      continue;
    }
    const small = SMALL_UNITS[ch];
    if (small !== undefined) {
      if (small >= lastSmallUnit) return null;
      // 十 on its own means 一十 ("十余个", "十二"); 百 and 千 likewise ("近千面").
      section += (digit ?? 1) * small;
      digit = null;
      lastSmallUnit = small;
      continue;
    }
    if (ch === '万') {
      const part = section + (digit ?? 0);
      if (part === 0 || wan !== 0) return null;
      wan = part * 10_000;
      section = 0;
      digit = null;
      lastSmallUnit = 10_000;
      continue;
    }
    if (ch === '亿') {
      const part = wan + section + (digit ?? 0);
      if (part === 0) return null;
      total = (total + part) * 100_000_000;
      wan = 0;
      section = 0;
      digit = null;
      lastSmallUnit = 10_000;
      continue;
    }
    return null;
  }
  return total + wan + section + (digit ?? 0);
}
