/**
 * The seed, damaged the ways real extractors damage forms, must read back the same: every variant is
 * built here from the seed text (or from the seed as read, printed again with other column widths,
 * line orders, page breaks and splices) and must give the same numbers, weights, scores and texts.
 */
import { leavesOf, matchKey } from '@jixiao/core';
import type { FormDocument } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import { importFormText } from '../src/index.js';
import { expectSameByKey, numbersOf } from './helpers/compare.js';
import { renderFormText } from './helpers/render-form-text.js';
import type { RenderOptions } from './helpers/render-form-text.js';
import { SEED_FACTS, SEED_TEXT } from './helpers/seed.js';

const seed = importFormText(SEED_TEXT).value as FormDocument;

function importClean(text: string): FormDocument {
  const result = importFormText(text);
  expect(result.problems).toEqual([]);
  expect(result.value).not.toBeNull();
  return result.value as FormDocument;
}

const LEVEL1_LINE = /^(管理效能|履职效能|加减分项) \d+$/u;

/** The seed's lines without the page tops after the first page: reprinted headers and level-1 names. */
function withoutPageTops(): string[] {
  const lines = SEED_TEXT.split('\n');
  const out: string[] = [];
  let headers = 0;
  let lastLevel1 = '';
  let skipRepeat = false;
  for (const line of lines) {
    if (line.includes('一级指标')) {
      headers += 1;
      skipRepeat = headers > 1;
      if (headers > 1) continue;
    }
    if (line === '评分依据、未达标原因、改进措施' && headers > 1) continue;
    if (LEVEL1_LINE.test(line)) {
      if (skipRepeat && line === lastLevel1) {
        skipRepeat = false;
        continue;
      }
      lastLevel1 = line;
      skipRepeat = false;
    }
    out.push(line);
  }
  return out;
}

/** Page tops (header and the current level-1 name) inserted every `every` lines of the table. */
function withPageTopsEvery(every: number, header: readonly string[]): string {
  const lines = withoutPageTops();
  const start = lines.findIndex((l) => l.includes('一级指标')) + 3;
  const out: string[] = [];
  let lastLevel1 = '';
  lines.forEach((line, i) => {
    if (i > start && (i - start) % every === 0 && lastLevel1 !== '' && !line.startsWith('总分')) {
      out.push('', '', ...header, '', lastLevel1, '');
    }
    if (LEVEL1_LINE.test(line)) lastLevel1 = line;
    out.push(line);
  });
  return out.join('\n');
}

const MANAGEMENT_HEADER = '一级指标 分值 二级指标 分值 三级指标 分值 指标解释 得分/自评分';

/** Simplified → traditional for a set of the form's characters (labels, names, units). */
const TRADITIONAL =
  '绩績评評价價标標预預执執资資产產拨撥级級数數结結构構转轉单單称稱据據达達与與实實际際备備注註总總体體规規务務况況报報营營业業额額' +
  '万萬亿億个個项項来來区區财財经經费費购購开開设設应應监監优優减減现現职職门門员員会會议議辆輛国國长長点點发發进進为為对對处處' +
  '类類时時间間问問题題计計划劃队隊导導领領军軍团團创創广廣东東号號责責权權余餘专專独獨护護确確准準说說记記录錄审審违違车車电電' +
  '网網书書图圖联聯证證销銷货貨币幣银銀补補层層综綜阅閱览覽运運环環节節险險华華园園机機户戶参參两兩释釋决決济濟较較动動举舉办辦' +
  '场場视視频頻积積极極势勢关關细細无無扩擴读讀调調龙龍头頭兽獸红紅后後内內质質约約续續获獲随隨带帶传傳线線认認识識选選适適难難';

function toTraditional(text: string): string {
  const map = new Map<string, string>();
  const chars = [...TRADITIONAL];
  for (let i = 0; i + 1 < chars.length; i += 2) map.set(chars[i] as string, chars[i + 1] as string);
  return [...text].map((ch) => map.get(ch) ?? ch).join('');
}

/** ASCII digits, decimal points between digits and percent signs as full-width forms. */
function toFullWidth(text: string): string {
  return text
    .replace(/(?<=\d)\.(?=\d)/gu, '．')
    .replace(/[0-9]/gu, (d) => String.fromCharCode(0xff10 + Number(d)))
    .replace(/%/gu, '％');
}

describe('text variants of the seed', () => {
  it('CRLF and CR line ends read the same', () => {
    expect(importClean(SEED_TEXT.replace(/\n/gu, '\r\n'))).toEqual(seed);
    expect(importClean(SEED_TEXT.replace(/\n/gu, '\r'))).toEqual(seed);
  });

  it('a byte-order mark and trailing spaces change nothing', () => {
    expect(importClean(`\uFEFF${SEED_TEXT.replace(/\n/gu, '  \n')}`)).toEqual(seed);
  });

  it('traditional characters: the structure is recognised, texts keep their traditional form', () => {
    const text = toTraditional(SEED_TEXT);
    expect(text).toContain('履職效能');
    expect(text).toContain('全年預算數');
    const form = importClean(text);
    expectSameByKey(form, seed);
    expect(form.indicators.map((g) => g.name)).toEqual(['管理效能', '履職效能', '加減分項']);
    expect(form.indicators.map((g) => g.category)).toEqual(['management', 'duty', 'adjustment']);
    expect(form.unit.name).toBe(toTraditional(SEED_FACTS.unit.name));
    expect(leavesOf(form).some((l) => l.leaf.name === '預算完成率')).toBe(true);
    // The methods come from the template by name, through matchKey.
    expect(leavesOf(form).find((l) => l.leaf.name === '預算完成率')?.leaf.method.kind).toBe('proportional');
  });

  it('full-width digits parse to the same numbers', () => {
    const text = toFullWidth(SEED_TEXT);
    expect(text).toContain('１２７２０８．５３');
    const form = importClean(text);
    expectSameByKey(form, seed);
    expect(form.expenditure.budgeted.fiscalAppropriation).toBe(127208.53);
    expect(form.printedTotal).toBe(95.77);
    expect(leavesOf(form).find((l) => matchKey(l.leaf.name) === '1.年产新能源汽车')?.leaf.target).toBe('１０万辆');
  });

  it('traditional characters with full-width digits and CRLF together', () => {
    expectSameByKey(importClean(toFullWidth(toTraditional(SEED_TEXT)).replace(/\n/gu, '\r\n')), seed);
  });

  it('repeated page headers and level-1 names removed', () => {
    const text = withoutPageTops().join('\n');
    expect(text.split('一级指标').length - 1).toBe(1);
    expect(importClean(text)).toEqual(seed);
  });

  it.each([7, 13, 23, 41])('page tops moved to every %i lines (inside cells too)', (every) => {
    const text = withPageTopsEvery(every, [MANAGEMENT_HEADER, '评分依据、未达标原因、改进措施']);
    expect(text.split('一级指标').length - 1).toBeGreaterThan(3);
    expect(importClean(text)).toEqual(seed);
  });

  it('page breaks as form feeds and page numbers instead of headers', () => {
    const text = withPageTopsEvery(19, ['\f', '- 2 -', '第 3 页 共 5 页']);
    expect(importClean(text)).toEqual(seed);
  });
});

const PRINTS: readonly [string, Partial<RenderOptions>][] = [
  ['narrow columns', { narrativeWidth: 48, groupWidth: 8, nameWidth: 8, definitionWidth: 16, basisWidth: 24, targetWidth: 14, actualWidth: 20 }],
  ['wide columns', { narrativeWidth: 120, groupWidth: 20, nameWidth: 22, definitionWidth: 30, basisWidth: 40, targetWidth: 26, actualWidth: 40 }],
  ['target and actual lines interleaved', { order: 'interleaved', targetWidth: 14, actualWidth: 22 }],
  ['target and actual lines side by side', { order: 'rowwise', targetWidth: 16, actualWidth: 26 }],
  ['weight and definition on one line', { splice: 'weightDefinition' }],
  ['name, weight, definition and score on one line', { splice: 'wholeRow' }],
  ['page breaks every 9 lines, level-2 names reprinted', { pageLines: 9, repeatLevel2: true }],
  ['page breaks every 5 lines with interleaved cells', { pageLines: 5, repeatLevel2: true, order: 'interleaved', targetWidth: 16, actualWidth: 24 }],
  ['everything at once, CRLF', { pageLines: 11, repeatLevel2: true, order: 'rowwise', splice: 'weightDefinition', nameWidth: 10, lineEnd: '\r\n' }],
];

describe('the seed printed again in other shapes', () => {
  it.each(PRINTS)('%s', (_, options) => {
    const form = importClean(renderFormText(seed, options));
    if (options.splice === 'wholeRow') {
      // One line holds the whole basis: its paragraphs are not told apart any more.
      const flatten = (f: FormDocument): unknown => leavesOf(f).map((l) => ({ ...l.leaf, basis: l.leaf.basis.replace(/\s/gu, '') }));
      expect(flatten(form)).toEqual(flatten(seed));
      expect(numbersOf(form)).toEqual(numbersOf(seed));
    } else {
      expect(form).toEqual(seed);
    }
  });

  it('a sweep of 120 printings with random realistic widths, orders, page breaks and splices', () => {
    let state = 20211231;
    const random = (n: number): number => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state % n;
    };
    const failures: string[] = [];
    for (let i = 0; i < 120; i += 1) {
      const targetWidth = 14 + random(12);
      const definitionWidth = 16 + random(14);
      const options: Partial<RenderOptions> = {
        narrativeWidth: 40 + random(80),
        groupWidth: 8 + random(14),
        nameWidth: 8 + random(14),
        definitionWidth,
        basisWidth: definitionWidth + 6 + random(10),
        targetWidth,
        actualWidth: targetWidth + 6 + random(12),
        order: (['sequential', 'interleaved', 'rowwise'] as const)[random(3)],
        pageLines: random(3) === 0 ? null : 5 + random(40),
        repeatLevel2: random(2) === 0,
        splice: (['none', 'weightDefinition'] as const)[random(2)],
      };
      const result = importFormText(renderFormText(seed, options));
      if (result.problems.length > 0 || JSON.stringify(result.value) !== JSON.stringify(seed)) failures.push(JSON.stringify(options));
    }
    expect(failures).toEqual([]);
  });
});

describe('the unit line and the year, printed other ways', () => {
  const unitLine = '单位名称 广州市番禺区科技工业商务和信息化局 单位数： 6个';

  it.each([
    ['colons, no spaces, no 个', '单位名称：广州市番禺区科技工业商务和信息化局 单位数：6'],
    ['a long name wrapped before 单位数', '单位名称 广州市番禺区科技工业商务\n和信息化局 单位数： 6个'],
    ['the variant label 部门名称', '部门名称 广州市番禺区科技工业商务和信息化局 单位数： 6个'],
  ])('%s', (_, line) => {
    const result = importFormText(SEED_TEXT.replace(unitLine, line));
    expect(result.value?.unit).toEqual(seed.unit);
    expect(result.problems).toEqual([]);
  });

  it('a missing 单位数 or year is blank, with a warning saying where', () => {
    const noCount = importFormText(SEED_TEXT.replace(' 单位数： 6个', ''));
    expect(noCount.value?.unit).toEqual({ ...seed.unit, unitCount: null });
    expect(noCount.problems.map((p) => [p.code, p.path])).toEqual([['import.missingUnitCount', '第9行']]);
    const noYear = importFormText(SEED_TEXT.replace('（2021年度）', ''));
    expect(noYear.value?.unit.year).toBeNull();
    expect(noYear.problems.map((p) => p.code)).toEqual(['import.missingYear']);
  });

  it('a narrative label printed with its text on the same line', () => {
    const text = SEED_TEXT.replace('未能完成原因\n', '未能完成原因 无\n');
    expect(importClean(text).narratives.shortfallReasons).toBe('无');
  });
});
