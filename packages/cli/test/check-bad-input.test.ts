import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '@jixiao/core';
import { runCli, SEED } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'jixiao-bad-'));
const seed = readFileSync(SEED, 'utf8');

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** Random text of about `bytes` bytes, drawn from the form's own vocabulary (a 1 MB block, varied per repeat). */
function randomText(bytes: number): string {
  const { next } = seededRandom(7);
  const alphabet = [...'部门整体支出绩效自评表分值得分一级指标二级三级管理效能履职 0123456789.%\n亿元万家'];
  const block = Array.from({ length: 1 << 18 }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
  const parts: string[] = [];
  for (let size = 0; size < bytes; size += Buffer.byteLength(block)) parts.push(alphabet[parts.length % alphabet.length]! + block);
  return parts.join('');
}

const binary = (() => {
  const { next } = seededRandom(3);
  return Uint8Array.from({ length: 4096 }, () => Math.floor(next() * 256));
})();

const CASES: { name: string; path: () => string; codes: number[]; says: RegExp }[] = [
  { name: 'an empty file', path: () => file('empty.txt', ''), codes: [2], says: /文件为空/u },
  { name: 'a binary file', path: () => file('binary.txt', binary), codes: [2], says: /不是文本/u },
  { name: '20 MB of random text', path: () => file('random.txt', randomText(20 * 1024 * 1024)), codes: [2], says: /不是部门整体支出绩效自评表/u },
  { name: 'a truncated seed', path: () => file('truncated.txt', seed.slice(0, Math.floor(seed.length / 2))), codes: [1, 2], says: /总分|不完整|缺少|截断/u },
  { name: 'the seed with every number removed', path: () => file('no-numbers.txt', seed.replace(/[0-9０-９]/gu, '')), codes: [1, 2], says: /分值|得分|金额/u },
  { name: 'a missing file', path: () => join(dir, 'nope.txt'), codes: [2], says: /找不到文件/u },
  { name: 'a directory', path: () => { const d = join(dir, 'folder'); mkdirSync(d, { recursive: true }); return d; }, codes: [2], says: /是目录/u },
  { name: 'an unknown extension', path: () => file('form.docx', 'x'), codes: [2], says: /不支持的文件类型“\.docx”/u },
  { name: 'JSON that is not a form', path: () => file('other.json', '{"hello": 1}'), codes: [2], says: /schemaVersion|字段|JSON/u },
  { name: 'broken JSON', path: () => file('broken.json', '{"schemaVersion": 1,'), codes: [2], says: /JSON/u },
];

describe('jixiao check on bad input', () => {
  for (const c of CASES) {
    it(`${c.name}: a clear message, exit ${c.codes.join(' or ')}, no stack trace, no hang`, async () => {
      const path = c.path();
      const started = Date.now();
      const run = await runCli('check', path);
      expect(Date.now() - started).toBeLessThan(10_000); // a hang guard; speed itself is measured in bench/
      expect(c.codes).toContain(run.code);
      expect(run.out).toMatch(c.says);
      expect(`${run.out}${run.err}`).not.toMatch(/\n\s+at .+:\d+:\d+/u);
    });
  }

  it('the installed command exits 2 on a missing file with one line on stderr-free output', () => {
    const bin = new URL('../bin/jixiao.js', import.meta.url).pathname;
    const run = spawnSync(process.execPath, [bin, 'check', join(dir, 'missing.txt'), '--format', 'json'], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    const report = JSON.parse(run.stdout) as { readable: boolean; findings: { rule: string; message: string }[] };
    expect(report.readable).toBe(false);
    expect(report.findings[0]?.rule).toBe('input.notFound');
    expect(run.stderr).toBe('');
  });

  it('several files give an array, and the worst exit code wins', async () => {
    const run = await runCli('check', SEED, join(dir, 'absent.txt'), '--format', 'json');
    const reports = JSON.parse(run.out) as { file: string; readable: boolean }[];
    expect(reports.map((r) => r.readable)).toEqual([true, false]);
    expect(run.code).toBe(2);
  });
});
