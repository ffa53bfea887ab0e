/**
 * 5. 失分指标: the 三级指标 (recognised across forms by their name path) that most counted forms lose points
 * on — lost = 分值 − 得分 on an applicable, non-adjustment leaf — and why: the most frequent 评分依据、未达标原因
 * texts given where points were lost, and the findings the checks raised there.
 */
import type { IndicatorCategory } from '@jixiao/core';
import type { AnalysisScope } from '../../db/repositories/analysis-repository.js';
import { lostPointReasons, lostPoints } from '../../db/repositories/analysis-repository.js';
import type { ServiceContext } from '../context.js';
import { meanPoints, points } from './analysis-numbers.js';

/** Reasons and finding codes shown per indicator, and the longest reason shown (a reason may be a page long). */
const REASONS_SHOWN = 3;
const REASON_CHARS = 200;

export interface LostPointsRowFigure {
  namePath: string;
  category: IndicatorCategory;
  /** Counted forms that score this indicator. */
  forms: number;
  losingForms: number;
  /** Points lost on it, summed over the forms. */
  lostPoints: number;
  /** Points lost per losing form. */
  averageLost: number | null;
  /** The most frequent reasons, each with the forms giving it. */
  reasons: { text: string; forms: number }[];
  /** The findings on it where points were lost, by code, each with its forms. */
  findings: { code: string; forms: number }[];
}

export interface LostPointsFigure {
  rows: LostPointsRowFigure[];
}

function top<T extends { forms: number }>(items: T[], key: (item: T) => string): T[] {
  return items.sort((a, b) => b.forms - a.forms || key(a).localeCompare(key(b))).slice(0, REASONS_SHOWN);
}

/** The `limit` indicators lost most often (then most points). */
export async function lostPointsFigure(ctx: Pick<ServiceContext, 'db'>, scope: AnalysisScope, limit: number): Promise<LostPointsFigure> {
  const rows = await lostPoints(ctx.db, scope, limit);
  const why = await lostPointReasons(ctx.db, scope, rows.map((r) => r.namePath));
  return {
    rows: rows.map((r) => {
      const codes = new Map<string, number>();
      const bases = new Map<string, number>();
      for (const w of why) {
        if (w.namePath !== r.namePath) continue;
        if (w.basis !== '') bases.set(w.basis, (bases.get(w.basis) ?? 0) + w.forms);
        if (w.findingCodes !== '') for (const code of w.findingCodes.split(' ')) codes.set(code, (codes.get(code) ?? 0) + w.forms);
      }
      const reasons = [...bases].map(([text, forms]) => ({ text: text.length > REASON_CHARS ? `${text.slice(0, REASON_CHARS)}…` : text, forms }));
      return {
        namePath: r.namePath,
        category: r.category as IndicatorCategory,
        forms: r.forms,
        losingForms: r.losingForms,
        lostPoints: points(r.lostUnits),
        averageLost: meanPoints(r.lostUnits, r.losingForms),
        reasons: top(reasons, (x) => x.text),
        findings: top([...codes].map(([code, forms]) => ({ code, forms })), (x) => x.code),
      };
    }),
  };
}
