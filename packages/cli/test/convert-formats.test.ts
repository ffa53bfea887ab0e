import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, SEED } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'jixiao-formats-'));
const out = (name: string): string => join(dir, name);

interface Report {
  readable: boolean;
  total: number;
  grade: string;
  printedTotal: number;
  findings: { severity: string; rule: string; path: string; message: string }[];
  form: unknown;
}

async function checkJson(file: string): Promise<{ code: number; report: Report }> {
  const run = await runCli('check', file, '--format', 'json');
  return { code: run.code, report: JSON.parse(run.out) as Report };
}

let fromText: Report;

beforeAll(async () => {
  fromText = (await checkJson(SEED)).report;
  for (const extension of ['xlsx', 'pdf', 'html', 'csv', 'json']) {
    const run = await runCli('convert', SEED, out(`seed.${extension}`));
    if (run.code !== 0) throw new Error(`convert to .${extension} failed: ${run.err}`);
  }
});

describe('jixiao convert and check across formats', () => {
  it.each(['xlsx', 'pdf', 'json'])('check seed.%s reports what check of the text reports: total, grade, findings, the form itself', async (extension) => {
    const { code, report } = await checkJson(out(`seed.${extension}`));
    expect(code).toBe(1);
    expect([report.total, report.grade, report.printedTotal]).toEqual([95.77, '优', 95.77]);
    expect(report.findings).toEqual(fromText.findings);
    expect(report.form).toEqual(fromText.form);
  });

  it('check on a workbook prints the same text report as on the text, error included', async () => {
    const text = await runCli('check', SEED);
    const workbook = await runCli('check', out('seed.xlsx'));
    expect(workbook.out.replace(out('seed.xlsx'), 'FILE')).toBe(text.out.replace(SEED, 'FILE'));
    expect(workbook.out).toContain('资产管理制度健全性：得分 2 超过分值 1。');
  });

  it('writes a printable HTML page and a CSV of indicator rows', () => {
    expect(readFileSync(out('seed.html'), 'utf8')).toContain('<h1>部门整体支出绩效自评表</h1>');
    const csv = readFileSync(out('seed.csv'), 'utf8');
    expect(csv.startsWith('\uFEFFpath,level,name,weight,target,actual,selfScore\r\n')).toBe(true);
    expect(csv).toContain('管理效能/资产管理/资产管理制度健全性,3,资产管理制度健全性,1,,,2\r\n');
  });

  it('converts a workbook and a PDF onward (xlsx → pdf → json) without losing the form', async () => {
    expect((await runCli('convert', out('seed.xlsx'), out('again.pdf'))).code).toBe(0);
    expect((await runCli('convert', out('again.pdf'), out('again.json'))).code).toBe(0);
    expect(JSON.parse(readFileSync(out('again.json'), 'utf8'))).toEqual(fromText.form);
  });

  it('refuses a file that is not what its extension says, with a message and exit 2', async () => {
    writeFileSync(out('fake.xlsx'), '单位名称 番禺区\n');
    writeFileSync(out('fake.pdf'), 'not a pdf');
    const workbook = await runCli('check', out('fake.xlsx'));
    expect(workbook.code).toBe(2);
    expect(workbook.out).toContain('这不是 Excel 工作簿（.xlsx）');
    const pdf = await runCli('check', out('fake.pdf'), '--lang', 'en');
    expect(pdf.code).toBe(2);
    expect(pdf.out).toContain('The PDF is damaged or not a PDF');
  });
});
