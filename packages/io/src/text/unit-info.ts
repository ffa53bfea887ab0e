/**
 * 单位基本情况: the unit name and 单位数 from the line "单位名称 广州市…局 单位数： 6个", and the year
 * from the title block ("（2021年度）").
 */
import type { UnitInfo } from '@jixiao/core';
import { matchKey } from '@jixiao/core';
import type { ImportProblems } from './problems.js';
import { stripLabel, termKeys } from './labels.js';
import { joinWrapped } from './text-join.js';
import type { SourceLine } from './source-lines.js';
import { isFilled } from './source-lines.js';
import { normalizeForReading } from './segments.js';
import { YEAR_MAX, YEAR_MIN } from '@jixiao/core';

const YEAR = /((?:19|20)\d{2})\s*年/u;

/** Index of the line naming the unit (单位名称 …) in [from, to), or null. */
export function findUnitLine(lines: readonly SourceLine[], from: number, to: number): number | null {
  const keys = termKeys('unitName');
  for (let i = from; i < to; i += 1) {
    const line = lines[i];
    if (line === undefined || !isFilled(line)) continue;
    const key = matchKey(line.text.slice(0, 40));
    if (keys.some((k) => key.startsWith(k))) return i;
  }
  return null;
}

/** The year printed in lines [from, to) (the title block), preferring a line that says 年度. */
export function findYear(lines: readonly SourceLine[], from: number, to: number): number | null {
  let fallback: number | null = null;
  for (let i = from; i < to; i += 1) {
    const line = lines[i];
    if (line === undefined || !isFilled(line)) continue;
    const text = normalizeForReading(line.text.slice(0, 200));
    const m = YEAR.exec(text);
    if (m?.[1] === undefined || Number(m[1]) < YEAR_MIN || Number(m[1]) > YEAR_MAX) continue;
    if (text.includes('年度')) return Number(m[1]);
    fallback ??= Number(m[1]);
  }
  return fallback;
}

/** A text cut at the 单位数 label: what stands before it, and what after (the count). */
function atCountLabel(text: string): { before: string; count: string } | null {
  const keys = termKeys('unitCount');
  const words = text.split(/\s+/u);
  for (let w = 0; w < words.length; w += 1) {
    const rest = stripLabel(words.slice(w).join(' '), keys);
    if (rest !== null) return { before: words.slice(0, w).join(' '), count: rest };
  }
  return null;
}

/**
 * The unit name and count from the unit line ("单位名称 广州市…局 单位数： 6个"), or from it and the line
 * after it, where a long name wrapped before 单位数. Missing parts are reported and left blank.
 */
export function readUnitInfo(lines: readonly SourceLine[], unitIndex: number | null, year: number | null, problems: ImportProblems): UnitInfo {
  if (year === null) problems.add('import.missingYear', 'warning');
  if (unitIndex === null) {
    problems.add('import.missingUnitName', 'warning');
    problems.add('import.missingUnitCount', 'warning');
    return { name: '', unitCount: null, year };
  }
  const unitLine = lines[unitIndex] as SourceLine;
  const afterLabel = stripLabel(unitLine.text, termKeys('unitName')) ?? '';
  const pieces = [{ text: afterLabel, line: unitLine.number }];
  let found = atCountLabel(afterLabel);
  let countLine = unitLine.number;
  if (found !== null) {
    pieces[0] = { text: found.before, line: unitLine.number };
  } else {
    const next = nextFilled(lines, unitIndex + 1);
    const wrapped = next === null ? null : atCountLabel(next.text);
    if (next !== null && wrapped !== null) {
      pieces.push({ text: wrapped.before, line: next.number });
      found = wrapped;
      countLine = next.number;
    }
  }
  const name = joinWrapped(pieces.filter((p) => p.text !== ''));
  if (name === '') problems.add('import.missingUnitName', 'warning', {}, unitLine.number);
  const count = found === null ? null : /^(\d{1,6})/u.exec(normalizeForReading(found.count).trim());
  const unitCount = count?.[1] === undefined ? null : Number(count[1]);
  if (unitCount === null) problems.add('import.missingUnitCount', 'warning', {}, countLine);
  return { name, unitCount, year };
}

function nextFilled(lines: readonly SourceLine[], from: number): SourceLine | null {
  for (let i = from; i < lines.length && i < from + 3; i += 1) {
    const line = lines[i];
    if (line !== undefined && isFilled(line)) return line;
  }
  return null;
}
