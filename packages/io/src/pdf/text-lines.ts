/**
 * Text pieces into printed lines: pieces on one baseline form a line, left to right, joined with a
 * space where a visible gap separates them (PDFs often place words or single glyphs one by one).
 */
import type { TextPiece } from './pdf-content.js';

/** Pieces grouped into lines by baseline, each line's pieces left to right. */
export function linesOf(pieces: readonly TextPiece[]): TextPiece[][] {
  const sorted = [...pieces].sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: TextPiece[][] = [];
  for (const piece of sorted) {
    const line = lines[lines.length - 1];
    const head = line?.[0];
    if (line !== undefined && head !== undefined && Math.abs(piece.y - head.y) < 0.5 * Math.max(piece.size, head.size)) line.push(piece);
    else lines.push([piece]);
  }
  for (const line of lines) line.sort((a, b) => a.x - b.x);
  return lines;
}

/** A line's text: pieces joined, with a space where a visible gap separates them. */
export function lineText(line: readonly TextPiece[]): string {
  let out = '';
  let end: number | null = null;
  for (const piece of line) {
    if (end !== null && piece.x - end > 0.25 * piece.size && !out.endsWith(' ')) out += ' ';
    out += piece.text;
    end = piece.x + piece.width;
  }
  return out.trim();
}

