import type { Problem } from '@jixiao/core';
import { problemMessage } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import { readFormXlsx, writeFormXlsx } from '../src/index.js';
import { seedForm } from './helpers/forms.js';
import { buildZip, zerosDeflated } from './helpers/xlsx-zip.js';
import { REFUSED_WITHIN_MS } from './helpers/time-bounds.js';

/** Reads `bytes`, expecting one error; returns it with the time and memory the attempt took. */
async function refused(bytes: Uint8Array): Promise<{ problem: Problem; ms: number; grownMb: number }> {
  const rss = process.memoryUsage().rss;
  const start = performance.now();
  const read = await readFormXlsx(bytes);
  const ms = performance.now() - start;
  expect(read.value).toBeNull();
  expect(read.problems).toHaveLength(1);
  const problem = read.problems[0] as Problem;
  expect(problem.severity).toBe('error');
  return { problem, ms, grownMb: (process.memoryUsage().rss - rss) / 1024 / 1024 };
}

describe('workbooks that cannot be read end in a clear message', () => {
  it('a file that is not a zip at all', async () => {
    const { problem } = await refused(new TextEncoder().encode('单位名称,番禺区科信局\n总分,95.77\n'));
    expect(problem.code).toBe('import.xlsx.notWorkbook');
    expect(problemMessage(problem)).toContain('文件开头是「单位名称,番禺区科信局');
  });

  it('an old .xls or password-protected workbook (an OLE compound file)', async () => {
    const ole = new Uint8Array(512);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const { problem } = await refused(ole);
    expect(problem.code).toBe('import.xlsx.legacyOrEncrypted');
    expect(problemMessage(problem)).toContain('另存为 .xlsx');
  });

  it('a corrupt zip: a real workbook cut in half, and one with a damaged entry', async () => {
    const bytes = await writeFormXlsx(seedForm());
    const cut = await refused(bytes.slice(0, Math.floor(bytes.length / 2)));
    expect(cut.problem.code).toBe('import.xlsx.damaged');
    expect(problemMessage(cut.problem)).toContain('工作簿已损坏');
    const scrambled = bytes.slice();
    for (let i = 200; i < 2200; i += 1) scrambled[i] = (scrambled[i] ?? 0) ^ 0x5a;
    expect((await refused(scrambled)).problem.code).toBe('import.xlsx.damaged');
  });

  it('a zip bomb: tiny packed, gigabytes declared unpacked, refused before anything is inflated', async () => {
    const bomb = buildZip([
      { name: '[Content_Types].xml', data: new TextEncoder().encode('<Types/>') },
      { name: 'xl/worksheets/sheet1.xml', data: new Uint8Array(1024), declaredSize: 4_000_000_000 },
    ]);
    expect(bomb.length).toBeLessThan(2000);
    const { problem, ms, grownMb } = await refused(bomb);
    expect(problem.code).toBe('import.xlsx.tooLarge');
    expect(problemMessage(problem)).toContain('压缩炸弹');
    expect(ms).toBeLessThan(REFUSED_WITHIN_MS);
    expect(grownMb).toBeLessThan(50);
  });

  it('a zip bomb that declares its size honestly: 64 MB of zeros packed into 64 kB', async () => {
    const bomb = buildZip([{ name: 'xl/worksheets/sheet1.xml', data: new Uint8Array(64 * 1024 * 1024) }]);
    expect(bomb.length).toBeLessThan(100_000);
    const { problem, ms } = await refused(bomb);
    expect(problem.code).toBe('import.xlsx.tooLarge');
    expect(problem.params).toMatchObject({ sizeMb: '64.0', limitMb: '20.0' });
    expect(ms).toBeLessThan(REFUSED_WITHIN_MS);
  });

  it('a zip bomb that lies about its size: declared 1 kB, unpacking to 512 MB, stopped at the declared size', async () => {
    const liar = buildZip([{ name: 'xl/worksheets/sheet1.xml', packed: zerosDeflated(512), declaredSize: 1024 }]);
    expect(liar.length).toBeLessThan(600_000);
    const rss = process.memoryUsage().rss;
    const { problem, ms } = await refused(liar);
    expect(problem.code).toBe('import.xlsx.damaged');
    expect(problemMessage(problem, 'en')).toContain('unpacks to more than declared');
    expect(ms).toBeLessThan(REFUSED_WITHIN_MS);
    expect((process.memoryUsage().rss - rss) / 1024 / 1024).toBeLessThan(50);
  });

  it('a small archive that lies (16 MB inside, 1 kB declared) cannot unpack to much: read, and found damaged', async () => {
    const liar = buildZip([
      { name: '[Content_Types].xml', data: new TextEncoder().encode('<Types/>') },
      { name: 'xl/worksheets/sheet1.xml', packed: zerosDeflated(16), declaredSize: 1024 },
    ]);
    const { problem, ms } = await refused(liar);
    expect(problem.code).toBe('import.xlsx.damaged');
    expect(ms).toBeLessThan(REFUSED_WITHIN_MS);
  });
});
