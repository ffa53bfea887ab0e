import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importFormText, readForm, writeForm } from '../src/index.js';

const seedText = readFileSync(new URL('../../../../shared/fixtures/panyu-kgxj-2021.txt', import.meta.url), 'utf8');

describe('readForm', () => {
  it('reads a PDF handed over as a Node Buffer (as servers receive uploads) like any other bytes', async () => {
    const seed = importFormText(seedText).value!;
    const pdf = await writeForm(seed, '.pdf', { lang: 'zh' });
    if (!pdf.ok) throw new Error('the seed did not print');
    const read = await readForm({ fileName: 'seed.pdf', bytes: Buffer.from(pdf.bytes) });
    expect(read.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(read.value).toEqual(seed);
  });

  it('says which formats it reads when given another', async () => {
    const read = await readForm({ fileName: 'form.docx', bytes: new Uint8Array([1, 2, 3]) });
    expect(read.value).toBeNull();
    expect(read.problems[0]).toMatchObject({ code: 'input.unknownFormat', severity: 'error' });
  });
});
