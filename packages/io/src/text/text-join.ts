/**
 * Putting wrapped cell and paragraph text back together. PDF-to-text output breaks lines wherever the
 * printed cell was full, often mid-word; Chinese needs no space where a line was broken, so lines are
 * joined with nothing, except between two Latin letters, where the break stood for a space.
 */
import { enumerationOf } from './enumeration.js';
import type { Enumeration } from './enumeration.js';

/** A piece of text with the line it came from. */
export interface LinePiece {
  readonly text: string;
  readonly line: number;
  readonly indented?: boolean;
}

const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u2018-\u201f\u2026\u2014]/u;

/** Printed width in half-width units: Chinese characters and full-width forms count 2, the rest 1. */
export function visualWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += WIDE.test(ch) ? 2 : (ch.codePointAt(0) ?? 0) > 0xffff ? 2 : 1;
  return width;
}

const LATIN_END = /[A-Za-z]$/u;
const LATIN_START = /^[A-Za-z]/u;

/** Two wrapped pieces joined: nothing between them, a space between Latin letters. */
function glue(left: string, right: string): string {
  if (left === '') return right;
  if (right === '') return left;
  return LATIN_END.test(left) && LATIN_START.test(right) ? `${left} ${right}` : `${left}${right}`;
}

/** Pieces of one cell or paragraph joined; pieces from the same line keep a space between them. */
export function joinWrapped(pieces: readonly LinePiece[]): string {
  let out = '';
  let previous: LinePiece | null = null;
  for (const piece of pieces) {
    out = previous !== null && previous.line === piece.line && out !== '' ? `${out} ${piece.text}` : glue(out, piece.text);
    previous = piece;
  }
  return out;
}

const SENTENCE_END = /[。；;！!？?”"：:]$/u;

/**
 * Pieces of a multi-paragraph text (a narrative, 评分依据) joined into paragraphs separated by '\n'.
 * A piece starts a paragraph when it is indented, or when it starts with the next enumeration marker
 * of its style (二、 after 一、): numbering in sequence tells a real list item from a line that merely
 * happens to start with 一、 after a wrap. A first item (一、 1.) needs the line before it to end a
 * sentence, unless it opens the text.
 */
export function joinParagraphs(pieces: readonly LinePiece[]): string {
  const paragraphs: LinePiece[][] = [];
  const last = new Map<Enumeration['style'], number>();
  let current: LinePiece[] = [];
  let previousText = '';
  for (const piece of pieces) {
    const marker = enumerationOf(piece.text);
    let starts = current.length === 0 || piece.indented === true;
    if (marker !== null) {
      const expected = (last.get(marker.style) ?? 0) + 1;
      const inSequence = marker.n === expected && (marker.n > 1 || current.length === 0 || SENTENCE_END.test(previousText));
      if (inSequence) {
        starts = true;
        last.set(marker.style, marker.n);
      }
    }
    if (starts && current.length > 0) {
      paragraphs.push(current);
      current = [];
    }
    current.push(piece);
    previousText = piece.text;
  }
  if (current.length > 0) paragraphs.push(current);
  return paragraphs.map(joinWrapped).join('\n');
}
