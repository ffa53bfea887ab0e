import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessTarget } from './assess-target.js';
import type { TargetAssessment } from './assess-target.js';

// The seed's duty indicators (履职效能), as printed in panyu-kgxj-2021.txt; the 外贸 and 美食节 cells keep the
// line breaks of the printed cells, which the reading must see through.
const CATERING_ACTUAL =
  '中国银联全市派发2.5亿元现金红包助力广\n州国际美食节，番禺区主会场线上线下共\n惠及群众600万人次，带动餐饮消费总额约\n6亿元。';
const AUDIENCE_ACTUAL =
  '央视媒体以及各大直播平台总在线收看人\n数超过300万人次。人民日报等30余家门户\n网站及平台，阅读量超700万；视频浏览量\n' +
  '超过100万。番禺大道、亚运大道等主干道\n悬挂美食节道旗近千面，广州白云国际机\n场、上海虹桥机场及番禺区几百块LED屏同\n' +
  '步播放美食节宣传内容，宣传受众远超\n1000万人。';
const CHANNELS_ACTUAL =
  '人民日报、广州日报等传统官媒，网易新\n闻、今日头条等新闻网站、广州国际美食\n节公众号、主干道路道旗、广州白云机场\n' +
  '和上海虹桥机场、广州塔、抖音平台网红\n探店直播等10余个宣传渠道。';

type Expectation =
  | { status: 'met' | 'missed'; direction: 'atLeast' | 'atMost'; achieved?: number; pairs?: number }
  | { status: 'qualitative' }
  | { status: 'unclear'; reason: 'targetNotUnderstood' | 'actualNotUnderstood' | 'ambiguousActual' }
  | { status: 'unitMismatch'; targetUnit: string; actualUnit: string };

const SEED: readonly (readonly [name: string, target: string, actual: string, expected: Expectation])[] = [
  ['年产新能源汽车', '10万辆', '12万辆', { status: 'met', direction: 'atLeast' }],
  ['年度营收', '100亿元', '超140亿元', { status: 'met', direction: 'atLeast' }],
  ['年度研发经费投入', '1亿元', '超7亿元', { status: 'met', direction: 'atLeast' }],
  ['外贸出口增长目标', '外贸出口总额700亿元，同比\n增长2.0%', '2021年度我区外贸出口总额为806.3亿元，\n同比增长17.8%', { status: 'met', direction: 'atLeast', pairs: 2 }],
  ['外贸进出口增长目标', '外贸进出口额1035.2亿元，同\n比增长3.0%', '2021年度我区外贸进出口总额达1260.2亿\n元，同比增长25.5%', { status: 'met', direction: 'atLeast', pairs: 2 }],
  ['有效高新技术企业', '达1500家', '近1700家', { status: 'met', direction: 'atLeast' }],
  ['高新技术企业营业收入', '达1100亿元', '超2400亿元', { status: 'met', direction: 'atLeast' }],
  ['吸纳就业人数', '8万人', '超15万人', { status: 'met', direction: 'atLeast' }],
  ['新增上市企业', '1家', '1家', { status: 'met', direction: 'atLeast' }],
  ['引进领军团队', '各不超过7个', '7家', { status: 'met', direction: 'atMost' }],
  ['引进领军人才', '不超过6名', '1名', { status: 'met', direction: 'atMost' }],
  ['青蓝计划创业项目', '不超过130项', '130项', { status: 'met', direction: 'atMost' }],
  ['餐饮业营业额', '不低于2020年广州国际美食节\n水平（1.5亿元）', CATERING_ACTUAL, { status: 'met', direction: 'atLeast', pairs: 2 }],
  // A bare number against six figures in four units, which disagree: saying so beats picking one.
  ['宣传受众人数', '1000万以上', AUDIENCE_ACTUAL, { status: 'unclear', reason: 'ambiguousActual' }],
  ['媒体宣传渠道', '5个以上', CHANNELS_ACTUAL, { status: 'met', direction: 'atLeast' }],
];

const MORE: readonly (readonly [title: string, target: string, actual: string, expected: Expectation])[] = [
  ['missed, at least', '达1500家', '1200家', { status: 'missed', direction: 'atLeast', achieved: 0.8 }],
  ['missed, at most', '不超过6名', '8名', { status: 'missed', direction: 'atMost', achieved: 0.75 }],
  ['missed percentage', '95%', '76%', { status: 'missed', direction: 'atLeast', achieved: 0.8 }],
  ['met percentage', '≥95%', '达到98.5%', { status: 'met', direction: 'atLeast' }],
  ['met within', '5%以内', '3%', { status: 'met', direction: 'atMost' }],
  ['below is at most', '低于3%', '2.5%', { status: 'met', direction: 'atMost' }],
  ['missed growth', '同比增长5%', '同比增长3%', { status: 'missed', direction: 'atLeast', achieved: 0.6 }],
  ['a fall met', '下降5%', '同比下降8%', { status: 'met', direction: 'atMost' }],
  ['a fall missed', '下降5%', '下降3%', { status: 'missed', direction: 'atMost', achieved: 0.6 }],
  ['a rise where a fall was asked', '下降5%', '增长2%', { status: 'missed', direction: 'atMost', achieved: 0 }],
  ['one of two quantities missed', '外贸出口总额700亿元，同比增长2.0%', '外贸出口总额为806.3亿元，同比增长1.0%', { status: 'missed', direction: 'atLeast', achieved: 0.5 }],
  ['a zero target is a ceiling', '安全事故0起', '0起', { status: 'met', direction: 'atMost' }],
  ['a zero target exceeded', '0起', '发生2起', { status: 'missed', direction: 'atMost', achieved: 0 }],
  ['nearly is taken at its value', '达1700家', '近1700家', { status: 'met', direction: 'atLeast' }],
  ['above is taken at its value', '超过100亿元', '超100亿元', { status: 'met', direction: 'atLeast' }],
  ['magnitudes normalised before comparing', '1.5亿元', '12000万元', { status: 'missed', direction: 'atLeast', achieved: 0.8 }],
  ['个 and 家 compare', '5个以上', '三家', { status: 'missed', direction: 'atLeast', achieved: 0.6 }],
  ['人 and 名 compare', '10人', '12名', { status: 'met', direction: 'atLeast' }],
  ['full-width and traditional', '不超過１３０項', '130項', { status: 'met', direction: 'atMost' }],
  ['each: every figure must satisfy', '各不超过7个', '分别引进5个和9个', { status: 'missed', direction: 'atMost', achieved: 7 / 9 }],
  ['each: all satisfy', '各不超过7个', '分别引进5个和7个', { status: 'met', direction: 'atMost', pairs: 2 }],
  ['a range met', '5-10个', '7个', { status: 'met', direction: 'atLeast', pairs: 2 }],
  ['a range exceeded', '5-10个', '12个', { status: 'missed', direction: 'atMost', achieved: 10 / 12 }],
  ['agreeing candidates: the worst decides', '3亿元', '派发2.4亿元，带动消费约1.5亿元', { status: 'missed', direction: 'atLeast', achieved: 0.5, pairs: 2 }],
  ['disagreeing 元 candidates', '1亿元', '派发2.5亿元，带动消费约0.8亿元', { status: 'unclear', reason: 'ambiguousActual' }],
  ['disagreeing candidates', '10家', '目标10家，完成8家', { status: 'unclear', reason: 'ambiguousActual' }],
  ['a bare target against one figure', '1000万以上', '宣传受众1200万人', { status: 'met', direction: 'atLeast' }],
  ['a bare target against bare figures', '1000万以上', '阅读量超700万', { status: 'missed', direction: 'atLeast', achieved: 0.7 }],
  ['a bare actual is read in the target unit', '8万人', '超15万', { status: 'met', direction: 'atLeast' }],
  ['a bare actual beside a figure of another kind', '8万人', '超15万，同比增长3%', { status: 'met', direction: 'atLeast' }],
  ['a bare actual beside a unit-bearing figure is not guessed', '8万人', '超15万，另有30家', { status: 'unitMismatch', targetUnit: '人', actualUnit: '家' }],
  ['a bare target is not compared with a percentage', '1000万以上', '完成率95%', { status: 'unclear', reason: 'actualNotUnderstood' }],
  ['unit mismatch', '10万辆', '12万台', { status: 'unitMismatch', targetUnit: '辆', actualUnit: '台' }],
  ['人次 is not 人', '8万人', '10万人次', { status: 'unitMismatch', targetUnit: '人', actualUnit: '人次' }],
  ['美元 is not 元', '5亿元', '6.8亿美元', { status: 'unitMismatch', targetUnit: '元', actualUnit: '美元' }],
  ['growth missing from the actual', '同比增长2.0%', '外贸出口总额806.3亿元', { status: 'unclear', reason: 'actualNotUnderstood' }],
  ['actual without figures', '10家', '已完成', { status: 'unclear', reason: 'actualNotUnderstood' }],
  ['empty actual', '10家', '', { status: 'unclear', reason: 'actualNotUnderstood' }],
  ['qualitative target', '有效提升', '明显提升', { status: 'qualitative' }],
  ['qualitative comparison', '较上年明显改善', '改善', { status: 'qualitative' }],
  ['a target with only a year is qualitative', '2021年底前完成', '已完成', { status: 'qualitative' }],
  ['empty target', '', '5家', { status: 'unclear', reason: 'targetNotUnderstood' }],
  ['a dash for a target', '——', '5家', { status: 'unclear', reason: 'targetNotUnderstood' }],
  ['an ordinal target', '排名全市第一', '第一', { status: 'unclear', reason: 'targetNotUnderstood' }],
  ['a vague target', '几百家', '300家', { status: 'unclear', reason: 'targetNotUnderstood' }],
];

function check(result: TargetAssessment, expected: Expectation): void {
  expect(result.status).toBe(expected.status);
  if ((result.status === 'met' || result.status === 'missed') && (expected.status === 'met' || expected.status === 'missed')) {
    expect(result.direction).toBe(expected.direction);
    if (expected.pairs !== undefined) expect(result.pairs).toHaveLength(expected.pairs);
    expect(result.pairs.every((p) => p.target.kind === p.actual.kind)).toBe(true);
    if (result.status === 'missed') expect(result.achieved).toBeCloseTo(expected.achieved ?? Number.NaN, 10);
    else expect(result.pairs.every((p) => p.met)).toBe(true);
  }
  if (result.status === 'unclear' && expected.status === 'unclear') {
    expect(result.reason).toBe(expected.reason);
    expect(result.detail).not.toBe('');
  }
  if (result.status === 'unitMismatch' && expected.status === 'unitMismatch') {
    expect([result.targetUnit, result.actualUnit]).toEqual([expected.targetUnit, expected.actualUnit]);
  }
}

describe('assessTarget on the seed duty indicators', () => {
  it.each(SEED)('%s: %s / …', (_name, target, actual, expected) => {
    check(assessTarget(target, actual), expected);
  });

  it('never reports a seed indicator as missed (they all scored full marks)', () => {
    for (const [, target, actual] of SEED) expect(assessTarget(target, actual).status).not.toBe('missed');
  });

  it('compares the 餐饮 target with both 元 figures and not with 人次', () => {
    const result = assessTarget('不低于2020年广州国际美食节水平（1.5亿元）', CATERING_ACTUAL);
    expect(result.status === 'met' && result.pairs.map((p) => [p.target.value, p.actual.value])).toEqual([
      [150_000_000, 250_000_000],
      [150_000_000, 600_000_000],
    ]);
  });

  it('names the disagreeing figures when it cannot tell', () => {
    const result = assessTarget('1000万以上', AUDIENCE_ACTUAL);
    expect(result.status === 'unclear' && result.detail).toContain('1000万人」达标');
  });
});

describe('assessTarget', () => {
  it.each(MORE)('%s: %s / %s', (_title, target, actual, expected) => {
    check(assessTarget(target, actual), expected);
  });

  it('is met exactly when the actual reaches an at-least target, and achieved never leaves 0..1', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 0, max: 2_000_000 }), (target, actual) => {
        const result = assessTarget(`达${target}家`, `${actual}家`);
        expect(result.status).toBe(actual >= target ? 'met' : 'missed');
        if (result.status === 'missed') {
          expect(result.achieved).toBeGreaterThanOrEqual(0);
          expect(result.achieved).toBeLessThan(1);
          expect(result.achieved).toBeCloseTo(actual / target, 12);
        }
      }),
    );
  });

  it('is met exactly when the actual stays within an at-most target', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: 2_000_000 }), (target, actual) => {
        const result = assessTarget(`不超过${target}万元`, `${actual}万元`);
        expect(result.status).toBe(actual <= target ? 'met' : 'missed');
        if (result.status === 'missed') expect(result.achieved).toBeCloseTo(target / actual, 12);
      }),
    );
  });
});
