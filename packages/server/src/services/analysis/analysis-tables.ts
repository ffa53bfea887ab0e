/**
 * The table behind each chart of the dashboard: the same figures, as rows under headers in the reader's
 * language (Chinese by default). The web app shows these tables and the .xlsx downloads are written from
 * them, so what is seen and what is downloaded cannot differ.
 */
import type { ExpenditureColumn, FormState, Grade, IndicatorCategory, Lang } from '@jixiao/core';
import { gradeLabel, termLabel } from '@jixiao/core';
import type { TableColumn, TableColumnFormat, TableSheet } from '@jixiao/io';
import type { ExecutionFigure } from './expenditure-execution.js';
import type { GradeDistributionFigure } from './grade-distribution.js';
import type { HighMarksFigure } from './high-marks-low-spending.js';
import type { LostPointsFigure } from './lost-points.js';
import type { ReviewGapFigure } from './review-gaps.js';
import type { SubmissionStatusFigure } from './submission-status.js';
import type { YearOverYearFigure } from './year-over-year.js';

/** The dashboard's tables, one per chart. */
export const ANALYSIS_TABLES = ['status', 'grades', 'gaps', 'execution', 'lostPoints', 'highMarks', 'yearOverYear'] as const;
export type AnalysisTableName = (typeof ANALYSIS_TABLES)[number];

const WORDS = {
  status: { zh: '填报情况', en: 'Submission status' },
  grades: { zh: '总分与等级分布', en: 'Totals and grades' },
  gaps: { zh: '自评与复核差异', en: 'Self vs review' },
  execution: { zh: '预算执行', en: 'Budget execution' },
  lostPoints: { zh: '失分指标', en: 'Indicators losing points' },
  highMarks: { zh: '高分低执行', en: 'High marks, low spending' },
  yearOverYear: { zh: '历年对比', en: 'Year over year' },
  department: { zh: '部门', en: 'Department' },
  region: { zh: '地区', en: 'Region' },
  state: { zh: '状态', en: 'State' },
  forms: { zh: '表数', en: 'Forms' },
  share: { zh: '占比', en: 'Share' },
  selfTotal: { zh: '自评总分', en: 'Self total' },
  reviewedTotal: { zh: '复核总分', en: 'Reviewed total' },
  gap: { zh: '差异（自评−复核）', en: 'Gap (self − review)' },
  reviewedIndicators: { zh: '复核指标数', en: 'Indicators reviewed' },
  breakdown: { zh: '口径', en: 'Breakdown' },
  column: { zh: '支出项', en: 'Column' },
  lowForms: { zh: '低于阈值的表数', en: 'Forms below threshold' },
  low: { zh: '执行率偏低', en: 'Low rate' },
  indicator: { zh: '指标', en: 'Indicator' },
  category: { zh: '类别', en: 'Category' },
  scoringForms: { zh: '评分表数', en: 'Forms scoring it' },
  losingForms: { zh: '失分表数', en: 'Forms losing points' },
  lostSum: { zh: '失分合计', en: 'Points lost' },
  averageLost: { zh: '平均失分', en: 'Average lost' },
  reasons: { zh: '主要原因', en: 'Main reasons' },
  findings: { zh: '检查发现', en: 'Findings' },
  gapRate: { zh: '得分与执行率之差', en: 'Score minus rate' },
  overall: { zh: '合计', en: 'Overall' },
  notFiled: { zh: '未填报', en: 'Not filed' },
  yes: { zh: '是', en: 'Yes' },
  no: { zh: '否', en: 'No' },
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '已提交', en: 'Submitted' },
  returned: { zh: '已退回', en: 'Returned' },
  approved: { zh: '已审核通过', en: 'Approved' },
  published: { zh: '已公开', en: 'Published' },
} as const satisfies Record<string, Record<Lang, string>>;

type Word = keyof typeof WORDS;
const w = (word: Word, lang: Lang): string => WORDS[word][lang];
const col = (header: string, format: TableColumnFormat): TableColumn => ({ header, format });
const stateText = (state: FormState | null, lang: Lang): string => (state === null ? w('notFiled', lang) : w(state, lang));
const gradeText = (grade: Grade | null, lang: Lang): string => (grade === null ? '' : gradeLabel(grade, lang));
const columnText = (column: ExpenditureColumn | 'total', lang: Lang): string => (column === 'total' ? w('overall', lang) : termLabel(column, lang));
const categoryText = (category: IndicatorCategory, lang: Lang): string => (category === 'other' ? '' : termLabel(category, lang));
const rateHeader = (lang: Lang): string => `${termLabel('executionRate', lang)}（%）`;
const amountHeader = (term: 'budgeted' | 'executed', lang: Lang): string => `${termLabel(term, lang)}（${lang === 'zh' ? '万元' : '10k CNY'}）`;

/** 1. */
export function statusTable(f: SubmissionStatusFigure, lang: Lang): TableSheet {
  return {
    title: w('status', lang),
    columns: [col(w('department', lang), 'text'), col(w('region', lang), 'text'), col(w('state', lang), 'text'), col(termLabel('total', lang), 'score'), col(termLabel('grade', lang), 'text')],
    rows: f.rows.map((r) => [r.departmentName, r.regionName, stateText(r.state, lang), r.total, gradeText(r.grade, lang)]),
  };
}

/** 2: forms per grade (the average, median, lowest and highest total are the figure's, shown beside the chart). */
export function gradesTable(f: GradeDistributionFigure, lang: Lang): TableSheet {
  return {
    title: w('grades', lang),
    columns: [col(termLabel('grade', lang), 'text'), col(w('forms', lang), 'integer'), col(`${w('share', lang)}（%）`, 'percent')],
    rows: [
      ...f.grades.map((g) => [gradeLabel(g.grade, lang), g.forms, g.sharePercent]),
      [w('overall', lang), f.forms, f.forms === 0 ? null : 100],
    ],
  };
}

/** 3. */
export function gapsTable(f: ReviewGapFigure, lang: Lang): TableSheet {
  return {
    title: w('gaps', lang),
    columns: [col(w('department', lang), 'text'), col(w('selfTotal', lang), 'score'), col(w('reviewedTotal', lang), 'score'), col(w('gap', lang), 'score'), col(w('reviewedIndicators', lang), 'integer')],
    rows: f.rows.map((r) => [r.departmentName, r.selfTotal, r.reviewedTotal, r.gap, r.reviewedIndicators]),
  };
}

/** 4. */
export function executionTable(f: ExecutionFigure, lang: Lang): TableSheet {
  return {
    title: w('execution', lang),
    columns: [
      col(w('breakdown', lang), 'text'),
      col(w('column', lang), 'text'),
      col(w('forms', lang), 'integer'),
      col(amountHeader('budgeted', lang), 'amount'),
      col(amountHeader('executed', lang), 'amount'),
      col(rateHeader(lang), 'percent'),
      col(`${w('low', lang)}（< ${f.lowRatePercent}%）`, 'text'),
      col(w('lowForms', lang), 'integer'),
    ],
    rows: f.rows.map((r) => [r.breakdown === null ? '' : termLabel(r.breakdown, lang), columnText(r.column, lang), r.forms, r.budgeted, r.executed, r.ratePercent, w(r.low ? 'yes' : 'no', lang), r.lowForms]),
  };
}

/** 5. */
export function lostPointsTable(f: LostPointsFigure, lang: Lang): TableSheet {
  return {
    title: w('lostPoints', lang),
    columns: [
      col(w('indicator', lang), 'text'),
      col(w('category', lang), 'text'),
      col(w('scoringForms', lang), 'integer'),
      col(w('losingForms', lang), 'integer'),
      col(w('lostSum', lang), 'score'),
      col(w('averageLost', lang), 'score'),
      col(w('reasons', lang), 'text'),
      col(w('findings', lang), 'text'),
    ],
    rows: f.rows.map((r) => [
      r.namePath,
      categoryText(r.category, lang),
      r.forms,
      r.losingForms,
      r.lostPoints,
      r.averageLost,
      r.reasons.map((x) => `${x.text}（${x.forms}）`).join('；'),
      r.findings.map((x) => `${x.code}（${x.forms}）`).join('；'),
    ]),
  };
}

/** 6. */
export function highMarksTable(f: HighMarksFigure, lang: Lang): TableSheet {
  return {
    title: w('highMarks', lang),
    columns: [
      col(w('department', lang), 'text'),
      col(termLabel('total', lang), 'score'),
      col(termLabel('grade', lang), 'text'),
      col(amountHeader('budgeted', lang), 'amount'),
      col(amountHeader('executed', lang), 'amount'),
      col(rateHeader(lang), 'percent'),
      col(w('gapRate', lang), 'score'),
    ],
    rows: f.rows.map((r) => [r.departmentName, r.total, gradeLabel(r.grade, lang), r.budgeted, r.executed, r.ratePercent, r.gap]),
  };
}

/** 7: one row per department and year. */
export function yearOverYearTable(f: YearOverYearFigure, lang: Lang): TableSheet {
  return {
    title: w('yearOverYear', lang),
    columns: [col(w('department', lang), 'text'), col(termLabel('year', lang), 'integer'), col(w('state', lang), 'text'), col(termLabel('total', lang), 'score'), col(termLabel('grade', lang), 'text'), col(rateHeader(lang), 'percent')],
    rows: f.rows.flatMap((d) => d.years.map((y) => [d.departmentName, y.year, stateText(y.state, lang), y.total, gradeLabel(y.grade, lang), y.ratePercent])),
  };
}
