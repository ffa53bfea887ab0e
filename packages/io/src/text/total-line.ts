/**
 * 总分: the line that closes the indicator table ("总分 100 95.77"), with the printed total (its last
 * number) and, where the form prints one, the grade (优/良/中/差) on it or just below it.
 */
import { findTerm } from '@jixiao/core';
import type { Grade, TermId } from '@jixiao/core';
import { segmentsOf } from './segments.js';
import type { SourceLine } from './source-lines.js';
import { isFilled } from './source-lines.js';

const GRADE_BY_TERM: Partial<Record<TermId, Grade>> = {
  gradeExcellent: 'excellent',
  gradeGood: 'good',
  gradeFair: 'fair',
  gradePoor: 'poor',
};

/** Index of the total line in [from, to): its first piece is 总分 (or 合计, 总得分 …). */
export function findTotalLine(lines: readonly SourceLine[], from: number, to: number): number | null {
  for (let i = from; i < to; i += 1) {
    const line = lines[i];
    if (line === undefined || !isFilled(line) || line.text.length > 200) continue;
    const first = segmentsOf(line)[0];
    if (first !== undefined && findTerm(first.text) === 'total') return i;
  }
  return null;
}

/** The printed total and grade from the total line and the few lines after it. */
export function readTotal(lines: readonly SourceLine[], index: number): { total: number | null; grade: Grade | null; numbers: number } {
  const line = lines[index] as SourceLine;
  const segments = segmentsOf(line).slice(1);
  const numbers = segments.filter((s) => s.value !== null);
  const total = numbers[numbers.length - 1]?.value ?? null;
  let grade: Grade | null = null;
  for (let i = index; i < lines.length && i < index + 4 && grade === null; i += 1) {
    const candidate = lines[i];
    if (candidate === undefined || candidate.text.length > 200) continue;
    for (const segment of segmentsOf(candidate)) {
      const term = findTerm(segment.text.replace(/^(?:等级|评价等级|自评等级)[:：]?/u, ''));
      const found = term === null ? undefined : GRADE_BY_TERM[term];
      if (found !== undefined) {
        grade = found;
        break;
      }
    }
  }
  return { total, grade, numbers: numbers.length };
}
