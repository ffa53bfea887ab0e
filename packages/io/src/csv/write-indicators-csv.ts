/**
 * The indicator rows as CSV, for people who paste into other tools: one row per indicator (level 1, 2
 * and 3, in printed order) with its name path, level, name, weight, target, actual and self-score.
 * Written as every jixiao CSV is (csv-text.ts: BOM, CRLF, RFC 4180 quoting, formula guard on text).
 */
import type { FormDocument, IndicatorNode } from '@jixiao/core';
import { formatNamePath } from '@jixiao/core';
import { printedPlain } from '../layout/printed-numbers.js';
import { csvText, guardFormula as guarded } from './csv-text.js';

/** The columns, named as the canonical JSON names the fields (stable for tools, whatever the language). */
export const CSV_COLUMNS = ['path', 'level', 'name', 'weight', 'target', 'actual', 'selfScore'] as const;

const number = (value: number | null): string => (value === null ? '' : printedPlain(value).text);

/** The CSV text, BOM included (see the module comment). */
export function writeIndicatorsCsv(form: FormDocument): string {
  const rows: string[][] = [];
  const visit = (node: IndicatorNode, path: readonly string[]): void => {
    const namePath = [...path, node.name];
    const leaf = node.kind === 'leaf' ? node : null;
    const cells = [
      guarded(formatNamePath(namePath)),
      String(node.level),
      guarded(node.name),
      number(node.weight),
      guarded(leaf?.target ?? ''),
      guarded(leaf?.actual ?? ''),
      number(leaf?.selfScore ?? null),
    ];
    rows.push(cells);
    if (node.kind === 'group') for (const child of node.children) visit(child, namePath);
  };
  for (const top of form.indicators) visit(top, []);
  return csvText(CSV_COLUMNS, rows);
}
