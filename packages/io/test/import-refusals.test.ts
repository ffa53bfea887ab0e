/**
 * What the text importer refuses, and how it fails when the text is damaged: always problems with a
 * clear message and a place, never a crash, never a silently wrong number.
 */
import { hasErrors, leavesOf, problemMessage } from '@jixiao/core';
import type { FormDocument, Problem } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import { importFormText, parseFormJson, serializeForm } from '../src/index.js';
import { SEED_TEXT } from './helpers/seed.js';
import { REFUSED_WITHIN_MS } from './helpers/time-bounds.js';

const seed = importFormText(SEED_TEXT).value as FormDocument;

function codes(problems: readonly Problem[]): string[] {
  return problems.map((p) => p.code);
}

function refused(text: string): Problem[] {
  const result = importFormText(text);
  expect(result.value).toBeNull();
  expect(hasErrors(result.problems)).toBe(true);
  // Every problem renders in both languages.
  for (const p of result.problems) {
    expect(problemMessage(p, 'zh').length).toBeGreaterThan(0);
    expect(problemMessage(p, 'en').length).toBeGreaterThan(0);
  }
  return result.problems;
}

const PROJECT_TABLE = `附件2
项目支出绩效自评表
（2021年度）
项目名称 产业发展专项资金
主管部门 某区工业和信息化局 实施单位 某区工业和信息化局
项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分
年度资金总额 500 500 480 10 96% 9.6
年度总体目标 预期目标 实际完成情况
绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施
产出指标 数量指标 扶持企业数 ≥50家 56家 20 20
效益指标 经济效益指标 带动产值 ≥10亿元 12亿元 30 30
满意度指标 服务对象满意度指标 企业满意度 ≥90% 95% 10 10
总分 100 99.6
`;

const CHONGQING_LIST = `部门整体支出绩效自评表
单位名称：重庆市某区科技局
序号 指标名称 权重 目标值 实际值 得分系数 得分
1 预算执行率 10 100% 98% 0.98 9.8
2 结转结余率 5 ≤5% 3% 1 5
3 政府采购执行率 5 100% 90% 0.9 4.5
合计 100 93.2
`;

const HUNAN_FRAMEWORK = `部门整体支出绩效自评表
（2021年度）
一级指标 二级指标 三级指标 分值 评分标准 自评得分
投入（20分） 预算配置 财政供养人员控制率 5 控制在编制内得满分 5
过程（30分） 预算执行 预算执行率 10 按比例计分 9.5
产出（30分） 职责履行 实际完成率 15 按比例计分 15
效果（20分） 履职效益 社会效益 10 按完成情况计分 9
总分 100 93.5
`;

describe('refusals', () => {
  it('refuses empty text', () => {
    expect(codes(refused(''))).toEqual(['import.empty']);
    expect(codes(refused(' \n\r\n\t '))).toEqual(['import.empty']);
  });

  it('refuses binary text (NUL or control characters)', () => {
    expect(codes(refused(`%PDF-1.7\u0000\u0001\u0002${SEED_TEXT}`))).toEqual(['import.notText']);
    expect(codes(refused('\u0001\u0002\u0003\u0004'.repeat(100)))).toEqual(['import.notText']);
  });

  it('refuses text that is not this form, saying what was expected and what was found', () => {
    const problems = refused('关于做好2022年度预算编制工作的通知\n各单位：\n现将有关事项通知如下。\n');
    expect(codes(problems)).toEqual(['import.notForm']);
    const zh = problemMessage(problems[0] as Problem, 'zh');
    expect(zh).toContain('部门整体支出绩效自评表');
    expect(zh).toContain('一级指标');
    expect(zh).toContain('关于做好2022年度预算编制工作的通知');
    expect(problemMessage(problems[0] as Problem, 'en')).toContain('not the text of a department overall expenditure performance self-evaluation');
  });

  it('refuses the 财预〔2020〕10号 project table by name', () => {
    const problems = refused(PROJECT_TABLE);
    expect(codes(problems)).toEqual(['import.unsupportedLayout']);
    const problem = problems[0] as Problem;
    expect(problem.params['layout']).toBe('projectSelfEvaluation');
    expect(problem.params['line']).toBe(2);
    expect(problem.path).toBe('第2行');
    expect(problemMessage(problem, 'zh')).toContain('项目支出绩效自评表');
    expect(problemMessage(problem, 'zh')).toContain('暂不支持');
    expect(problemMessage(problem, 'en')).toContain('cannot be imported yet');
  });

  it('refuses a project-style table even without its title (产出/效益/满意度 level-1 indicators)', () => {
    const problems = refused(PROJECT_TABLE.replace('项目支出绩效自评表', '绩效自评表'));
    expect(problems.map((p) => p.params['layout'])).toEqual(['projectSelfEvaluation']);
  });

  it('refuses Chongqing’s flat list with 得分系数 by name', () => {
    const problems = refused(CHONGQING_LIST);
    expect(problems.map((p) => p.params['layout'])).toEqual(['chongqingCoefficients']);
    expect(problemMessage(problems[0] as Problem, 'zh')).toContain('得分系数');
    expect(problems[0]?.params['line']).toBe(3);
  });

  it('refuses Hunan’s 投入/过程/产出/效果 framework by name', () => {
    const problems = refused(HUNAN_FRAMEWORK);
    expect(problems.map((p) => p.params['layout'])).toEqual(['hunanFramework']);
    expect(problemMessage(problems[0] as Problem, 'zh')).toContain('投入/过程/产出/效果');
  });

  it('refuses a title without an indicator table, saying it may be incomplete', () => {
    const problems = refused(SEED_TEXT.slice(0, SEED_TEXT.indexOf('一级指标')));
    expect(codes(problems)).toEqual(['import.noIndicatorTable']);
    expect(problems[0]?.params['line']).toBe(4);
  });
});

describe('damaged forms', () => {
  it('a form with every digit removed: a clear error, never invented numbers', () => {
    const problems = refused(SEED_TEXT.replace(/[0-9]/gu, ''));
    expect(codes(problems)).toContain('import.noNumbers');
    const noNumbers = problems.find((p) => p.code === 'import.noNumbers');
    expect(noNumbers?.params['line']).toBe(83);
    // What was found on the way is reported too: the blank expenditure rows and the missing year.
    expect(codes(problems)).toContain('import.expenditureRowIncomplete');
    expect(codes(problems)).toContain('import.missingYear');
  });

  it('a form with every number token removed: a clear error', () => {
    const text = SEED_TEXT.split('\n')
      .map((line) => line.split(' ').filter((word) => !/^[\d.%]+$/u.test(word)).join(' '))
      .join('\n');
    expect(codes(refused(text))).toContain('import.noNumbers');
  });

  it('an expenditure table without its numbers: blank cells with warnings, the rest read', () => {
    const text = SEED_TEXT.replace(/^(全年预算数|全年执行数|完成率) .*$/gmu, '$1');
    const result = importFormText(text);
    expect(result.value).not.toBeNull();
    const form = result.value as FormDocument;
    expect(Object.values(form.expenditure.budgeted).every((v) => v === null)).toBe(true);
    expect(result.problems.filter((p) => p.code === 'import.expenditureRowIncomplete').map((p) => p.params['line'])).toEqual([77, 79, 81]);
    expect(form.indicators).toEqual(seed.indicators);
  });

  it('a missing score is left blank with a warning naming the indicator and the line', () => {
    const lines = SEED_TEXT.split('\n');
    lines.splice(96, 1, ''); // line 97: the score 1.97 of 预算完成率, floated onto its own line
    const result = importFormText(lines.join('\n'));
    const warning = result.problems.find((p) => p.code === 'import.rowIncomplete');
    expect(warning?.params['name']).toBe('预算完成率');
    expect(warning?.params['line']).toBe(90);
    expect(problemMessage(warning as Problem, 'zh')).toBe('第90行：指标「预算完成率」缺少得分，已留空。');
  });
});

describe('a single number lost', () => {
  const lines = SEED_TEXT.split('\n');
  const tableStart = lines.findIndex((l) => l.includes('一级指标'));
  const totalLine = lines.findIndex((l) => l.startsWith('总分'));
  const seedLeaves = leavesOf(seed).map((l) => l.leaf);
  /** Every number of the indicator table, as [line index, word index]. */
  const numbers: [number, number][] = [];
  for (let i = tableStart; i < totalLine; i += 1) {
    (lines[i] ?? '').split(' ').forEach((word, w) => {
      if (/^[\d.]+$/u.test(word)) numbers.push([i, w]);
    });
  }

  function without([i, w]: [number, number]): string {
    const copy = [...lines];
    copy[i] = (copy[i] ?? '').split(' ').filter((_, k) => k !== w).join(' ');
    return copy.join('\n');
  }

  it('costs one blank cell and a warning, not shifted numbers (leaf weights and scores, level-1 weights)', () => {
    let exact = 0;
    for (const at of numbers) {
      const result = importFormText(without(at));
      const form = result.value as FormDocument;
      expect(form, `line ${at[0] + 1}`).not.toBeNull();
      const read = leavesOf(form).map((l) => l.leaf);
      const wrong = read.filter((leaf) => {
        const original = seedLeaves.find((s) => s.name === leaf.name);
        return original !== undefined && ((leaf.weight !== null && leaf.weight !== original.weight) || (leaf.selfScore !== null && leaf.selfScore !== original.selfScore));
      });
      // A number read wrong is never silent: the weights that no longer add up say so.
      if (wrong.length > 0) expect(codes(result.problems), `line ${at[0] + 1}`).toContain('import.weightsDisagree');
      const sameLeaves = read.length === seedLeaves.length && read.every((leaf, k) => {
        const original = seedLeaves[k];
        return original !== undefined && leaf.name === original.name && [leaf.weight, original.weight].includes(leaf.weight) && (leaf.weight === null || leaf.weight === original.weight) && (leaf.selfScore === null || leaf.selfScore === original.selfScore);
      });
      if (sameLeaves) exact += 1;
      const blanks = read.filter((leaf) => leaf.weight === null || leaf.selfScore === null).length;
      if (sameLeaves && blanks > 0) expect(codes(result.problems)).toContain('import.rowIncomplete');
    }
    // 91 numbers; those not recovered exactly are the level-2 weights whose loss merges two names and
    // one duty score whose row runs on into the next group's name (all flagged by warnings above).
    expect(numbers).toHaveLength(91);
    expect(exact).toBeGreaterThanOrEqual(85);
  });

  it('a lost score: the row keeps its weight, the next row is read as printed', () => {
    const at = numbers.find(([i]) => lines[i] === '1.97');
    const result = importFormText(without(at as [number, number]));
    const read = leavesOf(result.value as FormDocument).map((l) => [l.leaf.name, l.leaf.weight, l.leaf.selfScore]);
    expect(read.slice(0, 3)).toEqual([
      ['预算完成率', 2, null],
      ['部门预算编制情况', 3, 3],
      ['专项资金管理情况', 2, 2],
    ]);
    expect(result.problems.map((p) => [p.code, p.params['name']])).toEqual([['import.rowIncomplete', '预算完成率']]);
  });

  it('a lost weight: the name is told from its definition by the columns’ widths', () => {
    const result = importFormText(SEED_TEXT.replace('预算完成率 2\n', '预算完成率\n'));
    const first = leavesOf(result.value as FormDocument)[0]?.leaf;
    expect([first?.name, first?.weight, first?.selfScore]).toEqual(['预算完成率', null, 1.97]);
    expect(first?.definition.startsWith('部门（单位）本年度部门预算')).toBe(true);
  });

  it('a lost duty score: the next numbered row is not swallowed', () => {
    const result = importFormText(SEED_TEXT.replace('4 10万辆 12万辆 4', '4 10万辆 12万辆'));
    const read = leavesOf(result.value as FormDocument).map((l) => [l.leaf.name, l.leaf.weight, l.leaf.selfScore, l.leaf.target, l.leaf.actual]);
    expect(read.slice(21, 23)).toEqual([
      ['1.年产新能源汽车', 4, null, '10万辆', '12万辆'],
      ['2.年度营收', 4, 4, '100亿元', '超140亿元'],
    ]);
  });

  it('a total line with only its weight gives no total, with a warning', () => {
    const result = importFormText(SEED_TEXT.replace('总分 100 95.77', '总分 100'));
    expect(result.value?.printedTotal).toBeNull();
    expect(codes(result.problems)).toEqual(['import.totalMissing']);
  });
});

describe('truncated forms', () => {
  const cutAtEveryLine: number[] = [];
  for (let i = 1; i < SEED_TEXT.length; i += 1) if (SEED_TEXT[i - 1] === '\n') cutAtEveryLine.push(i);
  const seedLeaves = new Map(leavesOf(seed).map((l) => [l.leaf.id, l.leaf]));

  it('cut after any line: an error, or a partial form with warnings and only the seed’s numbers', () => {
    const lastLine = SEED_TEXT.indexOf('总分');
    for (const cut of cutAtEveryLine) {
      const result = importFormText(SEED_TEXT.slice(0, cut));
      if (result.value === null) {
        expect(hasErrors(result.problems), `cut at ${cut}`).toBe(true);
        continue;
      }
      if (cut <= lastLine) {
        expect(codes(result.problems), `cut at ${cut}`).toContain('import.noTotal');
      }
      for (const { leaf } of leavesOf(result.value)) {
        const original = seedLeaves.get(leaf.id);
        // A leaf is the seed's own, or the unfinished last row (a name cut before its numbers).
        if (original === undefined || original.name !== leaf.name) {
          expect([leaf.weight, leaf.selfScore], `cut at ${cut}: ${leaf.name}`).toEqual([null, null]);
          continue;
        }
        if (leaf.weight !== null) expect(leaf.weight).toBe(original.weight);
        if (leaf.selfScore !== null) expect(leaf.selfScore).toBe(original.selfScore);
        if (leaf.selfScore === null) expect(codes(result.problems)).toContain('import.rowIncomplete');
      }
    }
  });

  it('cut anywhere, mid-line too: never a crash, and a warning or an error whenever something is lost', () => {
    for (let cut = 0; cut < SEED_TEXT.length - 10; cut += 7) {
      const result = importFormText(SEED_TEXT.slice(0, cut));
      if (result.value === null) expect(hasErrors(result.problems), `cut at ${cut}`).toBe(true);
      else expect(result.problems.some((p) => p.severity === 'warning'), `cut at ${cut}`).toBe(true);
    }
  });

  it('a total cut mid-number is flagged: the text ends mid-line and the total disagrees', () => {
    const result = importFormText(SEED_TEXT.slice(0, SEED_TEXT.indexOf('95.77') + 2));
    expect(result.value?.printedTotal).toBe(95);
    expect(codes(result.problems)).toContain('import.truncatedLine');
  });

  it('cut in the middle of the management table: the groups read so far, and why the rest is missing', () => {
    const result = importFormText(SEED_TEXT.slice(0, SEED_TEXT.indexOf('成本管理')));
    const form = result.value as FormDocument;
    expect(form.indicators.map((g) => g.name)).toEqual(['管理效能']);
    expect(form.indicators[0]?.children.map((g) => g.name)).toEqual(['资金管理', '采购管理', '信息公开管理', '资产管理']);
    expect(codes(result.problems)).toEqual(['import.weightsDisagree', 'import.level1WeightsNot100', 'import.noTotal']);
    expect(problemMessage(result.problems[1] as Problem, 'zh')).toBe('一级指标分值合计为45，不是100：指标表可能不完整。');
  });
});

describe('hostile input', () => {
  /** Deterministic random text of `size` characters: Chinese, Latin, digits, punctuation, line ends. */
  function randomText(size: number, withLineEnds: boolean): string {
    const pool = `的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起abcdefghij0123456789 .,;:-（）%${withLineEnds ? '\n\n\n' : ''}`;
    const codes = new Uint16Array(size);
    let state = 42;
    for (let i = 0; i < size; i += 1) {
      // xorshift32: fast, deterministic.
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      codes[i] = pool.charCodeAt((state >>> 0) % pool.length);
    }
    const chunks: string[] = [];
    for (let i = 0; i < size; i += 8192) chunks.push(String.fromCharCode(...codes.subarray(i, i + 8192)));
    return chunks.join('');
  }

  let cached: string | null = null;
  const twentyMegabytes = (): string => (cached ??= randomText(20 * 1024 * 1024, true));

  it('20 MB of random text is refused quickly, with or without line ends', () => {
    for (const withLineEnds of [true, false]) {
      const text = withLineEnds ? twentyMegabytes() : twentyMegabytes().replaceAll('\n', ' ');
      const started = performance.now();
      const result = importFormText(text);
      const elapsed = performance.now() - started;
      expect(codes(result.problems)).toEqual(['import.notForm']);
      expect(elapsed).toBeLessThan(REFUSED_WITHIN_MS);
    }
  });

  it('a form followed by 20 MB of garbage: read up to the cap, with a warning, in bounded time', () => {
    const text = SEED_TEXT.replace('总分 100 95.77', '') + twentyMegabytes();
    const started = performance.now();
    const result = importFormText(text);
    expect(performance.now() - started).toBeLessThan(REFUSED_WITHIN_MS);
    expect(codes(result.problems)).toContain('import.tooLong');
    expect(result.problems.length).toBeLessThanOrEqual(101);
    expect(result.value?.indicators[0]).toEqual(seed.indicators[0]);
  });
});

describe('whatever is imported can be saved', () => {
  /** Deterministic damage: lines deleted, inserted, swapped, pieces glued in, words reversed. */
  function damaged(seedNumber: number): string {
    let state = seedNumber;
    const random = (n: number): number => {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      return (state >>> 0) % n;
    };
    const junk = ['一级指标 分值 二级指标', '管理效能 45', '总分', '\f', '5', '-3', '1.', '（', '。', '履职效能', '加减分项 5', '%', '１２', '\r', '2 4 6'];
    const lines = SEED_TEXT.split('\n');
    for (let k = 1 + random(8); k > 0; k -= 1) {
      const at = random(lines.length);
      const op = random(5);
      if (op === 0) lines.splice(at, 1 + random(5));
      else if (op === 1) lines.splice(at, 0, junk[random(junk.length)] as string);
      else if (op === 2) {
        const other = random(lines.length);
        [lines[at], lines[other]] = [lines[other] as string, lines[at] as string];
      } else if (op === 3) {
        const line = lines[at] ?? '';
        const p = random(line.length + 1);
        lines[at] = line.slice(0, p) + (junk[random(junk.length)] as string) + line.slice(p);
      } else lines[at] = (lines[at] ?? '').split(' ').reverse().join(' ');
    }
    return lines.join('\n');
  }

  it('300 damaged copies of the seed: no crash, and every form read is a valid document', () => {
    let read = 0;
    for (let i = 1; i <= 300; i += 1) {
      const result = importFormText(damaged(i * 7919));
      if (result.value === null) {
        expect(hasErrors(result.problems)).toBe(true);
        continue;
      }
      read += 1;
      const back = parseFormJson(serializeForm(result.value));
      expect(back.problems, `copy ${i}`).toEqual([]);
      expect(back.value).toEqual(result.value);
    }
    expect(read).toBeGreaterThan(200);
  });

  it('a negative weight is left blank with a warning, not kept as an impossible value', () => {
    const result = importFormText(SEED_TEXT.replace('结转结余率 2', '结转结余率 -2'));
    const leaf = leavesOf(result.value as FormDocument).find((l) => l.leaf.name === '结转结余率')?.leaf;
    expect([leaf?.weight, leaf?.selfScore]).toEqual([null, 2]);
    expect(result.problems.map((p) => [p.code, p.params['line']])).toEqual([['import.negativeWeight', 135]]);
  });
});
