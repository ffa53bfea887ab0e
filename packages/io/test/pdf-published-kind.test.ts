import PDFDocument from 'pdfkit';
import type { FormDocument } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import { readFormPdf } from '../src/index.js';
import { bundledFont } from '../src/pdf/bundled-font.js';
import { FONT_SIZE, INDENT_EM, lineHeight, PAD_X, PAD_Y, PAGE_HEIGHT, PAGE_WIDTH } from '../src/pdf/page-geometry.js';
import { indentsParagraphs, planPages } from '../src/pdf/print-plan.js';
import { leafNamed, seedForm } from './helpers/forms.js';

/**
 * A PDF of the form drawn the way office suites export tables, not the way jixiao does: borders as thin
 * filled rectangles, every character placed on its own, group names not printed again at page tops and
 * the table header not repeated, no marks.
 */
async function officeStylePdf(form: FormDocument): Promise<Uint8Array> {
  const font = Buffer.from(await bundledFont());
  const doc = new PDFDocument({ size: [PAGE_WIDTH, PAGE_HEIGHT], margin: 0, autoFirstPage: false });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise((resolve) => doc.on('end', resolve));
  doc.registerFont('cjk', font);
  doc.font('cjk');
  const widthAt = (size: number) => (ch: string): number => doc.fontSize(size).widthOfString(ch);
  for (const page of planPages(form, widthAt).pages) {
    doc.addPage({ size: [PAGE_WIDTH, PAGE_HEIGHT], margin: 0 });
    for (const placed of page.cells) {
      if (placed.part === 'repeated') continue;
      const { x, y, width, height, cell } = placed;
      if (placed.framed) {
        doc.rect(x, y, width, 0.5).fill('#000');
        doc.rect(x, y + height - 0.5, width, 0.5).fill('#000');
        doc.rect(x, y, 0.5, height).fill('#000');
        doc.rect(x + width - 0.5, y, 0.5, height).fill('#000');
      }
      const size = FONT_SIZE[cell.style];
      const measure = widthAt(size);
      let lineY = placed.valign === 'top' ? y + PAD_Y : y + Math.max(PAD_Y, (height - placed.lines.length * lineHeight(cell.style)) / 2);
      for (const line of placed.lines) {
        const lineWidth = [...line.text].reduce((sum, ch) => sum + measure(ch), 0);
        let glyphX = cell.align === 'center' ? x + (width - lineWidth) / 2 : cell.align === 'right' ? x + width - PAD_X - lineWidth : x + PAD_X + (line.paragraphStart && indentsParagraphs(cell) ? INDENT_EM * size : 0);
        for (const ch of line.text) {
          if (ch !== ' ') doc.fillColor('#000').fontSize(size).text(ch, glyphX, lineY, { lineBreak: false });
          glyphX += measure(ch);
        }
        lineY += lineHeight(cell.style);
      }
    }
  }
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

describe('a PDF of the form as office suites export it', () => {
  it('reads the seed to the form the text import gave', async () => {
    const read = await readFormPdf(await officeStylePdf(seedForm()));
    expect(read.problems).toEqual([]);
    expect(read.value).toEqual(seedForm());
  });

  it('keeps the spaces of Latin words placed glyph by glyph', async () => {
    const form = seedForm();
    leafNamed(form, '1.年产新能源汽车').actual = '12万辆（其中 BEV 8万辆），见 Open Data 平台与 LED 屏公示。';
    const read = await readFormPdf(await officeStylePdf(form));
    expect(read.value).toEqual(form);
  });
});
