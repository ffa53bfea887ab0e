/**
 * The form as a self-contained HTML page for printing: the printed layout as two tables (the upper
 * blocks, then the indicator table whose first header row is the table head a browser repeats on every
 * printed page), A4 landscape print styles inline, no script, no external resource. Every text is
 * escaped; line breaks inside a cell print as breaks.
 */
import type { FormDocument } from '@jixiao/core';
import { termLabel } from '@jixiao/core';
import { layoutForm } from '../layout/form-layout.js';
import type { FormLayout, LayoutCell } from '../layout/layout-model.js';
import { escapeHtml } from './escape-html.js';

const STYLE = `
@page { size: A4 landscape; margin: 12mm 10mm; }
body { font-family: "SimSun", "Songti SC", "Noto Sans SC", "Noto Sans CJK SC", sans-serif; font-size: 10pt; color: #000; margin: 0 auto; max-width: 1120px; }
.appendix { font-size: 11pt; margin: 0 0 4pt; }
h1 { font-size: 18pt; text-align: center; margin: 4pt 0; font-weight: bold; }
.subtitle { font-size: 12pt; text-align: center; margin: 0 0 8pt; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; margin: 0; }
table + table { border-top: none; }
td, th { border: 0.5pt solid #000; padding: 3pt; vertical-align: middle; word-break: break-all; overflow-wrap: anywhere; }
th, .label, .section { background: #f2f2f2; font-weight: normal; text-align: center; }
.section { font-weight: bold; }
.left { text-align: left; } .center { text-align: center; } .right { text-align: right; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; break-inside: avoid; }
`;

function cellHtml(cell: LayoutCell, tag: 'td' | 'th'): string {
  const spans = `${cell.rowSpan > 1 ? ` rowspan="${cell.rowSpan}"` : ''}${cell.colSpan > 1 ? ` colspan="${cell.colSpan}"` : ''}`;
  const body = escapeHtml(cell.text).replace(/\n/gu, '<br>');
  return `<${tag}${spans} class="${cell.style} ${cell.align}">${body}</${tag}>`;
}

function rowsHtml(layout: FormLayout, from: number, to: number, tag: (row: number) => 'td' | 'th'): string {
  const out: string[] = [];
  for (let r = from; r < to; r += 1) {
    const cells = layout.cells.filter((c) => c.row === r).map((c) => cellHtml(c, tag(r)));
    out.push(`<tr>${cells.join('')}</tr>`);
  }
  return out.join('\n');
}

/** The HTML page of a form (see the module comment). */
export function writeFormHtml(form: FormDocument): string {
  const layout = layoutForm(form);
  const total = layout.columns.reduce((sum, c) => sum + c.width, 0);
  const colgroup = `<colgroup>${layout.columns.map((c) => `<col style="width:${((c.width / total) * 100).toFixed(2)}%">`).join('')}</colgroup>`;
  const byKind = (kind: string): LayoutCell | undefined => layout.cells.find((c) => layout.rows[c.row]?.kind === kind);
  const firstFramed = layout.rows.findIndex((row) => row.framed);
  const firstHeader = layout.rows.findIndex((row) => row.kind === 'indicatorHeader');
  const split = firstHeader < 0 ? layout.rows.length : firstHeader;
  const headerTag = (r: number): 'td' | 'th' => (layout.rows[r]?.kind === 'indicatorHeader' ? 'th' : 'td');
  const title = `${termLabel('form')} ${form.unit.name}`.trim();
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title>`,
    '<meta name="generator" content="jixiao">',
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<p class="appendix">${escapeHtml(byKind('appendix')?.text ?? '')}</p>`,
    `<h1>${escapeHtml(byKind('title')?.text ?? '')}</h1>`,
    `<p class="subtitle">${escapeHtml(byKind('year')?.text ?? '')}</p>`,
    `<table>${colgroup}\n<tbody>\n${rowsHtml(layout, firstFramed, split, headerTag)}\n</tbody></table>`,
    firstHeader < 0
      ? ''
      : `<table>${colgroup}\n<thead>\n${rowsHtml(layout, firstHeader, firstHeader + 1, headerTag)}\n</thead>\n<tbody>\n${rowsHtml(layout, firstHeader + 1, layout.rows.length, headerTag)}\n</tbody></table>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
