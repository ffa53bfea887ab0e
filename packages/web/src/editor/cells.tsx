/**
 * The grid's editable cells: plain inputs (hundreds of them render on a 200-indicator form, so no
 * heavyweight components). A number cell keeps what is being typed ("1.") while the document holds the
 * number; text that is not a number is marked, never guessed.
 */
import type { ReactNode } from 'react';
import { memo, useState } from 'react';
import { formatCellNumber, parseTypedNumber } from '../model/parse-number.js';

/** Where a cell sits, for keyboard movement and paste. */
export interface CellPlace {
  id: string;
  row: number;
  col: number;
  field: string;
  label: string;
}

/** A number cell. */
export const NumberCell = memo(function NumberCell({ place, value, onValue, disabled }: { place: CellPlace; value: number | null; onValue: (value: number | null) => void; disabled?: boolean }): ReactNode {
  const [state, setState] = useState({ value, text: formatCellNumber(value) });
  let text = state.text;
  if (state.value !== value) {
    // Changed from outside (paste, conflict, reload): show the new value.
    text = formatCellNumber(value);
    setState({ value, text });
  }
  const invalid = !parseTypedNumber(text).ok;
  if (disabled) return <span id={place.id} className="cell-text num" aria-label={place.label}>{text}</span>;
  return (
    <input
      id={place.id}
      className={invalid ? 'num invalid' : 'num'}
      inputMode="decimal"
      data-row={place.row}
      data-col={place.col}
      data-field={place.field}
      aria-label={place.label}
      aria-invalid={invalid}
      disabled={disabled}
      value={text}
      onChange={(e) => {
        const typed = e.target.value;
        const parsed = parseTypedNumber(typed);
        if (parsed.ok) {
          setState({ value: parsed.value, text: typed });
          onValue(parsed.value);
        } else setState({ value, text: typed });
      }}
    />
  );
});

/** A text cell (wraps; Alt+Enter for a new line, as in Excel). */
export const TextCell = memo(function TextCell({ place, value, onValue, disabled, rows = 1 }: { place: CellPlace; value: string; onValue: (value: string) => void; disabled?: boolean; rows?: number }): ReactNode {
  if (disabled) return <div id={place.id} className="cell-text" aria-label={place.label}>{value}</div>;
  return (
    <textarea
      id={place.id}
      rows={Math.max(rows, Math.min(6, Math.ceil(value.length / 18)))}
      data-row={place.row}
      data-col={place.col}
      data-field={place.field}
      aria-label={place.label}
      disabled={disabled}
      value={value}
      onChange={(e) => onValue(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && e.altKey) {
          e.preventDefault();
          const el = e.currentTarget;
          const at = el.selectionStart;
          onValue(`${el.value.slice(0, at)}\n${el.value.slice(el.selectionEnd)}`);
        }
      }}
    />
  );
});
