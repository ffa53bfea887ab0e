/**
 * The indicator table's header (一级指标 分值 二级指标 分值 三级指标 分值 指标解释 得分/自评分 …). It is
 * printed again at the top of every page, sometimes wrapped over several lines, and the duty page of the
 * seed even reprints the management header; this tells header lines from rows and says which columns a
 * header announces.
 */
import { findTerm, matchKey } from '@jixiao/core';
import type { TermId } from '@jixiao/core';
import { segmentsOf } from './segments.js';
import type { SourceLine } from './source-lines.js';

/** The two row layouts of the 附件3 table. */
export type RowLayout = 'management' | 'duty';

const HEADER_TERMS: ReadonlySet<TermId> = new Set<TermId>([
  'level1Indicator',
  'level2Indicator',
  'level3Indicator',
  'weight',
  'definition',
  'selfScore',
  'basis',
  'target',
  'actual',
  'remark',
  'scoringMethod',
]);

/** True for a line that opens a header: it names 一级指标. */
export function opensHeader(line: SourceLine): boolean {
  // 指 is the same character in every script: lines without it are not headers (a cheap first test).
  return line.kind === 'text' && line.text.length < 400 && line.text.includes('指') && matchKey(line.text).includes('一级指标');
}

/** True for a line made only of header words (the rest of a wrapped header). */
export function continuesHeader(line: SourceLine): boolean {
  if (line.kind !== 'text' || line.text === '' || line.text.length > 200) return false;
  const segments = segmentsOf(line);
  return segments.length > 0 && segments.every((s) => {
    const term = findTerm(s.text);
    return term !== null && HEADER_TERMS.has(term);
  });
}

/** The layout a header announces: duty when it names 年度指标值 / 实际完成指标值, else management. */
export function headerLayout(lines: readonly SourceLine[]): RowLayout {
  for (const line of lines) {
    for (const segment of segmentsOf(line)) {
      const term = findTerm(segment.text);
      if (term === 'target' || term === 'actual') return 'duty';
    }
  }
  return 'management';
}

/**
 * The header starting at `index`: how many lines it spans (blank lines inside included) and its layout,
 * or null when the line does not open a header.
 */
export function headerAt(lines: readonly SourceLine[], index: number): { length: number; layout: RowLayout } | null {
  const first = lines[index];
  if (first === undefined || !opensHeader(first)) return null;
  let end = index + 1;
  let next = end;
  while (next < lines.length) {
    const line = lines[next];
    if (line === undefined) break;
    if (line.kind === 'text' && line.text === '') {
      next += 1;
      continue;
    }
    if (!continuesHeader(line)) break;
    next += 1;
    end = next;
  }
  return { length: end - index, layout: headerLayout(lines.slice(index, end)) };
}
