/**
 * A test-only printer of a form in the 附件3 PDF-to-text style, with the knobs real extractors turn:
 * column widths (where cells wrap), how the target and actual cells' lines are ordered, where pages
 * break (with the header and the level-1/level-2 names reprinted at the page top, even inside a cell),
 * and which columns get spliced onto one line. Importing what it prints must give the form back.
 */
import { EXPENDITURE_COLUMNS } from '@jixiao/core';
import type { FormDocument, IndicatorLeaf, Level1Group, Level2Group } from '@jixiao/core';

export interface RenderOptions {
  narrativeWidth: number;
  groupWidth: number;
  nameWidth: number;
  definitionWidth: number;
  basisWidth: number;
  targetWidth: number;
  actualWidth: number;
  /** How a duty row prints its target and actual lines. */
  order: 'sequential' | 'interleaved' | 'rowwise';
  /** Table lines per page; null for no page breaks. */
  pageLines: number | null;
  /** Reprint the level-2 name at a page top (besides the header and the level-1 name). */
  repeatLevel2: boolean;
  splice: 'none' | 'weightDefinition' | 'wholeRow';
  lineEnd: '\n' | '\r\n';
}

export const DEFAULT_RENDER: RenderOptions = {
  narrativeWidth: 90,
  groupWidth: 12,
  nameWidth: 14,
  definitionWidth: 26,
  basisWidth: 36,
  targetWidth: 26,
  actualWidth: 36,
  order: 'sequential',
  pageLines: null,
  repeatLevel2: false,
  splice: 'none',
  lineEnd: '\n',
};

const MANAGEMENT_HEADER = '一级指标 分值 二级指标 分值 三级指标 分值 指标解释 得分/自评分';
const MANAGEMENT_HEADER_TAIL = '评分依据、未达标原因、改进措施';
const DUTY_HEADER = '一级指标 分值 二级指标 分值 三级指标 分值 年度指标值 实际完成指标值 得分/自评分 评分依据、未达标原因、改进措施 备注';

function width(ch: string): number {
  return (ch.codePointAt(0) ?? 0) <= 0xff ? 1 : 2;
}

const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d+)?|\.\d+)$/u;

/**
 * Greedy wrap at `max` half-width units. Never breaks between two Latin letters (the importer would
 * read a space there) and never leaves a line that is a bare number (it would read as a weight).
 */
export function wrap(text: string, max: number): string[] {
  const chars = [...text];
  const lines: string[] = [];
  let start = 0;
  while (start < chars.length) {
    let end = start;
    let used = 0;
    while (end < chars.length && (end === start || used + width(chars[end] as string) <= max)) {
      used += width(chars[end] as string);
      end += 1;
    }
    while (end < chars.length && end - start > 1 && /[A-Za-z]/u.test(chars[end - 1] as string) && /[A-Za-z]/u.test(chars[end] as string)) end -= 1;
    while (end < chars.length && PLAIN_NUMBER.test(chars.slice(start, end).join('')) && end + 1 <= chars.length) end += 1;
    let line = chars.slice(start, end).join('');
    let rest = chars.slice(end).join('');
    if (rest !== '' && PLAIN_NUMBER.test(rest)) {
      // Keep a short numeric tail with its line.
      line += rest;
      end = chars.length;
      rest = '';
    }
    lines.push(line);
    start = end;
  }
  return lines;
}

/** Wraps each paragraph of a multi-paragraph text. */
function wrapParagraphs(text: string, max: number): string[] {
  if (text === '') return [];
  return text.split('\n').flatMap((p) => wrap(p, max));
}

function cellsOrdered(target: string[], actual: string[], order: RenderOptions['order']): string[] {
  if (order === 'sequential') return [...target, ...actual];
  const out: string[] = [];
  for (let i = 0; i < Math.max(target.length, actual.length); i += 1) {
    const t = target[i];
    const a = actual[i];
    if (order === 'rowwise' && t !== undefined && a !== undefined) out.push(`${t} ${a}`);
    else {
      if (t !== undefined) out.push(t);
      if (a !== undefined) out.push(a);
    }
  }
  return out;
}

const num = (value: number | null): string => (value === null ? '' : String(value));

/** The form printed as PDF-to-text output. */
export function renderFormText(form: FormDocument, options: Partial<RenderOptions> = {}): string {
  const o: RenderOptions = { ...DEFAULT_RENDER, ...options };
  const head: string[] = ['', '附件3', '', '部门整体支出绩效自评表', `（${form.unit.year ?? ''}年度）`, '', '单位基本情况', ''];
  head.push(`单位名称 ${form.unit.name} 单位数： ${num(form.unit.unitCount)}个`, '');
  head.push('年度整体', '绩效目标', '', ...wrapParagraphs(form.narratives.goals, o.narrativeWidth), '');
  head.push('整体绩效目标完成情况', '', ...wrapParagraphs(form.narratives.completion, o.narrativeWidth), '');
  head.push('未能完成原因', '', ...wrapParagraphs(form.narratives.shortfallReasons, o.narrativeWidth), '');
  head.push('年度部门', '整体支出', '规模（万', '', '元）', '', '按资金来源 按资金结构 按预算级次', '');
  head.push('财政拨款 其他资金 基本支出 项目支出 区本级支出 转移支付', '');
  const e = form.expenditure;
  head.push(`全年预算数 ${EXPENDITURE_COLUMNS.map((c) => num(e.budgeted[c])).join(' ')}`, '');
  head.push(`全年执行数 ${EXPENDITURE_COLUMNS.map((c) => num(e.executed[c])).join(' ')}`, '');
  head.push(`完成率 ${EXPENDITURE_COLUMNS.map((c) => `${num(e.printedRatePercent[c])}%`).join(' ')}`, '');

  const table: string[] = [];
  let sinceBreak = 0;
  let currentL1: Level1Group | null = null;
  let currentL2: Level2Group | null = null;
  const emit = (line: string): void => {
    if (o.pageLines !== null && sinceBreak >= o.pageLines && currentL1 !== null) {
      table.push('', '', MANAGEMENT_HEADER, MANAGEMENT_HEADER_TAIL, '', `${currentL1.name} ${num(currentL1.weight)}`, '');
      if (o.repeatLevel2 && currentL2 !== null) table.push(`${currentL2.name} ${num(currentL2.weight)}`, '');
      sinceBreak = 0;
    }
    table.push(line);
    sinceBreak += 1;
  };
  const emitNamed = (name: string, nameWidth: number, weight: number | null, rest: string[]): void => {
    const lines = wrap(name, nameWidth);
    lines.forEach((l, i) => emit(i === lines.length - 1 && rest.length === 0 ? `${l} ${num(weight)}` : l));
    if (rest.length > 0) {
      const [first, ...others] = rest;
      emit(`${num(weight)}${o.splice === 'weightDefinition' && first !== undefined ? ` ${first}` : ''}`);
      if (o.splice !== 'weightDefinition' && first !== undefined) emit(first);
      others.forEach(emit);
    }
  };
  const emitLeaf = (leaf: IndicatorLeaf, duty: boolean): void => {
    if (duty) {
      if (o.splice === 'wholeRow') {
        emit(`${leaf.name} ${num(leaf.weight)} ${leaf.target} ${leaf.actual} ${num(leaf.selfScore)}`);
        return;
      }
      const cells = cellsOrdered(wrap(leaf.target, o.targetWidth), wrap(leaf.actual, o.actualWidth), o.order);
      emitNamed(leaf.name, o.nameWidth, leaf.weight, cells);
      emit(num(leaf.selfScore));
      return;
    }
    if (o.splice === 'wholeRow') {
      const basis = leaf.basis === '' ? '' : ` ${leaf.basis.replace(/\n/gu, ' ')}`;
      emit(`${leaf.name} ${num(leaf.weight)} ${leaf.definition}${basis} ${num(leaf.selfScore)}`);
      return;
    }
    emitNamed(leaf.name, o.nameWidth, leaf.weight, [...wrapParagraphs(leaf.definition, o.definitionWidth), ...wrapParagraphs(leaf.basis, o.basisWidth)]);
    emit(num(leaf.selfScore));
  };

  table.push(MANAGEMENT_HEADER, MANAGEMENT_HEADER_TAIL, '');
  for (const l1 of form.indicators) {
    currentL2 = null;
    if (l1.category === 'duty') table.push('', DUTY_HEADER, '');
    emit(`${l1.name} ${num(l1.weight)}`);
    currentL1 = l1;
    for (const child of l1.children) {
      if (child.kind === 'leaf') {
        emitLeaf(child, l1.category === 'duty');
        continue;
      }
      currentL2 = null;
      emitNamed(child.name, o.groupWidth, child.weight, []);
      currentL2 = child;
      for (const leaf of child.children) emitLeaf(leaf, l1.category === 'duty');
    }
  }
  table.push('', `总分 100 ${num(form.printedTotal)} `, '');
  return [...head, ...table].join(o.lineEnd);
}
