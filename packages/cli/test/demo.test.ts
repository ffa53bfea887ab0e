/**
 * `jixiao demo generate` end to end on a SQLite file: a small district generated and summarised, its
 * departments listed by `jixiao org list`; a second run refused with a message in both languages and exit 2,
 * nothing added; wrong numbers refused before the database is touched.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const database = join(mkdtempSync(join(tmpdir(), 'jixiao-demo-')), 'demo.sqlite');
const generate = (...args: string[]): ReturnType<typeof runCli> => runCli('demo', 'generate', ...args, '--database-url', database);

describe('jixiao demo generate', () => {
  it('generates departments × years of forms into the database and prints a summary', async () => {
    const run = await generate('--departments', '6', '--years', '3', '--region', '番禺区', '--seed', '5');
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toContain('已生成 / generated: 18 份自评表 forms, 6 个部门 departments, 1 个地区 regions');
    expect(run.out).toMatch(/状态 \/ states: draft \d+, submitted \d+, returned \d+, approved \d+, published \d+/u);
    expect(run.out).toMatch(/用时 \/ time: [\d.]+ s/u);
    const listed = await runCli('org', 'list', '--database-url', database);
    expect(listed.out).toMatch(/^番禺区\n {2}广州市番禺区/mu);
    expect(listed.out.match(/^ {2}广州市番禺区/gmu)).toHaveLength(6);
  });

  it('refuses a second run into the same database and adds nothing', async () => {
    const again = await generate('--departments', '6', '--years', '3', '--region', '番禺区', '--seed', '9');
    expect(again.code).toBe(2);
    expect(again.err).toContain('数据库中已有「番禺区」的部门「广州市番禺区教育局」');
    expect(again.err).toContain('Nothing was written');
    const listed = await runCli('org', 'list', '--database-url', database);
    expect(listed.out.match(/^ {2}广州市番禺区/gmu)).toHaveLength(6);
  });

  it('refuses numbers out of range, saying which', async () => {
    const run = await generate('--departments', '0', '--years', 'five');
    expect(run.code).toBe(2);
    expect(run.err).toContain('--departments must be a whole number from 1 to 100000, not “0”');
    expect(run.err).toContain('--years must be a whole number from 1 to 20, not “five”');
  });
});
