import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, SEED } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'jixiao-convert-'));

describe('jixiao convert', () => {
  it('text → JSON gives the canonical document, and checking the JSON gives the same result as the text', async () => {
    const out = join(dir, 'seed.json');
    const converted = await runCli('convert', SEED, out);
    expect(converted.code).toBe(0);
    const document = JSON.parse(readFileSync(out, 'utf8')) as { schemaVersion: number; unit: { name: string } };
    expect(document.schemaVersion).toBe(1);
    expect(document.unit.name).toBe('广州市番禺区科技工业商务和信息化局');
    const fromText = JSON.parse((await runCli('check', SEED, '--format', 'json')).out) as { total: number; findings: unknown[]; form: unknown };
    const fromJson = JSON.parse((await runCli('check', out, '--format', 'json')).out) as { total: number; findings: unknown[]; form: unknown };
    expect(fromJson.total).toBe(95.77);
    expect(fromJson.findings).toEqual(fromText.findings);
    expect(fromJson.form).toEqual(fromText.form);
  });

  it('refuses an output format it cannot write, saying which it can', async () => {
    const run = await runCli('convert', SEED, join(dir, 'seed.docx'));
    expect(run.code).toBe(2);
    expect(run.err).toContain('不支持输出为“.docx”');
  });
});
