/** The bulk import screen's logic: starting decisions, what still waits, chunks, the report's counts, its address. */
import { describe, expect, it } from 'vitest';
import type { BulkImportEntryAnswer, BulkPreviewItemAnswer } from '../src/api/api-types.js';
import { confirmChunks, decisionOf, decisionValue, initialDecision, reportCounts, undecided } from '../src/bulk-import/bulk-batch.js';
import { parseRoute, routePath } from '../src/model/routes.js';

const item = (file: string, match: BulkPreviewItemAnswer['match'], uploadId: string | null = file): BulkPreviewItemAnswer => ({ file, uploadId, unitName: file, year: 2021, errorCount: 0, warningCount: 0, match, refusal: null });
const entry = (outcome: BulkImportEntryAnswer['outcome']): BulkImportEntryAnswer => ({ file: outcome, outcome, code: '', message: '', departmentName: null, departmentCreated: false, formId: null, errorCount: 0, warningCount: 0, problems: [] });

describe('bulk import batch', () => {
  it('a matched name starts imported into its department; a new or ambiguous one waits for a decision', () => {
    const items = [item('a', { kind: 'matched', department: { id: 'd1', name: '甲' } }), item('b', { kind: 'new' }), item('c', { kind: 'ambiguous', candidates: [] }), item('bad', null, null)];
    const decisions = new Map(items.filter((i) => i.uploadId !== null).map((i) => [i.uploadId ?? '', initialDecision(i)]));
    expect([...decisions.values()]).toEqual([{ kind: 'match' }, null, null]);
    expect(undecided(items, decisions)).toBe(2);
    decisions.set('b', decisionOf('create'));
    decisions.set('c', decisionOf('d7'));
    expect(undecided(items, decisions)).toBe(0);
    expect(decisions.get('c')).toEqual({ kind: 'department', departmentId: 'd7' });
    expect(['match', 'create', 'skip', 'd7'].map((v) => decisionValue(decisionOf(v)))).toEqual(['match', 'create', 'skip', 'd7']);
  });

  it('confirms in chunks of five, in order, and counts the report', () => {
    expect(confirmChunks([1, 2, 3, 4, 5, 6, 7])).toEqual([[1, 2, 3, 4, 5], [6, 7]]);
    expect(reportCounts(['imported', 'importedWithFindings', 'updated', 'unchanged', 'skipped', 'refused', 'needsConfirmation'].map((o) => entry(o as BulkImportEntryAnswer['outcome'])))).toEqual({ files: 7, imported: 3, withFindings: 1, unchanged: 1, skipped: 1, refused: 2 });
  });

  it('lives at /bulk-import', () => {
    expect(parseRoute('/bulk-import')).toEqual({ name: 'bulkImport' });
    expect(routePath({ name: 'bulkImport' })).toBe('/bulk-import');
  });
});
