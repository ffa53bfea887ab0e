/**
 * The indicator rows as CSV, for people who paste into other tools: one row per indicator (level 1, 2
 * and 3, in printed order) with its name path, level, name, weight, target, actual and self-score.
 * UTF-8 with a byte order mark (Excel opens Chinese correctly only then), CRLF line ends and RFC 4180
 * quoting. Text that a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage
 * return) gets a leading apostrophe; numbers are written by jixiao and need no guard.
 */
import type { FormDocument, IndicatorNode } from '@jixiao/core';
import { formatNamePath } from '@jixiao/core';
import { printedPlain } from '../layout/printed-numbers.js';

/** The columns, named as the canonical JSON names the fields (stable for tools, whatever the language). */
export const CSV_COLUMNS = ['path', 'level', 'name', 'weight', 'target', 'actual', 'selfScore'] as const;

const FORMULA_START = /^[=+\-@\t\r]/u;

/** A text field made safe from formula injection. */
function guarded(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One field, quoted where it must be. */
function field(value: string): string {
  return /[",\r\n]/u.test(value) || value !== value.trim() ? `"${value.replace(/"/gu, '""')}"` : value;
}

const number = (value: number | null): string => (value === null ? '' : printedPlain(value).text);

/** The CSV text, BOM included (see the module comment). */
export function writeIndicatorsCsv(form: FormDocument): string {
  const lines: string[] = [CSV_COLUMNS.join(',')];
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
    lines.push(cells.map(field).join(','));
    if (node.kind === 'group') for (const child of node.children) visit(child, namePath);
  };
  for (const top of form.indicators) visit(top, []);
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
