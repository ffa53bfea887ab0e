/**
 * What the open-data package of a year is made from: the year's published forms, each with its
 * department, region, review and the version of the indicator framework (template) it was issued from.
 * The server gathers it (published forms only); io turns it into files without knowing where it came from.
 */
import type { FormDocument, FormState, Grade } from '@jixiao/core';

/** A reviewer's score and comment on one level-3 indicator. */
export interface OpenDataReview {
  indicatorId: string;
  score: number | null;
  comment: string;
}

/** One published form. */
export interface OpenDataForm {
  formId: string;
  /** The fiscal year the form is filed under (the package's year). */
  year: number;
  regionName: string;
  departmentName: string;
  /** 总分 and 等级 as stored with the form (computed by core at each save). */
  total: number;
  grade: Grade;
  state: FormState;
  /** YYYY-MM-DD: the day the form was published (published forms are locked, so their last change). */
  publishedDate: string;
  /** The version of the year's indicator framework (template) the form was issued from; null when it was imported without a task. */
  templateVersion: number | null;
  document: FormDocument;
  reviews: readonly OpenDataReview[];
}

/** Who made the package and under what terms (shown in datapackage.json). */
export interface OpenDataProvenance {
  /** The producing software, e.g. { name: 'jixiao', version: '0.1.0' }. */
  software: { name: string; version: string; homepage?: string };
  /** The publisher (the finance bureau or the district), e.g. 番禺区财政局; '' when unknown. */
  publisher: string;
  /** The licence the data is published under. */
  licence: { name: string; title: string; path?: string };
  /** Where the data comes from: the public pages of the published forms. */
  sourceUrl: string;
}

/** Everything the package of a year holds. */
export interface OpenDataInput {
  year: number;
  /** When the package was made (ISO 8601); also the time stamp of every file inside the zip, so a package is reproducible. */
  createdAt: string;
  provenance: OpenDataProvenance;
  forms: readonly OpenDataForm[];
}
