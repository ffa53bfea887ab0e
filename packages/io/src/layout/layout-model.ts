/**
 * The printed form as a neutral layout: one grid of eleven columns (the official 附件3 table), rows
 * in printed order and cells that may span several rows and columns. The Excel, PDF and HTML writers
 * only draw it; what goes where is decided once, in `layoutForm`.
 */

/** What a column holds in the indicator table (the upper blocks span these columns as they need). */
export type ColumnKey =
  | 'level1'
  | 'level1Weight'
  | 'level2'
  | 'level2Weight'
  | 'level3'
  | 'level3Weight'
  | 'target'
  | 'actual'
  | 'score'
  | 'basis'
  | 'remark';

/** A column and its width in spreadsheet units (about one digit of the default font). */
export interface LayoutColumn {
  readonly key: ColumnKey;
  readonly width: number;
}

/** How a cell is drawn: its role decides font size, weight of the frame and alignment. */
export type CellStyle = 'appendix' | 'title' | 'subtitle' | 'section' | 'label' | 'header' | 'content' | 'number';

/** A number as spreadsheets hold it: the value (a fraction for rates) and its Excel number format. */
export interface LayoutNumber {
  readonly value: number;
  readonly numFmt: string;
}

/** One cell, placed at its top-left grid position, possibly spanning rows and columns. */
export interface LayoutCell {
  /** Index into `FormLayout.rows`. */
  readonly row: number;
  /** Index into `FormLayout.columns`. */
  readonly col: number;
  readonly rowSpan: number;
  readonly colSpan: number;
  /** The printed text; paragraphs are separated by '\n'. */
  readonly text: string;
  /** Set where a spreadsheet should hold a number rather than text. */
  readonly number: LayoutNumber | null;
  readonly style: CellStyle;
  readonly align: 'left' | 'center' | 'right';
}

/** What a row is, for writers that treat some rows specially (titles, the repeated table header). */
export type RowKind =
  | 'appendix'
  | 'title'
  | 'year'
  | 'section'
  | 'unit'
  | 'narrative'
  | 'expenditure'
  | 'indicatorHeader'
  | 'indicator'
  | 'total';

export interface LayoutRow {
  readonly kind: RowKind;
  /** For rows of the indicator table: the header row over them, repeated at the top of a new page. */
  readonly headerRow: number | null;
  /** Keep this row on the same page as the next one (titles, table headers, the expenditure block). */
  readonly keepWithNext: boolean;
  /** False for the title rows above the framed table. */
  readonly framed: boolean;
}

/** The whole printed form. Cells are ordered by row, then column. */
export interface FormLayout {
  readonly columns: readonly LayoutColumn[];
  readonly rows: readonly LayoutRow[];
  readonly cells: readonly LayoutCell[];
}
