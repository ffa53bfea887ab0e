/** Printed labels of grades, from the glossary (优/良/中/差). */
import type { Lang, TermId } from '../glossary.js';
import { findTerm, termLabel } from '../glossary.js';
import type { Grade } from './grade.js';

const GRADE_TERMS = { excellent: 'gradeExcellent', good: 'gradeGood', fair: 'gradeFair', poor: 'gradePoor' } as const satisfies Record<Grade, TermId>;

/** 优 / Excellent … */
export function gradeLabel(grade: Grade, lang: Lang = 'zh'): string {
  return termLabel(GRADE_TERMS[grade], lang);
}

/** The grade a printed label names (优, 优秀, 良好 …), or null. */
export function gradeFromLabel(text: string): Grade | null {
  const term = findTerm(text);
  for (const [grade, id] of Object.entries(GRADE_TERMS) as [Grade, TermId][]) if (id === term) return grade;
  return null;
}
