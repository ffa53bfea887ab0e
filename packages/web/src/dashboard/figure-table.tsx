/**
 * The one table of figures on the analysis screens (the dashboard's table behind each chart, a department's
 * years and review gaps): every column has a header and a format, so amounts, rates and scores are written
 * the same way everywhere; a cell may open a screen (a department, a form) or be drawn (a coloured state).
 */
import { Table } from 'antd';
import type { ReactNode } from 'react';
import type { AnalysisTable } from '../api/analysis-types.js';
import { RouteLink } from '../app/route-link.js';
import type { Cell, CellFormat } from '../model/cell-format.js';
import { formatCell } from '../model/cell-format.js';
import type { Route } from '../model/routes.js';

/** A column: its header, its format, its cell in a row; optionally the screen the cell opens, or its drawing. */
export interface FigureColumn<Row> {
  header: string;
  format: CellFormat;
  cell: (row: Row) => Cell;
  /** The screen the cell opens (null: plain text in this row). */
  opens?: (row: Row) => Route | null;
  /** Drawn in place of the written cell (given that text), e.g. a state as a coloured tag. */
  draw?: (row: Row, text: string) => ReactNode;
}

/** A page of many rows kept on the server. */
export interface FigurePagination {
  total: number;
  pageSize: number;
  current: number;
  onChange: (page: number) => void;
}

/** The table: numbers right-aligned, text left. */
export function FigureTable<Row>({
  columns,
  rows,
  rowKey,
  pagination,
  testId,
}: {
  columns: readonly FigureColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row, index: number) => string;
  pagination?: FigurePagination | undefined;
  testId?: string;
}): ReactNode {
  const data = rows.map((row, index) => ({ key: rowKey(row, index), row }));
  const tableColumns = columns.map((c, index) => ({
    title: c.header,
    key: String(index),
    align: c.format === 'text' ? ('left' as const) : ('right' as const),
    render: (_: unknown, { row }: (typeof data)[number]) => {
      const text = formatCell(c.cell(row), c.format);
      const route = c.opens?.(row) ?? null;
      if (route !== null) return <RouteLink route={route}>{text}</RouteLink>;
      return c.draw ? c.draw(row, text) : text;
    },
  }));
  return (
    <Table
      size="small"
      data-testid={testId}
      columns={tableColumns}
      dataSource={data}
      scroll={{ x: true }}
      pagination={pagination ? { ...pagination, showSizeChanger: false } : false}
    />
  );
}

/** A row of a table the server built, with the department it is about (if any). */
interface AnalysisRow {
  cells: readonly Cell[];
  departmentId: string | null;
}

/** A table the server built (the same rows its .xlsx holds); `departmentIds[i]` makes row i's first cell open that department. */
export function AnalysisFigureTable({
  table,
  departmentIds,
  pagination,
  testId,
}: {
  table: AnalysisTable;
  departmentIds?: readonly (string | null)[];
  pagination?: FigurePagination | undefined;
  testId: string;
}): ReactNode {
  const rows: AnalysisRow[] = table.rows.map((cells, i) => ({ cells, departmentId: departmentIds?.[i] ?? null }));
  const columns = table.columns.map(
    (c, index): FigureColumn<AnalysisRow> => ({
      header: c.header,
      format: c.format,
      cell: (r) => r.cells[index] ?? null,
      ...(index === 0 ? { opens: (r: AnalysisRow) => (r.departmentId === null ? null : { name: 'department' as const, id: r.departmentId }) } : {}),
    }),
  );
  return <FigureTable columns={columns} rows={rows} rowKey={(_, i) => String(i)} pagination={pagination} testId={testId} />;
}
