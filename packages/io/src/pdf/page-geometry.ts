/**
 * The printed page of the PDF: A4 landscape (the 附件3 table is eleven columns wide), its margins, and
 * the type sizes, line heights and cell padding of each kind of cell. The writer lays out with these
 * and nothing else, so pagination can be computed and tested without drawing.
 */
import type { CellStyle } from '../layout/layout-model.js';

/** A4 landscape, in points. */
export const PAGE_WIDTH = 841.89;
export const PAGE_HEIGHT = 595.28;
export const MARGIN_X = 28;
export const MARGIN_TOP = 28;
/** The bottom margin leaves room for the page number. */
export const MARGIN_BOTTOM = 40;
export const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X;
export const CONTENT_BOTTOM = PAGE_HEIGHT - MARGIN_BOTTOM;

/** Font size of each kind of cell, in points. */
export const FONT_SIZE: Readonly<Record<CellStyle, number>> = { appendix: 11, title: 18, subtitle: 12, section: 10, label: 9, header: 9, content: 9, number: 9 };

/** Line height as a multiple of the font size (Noto Sans SC's ascent and descent take 1.45 em). */
export const LINE_HEIGHT = 1.45;
/** Space between a cell's frame and its text. */
export const PAD_X = 3;
export const PAD_Y = 3;
/** First-line indentation of paragraphs in cells of several paragraphs, in em. */
export const INDENT_EM = 2;
/** Rows are never shorter than this. */
export const MIN_ROW_HEIGHT = 18;

/** Line height of a kind of cell, in points. */
export function lineHeight(style: CellStyle): number {
  return FONT_SIZE[style] * LINE_HEIGHT;
}
