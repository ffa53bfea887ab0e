/**
 * The form as a PDF: the printed layout on A4 landscape, in Noto Sans SC embedded as a subset (pdfkit
 * keeps only the glyphs used, so a form stays small), every cell framed, text wrapped by measured
 * widths so nothing is cut, the table header repeated after page breaks and a page number at the foot.
 * Text is laid out so that jixiao reads it back exactly (wrap-lines.ts): paragraphs of a cell with
 * several are marked by first-line indentation, as Chinese documents mark them.
 */
import type { FormDocument } from '@jixiao/core';
import { termLabel } from '@jixiao/core';
import type { CellStyle } from '../layout/layout-model.js';
import type { PlacedCell } from './paginate.js';
import { CONTENT_BOTTOM, FONT_SIZE, INDENT_EM, lineHeight, PAD_X, PAD_Y, PAGE_HEIGHT, PAGE_WIDTH } from './page-geometry.js';
import { cellTag, PARAGRAPH_TAG } from './cell-marks.js';
import { indentsParagraphs, planPages } from './print-plan.js';
import type { WidthAt } from './print-plan.js';

export interface PdfOptions {
  /** The bytes of a TrueType/OpenType font with Chinese glyphs (Noto Sans SC in the CLI). */
  readonly font: Uint8Array;
  /**
   * Mark each cell's text with its place in the layout (invisible marked content, see cell-marks.ts) so
   * that jixiao reads its own PDFs exactly and without their drawing; default true. False prints a plain
   * PDF, as other tools make them.
   */
  readonly markCells?: boolean;
}

const SHADED: ReadonlySet<CellStyle> = new Set<CellStyle>(['section', 'header', 'label']);
const FONT = 'cjk';

/** The bytes of the form's PDF (see the module comment). */
export async function writeFormPdf(form: FormDocument, options: PdfOptions): Promise<Uint8Array> {
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({ size: [PAGE_WIDTH, PAGE_HEIGHT], margin: 0, autoFirstPage: false, info: { Title: `${termLabel('form')} ${form.unit.name}`.trim(), Creator: 'jixiao', Producer: 'jixiao' } });
  const chunks: Uint8Array[] = [];
  doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  doc.registerFont(FONT, Buffer.from(options.font.buffer, options.font.byteOffset, options.font.byteLength));
  doc.font(FONT);

  const widths = new Map<string, number>();
  const widthAt: WidthAt = (size) => (ch) => {
    const key = `${size}:${ch}`;
    let w = widths.get(key);
    if (w === undefined) {
      w = doc.fontSize(size).widthOfString(ch);
      widths.set(key, w);
    }
    return w;
  };

  const { pages } = planPages(form, widthAt);
  pages.forEach((page, p) => {
    doc.addPage({ size: [PAGE_WIDTH, PAGE_HEIGHT], margin: 0 });
    doc.lineWidth(0.5).strokeColor('#000000');
    for (const placed of page.cells) drawCell(doc, placed, widthAt, options.markCells !== false);
    const footer = `第 ${p + 1} 页，共 ${pages.length} 页`;
    doc.fillColor('#000000').fontSize(9).text(footer, (PAGE_WIDTH - doc.widthOfString(footer)) / 2, CONTENT_BOTTOM + 12, { lineBreak: false });
  });
  doc.end();
  await finished;
  const size = chunks.reduce((sum, c) => sum + c.length, 0);
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

function drawCell(doc: PDFKit.PDFDocument, placed: PlacedCell, widthAt: WidthAt, mark: boolean): void {
  const { cell } = placed;
  if (placed.framed) {
    if (SHADED.has(cell.style)) doc.rect(placed.x, placed.y, placed.width, placed.height).fill('#f2f2f2');
    doc.rect(placed.x, placed.y, placed.width, placed.height).stroke();
  }
  if (placed.lines.length === 0) return;
  const size = FONT_SIZE[cell.style];
  const step = lineHeight(cell.style);
  const block = placed.lines.length * step;
  let y = placed.valign === 'top' ? placed.y + PAD_Y : placed.y + Math.max(PAD_Y, (placed.height - block) / 2);
  const indent = indentsParagraphs(cell) ? INDENT_EM * size : 0;
  const measure = widthAt(size);
  doc.fillColor('#000000').fontSize(size);
  const marked = mark && placed.part !== 'repeated';
  if (marked) doc.markContent(cellTag(cell));
  for (const line of placed.lines) {
    const width = [...line.text].reduce((sum, ch) => sum + measure(ch), 0);
    let x = placed.x + PAD_X + (line.paragraphStart ? indent : 0);
    if (cell.align === 'center') x = placed.x + (placed.width - width) / 2;
    else if (cell.align === 'right') x = placed.x + placed.width - PAD_X - width;
    if (line.text !== '') {
      if (marked && line.paragraphStart) doc.markContent(PARAGRAPH_TAG);
      doc.text(line.text, x, y, { lineBreak: false });
      if (marked && line.paragraphStart) doc.endMarkedContent();
    }
    y += step;
  }
  if (marked) doc.endMarkedContent();
}
