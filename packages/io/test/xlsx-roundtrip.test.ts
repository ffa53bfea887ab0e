import ExcelJS from 'exceljs';
import type { FormDocument } from '@jixiao/core';
import { checkForm } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import { readFormXlsx, writeFormXlsx } from '../src/index.js';
import { leafNamed, richForm, seedForm } from './helpers/forms.js';

const seed = seedForm();

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

async function save(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The visible sheet and the cell in it showing `text`. */
function cellShowing(sheet: ExcelJS.Worksheet, text: string): ExcelJS.Cell {
  let found: ExcelJS.Cell | null = null;
  sheet.eachRow((row) =>
    row.eachCell((cell) => {
      if (found === null && cell.value === text) found = cell;
    }),
  );
  if (found === null) throw new Error(`no cell shows ${text}`);
  return found;
}

describe('Excel out and back: the seed', () => {
  it('gives back exactly the form the text import gave, with the same score, grade and findings', async () => {
    const read = await readFormXlsx(await writeFormXlsx(seed));
    expect(read.problems).toEqual([]);
    expect(read.value).toEqual(seed);
    expect(checkForm(read.value as FormDocument)).toEqual(checkForm(seed));
  });

  it('reads the visible table alone to the same form (a copy without jixiao’s hidden sheet)', async () => {
    const workbook = await load(await writeFormXlsx(seed));
    workbook.removeWorksheet((workbook.getWorksheet('jixiao-data') as ExcelJS.Worksheet).id);
    const read = await readFormXlsx(await save(workbook));
    expect(read.problems).toEqual([]);
    expect(read.value).toEqual(seed);
  });
});

describe('the workbook as a finance bureau user sees it', () => {
  it('prints the 附件3 layout: title, year, unit, narratives, expenditure, indicators with merged level-1/level-2 cells, 总分', async () => {
    const workbook = await load(await writeFormXlsx(seed));
    expect(workbook.worksheets.map((s) => [s.name, s.state])).toEqual([
      ['部门整体支出绩效自评表', 'visible'],
      ['jixiao-data', 'hidden'],
    ]);
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    expect(cellShowing(sheet, '附件3').address).toBe('A1');
    expect(cellShowing(sheet, '部门整体支出绩效自评表').isMerged).toBe(true);
    cellShowing(sheet, '（2021年度）');
    cellShowing(sheet, '广州市番禺区科技工业商务和信息化局');
    for (const label of ['单位基本情况', '年度整体绩效目标', '整体绩效目标完成情况', '未能完成原因', '按资金来源', '按资金结构', '按预算级次', '全年预算数', '全年执行数', '完成率', '总分']) cellShowing(sheet, label);
    // 管理效能 is one cell merged down all 21 of its rows; 资金管理 down its 7.
    const management = cellShowing(sheet, '管理效能');
    const rows = (name: string): number => {
      const master = cellShowing(sheet, name);
      let count = 0;
      sheet.eachRow((row) => {
        if (row.getCell(Number(master.col)).isMerged && row.getCell(Number(master.col)).master.address === master.address) count += 1;
      });
      return count;
    };
    expect(management.isMerged).toBe(true);
    expect(rows('管理效能')).toBe(21);
    expect(rows('资金管理')).toBe(7);
    expect(rows('履职效能')).toBe(15);
  });

  it('holds figures as numbers with their formats: amounts 0.00, rates 0.0% as fractions, 6个, the total and the weights’ sum', async () => {
    const sheet = (await load(await writeFormXlsx(seed))).worksheets[0] as ExcelJS.Worksheet;
    const budgetRow = Number(cellShowing(sheet, '全年预算数').row);
    const amounts = sheet.getRow(budgetRow);
    const first = amounts.getCell(5);
    expect([first.value, first.numFmt]).toEqual([127208.53, '0.00']);
    const rateRow = sheet.getRow(Number(cellShowing(sheet, '完成率').row));
    expect([rateRow.getCell(5).value, rateRow.getCell(5).numFmt]).toEqual([0.983, '0.0%']);
    expect([rateRow.getCell(11).value, rateRow.getCell(11).numFmt]).toEqual([0.789, '0.0%']);
    const unitRow = sheet.getRow(Number(cellShowing(sheet, '单位数').row));
    expect([unitRow.getCell(10).value, unitRow.getCell(10).numFmt]).toEqual([6, '0"个"']);
    const total = sheet.getRow(Number(cellShowing(sheet, '总分').row));
    expect([total.getCell(2).value, total.getCell(9).value]).toEqual([100, 95.77]);
    // Values, never formulas.
    sheet.eachRow((row) => row.eachCell((cell) => expect(typeof cell.value === 'object' && cell.value !== null && 'formula' in cell.value).toBe(false)));
  });

  it('is set up to print: A4 landscape, one page wide, the indicator header repeated, wrapped and framed cells, rows tall enough', async () => {
    const sheet = (await load(await writeFormXlsx(seed))).worksheets[0] as ExcelJS.Worksheet;
    const header = Number(cellShowing(sheet, '一级指标').row);
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${header}:${header}` });
    expect(sheet.columns.map((c) => c.width)).toEqual([9.5, 5, 12, 5, 14, 5, 16, 16, 10, 20, 10]);
    const definition = cellShowing(sheet, '反映部门专项资金管理总体情况。');
    expect(definition.alignment.wrapText).toBe(true);
    expect(definition.border.left?.style).toBe('thin');
    // The 1,000-character completion narrative gets a row tall enough for its ~16 wrapped lines.
    const completion = sheet.getRow(Number(cellShowing(sheet, '整体绩效目标完成情况').row) + 1);
    expect(completion.height).toBeGreaterThan(200);
  });
});

describe('what the printed table cannot show survives the round trip', () => {
  it('keeps ids, scoring methods, 不适用 marks, definitions of duty leaves, remarks of management leaves, paragraphs and the grade', async () => {
    const form = richForm();
    const read = await readFormXlsx(await writeFormXlsx(form));
    expect(read.problems).toEqual([]);
    expect(read.value).toEqual(form);
  });

  it('reads what a department typed into jixiao’s workbook, keeping the rest of the stored form, and says it was edited', async () => {
    const form = richForm();
    const workbook = await load(await writeFormXlsx(form));
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    const row = sheet.getRow(Number(cellShowing(sheet, '预算完成率').row));
    row.getCell(9).value = 1.5;
    row.getCell(10).value = '预算执行率不足，已制定整改措施。';
    const read = await readFormXlsx(await save(workbook));
    expect(read.problems.map((p) => p.code)).toEqual(['import.embedded.edited']);
    const value = read.value as FormDocument;
    const edited = leafNamed(value, '预算完成率');
    expect([edited.selfScore, edited.basis]).toEqual([1.5, '预算执行率不足，已制定整改措施。']);
    expect(edited.method).toEqual(leafNamed(form, '预算完成率').method);
    expect(edited.id).toBe('budget-rate');
    expect(leafNamed(value, '结转结余率').notApplicable).toBe(true);
    expect(leafNamed(value, '2.年度营收').definition).toBe('年度营业收入总额。');
    expect(value.indicators.map((g) => g.id)).toEqual(['g0', 'g1', 'g2']);
  });

  it('reads the visible table when the hidden data is damaged, and says so', async () => {
    const workbook = await load(await writeFormXlsx(seed));
    (workbook.getWorksheet('jixiao-data') as ExcelJS.Worksheet).getCell(2, 1).value = '{"schemaVersion": 1, "unit": ';
    const read = await readFormXlsx(await save(workbook));
    expect(read.problems.map((p) => [p.code, p.severity])).toEqual([['import.embedded.invalid', 'warning']]);
    expect(read.value).toEqual(seed);
  });
});
