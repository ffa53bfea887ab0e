/**
 * Reading a form from an Excel workbook: the zip is checked before anything is inflated (zip-guard),
 * exceljs loads it, every visible sheet becomes a grid, and the grid reader finds the form wherever it
 * stands (any sheet order, the indicator table on its own sheet, extra blank rows and columns, merged
 * or unmerged cells, numbers typed as text, formulas). jixiao's own workbooks carry the complete form on
 * a hidden sheet, which restores what the table cannot show.
 */
import type { FormDocument, Problem, WithProblems } from '@jixiao/core';
import { formFromGrid } from '../grid/form-from-grid.js';
import { layoutGrid } from '../grid/layout-grid.js';
import { restoreDetails } from '../grid/restore-details.js';
import { showsSame } from '../grid/same-grid.js';
import { layoutForm } from '../layout/form-layout.js';
import { readEmbeddedForm } from './embedded-form.js';
import { sheetGrid } from './sheet-grid.js';
import { checkWorkbookZip } from './zip-guard.js';

/** Sheets read at most. */
const MAX_SHEETS = 50;

function failure(problem: Problem): WithProblems<FormDocument | null> {
  return { value: null, problems: [problem] };
}

function shortReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]?.slice(0, 120) ?? 'unknown error';
}

/** Reads a form from a workbook's bytes; problems say what could not be read. Never throws on any input. */
export async function readFormXlsx(bytes: Uint8Array): Promise<WithProblems<FormDocument | null>> {
  const check = checkWorkbookZip(bytes);
  if (!check.ok) return failure(check.problem);
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    return failure({ code: 'import.xlsx.damaged', severity: 'error', path: '', params: { detail: shortReason(error) } });
  }
  const sheets = workbook.worksheets.filter((sheet) => sheet.state === 'visible' || sheet.state === undefined).slice(0, MAX_SHEETS).map(sheetGrid);
  const embedded = readEmbeddedForm(workbook);
  // The usual case, a workbook jixiao wrote and nobody edited: its stored form, as it is.
  const [only] = sheets;
  if (embedded?.value != null && sheets.length === 1 && only !== undefined && showsSame(only, layoutGrid(layoutForm(embedded.value)))) return { value: embedded.value, problems: [] };
  const read = formFromGrid(sheets);
  if (read.value === null) return { value: null, problems: read.problems };
  if (embedded === null) return { value: read.value.form, problems: read.problems };
  if (embedded.value === null) {
    const detail = embedded.problems[0]?.code ?? 'unknown';
    return { value: read.value.form, problems: [...read.problems, { code: 'import.embedded.invalid', severity: 'warning', path: '', params: { detail } }] };
  }
  const restored = restoreDetails(read.value, embedded.value);
  const problems = restored.edited ? [...read.problems, { code: 'import.embedded.edited', severity: 'info' as const, path: '', params: {} }] : read.problems;
  return { value: restored.form, problems };
}
