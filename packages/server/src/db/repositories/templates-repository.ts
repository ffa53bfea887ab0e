/** Templates (a year's indicator framework, versioned) and yearly tasks. */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** A stored template: the indicator groups every form of the year starts from. */
export interface TemplateRecord {
  id: string;
  regionId: string;
  year: number;
  version: number;
  documentJson: string;
  createdAt: string;
}

/** The latest version of a region's template for a year. */
export async function findLatestTemplate(db: Kysely<Database>, regionId: string, year: number): Promise<TemplateRecord | null> {
  const row = await db
    .selectFrom('templates')
    .selectAll()
    .where('region_id', '=', regionId)
    .where('year', '=', year)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { id: row.id, regionId: row.region_id, year: row.year, version: row.version, documentJson: row.document, createdAt: row.created_at } : null;
}

/** Templates of a region, newest first. */
export async function listTemplates(db: Kysely<Database>, regionId: string | null): Promise<TemplateRecord[]> {
  let query = db.selectFrom('templates').selectAll().orderBy('year', 'desc').orderBy('version', 'desc');
  if (regionId !== null) query = query.where('region_id', '=', regionId);
  return (await query.execute()).map((row) => ({ id: row.id, regionId: row.region_id, year: row.year, version: row.version, documentJson: row.document, createdAt: row.created_at }));
}

/** Stores a template version. */
export async function insertTemplate(db: Kysely<Database>, t: TemplateRecord & { createdBy: string }): Promise<void> {
  await db
    .insertInto('templates')
    .values({ id: t.id, region_id: t.regionId, year: t.year, version: t.version, document: t.documentJson, created_at: t.createdAt, created_by: t.createdBy })
    .execute();
}

/** A yearly task. */
export interface TaskRecord {
  id: string;
  regionId: string;
  year: number;
  deadline: string;
  templateId: string;
  createdAt: string;
}

/** Stores a task. */
export async function insertTask(db: Kysely<Database>, t: TaskRecord & { createdBy: string }): Promise<void> {
  await db
    .insertInto('tasks')
    .values({ id: t.id, region_id: t.regionId, year: t.year, deadline: t.deadline, template_id: t.templateId, created_at: t.createdAt, created_by: t.createdBy })
    .execute();
}

/** Tasks, all or of a region. */
export async function listTasks(db: Kysely<Database>, regionId: string | null): Promise<TaskRecord[]> {
  let query = db.selectFrom('tasks').selectAll().orderBy('year', 'desc').orderBy('created_at', 'desc');
  if (regionId !== null) query = query.where('region_id', '=', regionId);
  return (await query.execute()).map((r) => ({ id: r.id, regionId: r.region_id, year: r.year, deadline: r.deadline, templateId: r.template_id, createdAt: r.created_at }));
}
