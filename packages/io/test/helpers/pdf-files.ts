/**
 * Test-only PDF helpers: making PDFs with pdfkit (encrypted, image-only, text without table rules) and
 * rendering pages with Debian's pdftoppm (poppler-utils) into pixel maps a test can look at.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { bundledFont } from '../../src/pdf/bundled-font.js';

/** A PDF drawn by `draw` on A4 pages, with the bundled Chinese font selected. */
export async function makePdf(draw: (doc: PDFKit.PDFDocument) => void, options: PDFKit.PDFDocumentOptions = {}): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'A4', margin: 0, ...options });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise((resolve) => doc.on('end', resolve));
  doc.registerFont('cjk', Buffer.from(await bundledFont()));
  doc.font('cjk');
  draw(doc);
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

/** A rendered page: width × height grey levels (0 black … 255 white). */
export interface PageImage {
  readonly width: number;
  readonly height: number;
  readonly grey: Uint8Array;
}

function readPgm(bytes: Buffer): PageImage {
  // P5 (binary greymap): "P5\n<w> <h>\n<max>\n" then one byte per pixel.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/u.exec(bytes.subarray(0, 64).toString('latin1'));
  if (header === null) throw new Error('not a PGM image');
  const [whole, w, h] = header;
  return { width: Number(w), height: Number(h), grey: new Uint8Array(bytes.subarray(whole.length)) };
}

/** Every page (or the region `crop` in pixels at `dpi`) rendered by pdftoppm as greymaps, in page order. */
export function renderPages(pdf: Uint8Array, dpi: number, crop?: { page: number; x: number; y: number; w: number; h: number }): PageImage[] {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-pdftoppm-'));
  try {
    writeFileSync(join(dir, 'in.pdf'), pdf);
    const args = ['-gray', '-r', String(dpi)];
    if (crop !== undefined) args.push('-f', String(crop.page), '-l', String(crop.page), '-x', String(crop.x), '-y', String(crop.y), '-W', String(crop.w), '-H', String(crop.h));
    execFileSync('pdftoppm', [...args, join(dir, 'in.pdf'), join(dir, 'page')], { stdio: ['ignore', 'ignore', 'pipe'] });
    return readdirSync(dir)
      .filter((f) => f.startsWith('page'))
      .sort()
      .map((f) => readPgm(readFileSync(join(dir, f))));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Share of pixels darker than mid-grey in a rectangle of an image. */
export function darkShare(image: PageImage, box = { x: 0, y: 0, w: image.width, h: image.height }): number {
  let dark = 0;
  for (let y = box.y; y < box.y + box.h; y += 1) for (let x = box.x; x < box.x + box.w; x += 1) if ((image.grey[y * image.width + x] ?? 255) < 128) dark += 1;
  return dark / (box.w * box.h);
}

/** Rows of pixels that are dark over most of the given span: the horizontal rules of a table. */
export function ruledRows(image: PageImage, from: number, to: number): number {
  let rows = 0;
  for (let y = 0; y < image.height; y += 1) {
    let dark = 0;
    for (let x = from; x < to; x += 1) if ((image.grey[y * image.width + x] ?? 255) < 160) dark += 1;
    if (dark > 0.8 * (to - from)) rows += 1;
  }
  return rows;
}
