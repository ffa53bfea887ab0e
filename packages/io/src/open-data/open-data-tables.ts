/**
 * The three tables of the open-data package — expenditure, indicator results, summaries — each as its
 * columns (open-data-field.ts) and the rows it makes from the year's published forms. Every row names
 * its year, region, department and form so that each file stands on its own; rows follow the public
 * ranking (core's rankForms), so the files read in the order the public index shows.
 */
import type { ExpenditureColumn } from '@jixiao/core';
import { EXPENDITURE_BREAKDOWN_NAMES, EXPENDITURE_BREAKDOWNS, EXPENDITURE_COLUMNS, FORM_STATES, gradeLabel, GRADES, leavesOf, reviewedTotal, termLabel } from '@jixiao/core';
import type { FieldValue, OpenDataField } from './open-data-field.js';
import type { OpenDataForm } from './open-data-input.js';

/** The two phases of an amount: 全年预算数 (budgeted) and 全年执行数 (executed). */
export const PHASES = ['budgeted', 'executed'] as const;

/** A published form with its place in the public ranking. */
export type RankedForm = OpenDataForm & { rank: number };

/** One table: its file, its columns and its rows. */
export interface OpenDataTable {
  /** The resource name in datapackage.json. */
  name: string;
  /** The file inside the package. */
  path: string;
  title: string;
  description: string;
  fields: readonly OpenDataField[];
  /** Columns that identify a row. */
  primaryKey: readonly string[];
  rows: (forms: readonly RankedForm[]) => Record<string, FieldValue>[];
}

/** The columns that say whose a row is (first in every table). */
const WHOSE: readonly OpenDataField[] = [
  { name: 'year', kind: 'integer', title: termLabel('year'), description: 'The fiscal year evaluated.', required: true, columnType: 'date:fiscal-year' },
  { name: 'region', kind: 'text', title: '地区', description: 'The region (district) the department belongs to.', required: true, columnType: 'administrative-classification:generic:level1:label' },
  { name: 'department', kind: 'text', title: '部门', description: 'The department, as registered with the finance bureau.', required: true, columnType: 'administrative-classification:generic:level2:label' },
  { name: 'formId', kind: 'text', title: '表单编号', description: "The form's identifier: its public page is /public/forms/{formId}.", required: true },
];

const whose = (f: OpenDataForm): Record<string, FieldValue> => ({ year: f.year, region: f.regionName, department: f.departmentName, formId: f.formId });

const expenditure: OpenDataTable = {
  name: 'expenditure',
  path: 'expenditure.csv',
  title: termLabel('expenditure'),
  description: 'Annual overall department expenditure in 万元 (10,000 yuan): one row per department, breakdown column and phase (budgeted / executed), amounts exactly as in the published form. Blank where the form leaves the cell blank.',
  fields: [
    ...WHOSE,
    { name: 'breakdown', kind: 'text', title: '分类方式', description: 'Which of the three breakdowns of the one total the column belongs to.', required: true, enum: EXPENDITURE_BREAKDOWN_NAMES },
    { name: 'breakdownLabel', kind: 'text', title: '分类方式名称', description: 'The breakdown as printed.', required: true },
    { name: 'column', kind: 'text', title: '支出项目', description: 'The expenditure column of the form.', required: true, enum: EXPENDITURE_COLUMNS, columnType: 'economic-classification:generic:code' },
    { name: 'columnLabel', kind: 'text', title: '支出项目名称', description: 'The column as printed.', required: true, columnType: 'economic-classification:generic:label' },
    { name: 'phase', kind: 'text', title: '阶段', description: `${termLabel('budgeted')} (budgeted: the full-year budget) or ${termLabel('executed')} (executed: what was spent).`, required: true, enum: PHASES, columnType: 'phase' },
    { name: 'amount', kind: 'amount', title: '金额（万元）', description: 'The amount in 万元 (multiply by 10000 for yuan), exactly as in the form.', required: false, columnType: 'value' },
  ],
  primaryKey: ['formId', 'column', 'phase'],
  rows: (forms) =>
    forms.flatMap((f) =>
      EXPENDITURE_BREAKDOWN_NAMES.flatMap((breakdown) =>
        (EXPENDITURE_BREAKDOWNS[breakdown] as readonly ExpenditureColumn[]).flatMap((column) =>
          PHASES.map((phase) => ({
            ...whose(f),
            breakdown,
            breakdownLabel: termLabel(breakdown),
            column,
            columnLabel: termLabel(column),
            phase,
            amount: f.document.expenditure[phase][column],
          })),
        ),
      ),
    ),
};

const indicators: OpenDataTable = {
  name: 'indicators',
  path: 'indicators.csv',
  title: '绩效指标结果',
  description: 'Indicator results: one row per level-3 indicator of each published form, with its level-1 and level-2 groups, weight, target, actual, the self-score and the finance bureau review.',
  fields: [
    ...WHOSE,
    { name: 'indicatorId', kind: 'text', title: '指标编号', description: "The indicator's identifier within the form.", required: true },
    { name: 'level1', kind: 'text', title: termLabel('level1Indicator'), description: 'The level-1 group (管理效能, 履职效能, 加减分项 …).', required: true },
    { name: 'level2', kind: 'text', title: termLabel('level2Indicator'), description: 'The level-2 group; blank where the form puts the indicator directly under level 1.', required: false },
    { name: 'level3', kind: 'text', title: termLabel('level3Indicator'), description: 'The scored indicator.', required: true },
    { name: 'weight', kind: 'score', title: termLabel('weight'), description: 'The maximum points.', required: false },
    { name: 'target', kind: 'text', title: termLabel('target'), description: 'The annual target, as printed.', required: false },
    { name: 'actual', kind: 'text', title: termLabel('actual'), description: 'What was achieved, as printed.', required: false },
    { name: 'selfScore', kind: 'score', title: termLabel('selfScore'), description: "The department's own score.", required: false },
    { name: 'reviewScore', kind: 'score', title: termLabel('reviewScore'), description: "The finance bureau's review score; blank where none was given.", required: false },
    { name: 'reviewComment', kind: 'text', title: '复核意见', description: "The finance bureau's comment on the indicator.", required: false },
    { name: 'notApplicable', kind: 'boolean', title: termLabel('notApplicable'), description: 'Excluded from scoring (the total is rescaled).', required: true },
  ],
  primaryKey: ['formId', 'indicatorId'],
  rows: (forms) =>
    forms.flatMap((f) => {
      const reviews = new Map(f.reviews.map((r) => [r.indicatorId, r]));
      return leavesOf(f.document).map(({ leaf, ancestors }) => {
        const review = reviews.get(leaf.id);
        return {
          ...whose(f),
          indicatorId: leaf.id,
          level1: ancestors[0]?.name ?? '',
          level2: ancestors[1]?.name ?? null,
          level3: leaf.name,
          weight: leaf.weight,
          target: leaf.target === '' ? null : leaf.target,
          actual: leaf.actual === '' ? null : leaf.actual,
          selfScore: leaf.selfScore,
          reviewScore: review?.score ?? null,
          reviewComment: review === undefined || review.comment === '' ? null : review.comment,
          notApplicable: leaf.notApplicable,
        };
      });
    }),
};

const summaries: OpenDataTable = {
  name: 'summaries',
  path: 'summaries.csv',
  title: '部门绩效自评汇总',
  description: 'One row per published form, in the order of the public ranking (grade, then total): the unit, total, grade, the total with the review scores, the review status and the day it was published.',
  fields: [
    ...WHOSE,
    { name: 'rank', kind: 'integer', title: '排名', description: 'Place in the public ranking (grade first, then total); equal grade and total share a place.', required: true },
    { name: 'unit', kind: 'text', title: termLabel('unitName'), description: 'The unit name printed on the form.', required: true },
    { name: 'unitCount', kind: 'integer', title: termLabel('unitCount'), description: 'The department with its subordinate units.', required: false },
    { name: 'total', kind: 'score', title: termLabel('total'), description: 'The total score out of 100 (self-evaluation).', required: true },
    { name: 'grade', kind: 'text', title: termLabel('grade'), description: 'excellent 优 ≥ 90, good 良 80–90, fair 中 60–80, poor 差 < 60.', required: true, enum: GRADES },
    { name: 'gradeLabel', kind: 'text', title: '等级名称', description: 'The grade as printed (优, 良, 中, 差).', required: true },
    { name: 'reviewTotal', kind: 'score', title: '复核总分', description: "The total with the finance bureau's review scores in place of the self-scores where given; blank when nothing was reviewed.", required: false },
    { name: 'reviewedIndicators', kind: 'integer', title: '已复核指标数', description: 'How many level-3 indicators carry a review score.', required: true },
    { name: 'indicatorCount', kind: 'integer', title: '三级指标数', description: 'How many level-3 indicators the form has.', required: true },
    { name: 'state', kind: 'text', title: '状态', description: 'The workflow state (always published here).', required: true, enum: FORM_STATES },
    { name: 'publishedDate', kind: 'date', title: '公开日期', description: 'The day the form was published.', required: true },
    { name: 'templateVersion', kind: 'integer', title: '指标体系版本', description: "The version of the year's indicator framework (template) the form was issued from; blank for a form imported without a task.", required: false },
  ],
  primaryKey: ['formId'],
  rows: (forms) =>
    forms.map((f) => {
      const leaves = leavesOf(f.document);
      const reviewed = f.reviews.filter((r) => r.score !== null && leaves.some((l) => l.leaf.id === r.indicatorId));
      return {
        ...whose(f),
        rank: f.rank,
        unit: f.document.unit.name,
        unitCount: f.document.unit.unitCount,
        total: f.total,
        grade: f.grade,
        gradeLabel: gradeLabel(f.grade),
        reviewTotal: reviewed.length === 0 ? null : reviewedTotal(f.document, f.reviews),
        reviewedIndicators: reviewed.length,
        indicatorCount: leaves.length,
        state: f.state,
        publishedDate: f.publishedDate,
        templateVersion: f.templateVersion,
      };
    }),
};

/** Every table, in the order datapackage.json lists them. */
export const OPEN_DATA_TABLES: readonly OpenDataTable[] = [summaries, expenditure, indicators];
