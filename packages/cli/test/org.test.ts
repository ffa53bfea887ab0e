/**
 * `jixiao org`: the operator sets up regions and departments on a SQLite file; the listing shows them;
 * a taken name, an unknown region or a bad 单位数 is refused with a message in both languages and exit 2,
 * and nothing is written.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const database = join(mkdtempSync(join(tmpdir(), 'jixiao-org-')), 'org.sqlite');
const org = (...args: string[]): ReturnType<typeof runCli> => runCli('org', ...args, '--database-url', database);

describe('jixiao org', () => {
  it('creates a region and its departments, and lists them with their 单位数', async () => {
    expect(await org('add-region', '番禺区')).toMatchObject({ code: 0 });
    const added = await org('add-department', '广州市番禺区教育局', '--region', '番禺区', '--units', '12');
    expect(added.code).toBe(0);
    expect(added.out).toContain('广州市番禺区教育局（单位数 12）');
    expect((await org('add-department', '广州市番禺区民政局', '--region', '番禺区')).code).toBe(0);

    const listed = await org('list');
    expect(listed.code).toBe(0);
    expect(listed.out).toMatch(/^番禺区\n/u);
    expect(listed.out).toContain('广州市番禺区教育局\t单位数 12');
    expect(listed.out).toContain('广州市番禺区民政局\t单位数 —');
  });

  it('renames a region: its departments stay with it; a taken or unknown name is refused', async () => {
    expect((await org('add-region', '南沙区')).code).toBe(0);
    const taken = await org('rename-region', '南沙区', '番禺区');
    expect(taken.code).toBe(2);
    expect(taken.err).toContain('番禺区');
    const unknown = await org('rename-region', '不存在区', '新区');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('找不到地区 / no region “不存在区”');

    const renamed = await org('rename-region', '番禺区', '番禺新区');
    expect(renamed).toMatchObject({ code: 0, out: '已更名 / region renamed: 番禺区 → 番禺新区\n' });
    const listed = (await org('list')).out;
    expect(listed).toMatch(/^番禺新区\n {2}广州市番禺区教育局\t单位数 12\n/mu);
    expect((await org('rename-region', '番禺新区', '番禺区')).code).toBe(0);
  });

  it('refuses a region name that is taken, and writes nothing', async () => {
    const again = await org('add-region', '番禺区');
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/番禺区/u);
    expect((await org('list')).out.match(/^番禺区$/gmu)).toHaveLength(1);
  });

  it('refuses a department of an unknown region, a taken department name and a bad 单位数', async () => {
    const unknown = await org('add-department', '某局', '--region', '不存在区');
    expect(unknown).toMatchObject({ code: 2 });
    expect(unknown.err).toContain('找不到地区 / no region “不存在区”');

    const taken = await org('add-department', '广州市番禺区教育局', '--region', '番禺区');
    expect(taken.code).toBe(2);
    expect(taken.err).toContain('广州市番禺区教育局');

    const negative = await org('add-department', '广州市番禺区司法局', '--region', '番禺区', '--units', '-3');
    expect(negative.code).toBe(2);
    expect(negative.err).toContain('--units must be a whole number ≥ 0, not “-3”');

    const listed = await org('list');
    expect(listed.out).not.toContain('某局');
    expect(listed.out).not.toContain('司法局');
    expect(listed.out.match(/广州市番禺区教育局/gu)).toHaveLength(1);
  });
});
