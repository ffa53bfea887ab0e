/**
 * Reading a form from a PDF: pdfjs-dist gives each page's text positions (pdf-content); jixiao's own PDFs
 * say by their marks which cell each piece belongs to (marked-grid), and in other PDFs the table's rules
 * give the cells (page-grid); the grid reader then gives the form — the same reader as for Excel.
 * A PDF without table rules is read as text in reading order by the text importer (the form's published
 * PDFs are what that importer was built on). Encrypted, scanned, damaged and oversized PDFs end in a
 * clear problem.
 */
import type { FormDocument, Problem, WithProblems } from '@jixiao/core';
import { formFromGrid } from '../grid/form-from-grid.js';
import { importFormText } from '../text/import-form-text.js';
import type { PdfPage, ReadLimits } from './pdf-content.js';
import { DEFAULT_LIMITS, readPdfContent } from './pdf-content.js';
import { markedGrid } from './marked-grid.js';
import { pdfGrid } from './page-grid.js';

/** The pages' text in reading order, lines by baseline, pages separated by form feeds. */
export function readingOrderText(pages: readonly PdfPage[]): string {
  return pages
    .map((page) => {
      const sorted = [...page.pieces].sort((a, b) => a.y - b.y || a.x - b.x);
      const lines: string[] = [];
      let y: number | null = null;
      let end = 0;
      for (const piece of sorted) {
        if (y === null || Math.abs(piece.y - y) >= 0.5 * piece.size) {
          lines.push(piece.text);
          y = piece.y;
        } else lines[lines.length - 1] += `${piece.x - end > 0.25 * piece.size ? ' ' : ''}${piece.text}`;
        end = piece.x + piece.width;
      }
      return lines.join('\n');
    })
    .join('\n\f');
}

/** Reads a form from a PDF's bytes; problems say what could not be read. Never throws on any input. */
export async function readFormPdf(bytes: Uint8Array, limits: ReadLimits = DEFAULT_LIMITS): Promise<WithProblems<FormDocument | null>> {
  const content = await readPdfContent(bytes, limits);
  if (!content.ok) return { value: null, problems: [content.problem] };
  const sheet = markedGrid(content.pages) ?? pdfGrid(content.pages);
  if (sheet === null) {
    const read = importFormText(readingOrderText(content.pages));
    const note: Problem = { code: 'import.pdf.noTable', severity: 'info', path: '', params: {} };
    return { value: read.value, problems: [...content.problems, note, ...read.problems] };
  }
  const read = formFromGrid([sheet]);
  return { value: read.value?.form ?? null, problems: [...content.problems, ...read.problems] };
}
