/**
 * Pasting a column copied from Excel: the clipboard holds tab-separated rows (cells with line breaks
 * quoted). The first column of each row goes down the grid from the focused cell.
 */
import type { FormDocument } from '@jixiao/core';
import type { LeafPatch } from './form-edits.js';
import { updateLeaf } from './form-edits.js';
import { parseTypedNumber } from './parse-number.js';

/** The columns of the grid that take pasted values. */
export type PastableField = 'selfScore' | 'weight' | 'target' | 'actual' | 'basis' | 'remark' | 'definition' | 'name';

const NUMERIC_FIELDS: ReadonlySet<PastableField> = new Set(['selfScore', 'weight']);

/** Splits Excel's clipboard text into rows of cells (tab-separated, `"…"` quoting with `""` escapes). */
export function parseClipboardTable(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const s = text.replace(/\r\n?/gu, '\n');
  for (let i = 0; i < s.length; i += 1) {
    const ch = s[i];
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === '\t') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** The first column of the clipboard's rows. */
export function clipboardColumn(text: string): string[] {
  return parseClipboardTable(text).map((r) => r[0] ?? '');
}

/** What a paste did: the new form and the cells it refused (not numbers in a number column). */
export interface PasteResult {
  form: FormDocument;
  applied: number;
  refused: { leafId: string; text: string }[];
}

/** Writes `values` into `field` of the leaves `leafIds` (the rows from the focused one down), one per row. */
export function pasteColumn(form: FormDocument, leafIds: readonly string[], field: PastableField, values: readonly string[]): PasteResult {
  let next = form;
  let applied = 0;
  const refused: PasteResult['refused'] = [];
  values.forEach((text, i) => {
    const leafId = leafIds[i];
    if (leafId === undefined) return;
    let patch: LeafPatch;
    if (NUMERIC_FIELDS.has(field)) {
      const parsed = parseTypedNumber(text);
      if (!parsed.ok) {
        refused.push({ leafId, text });
        return;
      }
      patch = field === 'selfScore' ? { selfScore: parsed.value } : { weight: parsed.value };
    } else patch = { [field]: text.trim() };
    next = updateLeaf(next, leafId, patch);
    applied += 1;
  });
  return { form: next, applied, refused };
}
