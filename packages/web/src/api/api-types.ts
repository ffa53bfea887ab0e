/** What the server answers (packages/server/src/http/presenters.ts), as the web app reads it. */
import type { Action, DocumentChange, FormDocument, Grade, Role, Severity } from '@jixiao/core';
import type { FormListItem } from '../model/work-queue.js';

/** The signed-in user. */
export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  regionId: string | null;
  departmentId: string | null;
}

/** POST/GET /api/session. */
export interface SessionAnswer {
  user: SessionUser;
  csrfToken: string;
}

/** A problem with its message in the caller's language. */
export interface PresentedProblem {
  severity: Severity;
  code: string;
  path: string;
  message: string;
}

/** A reviewer's score and comment on one indicator. */
export interface ReviewAnswer {
  indicatorId: string;
  score: number | null;
  comment: string;
  updatedAt: string;
}

/** GET /api/forms/:id: the summary, the document, findings, reviews and the caller's abilities. */
export interface FormAnswer extends FormListItem {
  taskId: string | null;
  reviewComment: string;
  findings: PresentedProblem[];
  reviews: ReviewAnswer[];
  abilities: Action[];
  document: FormDocument;
}

/** One entry of GET /api/forms/:id/history. */
export interface HistoryAnswer {
  seq: number;
  version: number;
  at: string;
  user: { id: string; name: string };
  action: string;
  comment: string;
  changes: DocumentChange[];
}

/** A yearly task (reviewers and administrators). */
export interface TaskAnswer {
  id: string;
  regionId: string;
  year: number;
  deadline: string;
  templateId: string;
  createdAt: string;
}

/** POST /api/uploads: the parsed file, before anything is saved. */
export interface UploadPreview {
  uploadId: string | null;
  fileName: string;
  unitName: string | null;
  year: number | null;
  total: number | null;
  grade: string | null;
  findings: PresentedProblem[];
  problems: PresentedProblem[];
}

/** An evidence file. */
export interface AttachmentAnswer {
  id: string;
  indicatorId: string;
  fileName: string;
  size: number;
  contentType: string;
  createdAt: string;
}

/** GET /api/public/summary. */
export interface PublicSummary {
  count: number;
  averageTotal: number | null;
  grades: Record<Grade, number>;
}

/** GET /api/public/years: the years that have published forms, latest first. */
export interface PublicYearsAnswer {
  years: { year: number; count: number }[];
}

/** GET /api/public/ranking: a year's published forms in ranking order (grade, then total, then name). */
export interface PublicRankingAnswer {
  year: number | null;
  forms: (FormListItem & { rank: number })[];
}

/** A department. */
export interface DepartmentAnswer {
  id: string;
  regionId: string;
  name: string;
}

/** 整改: a follow-up, an entry of its history, the counts — the server's own answer types (type-only; docs/decisions.md). */
export type { FollowUpAnswer, FollowUpHistoryAnswer, FollowUpSummaryAnswer } from '@jixiao/server';

/** A line of a bulk import's report (POST /api/bulk-imports/confirm, and a refused file of a preview). */
export interface BulkImportEntryAnswer {
  file: string;
  outcome: 'imported' | 'importedWithFindings' | 'updated' | 'unchanged' | 'needsConfirmation' | 'skipped' | 'refused';
  code: string;
  message: string;
  departmentName: string | null;
  departmentCreated: boolean;
  formId: string | null;
  errorCount: number;
  warningCount: number;
  problems: PresentedProblem[];
}

/** One file of POST /api/bulk-imports/preview: kept for confirmation, or refused. */
export interface BulkPreviewItemAnswer {
  file: string;
  uploadId: string | null;
  unitName: string | null;
  year: number | null;
  errorCount: number;
  warningCount: number;
  match: { kind: 'matched'; department: { id: string; name: string } } | { kind: 'new' } | { kind: 'ambiguous'; candidates: { id: string; name: string }[] } | null;
  refusal: BulkImportEntryAnswer | null;
}

/** GET /api/regions. */
export interface RegionAnswer {
  id: string;
  name: string;
}
