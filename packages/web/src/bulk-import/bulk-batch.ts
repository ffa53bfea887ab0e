/**
 * The bulk import screen's pure logic (no DOM): the decision each previewed file starts with, whether the
 * batch may be confirmed, the confirmation in chunks (so that progress can be shown), and the report's
 * counts.
 */
import type { BulkImportEntryAnswer, BulkPreviewItemAnswer } from '../api/api-types.js';

/** The operator's decision on one previewed file, as the server takes it. */
export type BulkDecision = { kind: 'match' } | { kind: 'department'; departmentId: string } | { kind: 'create' } | { kind: 'skip' };

/** A matched name is imported into its department unless changed; a new or ambiguous one waits for a choice. */
export function initialDecision(item: BulkPreviewItemAnswer): BulkDecision | null {
  return item.match?.kind === 'matched' ? { kind: 'match' } : null;
}

/** The decision as the value of a select ("match", "create", "skip", or a department id). */
export function decisionValue(decision: BulkDecision | null): string | null {
  if (decision === null) return null;
  return decision.kind === 'department' ? decision.departmentId : decision.kind;
}

/** The decision a select's value stands for. */
export function decisionOf(value: string): BulkDecision {
  return value === 'match' || value === 'create' || value === 'skip' ? { kind: value } : { kind: 'department', departmentId: value };
}

/** The previewed files kept for confirmation that have no decision yet. */
export function undecided(items: readonly BulkPreviewItemAnswer[], decisions: ReadonlyMap<string, BulkDecision | null>): number {
  return items.filter((i) => i.uploadId !== null && !decisions.get(i.uploadId)).length;
}

/** Files confirmed per request: small enough to show progress, large enough to stay quick. */
export const CONFIRM_CHUNK = 5;

/** The confirmation's requests, in order. */
export function confirmChunks<T>(items: readonly T[], size = CONFIRM_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The report's figures. */
export function reportCounts(entries: readonly BulkImportEntryAnswer[]): Record<'files' | 'imported' | 'withFindings' | 'unchanged' | 'skipped' | 'refused', number> {
  const count = (...outcomes: BulkImportEntryAnswer['outcome'][]) => entries.filter((e) => outcomes.includes(e.outcome)).length;
  return {
    files: entries.length,
    imported: count('imported', 'importedWithFindings', 'updated'),
    withFindings: count('importedWithFindings'),
    unchanged: count('unchanged'),
    skipped: count('skipped'),
    refused: count('refused', 'needsConfirmation'),
  };
}
