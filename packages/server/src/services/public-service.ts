/** What anyone may read without signing in: published forms and their summaries, and nothing else. */
import type { Grade } from '@jixiao/core';
import { div, exact, GRADES, rankForms, roundHalfUp, SCORE_DECIMALS, sumOf } from '@jixiao/core';
import type { FormSummary } from '../db/repositories/forms-repository.js';
import { listForms } from '../db/repositories/forms-repository.js';
import type { PublishedYear } from '../db/repositories/publication-repository.js';
import { listPublishedYears } from '../db/repositories/publication-repository.js';
import type { ServiceContext } from './context.js';

/** Published forms, optionally of one year. */
export async function publishedForms(ctx: ServiceContext, year: number | undefined): Promise<FormSummary[]> {
  return listForms(ctx.db, { year, states: ['published'] });
}

/** A year's published forms in figures: how many, the average total, the grade distribution. */
export interface PublishedSummary {
  year: number | null;
  count: number;
  averageTotal: number | null;
  grades: Record<Grade, number>;
}

/** Summary of the published forms of a year (or all years). */
export async function publishedSummary(ctx: ServiceContext, year: number | undefined): Promise<PublishedSummary> {
  const forms = await publishedForms(ctx, year);
  const grades = Object.fromEntries(GRADES.map((g) => [g, 0])) as Record<Grade, number>;
  for (const f of forms) grades[f.grade] += 1;
  const averageTotal = forms.length === 0 ? null : roundHalfUp(div(sumOf(forms.map((f) => f.total)), exact(forms.length)), SCORE_DECIMALS);
  return { year: year ?? null, count: forms.length, averageTotal, grades };
}

/** The years that have published forms, latest first, each with how many. */
export async function publishedYears(ctx: ServiceContext): Promise<PublishedYear[]> {
  return listPublishedYears(ctx.db);
}

/** The public index of a year: its published forms in ranking order (grade, then total, then name), each with its place. */
export interface PublicRanking {
  /** The year shown: the one asked for, else the latest with published forms; null when nothing is published at all. */
  year: number | null;
  forms: (FormSummary & { rank: number })[];
}

/** The public index of a year (the latest published year when none is asked for). */
export async function publicRanking(ctx: ServiceContext, year: number | undefined): Promise<PublicRanking> {
  const shown = year ?? (await listPublishedYears(ctx.db))[0]?.year ?? null;
  if (shown === null) return { year: null, forms: [] };
  return { year: shown, forms: rankForms(await publishedForms(ctx, shown)) };
}
