import type { Problem } from '@jixiao/core';
import { problemMessage } from '@jixiao/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { importFormText, readFormPdf, writeFormPdf } from '../src/index.js';
import { bundledFont } from '../src/pdf/bundled-font.js';
import type { ReadLimits } from '../src/pdf/pdf-content.js';
import { seedForm } from './helpers/forms.js';
import { makePdf, renderPages } from './helpers/pdf-files.js';
import { SEED_TEXT } from './helpers/seed.js';
import { REFUSED_WITHIN_MS } from './helpers/time-bounds.js';

let seedPdf: Uint8Array;

beforeAll(async () => {
  seedPdf = await writeFormPdf(seedForm(), { font: await bundledFont() });
  // Load pdfjs-dist once, so the time bounds below measure the reading, not the module's first load.
  await readFormPdf(seedPdf);
});

/** Reads `bytes`, expecting one error and no form, in bounded time. */
async function refused(bytes: Uint8Array, limits?: ReadLimits): Promise<Problem> {
  const start = performance.now();
  const read = await readFormPdf(bytes, limits);
  expect(performance.now() - start).toBeLessThan(REFUSED_WITHIN_MS);
  expect(read.value).toBeNull();
  expect(read.problems.filter((p) => p.severity === 'error')).toHaveLength(1);
  return read.problems.find((p) => p.severity === 'error') as Problem;
}

describe('PDFs that cannot be read end in a clear message', () => {
  it('an encrypted PDF that needs a password', async () => {
    const encrypted = await makePdf((doc) => doc.fontSize(12).text('部门整体支出绩效自评表', 50, 50), { userPassword: 'secret', ownerPassword: 'owner', pdfVersion: '1.7' });
    const problem = await refused(encrypted);
    expect(problem.code).toBe('import.pdf.encrypted');
    expect(problemMessage(problem)).toBe('PDF 已加密，需要密码才能打开，无法读取：请提供未加密的 PDF。');
  });

  it('an image-only (scanned) PDF: no text layer', async () => {
    const [scan] = renderPages(seedPdf, 30, { page: 1, x: 0, y: 0, w: 350, h: 248 });
    const png = Buffer.from(await pngOf(scan!.width, scan!.height, scan!.grey));
    const scanned = await makePdf((doc) => {
      doc.image(png, 0, 0, { width: 842 });
      doc.addPage();
      doc.image(png, 0, 0, { width: 842 });
    }, { size: 'A4', layout: 'landscape' });
    const problem = await refused(scanned);
    expect(problem.code).toBe('import.pdf.noText');
    expect(problemMessage(problem)).toContain('PDF 共 2 页，没有文字层（可能是扫描件或图片）');
  });

  it('a damaged PDF: cut short, scrambled, or not a PDF at all', async () => {
    expect((await refused(seedPdf.slice(0, Math.floor(seedPdf.length * 0.6)))).code).toBe('import.pdf.damaged');
    const scrambled = new Uint8Array(30_000).map((_, i) => (i * 7919) % 251);
    scrambled.set(new TextEncoder().encode('%PDF-1.7\n'));
    const damaged = await refused(scrambled);
    expect(damaged.code).toBe('import.pdf.damaged');
    expect(problemMessage(damaged)).toContain('PDF 文件已损坏或不是 PDF');
    expect((await refused(new TextEncoder().encode('单位名称 番禺区'))).params).toEqual({ detail: 'no %PDF header: not a PDF file' });
  });

  it('a page ruled into tens of thousands of boxes, full of other text: refused as not the form, quickly', async () => {
    const ruled = await makePdf((doc) => {
      doc.lineWidth(0.1);
      for (let i = 0; i <= 400; i += 1) doc.moveTo(10, 10 + i * 2).lineTo(585, 10 + i * 2).stroke();
      for (let j = 0; j <= 150; j += 1) doc.moveTo(10 + j * 3.8, 10).lineTo(10 + j * 3.8, 810).stroke();
      doc.fontSize(6);
      for (let k = 0; k < 2000; k += 1) doc.text('名单', 12 + (k % 40) * 14, 12 + Math.floor(k / 40) * 15, { lineBreak: false });
    });
    const problem = await refused(ruled);
    expect(problem.code).toBe('import.grid.notForm');
    expect(problemMessage(problem)).toContain('名单');
  });

  it('more pages than the limit, refused before any page is read', async () => {
    const problem = await refused(seedPdf, { maxPages: 2, timeoutMs: 30_000 });
    expect(problem.code).toBe('import.pdf.tooManyPages');
    expect(problemMessage(problem)).toContain('超过上限 2 页');
  });

  it('a reading that runs out of time stops with a message', async () => {
    const problem = await refused(seedPdf, { maxPages: 100, timeoutMs: 1 });
    expect(problem.code).toBe('import.pdf.timeout');
  });
});

describe('a PDF without table rules', () => {
  it('is read as text in reading order: the seed’s lines printed plainly give the text import’s form', async () => {
    const plain = await makePdf((doc) => {
      doc.fontSize(8);
      let y = 30;
      for (const line of SEED_TEXT.split('\n')) {
        if (y > 800) {
          doc.addPage();
          y = 30;
        }
        if (line.trim() !== '') doc.text(line, 30, y, { lineBreak: false });
        y += 11;
      }
    });
    const read = await readFormPdf(plain);
    expect(read.problems.map((p) => p.code)).toEqual(['import.pdf.noTable']);
    expect(read.value).toEqual(importFormText(SEED_TEXT).value);
  });
});

/** A greyscale PNG (uncompressed-filter rows, zlib-deflated), to put an image in a PDF. */
async function pngOf(width: number, height: number, grey: Uint8Array): Promise<Uint8Array> {
  const { deflateSync, crc32 } = await import('node:zlib');
  const chunk = (type: string, data: Buffer): Buffer => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 0;
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y += 1) raw.set(grey.subarray(y * width, (y + 1) * width), y * (width + 1) + 1);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
