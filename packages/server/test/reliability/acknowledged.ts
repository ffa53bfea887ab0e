/**
 * What clients were told succeeded, checked against what the database holds: each acknowledged save or
 * transition made exactly one audit entry at the version it was told, and a save's own words (a marker
 * written into the document, unique to that request) are what that entry changed to.
 */
import { openDatabase } from '../../src/db/database.js';

/** A change a client received a 2xx for. */
export interface Acknowledged {
  formId: string;
  /** The version the answer carried (ETag). */
  version: number;
  /** 'save' or a transition ('submit', 'return' …). */
  action: string;
  /** For saves: the unique text the request wrote into the document's completion narrative. */
  marker?: string;
}

/** The path of the narrative the tests write their markers into. */
export const MARKER_PATH = 'narratives.completion';

/** Each acknowledged change missing, duplicated or different in the database at `url`. */
export async function acknowledgedProblems(url: string, acknowledged: readonly Acknowledged[]): Promise<string[]> {
  const database = openDatabase(url, { poolSize: 2 });
  try {
    const rows = await database.db.selectFrom('audit_log').select(['form_id', 'version', 'action', 'changes']).where('action', '!=', 'review').execute();
    const entries = new Map<string, { action: string; markers: string[] }[]>();
    const markerCount = new Map<string, number>();
    for (const r of rows) {
      const markers = (JSON.parse(r.changes) as { path: string; after: unknown }[]).filter((c) => c.path === MARKER_PATH && typeof c.after === 'string').map((c) => c.after as string);
      for (const m of markers) markerCount.set(m, (markerCount.get(m) ?? 0) + 1);
      const key = `${r.form_id}@${r.version}`;
      entries.set(key, [...(entries.get(key) ?? []), { action: r.action, markers }]);
    }
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const a of acknowledged) {
      const key = `${a.formId}@${a.version}`;
      if (seen.has(key)) problems.push(`version ${a.version} of form ${a.formId} was acknowledged twice`);
      seen.add(key);
      const at = entries.get(key) ?? [];
      if (at.length !== 1 || at[0]?.action !== a.action) {
        problems.push(`acknowledged ${a.action} → version ${a.version} of form ${a.formId}: the log has ${at.map((e) => e.action).join(',') || 'nothing'} there`);
        continue;
      }
      if (a.marker !== undefined) {
        if (!at[0].markers.includes(a.marker)) problems.push(`acknowledged save ${a.marker} → version ${a.version} of form ${a.formId}: the log's entry there wrote ${at[0].markers.join(',') || 'no marker'}`);
        if ((markerCount.get(a.marker) ?? 0) !== 1) problems.push(`save ${a.marker} is in the log ${markerCount.get(a.marker) ?? 0} times`);
      }
    }
    return problems;
  } finally {
    await database.close();
  }
}
