/**
 * The tables, as Kysely sees them. Times are ISO-8601 text (portable and sortable), ids are text made in
 * code, documents are JSON text; numeric columns come back as strings from PostgreSQL and as numbers
 * from SQLite, so they are read only through `readDecimal`.
 */
import type { ColumnType, Generated } from 'kysely';

/** A NUMERIC column: written as a number, read as whatever the driver returns. */
export type Decimal = ColumnType<string | number, number, number>;
/** A nullable NUMERIC column. */
export type NullableDecimal = ColumnType<string | number | null, number | null, number | null>;

export interface RegionTable { id: string; name: string }
export interface DepartmentTable { id: string; region_id: string; name: string; unit_count: number | null }
export interface UnitTable { id: string; department_id: string; name: string }
export interface UserTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  role: string;
  region_id: string | null;
  department_id: string | null;
  created_at: string;
}
export interface SessionTable { id: string; user_id: string; csrf_token: string; created_at: string; expires_at: string }
export interface TemplateTable { id: string; region_id: string; year: number; version: number; document: string; created_at: string; created_by: string }
export interface TaskTable { id: string; region_id: string; year: number; deadline: string; template_id: string; created_at: string; created_by: string }
export interface FormTable {
  id: string;
  department_id: string;
  region_id: string;
  year: number;
  task_id: string | null;
  state: string;
  version: number;
  audit_seq: Generated<number>;
  document: string;
  /** The core's findings (problems with params) as JSON, computed at each save. */
  findings: string;
  unit_name: string;
  total: Decimal;
  grade: string;
  error_count: number;
  warning_count: number;
  review_comment: string;
  created_at: string;
  updated_at: string;
}
export interface FormVersionTable { form_id: string; version: number; document: string; state: string; created_at: string; created_by: string }
export interface AuditTable {
  id: string;
  form_id: string;
  seq: number;
  version: number;
  at: string;
  user_id: string;
  action: string;
  comment: string;
  /** DocumentChange[] as JSON. */
  changes: string;
}
export interface ReviewTable { form_id: string; indicator_id: string; score: NullableDecimal; comment: string; reviewer_id: string; updated_at: string }
export interface AttachmentTable {
  id: string;
  form_id: string;
  indicator_id: string;
  file_name: string;
  content_type: string;
  size: number;
  content: Uint8Array;
  uploaded_by: string;
  created_at: string;
}
/** Consecutive failed sign-ins per account name (the login throttle). */
export interface LoginFailureTable { account: string; failures: number; last_failure_at: string }
/** 整改: a follow-up raised from a finding or a review comment of a form. */
export interface FollowUpTable {
  id: string;
  form_id: string;
  department_id: string;
  region_id: string;
  year: number;
  /** 'finding' | 'review'. */
  source_kind: string;
  /** The finding's rule code; '' for a review comment. */
  source_code: string;
  /** The finding's path, or the reviewed indicator's name path. */
  source_path: string;
  /** The reviewed indicator's id; null for a finding. */
  source_indicator_id: string | null;
  /** The finding's message or the review comment as it read when the follow-up was raised. */
  quote: string;
  title: string;
  owner_id: string;
  /** YYYY-MM-DD. */
  due_date: string;
  status: string;
  version: number;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}
/** Every change of a follow-up: one row per version, never updated. */
export interface FollowUpHistoryTable {
  follow_up_id: string;
  /** The follow-up's version this change made (1 for its creation). */
  version: number;
  at: string;
  user_id: string;
  action: string;
  from_status: string | null;
  to_status: string;
  note: string;
  /** FollowUpFieldChange[] as JSON. */
  changes: string;
}
/**
 * The analysis facts of a form (one row per form, rewritten with it at every save; services/analysis/form-facts.ts):
 * scores in hundredths of a point, amounts in 分 (万元 × 1,000,000), so sums are exact integers on both databases.
 */
export interface AnalysisFormTable {
  form_id: string;
  department_id: string;
  region_id: string;
  year: number;
  state: string;
  grade: string;
  total_units: number;
  self_sum_units: number;
  /** Σ (reviewer's score − self-score) over the applicable leaves the reviewer scored, and how many (kept by every review write). */
  review_delta_units: number;
  reviewed_leaves: number;
  budgeted_fiscal_appropriation: NullableDecimal;
  budgeted_other_funds: NullableDecimal;
  budgeted_basic_expenditure: NullableDecimal;
  budgeted_project_expenditure: NullableDecimal;
  budgeted_own_level_expenditure: NullableDecimal;
  budgeted_transfer_payment: NullableDecimal;
  executed_fiscal_appropriation: NullableDecimal;
  executed_other_funds: NullableDecimal;
  executed_basic_expenditure: NullableDecimal;
  executed_project_expenditure: NullableDecimal;
  executed_own_level_expenditure: NullableDecimal;
  executed_transfer_payment: NullableDecimal;
  budgeted_total: NullableDecimal;
  executed_total: NullableDecimal;
}
/** One 三级指标 of a form, for the analysis (rewritten with the form). */
export interface AnalysisLeafTable {
  form_id: string;
  position: number;
  indicator_id: string;
  name_path: string;
  category: string;
  /** 0 or 1. */
  not_applicable: number;
  weight_units: number | null;
  self_units: number | null;
  lost_units: number | null;
  basis: string;
  finding_codes: string;
}
export interface PendingUploadTable { id: string; user_id: string; file_name: string; document: string; created_at: string; expires_at: string }

/** Every table. */
export interface Database {
  regions: RegionTable;
  departments: DepartmentTable;
  units: UnitTable;
  users: UserTable;
  sessions: SessionTable;
  templates: TemplateTable;
  tasks: TaskTable;
  forms: FormTable;
  form_versions: FormVersionTable;
  audit_log: AuditTable;
  reviews: ReviewTable;
  attachments: AttachmentTable;
  pending_uploads: PendingUploadTable;
  analysis_forms: AnalysisFormTable;
  analysis_leaves: AnalysisLeafTable;
  follow_ups: FollowUpTable;
  follow_up_history: FollowUpHistoryTable;
  login_failures: LoginFailureTable;
}
