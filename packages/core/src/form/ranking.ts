/**
 * The public ranking of a year's published forms: grade first (优 → 良 → 中 → 差, what a reader looks
 * for), then the total, highest first, then the department's name (code-point order, the same on every
 * machine) so that the order never depends on the database. Equal grade and total share a rank (1, 2, 2, 4).
 */
import type { Grade } from './grade.js';
import { GRADES } from './grade.js';

/** What the ranking looks at. */
export interface Rankable {
  grade: Grade;
  total: number;
  departmentName: string;
}

const gradeIndex = (g: Grade): number => GRADES.indexOf(g);
const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Sorts by the ranking order (see the module comment). */
export function compareRanking(a: Rankable, b: Rankable): number {
  return gradeIndex(a.grade) - gradeIndex(b.grade) || b.total - a.total || byCodePoint(a.departmentName, b.departmentName);
}

/** The items in ranking order, each with its rank (ties share the rank of the first of them). */
export function rankForms<T extends Rankable>(items: readonly T[]): (T & { rank: number })[] {
  const sorted = [...items].sort(compareRanking);
  let rank = 0;
  return sorted.map((item, i) => {
    const previous = sorted[i - 1];
    if (previous === undefined || previous.grade !== item.grade || previous.total !== item.total) rank = i + 1;
    return { ...item, rank };
  });
}
