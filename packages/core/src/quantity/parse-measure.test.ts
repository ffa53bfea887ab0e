import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Comparator, Quantity, QuantityKind } from './measure.js';
import { parseMeasure } from './parse-measure.js';

/** What a case expects of one quantity: comparator, value, unit, and optionally the rest. */
interface Expected {
  c: Comparator | null;
  v: number;
  u: string;
  k?: QuantityKind;
  cls?: string;
  each?: boolean;
  text?: string;
}

const q = (c: Comparator | null, v: number, u: string, more: Partial<Expected> = {}): Expected => ({ c, v, u, ...more });
const growth = (c: Comparator | null, v: number, u = '%', more: Partial<Expected> = {}): Expected => ({ c, v, u, k: 'growth', ...more });

function shape(actual: Quantity, expected: Expected): Partial<Quantity> {
  return {
    comparator: actual.comparator,
    value: actual.value,
    unit: actual.unit,
    kind: actual.kind,
    ...(expected.cls === undefined ? {} : { unitClass: actual.unitClass }),
    ...(expected.each === undefined ? {} : { each: actual.each }),
    ...(expected.text === undefined ? {} : { text: actual.text }),
  };
}

function want(expected: Expected): Partial<Quantity> {
  return {
    comparator: expected.c,
    value: expected.v,
    unit: expected.u,
    kind: expected.k ?? 'amount',
    ...(expected.cls === undefined ? {} : { unitClass: expected.cls }),
    ...(expected.each === undefined ? {} : { each: expected.each }),
    ...(expected.text === undefined ? {} : { text: expected.text }),
  };
}

const CATERING_ACTUAL =
  '中国银联全市派发2.5亿元现金红包助力广州国际美食节，番禺区主会场线上线下共惠及群众600万人次，带动餐饮消费总额约6亿元。';
const AUDIENCE_ACTUAL =
  '央视媒体以及各大直播平台总在线收看人数超过300万人次。人民日报等30余家门户网站及平台，阅读量超700万；视频浏览量超过100万。' +
  '番禺大道、亚运大道等主干道悬挂美食节道旗近千面，广州白云国际机场、上海虹桥机场及番禺区几百块LED屏同步播放美食节宣传内容，' +
  '宣传受众远超1000万人。';
const CHANNELS_ACTUAL =
  '人民日报、广州日报等传统官媒，网易新闻、今日头条等新闻网站、广州国际美食节公众号、主干道路道旗、广州白云机场和上海虹桥机场、' +
  '广州塔、抖音平台网红探店直播等10余个宣传渠道。';

const CASES: readonly (readonly [title: string, text: string, expected: readonly Expected[]])[] = [
  // Comparators before the figure, one per word.
  ['不低于', '不低于95%', [q('atLeast', 95, '%', { cls: '%' })]],
  ['不少于', '不少于10家', [q('atLeast', 10, '家', { cls: 'count' })]],
  ['达', '达1500家', [q('atLeast', 1500, '家', { text: '达1500家' })]],
  ['达到', '达到100人', [q('atLeast', 100, '人', { cls: 'person' })]],
  ['≥', '≥95%', [q('atLeast', 95, '%')]],
  ['至少', '至少3项', [q('atLeast', 3, '项', { cls: 'count' })]],
  ['超', '超140亿元', [q('above', 14_000_000_000, '元', { cls: 'money' })]],
  ['超过', '超过300万人次', [q('above', 3_000_000, '人次', { cls: '人次' })]],
  ['多于', '多于20场', [q('above', 20, '场')]],
  ['大于', '大于50%', [q('above', 50, '%')]],
  ['>', '>10辆', [q('above', 10, '辆')]],
  ['余 after the figure', '10余个', [q('above', 10, '个', { text: '10余个' })]],
  ['逾', '逾千人', [q('above', 1000, '人')]],
  ['不超过', '不超过6名', [q('atMost', 6, '名', { cls: 'person' })]],
  ['不高于', '不高于5%', [q('atMost', 5, '%')]],
  ['不多于', '不多于3次', [q('atMost', 3, '次')]],
  ['≤', '≤2%', [q('atMost', 2, '%')]],
  ['以下 after the unit', '3人以下', [q('atMost', 3, '人', { text: '3人以下' })]],
  ['控制在…以内', '误差控制在5%以内', [q('atMost', 5, '%', { text: '控制在5%以内' })]],
  ['之内', '5万元之内', [q('atMost', 50_000, '元')]],
  ['最多', '最多4人', [q('atMost', 4, '人')]],
  ['少于', '少于10人', [q('below', 10, '人')]],
  ['低于', '低于3%', [q('below', 3, '%')]],
  ['<', '<5%', [q('below', 5, '%')]],
  ['不足', '不足5%', [q('below', 5, '%')]],
  ['=', '=100%', [q('exactly', 100, '%')]],
  ['为', '为130项', [q('exactly', 130, '项')]],
  ['约', '约6亿元', [q('about', 600_000_000, '元')]],
  ['大约', '大约200家', [q('about', 200, '家')]],
  ['左右', '100人左右', [q('about', 100, '人')]],
  ['上下', '50家上下', [q('about', 50, '家')]],
  ['近', '近1700家', [q('nearly', 1700, '家')]],
  ['将近', '将近500人', [q('nearly', 500, '人')]],
  ['接近', '接近90%', [q('nearly', 90, '%')]],
  ['以上 after a bare magnitude', '1000万以上', [q('atLeast', 10_000_000, '', { cls: '' })]],
  ['以上 after a unit', '5个以上', [q('atLeast', 5, '个')]],
  ['及以上', '3家及以上', [q('atLeast', 3, '家')]],
  ['no comparator', '10万辆', [q(null, 100_000, '辆', { cls: '辆' })]],
  ['上下游 is no comparator', '5家上下游企业', [q(null, 5, '家')]],
  // Full-width forms and white space (reported spans stay the original text).
  ['full-width digits', '１０万辆', [q(null, 100_000, '辆', { text: '１０万辆' })]],
  ['full-width decimal and percent', '１２．５％', [q(null, 12.5, '%')]],
  ['full-width ＝', '＝100%', [q('exactly', 100, '%')]],
  ['small-form ﹦', '﹦100%', [q('exactly', 100, '%')]],
  ['full-width ＞', '＞10辆', [q('above', 10, '辆')]],
  ['full-width ＜', '＜5%', [q('below', 5, '%')]],
  ['≧', '≧95%', [q('atLeast', 95, '%')]],
  ['spaces inside', '≥ 95 %', [q('atLeast', 95, '%', { text: '≥ 95 %' })]],
  // Traditional characters.
  ['萬 輛', '１０萬輛', [q(null, 100_000, '辆')]],
  ['超過 億', '超過1億元', [q('above', 100_000_000, '元')]],
  ['不超過 個', '不超過5個', [q('atMost', 5, '个', { text: '不超過5個' })]],
  ['達到', '達到1500家', [q('atLeast', 1500, '家')]],
  ['項', '3項', [q(null, 3, '项')]],
  ['約 億', '約6億元', [q('about', 600_000_000, '元')]],
  ['餘', '20餘家', [q('above', 20, '家')]],
  ['以內', '3人以內', [q('atMost', 3, '人')]],
  // Magnitudes, decimals, thousands separators.
  ['亿元', '1.5亿元', [q(null, 150_000_000, '元')]],
  ['千万', '3千万元', [q(null, 30_000_000, '元')]],
  ['万亿', '2万亿元', [q(null, 2_000_000_000_000, '元')]],
  ['百万', '5百万元', [q(null, 5_000_000, '元')]],
  ['thousands separator', '2,000.5万元', [q(null, 20_005_000, '元')]],
  ['万千瓦: 千 belongs to the unit', '32.5万千瓦', [q(null, 325_000, '千瓦')]],
  ['千米 is a unit, not a magnitude', '5千米', [q(null, 5, '公里')]],
  ['多 before the magnitude', '100多万人', [q('above', 1_000_000, '人')]],
  ['余 after the magnitude', '10万余人', [q('above', 100_000, '人')]],
  ['美元 is not 元', '6.8亿美元', [q(null, 680_000_000, '美元', { cls: 'usd' })]],
  ['exact decimal scaling', '1035.2亿元', [q(null, 103_520_000_000, '元')]],
  ['人民币 is 元', '100万人民币', [q(null, 1_000_000, '元', { cls: 'money' })]],
  ['a rate unit', '200元/人', [q(null, 200, '元/人', { cls: '元/人' })]],
  ['万人次', '600万人次', [q(null, 6_000_000, '人次')]],
  ['位 counts people', '3位专家', [q(null, 3, '位', { cls: 'person' })]],
  // Chinese numerals.
  ['三家', '三家', [q(null, 3, '家')]],
  ['十余个', '十余个', [q('above', 10, '个')]],
  ['近千面', '近千面', [q('nearly', 1000, '面', { text: '近千面' })]],
  ['两个', '两个', [q(null, 2, '个')]],
  ['一百二十人', '一百二十人', [q(null, 120, '人')]],
  ['三万人次', '三万人次', [q(null, 30_000, '人次')]],
  ['五个以上', '五个以上', [q('atLeast', 5, '个')]],
  ['百分之九十五', '百分之九十五', [q(null, 95, '%')]],
  ['兩個 (traditional)', '兩個', [q(null, 2, '个')]],
  ['余 then a magnitude', '三十余万人', [q('above', 300_000, '人')]],
  ['两千万元', '两千万元', [q(null, 20_000_000, '元')]],
  ['Kangxi radicals from a PDF', '\u2f00\u5bb6', [q(null, 1, '家')]],
  ['十四五 is a name', '十四五规划', []],
  ['四个一 is an idiom', '四个一工程', []],
  // Growth.
  ['同比增长', '同比增长2.0%', [growth(null, 2, '%', { text: '同比增长2.0%' })]],
  ['增长', '增长10%', [growth(null, 10)]],
  ['增幅达', '增幅达5%', [growth('atLeast', 5)]],
  ['下降 is negative', '下降3%', [growth(null, -3)]],
  ['下降不超过 turns round', '同比下降不超过3%', [growth('atLeast', -3)]],
  ['增长率为', '增长率为5%', [growth('exactly', 5)]],
  ['增长了', '较上年增长了8.5%', [growth(null, 8.5)]],
  ['个百分点', '提高2个百分点', [growth(null, 2, '百分点')]],
  ['增長 (traditional)', '同比增長15.4%', [growth(null, 15.4)]],
  ['提高到 names a level', '提高到95%', [q('atLeast', 95, '%')]],
  ['新增 is a level', '新增3家', [q(null, 3, '家')]],
  // Several quantities in one text.
  ['amount and growth', '外贸出口总额700亿元，同比增长2.0%', [q(null, 70_000_000_000, '元'), growth(null, 2)]],
  ['the seed actual with 为 and a year', '2021年度我区外贸出口总额为806.3亿元，同比增长17.8%', [q('exactly', 80_630_000_000, '元'), growth(null, 17.8)]],
  ['printed line breaks inside words', '2021年度我区外贸进出口总额达1260.2亿\n元，同比增长25.5%', [q('atLeast', 126_020_000_000, '元', { text: '达1260.2亿\n元' }), growth(null, 25.5)]],
  ['the comparator reaches the parenthesised figure', '不低于2020年广州国际美食节水平（1.5亿元）', [q('atLeast', 150_000_000, '元', { text: '1.5亿元' })]],
  ['the 餐饮 actual', CATERING_ACTUAL, [q(null, 250_000_000, '元'), q(null, 6_000_000, '人次'), q('about', 600_000_000, '元')]],
  ['the 宣传受众 actual', AUDIENCE_ACTUAL, [q('above', 3_000_000, '人次'), q('above', 30, '家'), q('above', 7_000_000, ''), q('above', 1_000_000, ''), q('nearly', 1000, '面'), q('above', 10_000_000, '人')]],
  ['the 宣传渠道 actual', CHANNELS_ACTUAL, [q('above', 10, '个')]],
  ['two figures', '累计达23家，上市企业总市值超2900亿元', [q('atLeast', 23, '家'), q('above', 290_000_000_000, '元')]],
  ['points', '每项加2.5分，加分最多不超过5分', [q(null, 2.5, '分'), q('atMost', 5, '分')]],
  // Years, dates, list markers, ordinals and codes are no quantities.
  ['a year', '2021年', []],
  ['a year and a month', '截至2021年12月，完成5家', [q(null, 5, '家')]],
  ['a full date', '2021-12-31前完成3项', [q(null, 3, '项')]],
  ['a dotted date', '2021.12.31完成', []],
  ['a span of years', '2021—2025年', []],
  ['a list marker', '1.引进5名人才', [q(null, 5, '名')]],
  ['a parenthesised list marker', '（2）新增3家', [q(null, 3, '家')]],
  ['a list marker with 、', '3、完成4项', [q(null, 4, '项')]],
  ['an ordinal', '第二届', []],
  ['an Arabic ordinal', '排名第3名', []],
  ['a code', '推进5G建设', []],
  ['a money amount that looks like a year', '2021.12万元', [q(null, 20_211_200, '元')]],
  // Ranges.
  ['a range', '5-10个', [q('atLeast', 5, '个'), q('atMost', 10, '个')]],
  ['a range with magnitudes', '5万至10万元', [q('atLeast', 50_000, '元'), q('atMost', 100_000, '元')]],
  ['a range that is no date', '2000-3000元', [q('atLeast', 2000, '元'), q('atMost', 3000, '元')]],
  // 各.
  ['各不超过', '各不超过7个', [q('atMost', 7, '个', { each: true, text: '各不超过7个' })]],
  ['各 with a plain figure', '各1家', [q(null, 1, '家', { each: true })]],
  // Nothing to read.
  ['qualitative', '有效提升', []],
  ['qualitative comparison', '较上年明显改善', []],
  ['empty', '', []],
  ['a dash', '——', []],
  ['vague', '几百家', []],
  ['idiom 千家万户', '千家万户', []],
  ['idiom 一次性', '一次性补贴', []],
  ['a numeral in a word', '七大产业', []],
  ['一是', '一是加强管理', []],
];

describe('parseMeasure', () => {
  it.each(CASES)('%s: %s', (_title, text, expected) => {
    const measure = parseMeasure(text);
    expect(measure.text).toBe(text);
    expect(measure.quantities.map((actual, i) => shape(actual, expected[i] ?? q(null, Number.NaN, '?')))).toEqual(expected.map(want));
  });

  it('reports spans of the original text', () => {
    const text = '不低于2020年广州国际美食节水平（1.5亿元）';
    const [quantity] = parseMeasure(text).quantities;
    expect(quantity?.start).toBe(text.indexOf('1.5'));
    expect(quantity && text.slice(quantity.start, quantity.end)).toBe('1.5亿元');
  });

  it('lists what it deliberately left out', () => {
    expect(parseMeasure('截至2021年12月').skipped.map((s) => [s.reason, s.text])).toEqual([
      ['year', '2021年'],
      ['date', '12月'],
    ]);
    expect(parseMeasure('1.加分项').skipped.map((s) => s.reason)).toEqual(['listMarker']);
    expect(parseMeasure('排名第一').skipped.map((s) => s.reason)).toEqual(['ordinal']);
    expect(parseMeasure('几百块LED屏').skipped.map((s) => s.reason)).toEqual(['vague']);
    expect(parseMeasure('5G').skipped.map((s) => s.reason)).toEqual(['code']);
  });

  it('has at least sixty table cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
  });
});

const MAGNITUDES = [['', 0], ['十', 1], ['百', 2], ['千', 3], ['万', 4], ['十万', 5], ['百万', 6], ['千万', 7], ['亿', 8], ['万亿', 12]] as const;
const FULL_WIDTH_OFFSET = 0xfee0;

describe('parseMeasure properties', () => {
  it('reads n万元 as n × 10000 元, for any integer n', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 40 }), (n) => {
        const [quantity, ...rest] = parseMeasure(`${n}万元`).quantities;
        expect(rest).toEqual([]);
        expect(quantity?.value).toBe(n * 10_000);
        expect(quantity?.unit).toBe('元');
      }),
    );
  });

  it('scales decimals exactly as the decimal literal, for every magnitude', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 99_999 }),
        fc.stringMatching(/^\d{1,4}$/),
        fc.constantFrom(...MAGNITUDES),
        (whole, fraction, [word, exponent]) => {
          const digits = `${whole}.${fraction}`;
          const [quantity] = parseMeasure(`${digits}${word}元`).quantities;
          expect(quantity?.value).toBe(Number(`${digits}e${exponent}`));
        },
      ),
    );
  });

  it('reads full-width digits as ASCII digits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.constantFrom('万辆', '亿元', '家', '%'), (n, unit) => {
        const fullWidth = [...String(n)].map((d) => String.fromCharCode(d.charCodeAt(0) + FULL_WIDTH_OFFSET)).join('');
        const ascii = parseMeasure(`达${n}${unit}`).quantities;
        const wide = parseMeasure(`达${fullWidth}${unit}`).quantities;
        expect(wide.map((x) => [x.comparator, x.value, x.unit])).toEqual(ascii.map((x) => [x.comparator, x.value, x.unit]));
      }),
    );
  });

  const pieces = fc.constantFrom(
    '1', '23', '2021', '0.5', '1,000', '５', '．', '一', '两', '十', '百', '千', '万', '亿', '萬', '億', '余', '多', '年', '月', '日',
    '个', '家', '人', '人次', '元', '%', '％', '以上', '以下', '不超过', '超', '近', '约', '达', '各', '增长', '下降', '同比', '第', '几',
    '（', '）', '(', ')', '-', '至', '，', '。', '、', '.', ' ', '\n', 'G', 'km', '/', '百分之', '了', '为', '性',
  );

  it('never throws, and every quantity spans its own text, on texts made of the words it reads', () => {
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 25 }), (parts) => {
        const text = parts.join('');
        const measure = parseMeasure(text);
        for (const quantity of measure.quantities) {
          expect(Number.isFinite(quantity.value)).toBe(true);
          expect(quantity.end).toBeGreaterThan(quantity.start);
          expect(text.slice(quantity.start, quantity.end)).toBe(quantity.text);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (text) => {
        const measure = parseMeasure(text);
        expect(measure.text).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });
});
