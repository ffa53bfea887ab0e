/**
 * Moving through the grid like a spreadsheet: Tab to the next editable cell of the row (then the next
 * row), Shift+Tab back; Enter down the same column, Shift+Enter up. Pure positions; the grid focuses.
 */

/** A cell of the grid: row index and column index among the editable columns. */
export interface CellPosition {
  row: number;
  col: number;
}

/** The keys that move. */
export type MoveKey = 'tab' | 'shiftTab' | 'enter' | 'shiftEnter';

/** The cell a key moves to, or null when it would leave the grid. */
export function nextCell(from: CellPosition, key: MoveKey, rowCount: number, colCount: number): CellPosition | null {
  const { row, col } = from;
  let next: CellPosition;
  switch (key) {
    case 'tab':
      next = col + 1 < colCount ? { row, col: col + 1 } : { row: row + 1, col: 0 };
      break;
    case 'shiftTab':
      next = col > 0 ? { row, col: col - 1 } : { row: row - 1, col: colCount - 1 };
      break;
    case 'enter':
      next = { row: row + 1, col };
      break;
    case 'shiftEnter':
      next = { row: row - 1, col };
      break;
  }
  return next.row >= 0 && next.row < rowCount && next.col >= 0 && next.col < colCount ? next : null;
}

/** The move a key press means, or null (Enter with Alt/Ctrl stays a newline in text cells). */
export function moveKeyOf(event: { key: string; shiftKey: boolean; altKey: boolean; ctrlKey: boolean; metaKey: boolean }): MoveKey | null {
  if (event.altKey || event.ctrlKey || event.metaKey) return null;
  if (event.key === 'Tab') return event.shiftKey ? 'shiftTab' : 'tab';
  if (event.key === 'Enter') return event.shiftKey ? 'shiftEnter' : 'enter';
  return null;
}
