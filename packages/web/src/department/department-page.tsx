/**
 * A department across years (drilled into from the dashboard): its forms year by year with state, total,
 * grade and execution rate, each opening the form; the year-over-year chart; the gaps between its
 * self-scores and the review. Sections are a plain list: another section is one more element in it.
 */
import { termLabel } from '@jixiao/core';
import { Alert, Card, Space, Spin, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { api, ApiFailure } from '../api/api-client.js';
import type { DepartmentHistoryAnswer, DepartmentYear } from '../api/analysis-types.js';
import { useApp, useText } from '../app/app-context.js';
import { formatScore, gradeColor, gradeText, stateColor, stateLabel } from '../app/labels.js';
import { navigate } from '../app/navigation.js';
import { FollowUpsList } from '../follow-ups/follow-ups-list.js';
import { departmentYearPoints, yearChart } from '../model/dashboard-view.js';
import { routePath } from '../model/routes.js';

const EChart = lazy(() => import('../dashboard/echart.js').then((m) => ({ default: m.EChart })));

function FormLink({ id, children }: { id: string; children: ReactNode }): ReactNode {
  const route = { name: 'form' as const, id };
  return (
    <Typography.Link
      href={routePath(route)}
      onClick={(e) => {
        e.preventDefault();
        navigate(route);
      }}
    >
      {children}
    </Typography.Link>
  );
}

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

  const columns = [
    { title: t('year'), key: 'year', render: (_: unknown, y: DepartmentYear) => <FormLink id={y.formId}>{y.year}</FormLink> },
    { title: t('state'), key: 'state', render: (_: unknown, y: DepartmentYear) => <Tag color={stateColor(y.state)}>{stateLabel(y.state, lang)}</Tag> },
    { title: termLabel('total', lang), key: 'total', align: 'right' as const, render: (_: unknown, y: DepartmentYear) => formatScore(y.total) },
    { title: termLabel('grade', lang), key: 'grade', render: (_: unknown, y: DepartmentYear) => <span style={{ color: gradeColor(y.grade) }}>{gradeText(y.grade, lang)}</span> },
    { title: `${termLabel('executionRate', lang)}（%）`, key: 'rate', align: 'right' as const, render: (_: unknown, y: DepartmentYear) => (y.ratePercent === null ? '' : y.ratePercent.toFixed(2)) },
    { title: '', key: 'open', render: (_: unknown, y: DepartmentYear) => <FormLink id={y.formId}>{t('open')}</FormLink> },
  ];
  const gapColumns = [
    { title: t('year'), key: 'year', render: (_: unknown, r: DepartmentHistoryAnswer['gaps']['rows'][number]) => <FormLink id={r.formId}>{data.years.find((y) => y.formId === r.formId)?.year ?? ''}</FormLink> },
    { title: t('selfTotal'), key: 'self', align: 'right' as const, render: (_: unknown, r: DepartmentHistoryAnswer['gaps']['rows'][number]) => formatScore(r.selfTotal) },
    { title: t('reviewedTotal'), key: 'reviewed', align: 'right' as const, render: (_: unknown, r: DepartmentHistoryAnswer['gaps']['rows'][number]) => formatScore(r.reviewedTotal) },
  ];

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }} data-testid="department-page">
      <Typography.Title level={3}>{data.department.name}</Typography.Title>
      <Typography.Text type="secondary">{`${t('region')}：${data.department.regionName}`}</Typography.Text>
      <Card title={t('departmentHistory')}>
        <Suspense fallback={<Spin />}>
          <EChart option={option} height={240} testId="department-chart" />
        </Suspense>
        <Table size="small" rowKey="formId" columns={columns} dataSource={data.years} pagination={false} data-testid="department-years" />
      </Card>
      {data.gaps.rows.length > 0 && (
        <Card title={t('reviewGapsOfDepartment')}>
          <Table size="small" rowKey="formId" columns={gapColumns} dataSource={data.gaps.rows} pagination={false} />
        </Card>
      )}
      <Card title={t('followUpsTitle')} data-testid="department-follow-ups"><FollowUpsList departmentId={id} /></Card>
    </Space>
  );
}
