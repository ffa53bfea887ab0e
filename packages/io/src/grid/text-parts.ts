/**
 * Text built from one or more cells: a leaf or a narrative continued on the next page comes as two
 * cells, joined as the printed lines they were (a line that wrapped joins without a break, an indented
 * line starts a paragraph) where the cells know their lines (PDF), else as paragraphs.
 */
import { cellText } from './cell-values.js';
import type { GridCell } from './grid-model.js';
import type { LinePiece } from '../text/text-join.js';
import { joinParagraphs } from '../text/text-join.js';

/** The text of the cells added so far. */
export class TextParts {
  private text = '';
  private lines: LinePiece[] | null = [];

  /** Appends a cell's text. */
  add(cell: GridCell): void {
    const text = cellText(cell);
    if (text === '') return;
    if (this.lines !== null && cell.lines !== undefined && cell.lines.length > 0) {
      const offset = this.lines.length === 0 ? 0 : (this.lines[this.lines.length - 1]?.line ?? 0) + 1;
      this.lines.push(...cell.lines.map((l) => ({ ...l, line: l.line + offset })));
      this.text = joinParagraphs(this.lines);
      return;
    }
    this.lines = null;
    this.text = this.text === '' ? text : `${this.text}\n${text}`;
  }

  /** The text so far. */
  value(): string {
    return this.text;
  }
}

