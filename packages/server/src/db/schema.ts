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
  login_failures: LoginFailureTable;
}
