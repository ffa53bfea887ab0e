/**
 * 等级 (grade) from the total, by the national convention with half-open bands:
 * 优 ≥ 90, 良 80 to < 90, 中 60 to < 80, 差 < 60.
 */
export const GRADES = ['excellent', 'good', 'fair', 'poor'] as const;
export type Grade = (typeof GRADES)[number];

/** Lower bounds of each grade, highest first. */
export const GRADE_BANDS: readonly { grade: Grade; minTotal: number }[] = [
  { grade: 'excellent', minTotal: 90 },
  { grade: 'good', minTotal: 80 },
  { grade: 'fair', minTotal: 60 },
  { grade: 'poor', minTotal: Number.NEGATIVE_INFINITY },
];

/** The grade a total earns. Totals are compared as rounded to two decimals by the caller. */
export function gradeOf(total: number): Grade {
  for (const band of GRADE_BANDS) {
    if (total >= band.minTotal) return band.grade;
  }
  return 'poor';
}
