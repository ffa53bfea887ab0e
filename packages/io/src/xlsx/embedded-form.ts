/**
 * The complete form stored inside jixiao's own workbooks, on a hidden sheet, as its canonical JSON:
 * what the printed table cannot show (ids, scoring methods, 不适用 marks, texts a row style leaves out)
 * survives a round trip through Excel. The JSON is split over cells, which hold at most 32 767 characters.
 */
import type { FormDocument, WithProblems } from '@jixiao/core';
import type { Workbook } from 'exceljs';
import { parseFormJson } from '../json/parse-form-json.js';
import { serializeForm } from '../json/serialize-form.js';

/** The hidden sheet's name. */
export const DATA_SHEET = 'jixiao-data';
const MARKER = 'jixiao form document (canonical JSON, read back by jixiao; do not edit)';
const CHUNK = 30_000;
/** Cells of JSON read at most (about 15 MB), far beyond any form. */
const MAX_CHUNKS = 500;

/** Adds the hidden sheet holding the form. */
export function addEmbeddedForm(workbook: Workbook, form: FormDocument): void {
  const sheet = workbook.addWorksheet(DATA_SHEET, { state: 'hidden' });
  sheet.getCell(1, 1).value = MARKER;
  const json = serializeForm(form);
  for (let i = 0, row = 2; i < json.length; i += CHUNK, row += 1) sheet.getCell(row, 1).value = json.slice(i, i + CHUNK);
}

/** The form stored in a workbook; null when it holds none. */
export function readEmbeddedForm(workbook: Workbook): WithProblems<FormDocument | null> | null {
  const sheet = workbook.getWorksheet(DATA_SHEET);
  if (sheet === undefined || sheet.getCell(1, 1).value !== MARKER) return null;
  let json = '';
  for (let row = 2; row < 2 + MAX_CHUNKS; row += 1) {
    const value = sheet.getCell(row, 1).value;
    if (typeof value !== 'string') break;
    json += value;
  }
  return parseFormJson(json);
}
