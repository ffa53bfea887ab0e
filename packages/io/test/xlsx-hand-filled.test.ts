import ExcelJS from 'exceljs';
import type { FormDocument } from '@jixiao/core';
import { problemMessage } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import { layoutForm, readFormXlsx } from '../src/index.js';
import type { LayoutCell } from '../src/index.js';
import { seedForm } from './helpers/forms.js';

const seed = seedForm();

/** How a department might have filled the 附件3 workbook by hand. */
interface HandOptions {
  merged: boolean;
  rowOffset: number;
  colOffset: number;
  /** A blank row after every this many rows. */
  blankRowEvery: number | null;
  numbersAsText: boolean;
  formulas: boolean;
  sheets: 'one' | 'indicatorsOwnSheet' | 'indicatorsFirst';
}

const PLAIN: HandOptions = { merged: true, rowOffset: 0, colOffset: 0, blankRowEvery: null, numbersAsText: false, formulas: false, sheets: 'one' };

const withThousands = (text: string): string => text.replace(/^(\d+)(\d{3})(\.\d+)?$/u, '$1,$2$3');

/** A workbook typed from the printed layout of `form`, with no hidden data, as a person would make it. */
async function handFilled(form: FormDocument, options: Partial<HandOptions>): Promise<Uint8Array> {
  const o = { ...PLAIN, ...options };
  const layout = layoutForm(form);
  const workbook = new ExcelJS.Workbook();
  const header = layout.rows.findIndex((r) => r.kind === 'indicatorHeader');
  const upper = o.sheets === 'indicatorsFirst' ? null : workbook.addWorksheet('基本情况');
  const table = o.sheets === 'one' ? upper : workbook.addWorksheet('指标');
  const upperSheet = upper ?? workbook.addWorksheet('基本情况');
  const sheetOf = (row: number): ExcelJS.Worksheet => (row < header ? upperSheet : (table as ExcelJS.Worksheet));
  const firstRow = (row: number): number => (row < header || o.sheets === 'one' ? 0 : header);
  const rowOf = (row: number): number => {
    const local = row - firstRow(row);
    return o.rowOffset + local + 1 + (o.blankRowEvery === null ? 0 : Math.floor(local / o.blankRowEvery));
  };
  const positions = new Map<string, string>();
  const place = (cell: LayoutCell): string => `${sheetOf(cell.row).name}!${sheetOf(cell.row).getCell(rowOf(cell.row), o.colOffset + cell.col + 1).address}`;
  for (const cell of layout.cells) positions.set(`${cell.row}:${cell.col}`, place(cell));
  const addressOf = (row: number, col: number): string => (positions.get(`${row}:${col}`) ?? '').split('!')[1] ?? '';
  for (const cell of layout.cells) {
    const sheet = sheetOf(cell.row);
    const top = rowOf(cell.row);
    const left = o.colOffset + cell.col + 1;
    if (o.merged && (cell.rowSpan > 1 || cell.colSpan > 1) && (o.blankRowEvery === null || cell.rowSpan === 1)) {
      sheet.mergeCells(top, left, rowOf(cell.row + cell.rowSpan - 1), left + cell.colSpan - 1);
    }
    const target = sheet.getCell(top, left);
    if (cell.number === null) {
      if (cell.text !== '') target.value = cell.text;
      continue;
    }
    const kind = layout.rows[cell.row]?.kind;
    if (o.formulas && kind === 'expenditure' && cell.number.numFmt.includes('%')) {
      const budgeted = addressOf(cell.row - 2, cell.col);
      const executed = addressOf(cell.row - 1, cell.col);
      const [b, e] = [layout.cells.find((c) => c.row === cell.row - 2 && c.col === cell.col), layout.cells.find((c) => c.row === cell.row - 1 && c.col === cell.col)];
      target.value = { formula: `${executed}/${budgeted}`, result: (e?.number?.value ?? 0) / (b?.number?.value ?? 1) };
      target.numFmt = '0.0%';
      continue;
    }
    if (o.formulas && kind === 'total') {
      target.value = { formula: 'SUM(Z1:Z2)', result: cell.number.value };
      continue;
    }
    if (o.numbersAsText) {
      target.value = cell.number.numFmt.includes('%') ? cell.text : withThousands(cell.text);
      continue;
    }
    target.value = cell.number.value;
    target.numFmt = cell.number.numFmt;
  }
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

async function expectSeed(options: Partial<HandOptions>): Promise<void> {
  const read = await readFormXlsx(await handFilled(seed, options));
  expect(read.problems).toEqual([]);
  expect(read.value).toEqual(seed);
}

describe('hand-filled workbooks in the 附件3 layout read to the same form as the text', () => {
  it('with merged cells, as the template has them', () => expectSeed({}));
  it('with cells unmerged: each name only in the first cell of what was its range', () => expectSeed({ merged: false }));
  it('with extra blank rows and columns around and inside the table', () => expectSeed({ rowOffset: 3, colOffset: 2, blankRowEvery: 4 }));
  it('with numbers typed as text: "127,208.53", "98.3%", "6个"', () => expectSeed({ numbersAsText: true, merged: false }));
  it('with formulas for the rates and the total, read by their cached results as shown (98.3%, not 98.2676…%)', () => expectSeed({ formulas: true }));
  it('with the indicator table on its own sheet', () => expectSeed({ sheets: 'indicatorsOwnSheet' }));
  it('with the indicator sheet first', () => expectSeed({ sheets: 'indicatorsFirst', merged: false, rowOffset: 1 }));
});

describe('workbooks that are not the form', () => {
  it('are refused saying what was expected and what was found', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('名单');
    sheet.addRow(['姓名', '年龄', '部门']);
    sheet.addRow(['张三', 34, '财政局']);
    const read = await readFormXlsx(new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer));
    expect(read.value).toBeNull();
    const [problem] = read.problems;
    expect(problem?.code).toBe('import.grid.notForm');
    const message = problemMessage(problem!, 'zh');
    expect(message).toContain('应有标题「部门整体支出绩效自评表」');
    expect(message).toContain('工作表「名单」：姓名 年龄 部门');
  });

  it('refuses another region’s layout by name (the project self-evaluation table)', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    sheet.addRow(['项目支出绩效自评表']);
    sheet.addRow(['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分']);
    sheet.addRow(['产出指标', '数量指标', '培训人次', '100', '120', 10, 10]);
    sheet.addRow(['效益指标', '社会效益', '满意度', '90%', '95%', 10, 10]);
    const read = await readFormXlsx(new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer));
    expect(read.value).toBeNull();
    expect(read.problems.map((p) => p.code)).toEqual(['import.unsupportedLayout']);
    expect(problemMessage(read.problems[0]!, 'zh')).toContain('项目支出绩效自评表');
  });

  it('reports an empty workbook as empty', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Sheet1');
    const read = await readFormXlsx(new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer));
    expect(read.problems.map((p) => p.code)).toEqual(['import.grid.emptyWorkbook']);
  });
});
