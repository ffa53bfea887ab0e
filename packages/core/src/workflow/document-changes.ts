/**
 * What changed between two versions of a form, cell by cell: the audit log records it with every save
 * and the history view compares any two versions with it. Paths read like the form: indicators are
 * named by their name path (管理效能/预算管理/预算完成率.selfScore), other fields by their key.
 */
import type { FormDocument } from '../form/form-document.js';

/** A value a document cell can hold. */
export type CellValue = string | number | boolean | null;

/** One changed cell. */
export interface DocumentChange {
  path: string;
  before: CellValue;
  after: CellValue;
}

type Json = CellValue | readonly Json[] | { readonly [key: string]: Json };

function isRecord(value: Json | undefined): value is { readonly [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function leafValue(value: Json | undefined): CellValue {
  if (value === undefined) return null;
  return isRecord(value) || Array.isArray(value) ? JSON.stringify(value) : (value as CellValue);
}

/** The label of an array element: its name for indicators (stable across reordering), else its index. */
function elementKey(value: Json | undefined, index: number): string {
  if (isRecord(value) && typeof value['name'] === 'string' && value['name'] !== '') return value['name'];
  return String(index);
}

function join(path: string, key: string, named: boolean): string {
  if (path === '') return key;
  return named ? `${path}/${key}` : `${path}.${key}`;
}

function walk(path: string, before: Json | undefined, after: Json | undefined, out: DocumentChange[]): void {
  if (Array.isArray(before) && Array.isArray(after)) {
    const keyed = (list: readonly Json[]): Map<string, Json> => {
      const map = new Map<string, Json>();
      list.forEach((item, i) => {
        let key = elementKey(item, i);
        while (map.has(key)) key = `${key}#${i}`;
        map.set(key, item);
      });
      return map;
    };
    const a = keyed(before);
    const b = keyed(after);
    const base = path.endsWith('indicators') || path.endsWith('children') ? path.replace(/\.?(indicators|children)$/u, '') : path;
    for (const key of new Set([...a.keys(), ...b.keys()])) {
      const named = base !== path;
      walk(named ? (base === '' ? key : `${base}/${key}`) : `${path}[${key}]`, a.get(key), b.get(key), out);
    }
    return;
  }
  if (isRecord(before) && isRecord(after)) {
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      walk(join(path, key, false), before[key], after[key], out);
    }
    return;
  }
  if (before === undefined || after === undefined || isRecord(before) || isRecord(after) || Array.isArray(before) || Array.isArray(after)) {
    if (JSON.stringify(before) !== JSON.stringify(after)) out.push({ path, before: leafValue(before), after: leafValue(after) });
    return;
  }
  if (before !== after) out.push({ path, before: leafValue(before), after: leafValue(after) });
}

/** Every cell that differs between two versions of a form, in document order. */
export function documentChanges(before: FormDocument | null, after: FormDocument): DocumentChange[] {
  const out: DocumentChange[] = [];
  walk('', (before ?? {}) as unknown as Json, after as unknown as Json, out);
  return out;
}
