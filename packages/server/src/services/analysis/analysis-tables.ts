/**
 * The table behind each chart of the dashboard: the same figures, as rows under headers in the reader's
 * language (Chinese by default). The web app shows these tables and the .xlsx downloads are written from
 * them, so what is seen and what is downloaded cannot differ.
 */
import type { ExpenditureColumn, FormState, Grade, IndicatorCategory, Lang } from '@jixiao/core';
import { gradeLabel, termLabel } from '@jixiao/core';
import type { TableCell, TableColumn, TableColumnFormat, TableSheet } from '@jixiao/io';
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
const stateText = (state: FormState | null, lang: Lang): string => (state === null ? w('notFiled', lang) : w(state, lang));
const gradeText = (grade: Grade | null, lang: Lang): string => (grade === null ? '' : gradeLabel(grade, lang));
const columnText = (column: ExpenditureColumn | 'total', lang: Lang): string => (column === 'total' ? w('overall', lang) : termLabel(column, lang));
const categoryText = (category: IndicatorCategory, lang: Lang): string => (category === 'other' ? '' : termLabel(category, lang));

/** A column of a table: its header, how its numbers are written, and its cell in one row of the figure. */
interface Column<Row> extends TableColumn {
  cell: (row: Row) => TableCell;
}

/** The one place a table is assembled: headers and formats from the columns, each row's cells in their order. */
function sheet<Row>(title: string, columns: readonly Column<Row>[], rows: readonly Row[]): TableSheet {
  return {
    title,
    columns: columns.map(({ header, format }) => ({ header, format })),
    rows: rows.map((row) => columns.map((c) => c.cell(row))),
  };
}

const column = <Row>(header: string, format: TableColumnFormat, cell: (row: Row) => TableCell): Column<Row> => ({ header, format, cell });

// The columns several tables share, so that the same figure is headed and written the same way everywhere.
const departmentColumn = <Row extends { departmentName: string }>(lang: Lang): Column<Row> => column(w('department', lang), 'text', (r) => r.departmentName);
const stateColumn = <Row extends { state: FormState | null }>(lang: Lang): Column<Row> => column(w('state', lang), 'text', (r) => stateText(r.state, lang));
const totalColumn = <Row extends { total: number | null }>(lang: Lang): Column<Row> => column(termLabel('total', lang), 'score', (r) => r.total);
const gradeColumn = <Row extends { grade: Grade | null }>(lang: Lang): Column<Row> => column(termLabel('grade', lang), 'text', (r) => gradeText(r.grade, lang));
const rateColumn = <Row extends { ratePercent: number | null }>(lang: Lang): Column<Row> => column(`${termLabel('executionRate', lang)}（%）`, 'percent', (r) => r.ratePercent);
/** 全年预算数 and 全年执行数 in 万元, then the rate. */
const spendingColumns = <Row extends { budgeted: number; executed: number; ratePercent: number | null }>(lang: Lang): Column<Row>[] => [
  column(`${termLabel('budgeted', lang)}（${lang === 'zh' ? '万元' : '10k CNY'}）`, 'amount', (r) => r.budgeted),
  column(`${termLabel('executed', lang)}（${lang === 'zh' ? '万元' : '10k CNY'}）`, 'amount', (r) => r.executed),
  rateColumn(lang),
];

/** 1. */
export function statusTable(f: SubmissionStatusFigure, lang: Lang): TableSheet {
  type Row = SubmissionStatusFigure['rows'][number];
  return sheet<Row>(w('status', lang), [departmentColumn(lang), column(w('region', lang), 'text', (r) => r.regionName), stateColumn(lang), totalColumn(lang), gradeColumn(lang)], f.rows);
}

/** 2: forms per grade and a last row for all (the average, median, lowest and highest total are the figure's, shown beside the chart). */
export function gradesTable(f: GradeDistributionFigure, lang: Lang): TableSheet {
  const overall = { grade: null, forms: f.forms, sharePercent: f.forms === 0 ? null : 100 };
  type Row = GradeDistributionFigure['grades'][number] | typeof overall;
  return sheet<Row>(
    w('grades', lang),
    [
      column(termLabel('grade', lang), 'text', (r) => (r.grade === null ? w('overall', lang) : gradeLabel(r.grade, lang))),
      column(w('forms', lang), 'integer', (r) => r.forms),
      column(`${w('share', lang)}（%）`, 'percent', (r) => r.sharePercent),
    ],
    [...f.grades, overall],
  );
}

/** 3. */
export function gapsTable(f: ReviewGapFigure, lang: Lang): TableSheet {
  type Row = ReviewGapFigure['rows'][number];
  return sheet<Row>(
    w('gaps', lang),
    [
      departmentColumn(lang),
      column(w('selfTotal', lang), 'score', (r) => r.selfTotal),
      column(w('reviewedTotal', lang), 'score', (r) => r.reviewedTotal),
      column(w('gap', lang), 'score', (r) => r.gap),
      column(w('reviewedIndicators', lang), 'integer', (r) => r.reviewedIndicators),
    ],
    f.rows,
  );
}

/** 4. */
export function executionTable(f: ExecutionFigure, lang: Lang): TableSheet {
  type Row = ExecutionFigure['rows'][number];
  return sheet<Row>(
    w('execution', lang),
    [
      column(w('breakdown', lang), 'text', (r) => (r.breakdown === null ? '' : termLabel(r.breakdown, lang))),
      column(w('column', lang), 'text', (r) => columnText(r.column, lang)),
      column(w('forms', lang), 'integer', (r) => r.forms),
      ...spendingColumns<Row>(lang),
      column(`${w('low', lang)}（< ${f.lowRatePercent}%）`, 'text', (r) => w(r.low ? 'yes' : 'no', lang)),
      column(w('lowForms', lang), 'integer', (r) => r.lowForms),
    ],
    f.rows,
  );
}

/** 5. */
export function lostPointsTable(f: LostPointsFigure, lang: Lang): TableSheet {
  type Row = LostPointsFigure['rows'][number];
  return sheet<Row>(
    w('lostPoints', lang),
    [
      column(w('indicator', lang), 'text', (r) => r.namePath),
      column(w('category', lang), 'text', (r) => categoryText(r.category, lang)),
      column(w('scoringForms', lang), 'integer', (r) => r.forms),
      column(w('losingForms', lang), 'integer', (r) => r.losingForms),
      column(w('lostSum', lang), 'score', (r) => r.lostPoints),
      column(w('averageLost', lang), 'score', (r) => r.averageLost),
      column(w('reasons', lang), 'text', (r) => r.reasons.map((x) => `${x.text}（${x.forms}）`).join('；')),
      column(w('findings', lang), 'text', (r) => r.findings.map((x) => `${x.code}（${x.forms}）`).join('；')),
    ],
    f.rows,
  );
}

/** 6. */
export function highMarksTable(f: HighMarksFigure, lang: Lang): TableSheet {
  type Row = HighMarksFigure['rows'][number];
  return sheet<Row>(w('highMarks', lang), [departmentColumn(lang), totalColumn(lang), gradeColumn(lang), ...spendingColumns<Row>(lang), column(w('gapRate', lang), 'score', (r) => r.gap)], f.rows);
}

/** 7: one row per department and year. */
export function yearOverYearTable(f: YearOverYearFigure, lang: Lang): TableSheet {
  type Row = YearOverYearFigure['rows'][number]['years'][number] & { departmentName: string };
  return sheet<Row>(
    w('yearOverYear', lang),
    [departmentColumn(lang), column(termLabel('year', lang), 'integer', (r) => r.year), stateColumn(lang), totalColumn(lang), gradeColumn(lang), rateColumn(lang)],
    f.rows.flatMap((d) => d.years.map((y) => ({ ...y, departmentName: d.departmentName }))),
  );
}
