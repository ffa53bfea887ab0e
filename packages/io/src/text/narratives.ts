/**
 * The three narrative cells (年度整体绩效目标, 整体绩效目标完成情况, 未能完成原因): the lines between
 * one label and the next, rejoined into paragraphs.
 */
import type { SourceLine } from './source-lines.js';
import type { LinePiece } from './text-join.js';
import { joinParagraphs } from './text-join.js';

/** The text of lines [from, to), with `lead` (content spliced onto the label's line) first. */
export function narrativeText(lines: readonly SourceLine[], from: number, to: number, lead: string, leadLine: number): string {
  const pieces: LinePiece[] = [];
  if (lead !== '') pieces.push({ text: lead, line: leadLine });
  for (let i = from; i < to; i += 1) {
    const line = lines[i];
    if (line === undefined || line.kind !== 'text' || line.text === '') continue;
    pieces.push({ text: line.text, line: line.number, indented: line.indented });
  }
  return joinParagraphs(pieces);
}
