/**
 * A department across years (drilled into from the dashboard): its forms year by year with state, total,
 * grade and execution rate, each opening the form; the year-over-year chart; the gaps between its
 * self-scores and the review. Sections are a plain list: another section is one more element in it.
 */
import { termLabel } from '@jixiao/core';
import { Alert, Card, Space, Spin, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { api, ApiFailure } from '../api/api-client.js';
import type { DepartmentHistoryAnswer, DepartmentYear } from '../api/analysis-types.js';
import { useApp, useText } from '../app/app-context.js';
import { gradeColor, gradeText, stateColor, stateLabel } from '../app/labels.js';
import type { FigureColumn } from '../dashboard/figure-table.js';
import { FigureTable } from '../dashboard/figure-table.js';
import { FollowUpsList } from '../follow-ups/follow-ups-list.js';
import { departmentYearPoints, yearChart } from '../model/dashboard-view.js';
import type { Route } from '../model/routes.js';

const EChart = lazy(() => import('../dashboard/echart.js').then((m) => ({ default: m.EChart })));

/** The department page. */
export function DepartmentPage({ id }: { id: string }): ReactNode {
  const { lang } = useApp();
  const t = useText();
  const [data, setData] = useState<DepartmentHistoryAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api<DepartmentHistoryAnswer>(`/api/analysis/departments/${encodeURIComponent(id)}`)
      .then(setData)
      .catch((e: unknown) => {
        if (!(e instanceof ApiFailure)) throw e;
        setError(e.message);
      });
  }, [id, lang]);

  const option = useMemo(() => (data === null ? null : yearChart(departmentYearPoints(data.years), lang)), [data, lang]);
  if (error !== null) return <Alert type="error" message={error} />;
  if (data === null || option === null) return <Spin tip={t('loading')}><div className="spin-box" /></Spin>;

  type Gap = DepartmentHistoryAnswer['gaps']['rows'][number];
  const opensForm = (r: { formId: string }): Route => ({ name: 'form', id: r.formId });
  const yearColumns: FigureColumn<DepartmentYear>[] = [
    { header: t('year'), format: 'text', cell: (y) => String(y.year), opens: opensForm },
    { header: t('state'), format: 'text', cell: (y) => stateLabel(y.state, lang), draw: (y, text) => <Tag color={stateColor(y.state)}>{text}</Tag> },
    { header: termLabel('total', lang), format: 'score', cell: (y) => y.total },
    { header: termLabel('grade', lang), format: 'text', cell: (y) => gradeText(y.grade, lang), draw: (y, text) => <span style={{ color: gradeColor(y.grade) }}>{text}</span> },
    // The header carries the unit, so the rate is written as a bare number with two decimals.
    { header: `${termLabel('executionRate', lang)}（%）`, format: 'score', cell: (y) => y.ratePercent },
    { header: '', format: 'text', cell: () => t('open'), opens: opensForm },
  ];
  const gapColumns: FigureColumn<Gap>[] = [
    { header: t('year'), format: 'text', cell: (r) => String(data.years.find((y) => y.formId === r.formId)?.year ?? ''), opens: opensForm },
    { header: t('selfTotal'), format: 'score', cell: (r) => r.selfTotal },
    { header: t('reviewedTotal'), format: 'score', cell: (r) => r.reviewedTotal },
  ];

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }} data-testid="department-page">
      <Typography.Title level={3}>{data.department.name}</Typography.Title>
      <Typography.Text type="secondary">{`${t('region')}：${data.department.regionName}`}</Typography.Text>
      <Card title={t('departmentHistory')}>
        <Suspense fallback={<Spin />}>
          <EChart option={option} height={240} testId="department-chart" />
        </Suspense>
        <FigureTable columns={yearColumns} rows={data.years} rowKey={(y) => y.formId} testId="department-years" />
      </Card>
      {data.gaps.rows.length > 0 && (
        <Card title={t('reviewGapsOfDepartment')}>
          <FigureTable columns={gapColumns} rows={data.gaps.rows} rowKey={(r) => r.formId} />
        </Card>
      )}
      <Card title={t('followUpsTitle')} data-testid="department-follow-ups"><FollowUpsList departmentId={id} /></Card>
    </Space>
  );
}
