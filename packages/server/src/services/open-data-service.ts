/**
 * The open-data package of a year, for anyone: the year's published forms (and only those) gathered with
 * their region, review and template version, handed to io to be written. The package's creation time is
 * the last change of the data it holds (not the clock), so the same published forms make the same bytes
 * on every download. A year with nothing published is refused with a clear message rather than answered
 * with an empty package that looks like data.
 */
import type { FormDocument } from '@jixiao/core';
import type { OpenDataForm, OpenDataInput, OpenDataReview } from '@jixiao/io';
import { writeOpenDataZip } from '@jixiao/io';
import { listPublishedFormsOfYear, listReviewsOfPublishedForms } from '../db/repositories/publication-repository.js';
import { ApiError } from './api-error.js';
import type { ServiceContext } from './context.js';

/** The software named as the package's producer. */
export const OPEN_DATA_SOFTWARE = { name: 'jixiao', version: '0.1.0' } as const;

/**
 * The licence the package declares. A default (CC BY 4.0: reuse freely, name the source) until a
 * publisher sets its own; recorded in docs/decisions.md.
 */
export const OPEN_DATA_LICENCE = { name: 'CC-BY-4.0', title: 'Creative Commons Attribution 4.0', path: 'https://creativecommons.org/licenses/by/4.0/' } as const;

/** What the package is made from; `sourceUrl` is where the public index of the year is read (the site's path, or a full URL from the CLI). */
export async function openDataInput(ctx: ServiceContext, year: number, sourceUrl: string): Promise<OpenDataInput> {
  const records = await listPublishedFormsOfYear(ctx.db, year);
  if (records.length === 0) throw new ApiError('api.nothingPublished', { year });
  const reviews = new Map<string, OpenDataReview[]>();
  for (const v of await listReviewsOfPublishedForms(ctx.db, records.map((r) => r.id))) {
    const list = reviews.get(v.formId) ?? [];
    list.push({ indicatorId: v.indicatorId, score: v.score, comment: v.comment });
    reviews.set(v.formId, list);
  }
  const forms: OpenDataForm[] = records.map((r) => ({
    formId: r.id,
    year: r.year,
    regionName: r.regionName,
    departmentName: r.departmentName,
    total: r.total,
    grade: r.grade,
    state: r.state,
    publishedDate: r.updatedAt.slice(0, 10),
    templateVersion: r.templateVersion,
    document: JSON.parse(r.documentJson) as FormDocument,
    reviews: reviews.get(r.id) ?? [],
  }));
  const regions = [...new Set(records.map((r) => r.regionName))].sort();
  const createdAt = records.map((r) => r.updatedAt).reduce((a, b) => (a > b ? a : b));
  return {
    year,
    createdAt,
    provenance: { software: OPEN_DATA_SOFTWARE, publisher: regions.join('、'), licence: OPEN_DATA_LICENCE, sourceUrl },
    forms,
  };
}

/** The package of a year as one .zip (made afresh; the public routes keep packages in an OpenDataCache). */
export async function openDataZip(ctx: ServiceContext, year: number, sourceUrl: string): Promise<Uint8Array> {
  return writeOpenDataZip(await openDataInput(ctx, year, sourceUrl));
}

/** The package's file name for a year. */
export function openDataFileName(year: number): string {
  return `jixiao-open-data-${year}.zip`;
}
