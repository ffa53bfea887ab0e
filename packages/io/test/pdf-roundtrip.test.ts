import type { FormDocument, Level1Group } from '@jixiao/core';
import { checkForm } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import { readFormPdf, writeFormPdf } from '../src/index.js';
import { bundledFont } from '../src/pdf/bundled-font.js';
import { readPdfContent } from '../src/pdf/pdf-content.js';
import { leafNamed, seedForm } from './helpers/forms.js';

const seed = seedForm();

/** How the PDF is read: by jixiao's cell marks, or (a plain PDF, as other tools make) by its table rules. */
type Path = 'marks' | 'rules';

async function roundTrip(form: FormDocument, path: Path = 'marks'): Promise<{ form: FormDocument | null; codes: string[]; pages: number }> {
  const bytes = await writeFormPdf(form, { font: await bundledFont(), markCells: path === 'marks' });
  const content = await readPdfContent(bytes);
  if (!content.ok) throw new Error('the PDF did not read');
  // Marked PDFs are read without their drawing; plain ones by the rules drawn.
  const pieces = content.pages.flatMap((p) => p.pieces);
  expect(pieces.some((p) => p.mark !== null)).toBe(path === 'marks');
  expect(content.pages.some((p) => p.rules.length > 0)).toBe(path === 'rules');
  const read = await readFormPdf(bytes);
  return { form: read.value, codes: read.problems.map((p) => p.code), pages: content.pages.length };
}

describe.each<Path>(['marks', 'rules'])('PDF out and back, read by its %s', (path) => {
  it('the seed gives back exactly the form the text import gave, with the same score, grade and findings', async () => {
    const { form, codes } = await roundTrip(seed, path);
    expect(codes).toEqual([]);
    expect(form).toEqual(seed);
    expect(checkForm(form as FormDocument)).toEqual(checkForm(seed));
  });

  it('reads the bytes however they come (a Node Buffer, as servers receive uploads)', async () => {
    const bytes = await writeFormPdf(seed, { font: await bundledFont(), markCells: path === 'marks' });
    expect((await readFormPdf(Buffer.from(bytes))).value).toEqual(seed);
  });

  it('keeps texts that wrap awkwardly: Latin words and spaces, numbers, list markers, several paragraphs', async () => {
    const form = structuredClone(seed);
    leafNamed(form, '绩效结果应用').basis = [
      '一、整改已完成，结果见 Open Data 平台与 LED 屏公示，共 5G 基站 120 座、网络覆盖率 99.5%，同比增长2.0%。',
      '二、2.0%以上的增长来自 OpenHarmony 轻量系统移植（1.5亿元），其余 3.资金 未到位。',
      '三、下一步：1.完善制度；2.加强监控；3.公开结果。',
    ].join('\n');
    leafNamed(form, '1.年产新能源汽车').actual = '12万辆（其中 BEV 8万辆、PHEV 4万辆），同比增长 20%，超额完成 2.0 个百分点。';
    form.narratives.shortfallReasons = '转移支付执行率仅78.9%：一是项目审批滞后；二是资金下达较晚。\n下一步将加快执行。';
    const { form: read, codes } = await roundTrip(form, path);
    expect(codes).toEqual([]);
    expect(read).toEqual(form);
  });

  it('splits a row taller than a page across pages and joins it again, losing no character', async () => {
    const form = structuredClone(seed);
    const paragraph = '部门预算编制及执行工作较好，受到财政部门表扬，决算工作按时完成，绩效自评按时提交，审计未发现违规问题。';
    leafNamed(form, '工作受表彰或批评').basis = Array.from({ length: 40 }, (_, i) => `${i + 1}.${paragraph}`).join('\n');
    form.narratives.completion = Array.from({ length: 12 }, () => form.narratives.completion.split('\n')[0]).join('\n');
    const { form: read, codes, pages } = await roundTrip(form, path);
    expect(codes).toEqual([]);
    expect(read).toEqual(form);
    expect(pages).toBeGreaterThan(8);
  });

  it('reads a long form whose groups run over many pages (level-1 and level-2 names printed again at page tops)', async () => {
    const form = structuredClone(seed);
    const duty = form.indicators[1] as Level1Group;
    const copies: Level1Group['children'] = [];
    for (let n = 0; n < 6; n += 1) {
      for (const group of duty.children) {
        if (group.kind !== 'group') continue;
        copies.push({ ...structuredClone(group), name: `${group.name}（第${n + 1}批）` });
      }
    }
    duty.children = copies;
    const reread = (await roundTrip(form, path)).form as FormDocument;
    // Positional ids follow the new order; everything else must be as written.
    const strip = (f: FormDocument): unknown => JSON.parse(JSON.stringify(f, (key, value: unknown) => (key === 'id' ? undefined : value)));
    expect(strip(reread)).toEqual(strip(form));
    expect((reread.indicators[1] as Level1Group).children).toHaveLength(30);
  });
});
