/** 2. 总分与等级分布: forms per grade, the average and median total, the lowest and highest. */
import type { Grade } from '@jixiao/core';
import { GRADES } from '@jixiao/core';
import type { AnalysisScope } from '../../db/repositories/analysis-repository.js';
import { totalsByGrade } from '../../db/repositories/analysis-repository.js';
import type { ServiceContext } from '../context.js';
import { meanPoints, points, sharePercent } from './analysis-numbers.js';

export interface GradeDistributionFigure {
  forms: number;
  /** Every grade, 优 first, with its forms and its share of all in percent (two decimals). */
  grades: { grade: Grade; forms: number; sharePercent: number | null }[];
  average: number | null;
  /** The middle total (the mean of the two middle ones for an even count), half-up to two decimals. */
  median: number | null;
  min: number | null;
  max: number | null;
}

/** The distribution of the counted forms' totals. */
export async function gradeDistributionFigure(ctx: Pick<ServiceContext, 'db'>, scope: AnalysisScope): Promise<GradeDistributionFigure> {
  const found = await totalsByGrade(ctx.db, scope);
  const forms = found.grades.reduce((sum, g) => sum + g.forms, 0);
  const unitsSum = found.grades.reduce((sum, g) => sum + g.totalUnitsSum, 0);
  return {
    forms,
    grades: GRADES.map((grade) => {
      const n = found.grades.find((g) => g.grade === grade)?.forms ?? 0;
      return { grade, forms: n, sharePercent: sharePercent(n, forms) };
    }),
    average: meanPoints(unitsSum, forms),
    median: meanPoints(found.middleUnits.reduce((a, b) => a + b, 0), found.middleUnits.length),
    min: found.minUnits === null ? null : points(found.minUnits),
    max: found.maxUnits === null ? null : points(found.maxUnits),
  };
}
