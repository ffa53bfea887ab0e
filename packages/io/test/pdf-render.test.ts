import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeFormPdf } from '../src/index.js';
import { bundledFont } from '../src/pdf/bundled-font.js';
import { readPdfContent } from '../src/pdf/pdf-content.js';
import type { TextPiece } from '../src/pdf/pdf-content.js';
import { seedForm } from './helpers/forms.js';
import type { PageImage } from './helpers/pdf-files.js';
import { darkShare, makePdf, renderPages, ruledRows } from './helpers/pdf-files.js';

// pdftoppm comes with Debian's poppler-utils (CI installs it); without it these tests fail rather than pass unseen.
const DPI = 40;
const px = (points: number, dpi = DPI): number => Math.round((points * dpi) / 72);

let pdf: Uint8Array;
let pages: PageImage[];
let title: TextPiece;

beforeAll(async () => {
  execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
  pdf = await writeFormPdf(seedForm(), { font: await bundledFont() });
  pages = renderPages(pdf, DPI);
  const content = await readPdfContent(pdf);
  if (!content.ok) throw new Error('the PDF did not read');
  title = content.pages[0]?.pieces.find((p) => p.text === '部门整体支出绩效自评表') as TextPiece;
});

describe('the seed’s PDF as pdftoppm renders it', () => {
  it('has the pages the PDF says, A4 landscape', async () => {
    const content = await readPdfContent(pdf);
    expect(content.ok && content.pages.length).toBe(pages.length);
    expect(pages.length).toBeGreaterThanOrEqual(4);
    for (const page of pages) expect([page.width, page.height]).toEqual([px(841.89), px(595.28)]);
  });

  it('shows the table on every page: ruled rows across the width and ink in it, unlike a blank page', async () => {
    const blank = renderPages(await makePdf((doc) => doc.text('', 0, 0), { size: 'A4', layout: 'landscape' }), DPI)[0] as PageImage;
    const left = px(40);
    const right = px(800);
    expect(ruledRows(blank, left, right)).toBe(0);
    expect(darkShare(blank)).toBe(0);
    pages.forEach((page, i) => {
      expect(ruledRows(page, left, right), `page ${i + 1}`).toBeGreaterThanOrEqual(2);
      expect(darkShare(page), `page ${i + 1}`).toBeGreaterThan(0.02);
    });
  });

  it('draws real Chinese glyphs, not tofu: the title’s eleven characters all look different', () => {
    const dpi = 150;
    const [image] = renderPages(pdf, dpi, { page: 1, x: px(title.x, dpi), y: px(title.y - title.size, dpi), w: px(title.width, dpi), h: px(title.size * 1.3, dpi) });
    const glyphs = Array.from({ length: 11 }, (_, k) => shape(image as PageImage, Math.round((k * (image as PageImage).width) / 11), Math.round(((k + 1) * (image as PageImage).width) / 11)));
    for (const glyph of glyphs) expect(glyph.filter(Boolean).length).toBeGreaterThan(20);
    let closest = Number.POSITIVE_INFINITY;
    for (let a = 0; a < glyphs.length; a += 1) for (let b = a + 1; b < glyphs.length; b += 1) closest = Math.min(closest, hamming(glyphs[a] as boolean[], glyphs[b] as boolean[]));
    // Tofu boxes are one shape repeated (distance near 0); distinct characters differ in dozens of cells.
    expect(closest).toBeGreaterThan(15);
  });
});

/** The dark pixels of columns [from, to) scaled to a 16 × 16 grid over their own bounding box. */
function shape(image: PageImage, from: number, to: number): boolean[] {
  let top = image.height;
  let bottom = -1;
  let left = to;
  let right = from - 1;
  const dark = (x: number, y: number): boolean => (image.grey[y * image.width + x] ?? 255) < 128;
  for (let y = 0; y < image.height; y += 1) {
    for (let x = from; x < to; x += 1) {
      if (!dark(x, y)) continue;
      top = Math.min(top, y);
      bottom = Math.max(bottom, y);
      left = Math.min(left, x);
      right = Math.max(right, x);
    }
  }
  const out: boolean[] = [];
  for (let gy = 0; gy < 16; gy += 1) {
    for (let gx = 0; gx < 16; gx += 1) {
      const x = left + Math.floor(((gx + 0.5) * (right - left + 1)) / 16);
      const y = top + Math.floor(((gy + 0.5) * (bottom - top + 1)) / 16);
      out.push(bottom >= 0 && dark(x, y));
    }
  }
  return out;
}

function hamming(a: readonly boolean[], b: readonly boolean[]): number {
  return a.reduce((n, v, i) => n + (v === b[i] ? 0 : 1), 0);
}
