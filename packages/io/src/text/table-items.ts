/**
 * The indicator table as a stream of items: text pieces, numbers, and page breaks. Repeated headers,
 * page numbers, form feeds and reprinted titles all become one kind of item, a break, which remembers
 * the row layout a header announced; what stands at the top of a page after a break is decided later,
 * by the tree builder, which knows the groups that may be repeated there.
 */
import { matchKey } from '@jixiao/core';
import { segmentsOf } from './segments.js';
import type { Segment } from './segments.js';
import type { SourceLine } from './source-lines.js';
import type { RowLayout } from './table-header.js';
import { headerAt } from './table-header.js';

/** A number piece. */
export interface NumberSegment extends Segment {
  readonly value: number;
}

/** One item of the table stream. */
export type TableItem =
  | { readonly kind: 'text'; readonly segment: Segment }
  | { readonly kind: 'number'; readonly segment: NumberSegment }
  | { readonly kind: 'break'; readonly line: number; readonly layout: RowLayout | null };

/** True for a line that repeats the form's title or its 附件 mark at a page top. */
function isPageTitle(line: SourceLine): boolean {
  if (line.text.length > 40) return false;
  const key = matchKey(line.text);
  return key.includes('部门整体支出绩效自评') || /^附件[0-9一二三四五六七八九十]+$/u.test(key);
}

/** The items of table lines [from, to). */
export function tableItems(lines: readonly SourceLine[], from: number, to: number): TableItem[] {
  const items: TableItem[] = [];
  let i = from;
  while (i < to) {
    const line = lines[i] as SourceLine;
    const header = headerAt(lines, i);
    if (header !== null) {
      items.push({ kind: 'break', line: line.number, layout: header.layout });
      i += header.length;
      continue;
    }
    i += 1;
    if (line.kind === 'pageBreak' || (line.text !== '' && isPageTitle(line))) {
      items.push({ kind: 'break', line: line.number, layout: null });
      continue;
    }
    for (const segment of segmentsOf(line)) {
      if (segment.value !== null) items.push({ kind: 'number', segment: { ...segment, value: segment.value } });
      else items.push({ kind: 'text', segment });
    }
  }
  return items;
}
