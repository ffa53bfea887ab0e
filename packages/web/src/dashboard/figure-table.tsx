/**
 * The table behind a chart, as the server built it (the same rows the .xlsx holds): numbers formatted by
 * their column's format, the first cell a link to its department where the row is about one.
 */
import { formatFixed } from '@jixiao/core';
import { Table, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { AnalysisTable } from '../api/analysis-types.js';
import { navigate } from '../app/navigation.js';
import { routePath } from '../model/routes.js';

type Cell = string | number | null;

function formatted(value: Cell, format: AnalysisTable['columns'][number]['format']): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  switch (format) {
    case 'integer':
    case 'text':
      return String(value);
    case 'score':
      return formatFixed(value, 2);
    case 'amount':
      return formatFixed(value, 2).replace(/\B(?=(\d{3})+(?!\d))/gu, ',');
    case 'percent':
      return `${formatFixed(value, 2)}%`;
  }
}

/** The table; `departmentIds[i]` (if given) makes row i's first cell open that department. */
export function FigureTable({
  table,
  departmentIds,
  pagination,
  testId,
}: {
  table: AnalysisTable;
  departmentIds?: readonly (string | null)[];
  pagination?: { total: number; pageSize: number; current: number; onChange: (page: number) => void };
  testId: string;
}): ReactNode {
  const data = table.rows.map((cells, i) => ({ key: i, cells, departmentId: departmentIds?.[i] ?? null }));
  const columns = table.columns.map((c, index) => ({
    title: c.header,
    key: String(index),
    align: c.format === 'text' ? ('left' as const) : ('right' as const),
    render: (_: unknown, row: (typeof data)[number]) => {
      const text = formatted(row.cells[index] ?? null, c.format);
      if (index !== 0 || row.departmentId === null) return text;
      const route = { name: 'department' as const, id: row.departmentId };
      return (
        <Typography.Link
          href={routePath(route)}
          onClick={(e) => {
            e.preventDefault();
            navigate(route);
          }}
        >
          {text}
        </Typography.Link>
      );
    },
  }));
  return (
    <Table
      size="small"
      data-testid={testId}
      columns={columns}
      dataSource={data}
      scroll={{ x: true }}
      pagination={pagination ? { total: pagination.total, pageSize: pagination.pageSize, current: pagination.current, onChange: pagination.onChange, showSizeChanger: false } : false}
    />
  );
}
