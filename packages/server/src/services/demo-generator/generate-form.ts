/**
 * One generated form: the seed's management and adjustment indicators scored afresh, duty indicators drawn
 * from the department's area (different counts, names, targets and actuals), spending that adds up in every
 * breakdown, and — when asked — planted anomalies the checks must find. Pure: the same department, year and
 * random stream give the same document. Self-scores follow core's suggestions where the method computes one
 * (a generated department scores itself as the rules say), so the only findings are the ones planted or the
 * ones real forms have too (high marks with low spending, a figure core cannot read).
 */
import type { ExpenditureCells, ExpenditureColumn, FormDocument, IndicatorLeaf, Level1Group, Level2Group, QualitativeBand, Random } from '@jixiao/core';
import {
  asPercent,
  assessTarget,
  EXPENDITURE_BREAKDOWNS,
  EXPENDITURE_COLUMNS,
  executionRate,
  gradeOf,
  leavesOf,
  QUALITATIVE_BANDS,
  roundHalfUp,
  seededRandom,
  suggestLeafScore,
  sumOf,
} from '@jixiao/core';
import type { DutyGoal, IndicatorPattern } from './vocabulary.js';
import { COMMON_DUTY_GOALS, DEDUCTION_BASES, DUTY_GOALS, SHORTFALL_REASONS } from './vocabulary.js';
import type { DutyArea } from './vocabulary.js';

/** The anomalies the generator plants, each with the check that must find it. */
export const PLANTED_ANOMALIES = {
  scoreAboveWeight: 'score-above-weight',
  deductionWithoutBasis: 'deduction-without-basis',
  shortfallReasonsMissing: 'shortfall-reasons-missing',
  printedRateMismatch: 'printed-rate-mismatch',
  highMarksLowSpending: 'high-marks-low-spending',
} as const;

/** One kind of planted anomaly. */
export type AnomalyKind = keyof typeof PLANTED_ANOMALIES;

/** How often each anomaly is planted in a form. */
const ANOMALY_RATE: Record<AnomalyKind, number> = {
  scoreAboveWeight: 0.04,
  deductionWithoutBasis: 0.08,
  shortfallReasonsMissing: 0.06,
  printedRateMismatch: 0.05,
  highMarksLowSpending: 0.05,
};

/** What the generator knows of a department, the same every year. */
export interface DepartmentProfile {
  name: string;
  unitCount: number;
  area: DutyArea;
  /** Yearly budget in 万元 in the first year. */
  budget: number;
  /** How well the department does, 0 (badly) to 1 (everything met); each year varies around it. */
  quality: number;
  /** Seeds the department's duty goals and indicators, which it keeps for a few years as departments do. */
  structureSeed: number;
}

/** A generated form and the anomalies planted in it. */
export interface GeneratedForm {
  document: FormDocument;
  anomalies: AnomalyKind[];
}

const QUALITATIVE_TARGETS = ['有效提升', '稳步提高', '持续改善', '按时完成'] as const;
const QUALITATIVE_ACTUALS = ['明显提升', '较好完成', '已按时完成', '稳步推进'] as const;

/** Amounts are drawn in 分 (hundredths of a 万元) so the breakdowns add up exactly. */
const toAmount = (cents: number): number => cents / 100;

function formatFigure(value: number, decimals: number): string {
  return decimals === 0 ? String(Math.round(value)) : value.toFixed(decimals).replace(/\.?0+$/u, '');
}

/** A target phrased as published forms phrase it, with its figure. */
function targetText(pattern: IndicatorPattern, value: number, random: Random): string {
  const figure = `${formatFigure(value, pattern.decimals)}${pattern.unit}`;
  if (pattern.direction === 'atMost') return random.pick([`不超过${figure}`, `不高于${figure}`]);
  return random.pick([figure, `不少于${figure}`, `达${figure}`, `不低于${figure}`]);
}

/** A leaf's target and actual: met, or missed by how much the department's year went wrong. */
function targetAndActual(pattern: IndicatorPattern, quality: number, random: Random): { target: string; actual: string; band: QualitativeBand | null } {
  if (pattern.direction === 'qualitative') {
    const band: QualitativeBand = random.chance(0.4 + quality * 0.6) ? 'high' : 'middle';
    return { target: random.pick(QUALITATIVE_TARGETS), actual: random.pick(QUALITATIVE_ACTUALS), band };
  }
  const step = 10 ** -pattern.decimals;
  const target = Math.round(random.between(pattern.min, pattern.max) / step) * step;
  const missed = random.chance((1 - quality) * 0.8);
  let actual: number;
  if (pattern.direction === 'atLeast') {
    const ceiling = pattern.unit === '%' ? 100 : Number.POSITIVE_INFINITY;
    actual = missed ? target * random.between(Math.max(0.1, quality - 0.45), 0.97) : Math.min(ceiling, target * random.between(1, 1.35));
  } else {
    actual = missed ? target * random.between(1.15, 1.8) + (target === 0 ? random.int(1, 3) : 0) : target * random.between(0, 1);
  }
  actual = Math.round(actual / step) * step;
  const figure = `${formatFigure(actual, pattern.decimals)}${pattern.unit}`;
  const phrased = !missed && pattern.direction === 'atLeast' && random.chance(0.3) ? `超${figure}` : figure;
  return { target: targetText(pattern, target, random), actual: phrased, band: null };
}

/** Splits `total` whole points into `parts` parts of at least `least` each. */
function splitPoints(total: number, parts: number, least: number, random: Random): number[] {
  const out = Array.from({ length: parts }, () => least);
  for (let left = total - least * parts; left > 0; left--) {
    const i = random.int(0, parts - 1);
    out[i] = (out[i] ?? 0) + 1;
  }
  return out;
}

/** How many years a department keeps its duty goals before drawing new ones. */
const STRUCTURE_YEARS = 3;

/** The duty level-1 group: goals of the department's area (and common ones), 2–4 indicators each, 50 points. */
function dutyGroup(template: Level1Group, profile: DepartmentProfile, yearIndex: number, quality: number, random: Random): Level1Group {
  // The goals, indicators and weights come from the department's own stream, renewed every third year.
  const structure = seededRandom(profile.structureSeed + Math.floor(yearIndex / STRUCTURE_YEARS));
  const pool: DutyGoal[] = [...DUTY_GOALS[profile.area], ...structure.sample(COMMON_DUTY_GOALS, 1)];
  const goals = structure.sample(pool, structure.int(Math.min(3, pool.length), pool.length));
  const weight = template.weight ?? 50;
  const goalWeights = splitPoints(weight, goals.length, 8, structure);
  const children: Level2Group[] = goals.map((goal, g) => {
    const patterns = structure.sample(goal.indicators, structure.int(2, Math.min(4, goal.indicators.length)));
    const leafWeights = splitPoints(goalWeights[g] ?? 0, patterns.length, 1, structure);
    const leaves: IndicatorLeaf[] = patterns.map((pattern, i) => {
      const { target, actual, band } = targetAndActual(pattern, quality, random);
      return {
        kind: 'leaf',
        id: `${template.id}.${g + 1}.${i + 1}`,
        level: 3,
        name: `${i + 1}.${pattern.name}`,
        weight: leafWeights[i] ?? 1,
        definition: '',
        target,
        actual,
        selfScore: null,
        basis: '',
        remark: '',
        method: { kind: 'target', judgedBand: band },
        notApplicable: false,
      };
    });
    return { kind: 'group', id: `${template.id}.${g + 1}`, level: 2, name: goal.goal, weight: goalWeights[g] ?? 0, category: 'duty', children: leaves };
  });
  return { ...template, weight, children };
}

/** Splits `cents` into a breakdown's two columns, the first taking about `share`. */
function splitCents(cents: number, share: number): [number, number] {
  const first = Math.round(cents * share);
  return [first, cents - first];
}

/**
 * The expenditure table: a budget split three ways, an executed total at `rate`, each column executed at
 * most its budget (executing more than budgeted is a different finding), and the rates printed right.
 */
function expenditure(budgetCents: number, rate: number, random: Random): FormDocument['expenditure'] {
  const executedCents = Math.round(budgetCents * rate);
  const budgeted = {} as ExpenditureCells;
  const executed = {} as ExpenditureCells;
  const shares: Record<keyof typeof EXPENDITURE_BREAKDOWNS, number> = {
    byFundingSource: random.between(0.85, 0.995),
    byStructure: random.between(0.04, 0.45),
    byBudgetLevel: random.between(0.9, 0.99),
  };
  for (const [breakdown, [a, b]] of Object.entries(EXPENDITURE_BREAKDOWNS) as [keyof typeof EXPENDITURE_BREAKDOWNS, readonly [ExpenditureColumn, ExpenditureColumn]][]) {
    const [budgetA, budgetB] = splitCents(budgetCents, shares[breakdown]);
    // The smaller column executes at its own rate near the overall one, the larger takes the rest; neither
    // beyond its budget.
    const [small, large] = budgetA <= budgetB ? [budgetA, budgetB] : [budgetB, budgetA];
    let executedSmall = Math.min(small, Math.round(small * rate * random.between(0.9, 1.06)));
    let executedLarge = executedCents - executedSmall;
    if (executedLarge > large) {
      executedLarge = large;
      executedSmall = executedCents - large;
    }
    budgeted[a] = toAmount(budgetA);
    budgeted[b] = toAmount(budgetB);
    executed[a] = toAmount(budgetA <= budgetB ? executedSmall : executedLarge);
    executed[b] = toAmount(budgetA <= budgetB ? executedLarge : executedSmall);
  }
  const printedRatePercent = {} as ExpenditureCells;
  for (const column of EXPENDITURE_COLUMNS) {
    const r = executionRate(executed[column], budgeted[column]);
    printedRatePercent[column] = r === null ? null : roundHalfUp(asPercent(r), 1);
  }
  return { budgeted, executed, printedRatePercent };
}

/** A manual score: full marks, or less by a share that grows as the department's year goes worse. */
function manualScore(weight: number, quality: number, random: Random): number {
  if (!random.chance((1 - quality) * 0.9)) return weight;
  const lost = weight * Math.min(1, random.between(0.15, 0.4 + 1.2 * (1 - quality)));
  // People deduct in quarter points.
  return Math.max(0, Math.round((weight - lost) * 4) / 4);
}

/** Scores every leaf as the department would: the method's suggestion where there is one, a judgement where not. */
function scoreLeaves(document: FormDocument, quality: number, random: Random): void {
  for (const { leaf, category } of leavesOf(document)) {
    const weight = leaf.weight ?? 0;
    if (leaf.method.kind === 'adjustment') {
      leaf.method = { kind: 'adjustment', praises: random.weighted([[0, 3], [1, 4], [2, 3]]), faults: random.weighted([[0, 8], [1, 2]]) };
    }
    if (leaf.method.kind === 'proportional' && leaf.method.rate.from === 'entered') {
      leaf.method = { ...leaf.method, rate: { from: 'entered', percent: roundHalfUp(random.between(60 + quality * 30, 100), 1) } };
    }
    const assessment = leaf.method.kind === 'target' ? assessTarget(leaf.target, leaf.actual) : null;
    const suggestion = suggestLeafScore(leaf, document.expenditure, assessment);
    if (suggestion.kind === 'exact') leaf.selfScore = suggestion.score;
    else if (suggestion.kind === 'range') leaf.selfScore = roundHalfUp(random.between(suggestion.min, suggestion.max), 1);
    else if (leaf.method.kind === 'target' && leaf.method.judgedBand) {
      const band = QUALITATIVE_BANDS[leaf.method.judgedBand];
      leaf.selfScore = roundHalfUp(weight * random.between(band.minFraction, band.maxFraction), 1);
    } else leaf.selfScore = manualScore(weight, quality, random);
    if (category !== 'adjustment' && leaf.selfScore < weight) leaf.basis = random.pick(DEDUCTION_BASES);
    else if (category !== 'adjustment') leaf.basis = '';
  }
}

/** The total the department prints: the plain sum of its scores (no generated indicator is 不适用). */
function printedTotalOf(document: FormDocument): number {
  return roundHalfUp(sumOf(leavesOf(document).map((l) => l.leaf.selfScore)), 2);
}

function narratives(year: number, duty: Level1Group): FormDocument['narratives'] {
  const goals = duty.children.filter((c): c is Level2Group => c.kind === 'group');
  const numerals = ['一', '二', '三', '四', '五', '六', '七', '八'];
  return {
    goals: `${year}年，${goals.map((g) => g.name).join('；')}。`,
    completion: goals
      .map((g, i) => `${numerals[i] ?? i + 1}、${g.name}。${g.children.map((l) => `${l.name.replace(/^\d+\./u, '')}${l.actual}`).join('，')}。`)
      .join('\n'),
    shortfallReasons: '',
  };
}

/** A copy of a seed group whose leaves the generator scores afresh (cheaper than cloning the whole seed, narratives and all). */
function copyGroup<G extends Level1Group | Level2Group>(group: G): G {
  const copyLeaf = (leaf: IndicatorLeaf): IndicatorLeaf => ({ ...leaf, remark: '', method: { ...leaf.method } });
  return { ...group, children: group.children.map((c) => (c.kind === 'leaf' ? copyLeaf(c) : copyGroup(c))) };
}

/** Generates the form of `profile` for `year` from the seed's structure. */
export function generateForm(seed: FormDocument, profile: DepartmentProfile, year: number, yearIndex: number, random: Random): GeneratedForm {
  const anomalies = (Object.keys(ANOMALY_RATE) as AnomalyKind[]).filter((kind) => random.chance(ANOMALY_RATE[kind]));
  // A form low on spending and high on marks is kept high, so that the gap is there to find.
  const quality = anomalies.includes('highMarksLowSpending')
    ? Math.max(0.9, profile.quality)
    : Math.min(1, Math.max(0, profile.quality + random.between(-0.12, 0.12)));
  const rate = anomalies.includes('highMarksLowSpending')
    ? random.between(0.55, 0.78)
    : random.weighted([[random.between(0.9, 0.998), 75], [random.between(0.8, 0.9), 18], [random.between(0.6, 0.8), 7]]);
  const budgetCents = Math.round(profile.budget * 100 * 1.04 ** yearIndex * random.between(0.9, 1.1));

  const indicators = seed.indicators.map((group) => (group.category === 'duty' ? dutyGroup(group, profile, yearIndex, quality, random) : copyGroup(group)));
  const duty = indicators.find((g) => g.category === 'duty');
  if (!duty) throw new Error('the seed form has no duty indicators');
  const document: FormDocument = {
    schemaVersion: seed.schemaVersion,
    unit: { name: profile.name, unitCount: profile.unitCount, year },
    narratives: narratives(year, duty),
    expenditure: expenditure(budgetCents, rate, random),
    indicators,
    printedTotal: null,
    printedGrade: null,
  };
  scoreLeaves(document, quality, random);

  const leaves = leavesOf(document).filter((l) => l.category !== 'adjustment');
  const lostPoints = leaves.some((l) => (l.leaf.selfScore ?? 0) < (l.leaf.weight ?? 0));
  if (lostPoints || rate < 0.8) document.narratives.shortfallReasons = random.sample(SHORTFALL_REASONS, random.int(1, 2)).join('；') + '。';

  if (anomalies.includes('scoreAboveWeight')) {
    const leaf = random.pick(leaves.filter((l) => l.category === 'management' && l.leaf.method.kind === 'manual')).leaf;
    leaf.selfScore = (leaf.weight ?? 0) + random.pick([0.5, 1, 2]);
  }
  if (anomalies.includes('deductionWithoutBasis')) {
    const leaf = random.pick(leaves.filter((l) => l.category === 'management' && l.leaf.method.kind === 'manual')).leaf;
    if ((leaf.selfScore ?? 0) >= (leaf.weight ?? 0)) leaf.selfScore = Math.max(0, (leaf.weight ?? 0) - random.pick([0.25, 0.5, 1]));
    leaf.basis = '';
  }
  if (anomalies.includes('shortfallReasonsMissing')) {
    if (!lostPoints && rate >= 0.8) {
      // Reasons can only be missing where something fell short: make one management score fall short.
      const leaf = random.pick(leaves.filter((l) => l.category === 'management' && l.leaf.method.kind === 'manual' && (l.leaf.weight ?? 0) >= 1)).leaf;
      leaf.selfScore = (leaf.weight ?? 0) - 0.5;
      leaf.basis = random.pick(DEDUCTION_BASES);
    }
    document.narratives.shortfallReasons = '';
  }
  if (anomalies.includes('printedRateMismatch')) {
    const column = random.pick(EXPENDITURE_COLUMNS.filter((c) => document.expenditure.printedRatePercent[c] !== null));
    const printed = document.expenditure.printedRatePercent[column] ?? 0;
    // A misprint: digits swapped or a point off, never less than a point from the truth.
    document.expenditure.printedRatePercent[column] = roundHalfUp(printed > 50 ? printed - random.between(1, 9) : printed + random.between(1, 9), 1);
  }
  document.printedTotal = printedTotalOf(document);
  document.printedGrade = random.chance(0.6) ? gradeOf(document.printedTotal) : null;
  return { document, anomalies };
}
