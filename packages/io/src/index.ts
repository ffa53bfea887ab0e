/** @jixiao/io — form formats in and out. Takes bytes and strings; never touches the file system. */
export { importFormText, importFormBytes } from './text/import-form-text.js';
export { decodeText } from './text/decode-text.js';
export { serializeForm, canonicalForm } from './json/serialize-form.js';
export { parseFormJson } from './json/parse-form-json.js';
export * from './read-form.js';
export * from './write-form.js';
export { layoutForm, FORM_COLUMNS } from './layout/form-layout.js';
export type { FormLayout, LayoutCell, LayoutRow, LayoutColumn, LayoutNumber, CellStyle, RowKind, ColumnKey } from './layout/layout-model.js';
export { formFromGrid } from './grid/form-from-grid.js';
export type { GridForm } from './grid/form-from-grid.js';
export type { GridCell, GridRow, GridSheet, GridPlace } from './grid/grid-model.js';
export { writeFormXlsx } from './xlsx/write-form-xlsx.js';
export { readFormXlsx } from './xlsx/read-form-xlsx.js';
export { writeFormPdf } from './pdf/write-form-pdf.js';
export { readFormPdf } from './pdf/read-form-pdf.js';
export { writeFormHtml } from './html/write-form-html.js';
export { writeIndicatorsCsv, CSV_COLUMNS } from './csv/write-indicators-csv.js';
