/**
 * parseMeasure: every figure in a 年度指标值 (target) or 实际完成指标值 (actual), with its comparator, kind,
 * unit and magnitude, so that targets and actuals written as free Chinese text can be compared.
 */
import { arabicEnd, decimalPoint, digitsValue, scaleDigits } from './arabic-numbers.js';
import {
  CLOSE, codes, COLON, DI, DOT, DUN, DUO, FULL_CLOSE, FULL_COLON, GE, isAsciiLetterAt, isDigitAt, isDigitCode, isOneOf,
  isOpenParen, LE, NIAN, SLASH, YOU, YU, ZHI,
} from './char-codes.js';
import { NUMERAL_START, numeralClass, parseChineseNumeral } from './chinese-numerals.js';
import { GROWTH_WORDS, negateComparator, PREFIX_COMPARATORS, SUFFIX_COMPARATORS } from './comparators.js';
import { dateEnd, isYear, monthOrDayEnd } from './dates.js';
import { MAGNITUDES } from './magnitudes.js';
import { originalEnd, originalIndex, toMatchingText } from './matching-text.js';
import type { MatchingText } from './matching-text.js';
import type { Comparator, Measure, Quantity, SkippedNumber, SkipReason } from './measure.js';
import { PERCENT_CLASS, UNITS } from './units.js';
import type { UnitInfo } from './units.js';

const RANGE_SIGNS = codes('-~—至到');
const CLAUSE_BREAKS = codes('，,；;。！!？?\n');
// A Chinese numeral after these is vague: 几百, 数十.
const VAGUE_BEFORE_CHINESE = codes('几数');
// …or part of a word: 若干, 上百, 成千, 每一, 同一, 唯一, 统一, 任一, 周一, 期一, 之一.
const WORD_BEFORE_CHINESE = codes('若上成每同唯统任某哪周期之');
// "千家万户", "一人一策", "四位一体", "一次性": the numeral is part of an idiom, not a figure.
const IDIOM_AFTER_UNIT = codes('一二三四五六七八九十百千万两性');

const PERCENT_UNIT: UnitInfo = { unit: '%', unitClass: PERCENT_CLASS, afterChineseNumeral: true };

/** What follows a number: 余/多, a magnitude, a unit (possibly "元/人"). */
interface Tail {
  end: number;
  exponent: number;
  moreThan: boolean;
  unit: UnitInfo | null;
}

function isMoreThan(text: string, pos: number): boolean {
  const code = text.charCodeAt(pos);
  return code === YU || code === DUO;
}

/** Reads a unit at `pos` into tail.unit; returns where it ends, or -1 when there is none. */
function readUnit(text: string, pos: number, tail: Tail): number {
  const match = UNITS.startingAt(text, pos);
  if (match === null) return -1;
  let end = pos + match.word.length;
  // An ASCII unit must end its word: "5kgs" is not 5 kg.
  if (isAsciiLetterAt(text, end - 1) && isAsciiLetterAt(text, end)) return -1;
  tail.unit = match.data;
  if (text.charCodeAt(end) === SLASH) {
    const per = UNITS.startingAt(text, end + 1);
    if (per !== null) {
      // "元/人" is a rate with its own class: it never compares with a total in 元.
      const unit = `${match.data.unit}/${per.data.unit}`;
      tail.unit = { unit, unitClass: unit, afterChineseNumeral: false };
      end += 1 + per.word.length;
    }
  }
  return end;
}

function readTail(text: string, pos: number, tail: Tail): Tail {
  let end = pos;
  tail.unit = null;
  tail.exponent = 0;
  tail.moreThan = isMoreThan(text, end);
  if (tail.moreThan) end++;
  // A unit that starts like a magnitude (千瓦, 千米, 百分点) wins over the magnitude.
  const direct = readUnit(text, end, tail);
  if (direct >= 0) {
    tail.end = direct;
    return tail;
  }
  const magnitude = MAGNITUDES.startingAt(text, end);
  if (magnitude !== null) {
    tail.exponent = magnitude.data;
    end += magnitude.word.length;
    if (!tail.moreThan && isMoreThan(text, end)) {
      tail.moreThan = true;
      end++;
    }
  }
  const unitEnd = readUnit(text, end, tail);
  tail.end = unitEnd >= 0 ? unitEnd : end;
  return tail;
}

/** The words before a number: comparator, 各, growth word, 百分之. */
interface Prefix {
  start: number;
  comparator: Comparator | null;
  each: boolean;
  growth: boolean;
  negative: boolean;
  percent: boolean;
}

function readPrefix(text: string, numberStart: number, prefix: Prefix): Prefix {
  let start = numberStart;
  prefix.percent = text.charCodeAt(start - 1) === ZHI && start >= 3 && text.startsWith('百分之', start - 3);
  if (prefix.percent) start -= 3;
  prefix.comparator = null;
  const beforeFiller = text.charCodeAt(start - 1) === LE ? start - 1 : start;
  const word = PREFIX_COMPARATORS.endingAt(text, beforeFiller);
  if (word !== null) {
    prefix.comparator = word.data;
    start = beforeFiller - word.word.length;
  }
  prefix.each = text.charCodeAt(start - 1) === GE;
  if (prefix.each) start--;
  const beforeGrowthFiller = text.charCodeAt(start - 1) === LE ? start - 1 : start;
  const growth = GROWTH_WORDS.endingAt(text, beforeGrowthFiller);
  if (growth !== null) start = beforeGrowthFiller - growth.word.length;
  prefix.growth = growth !== null;
  prefix.negative = growth?.data.negative ?? false;
  prefix.start = start;
  return prefix;
}

/** A comparator earlier in the clause that reaches a figure in parentheses: "不低于2020年…水平（1.5亿元）". */
function clauseComparator(text: string, paren: number, floor: number): Comparator | null {
  for (let pos = paren; pos > floor; pos--) {
    if (isOneOf(CLAUSE_BREAKS, text.charCodeAt(pos - 1))) return null;
    const word = PREFIX_COMPARATORS.endingAt(text, pos);
    if (word !== null) return word.data;
  }
  return null;
}

/** Mutable state of one scan. */
interface Scan {
  original: string;
  matching: MatchingText;
  quantities: Quantity[];
  skipped: SkippedNumber[];
  /** Normalised end of the last quantity kept: a clause comparator may not reach across it. */
  lastEnd: number;
  /** Scratch for the words after and before the current number. */
  tail: Tail;
  prefix: Prefix;
  /** A quantity followed by a range sign ("5-10个"): the next figure may complete it. */
  range: { quantity: Quantity; from: number; to: number; next: number; exponent: number } | null;
}

function skip(scan: Scan, reason: SkipReason, start: number, end: number): void {
  const from = originalIndex(scan.matching, start, scan.original.length);
  scan.skipped.push({ reason, text: scan.original.slice(from, originalEnd(scan.matching, end)), start: from });
}

/** Years, dates, list markers, ordinals and codes: numbers that are not figures. Returns where to resume, or -1. */
function arabicNonQuantity(scan: Scan, start: number, dot: number, end: number): number {
  const text = scan.matching.text;
  const before = text.charCodeAt(start - 1);
  if (isAsciiLetterAt(text, start - 1)) {
    skip(scan, 'code', start, end);
    return end;
  }
  if (before === DI) {
    skip(scan, 'ordinal', start - 1, end);
    return end;
  }
  const integerEnd = dot < 0 ? end : dot;
  if (integerEnd - start === 4 && (dot < 0 || end - dot <= 3) && isYear(digitsValue(text, start, integerEnd))) {
    if (dot < 0 && text.charCodeAt(end) === NIAN) {
      skip(scan, 'year', start, end + 1);
      return end + 1;
    }
    // "2021.12.31" reads as the decimal 2021.12 followed by ".31".
    const date = dot < 0 ? dateEnd(text, end) : text.charCodeAt(end) === DOT ? dateEnd(text, dot) : -1;
    if (date >= 0) {
      skip(scan, 'date', start, date);
      return date;
    }
  }
  if (dot >= 0) return -1;
  const monthOrDay = monthOrDayEnd(text, end);
  if (monthOrDay >= 0) {
    skip(scan, 'date', start, monthOrDay);
    return monthOrDay;
  }
  const next = text.charCodeAt(end);
  if ((next === COLON || next === FULL_COLON) && isDigitAt(text, end + 1)) {
    skip(scan, 'date', start, end);
    return end;
  }
  if (end - start <= 2) {
    const inParens = isOpenParen(before) && (next === CLOSE || next === FULL_CLOSE);
    if (inParens || ((next === DOT || next === DUN) && !isDigitAt(text, end + 1))) {
      skip(scan, 'listMarker', inParens ? start - 1 : start, end + 1);
      return end + 1;
    }
  }
  return -1;
}

function keep(scan: Scan, prefix: Prefix, value: number, tail: Tail): Quantity {
  const text = scan.matching.text;
  let end = tail.end;
  let suffix: Comparator | null = null;
  const word = SUFFIX_COMPARATORS.startingAt(text, end);
  if (word !== null && !(word.word === '上下' && text.charCodeAt(end + 2) === YOU)) {
    suffix = word.data;
    end += word.word.length;
  }
  let comparator = prefix.comparator ?? suffix ?? (tail.moreThan ? 'above' : null);
  if (comparator === null && isOpenParen(text.charCodeAt(prefix.start - 1))) {
    comparator = clauseComparator(text, prefix.start - 1, scan.lastEnd);
  }
  const unit = prefix.percent ? PERCENT_UNIT : tail.unit;
  if (prefix.negative) comparator = negateComparator(comparator);
  const start = originalIndex(scan.matching, prefix.start, scan.original.length);
  const stop = originalEnd(scan.matching, end);
  const quantity: Quantity = {
    kind: prefix.growth ? 'growth' : 'amount',
    comparator,
    value: prefix.negative && value !== 0 ? -value : value,
    unit: unit?.unit ?? '',
    unitClass: unit?.unitClass ?? '',
    each: prefix.each,
    text: scan.original.slice(start, stop),
    start,
    end: stop,
  };
  scan.quantities.push(quantity);
  scan.lastEnd = end;
  return quantity;
}

/** A range "5-10个" / "5万至10万元": the low end takes the high end's unit and magnitude if it had none. */
function completeRange(scan: Scan, high: Quantity, highExponent: number): void {
  const range = scan.range;
  scan.range = null;
  if (range === null) return;
  const low = range.quantity;
  if (low.unit === '' && high.unit !== '') {
    low.unit = high.unit;
    low.unitClass = high.unitClass;
    if (range.exponent === 0 && highExponent !== 0) {
      const scaled = range.to < 0 ? Math.abs(low.value) * 10 ** highExponent : scaleDigits(scan.matching.text, range.from, range.to, highExponent);
      if (Number.isFinite(scaled)) low.value = low.value < 0 ? -scaled : scaled;
    }
  }
  if (low.unitClass !== high.unitClass || low.kind !== high.kind) return;
  low.comparator ??= 'atLeast';
  high.comparator ??= 'atMost';
}

/** Remembers a figure followed by a range sign; from/to locate its Arabic digits (to = -1 for a Chinese numeral). */
function noteRange(scan: Scan, quantity: Quantity, from: number, to: number, exponent: number, end: number): void {
  const text = scan.matching.text;
  scan.range = isOneOf(RANGE_SIGNS, text.charCodeAt(end)) && isDigitAt(text, end + 1) ? { quantity, from, to, next: end + 1, exponent } : null;
}

function rangePrefix(scan: Scan, start: number): Prefix {
  const prefix = scan.prefix;
  prefix.start = start;
  prefix.comparator = null;
  prefix.each = false;
  prefix.growth = scan.range?.quantity.kind === 'growth';
  prefix.negative = false;
  prefix.percent = false;
  return prefix;
}

function scanArabic(scan: Scan, start: number, dot: number, end: number): number {
  const text = scan.matching.text;
  const resume = arabicNonQuantity(scan, start, dot, end);
  if (resume >= 0) return resume;
  const inRange = scan.range !== null && scan.range.next === start;
  const tail = readTail(text, end, scan.tail);
  if (tail.unit === null && isAsciiLetterAt(text, tail.end)) {
    // "5G", "3D": a name, not a figure.
    skip(scan, 'code', start, tail.end + 1);
    scan.range = null;
    return tail.end;
  }
  const value = scaleDigits(text, start, end, tail.exponent);
  if (!Number.isFinite(value)) {
    // Hundreds of digits overflow to Infinity, which no comparison or ratio survives: not a figure.
    skip(scan, 'tooLarge', start, tail.end);
    scan.range = null;
    return tail.end;
  }
  const prefix = inRange ? rangePrefix(scan, start) : readPrefix(text, start, scan.prefix);
  const quantity = keep(scan, prefix, value, tail);
  if (inRange) completeRange(scan, quantity, tail.exponent);
  noteRange(scan, quantity, start, end, tail.exponent, tail.end);
  return scan.lastEnd;
}

function scanChinese(scan: Scan, numeral: string, start: number): number {
  const text = scan.matching.text;
  const end = start + numeral.length;
  const before = text.charCodeAt(start - 1);
  const percent = start >= 3 && text.startsWith('百分之', start - 3);
  if (!percent && isOneOf(WORD_BEFORE_CHINESE, before)) return end;
  const value = parseChineseNumeral(numeral);
  if (value === null) return end;
  const tail = readTail(text, end, scan.tail);
  // Only a unit (or 百分之) makes a Chinese numeral a figure: "五是", "七大产业", "前三" are words.
  const unitOk = percent ? tail.unit === null : tail.unit !== null && tail.unit.afterChineseNumeral;
  if (!unitOk || isOneOf(IDIOM_AFTER_UNIT, text.charCodeAt(tail.end))) {
    if (before === DI) skip(scan, 'ordinal', start - 1, end);
    return end;
  }
  if (before === DI) {
    skip(scan, 'ordinal', start - 1, tail.end);
    return tail.end;
  }
  if (isOneOf(VAGUE_BEFORE_CHINESE, before)) {
    skip(scan, 'vague', start - 1, tail.end);
    return tail.end;
  }
  const inRange = scan.range !== null && scan.range.next === start;
  const scaled = tail.exponent === 0 ? value : value * 10 ** tail.exponent;
  if (!Number.isFinite(scaled)) {
    skip(scan, 'tooLarge', start, tail.end);
    scan.range = null;
    return tail.end;
  }
  const prefix = inRange ? rangePrefix(scan, start) : readPrefix(text, start, scan.prefix);
  const quantity = keep(scan, prefix, scaled, tail);
  if (inRange) completeRange(scan, quantity, tail.exponent);
  noteRange(scan, quantity, start, -1, tail.exponent, tail.end);
  return scan.lastEnd;
}

// Scratch reused by every scan: parsing is synchronous and never re-entered, and a figure's words are read
// into these and copied into its Quantity before the next figure is read.
const TAIL: Tail = { end: 0, exponent: 0, moreThan: false, unit: null };
const PREFIX: Prefix = { start: 0, comparator: null, each: false, growth: false, negative: false, percent: false };

/**
 * Reads every figure of a target or actual text: "10万辆" → 100000 辆, "超140亿元" → above 14000000000 元,
 * "外贸出口总额700亿元，同比增长2.0%" → an amount and a growth. Years, dates, list markers and ordinals are
 * left out (and listed in `skipped`). Never throws; a text without figures gives no quantities.
 */
export function parseMeasure(text: string): Measure {
  const matching = toMatchingText(text);
  const scan: Scan = {
    original: text,
    matching,
    quantities: [],
    skipped: [],
    lastEnd: 0,
    tail: TAIL,
    prefix: PREFIX,
    range: null,
  };
  const normalised = matching.text;
  const length = normalised.length;
  let pos = 0;
  while (pos < length) {
    const code = normalised.charCodeAt(pos);
    if (isDigitCode(code)) {
      const end = arabicEnd(normalised, pos);
      pos = Math.max(scanArabic(scan, pos, decimalPoint(normalised, pos, end), end), pos + 1);
    } else if (numeralClass(code) === NUMERAL_START) {
      let end = pos + 1;
      while (numeralClass(normalised.charCodeAt(end)) !== 0) end++;
      pos = Math.max(scanChinese(scan, normalised.slice(pos, end), pos), pos + 1);
    } else {
      pos++;
    }
  }
  return { text, quantities: scan.quantities, skipped: scan.skipped };
}
