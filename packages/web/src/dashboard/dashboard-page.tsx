/**
 * 绩效分析: the finance bureau's dashboard for one year — filters (year, region, grade), the year's figures,
 * and for each chart the table behind it with its .xlsx download; a department's name opens its page.
 * Cards are a plain list: another card is one more element in it.
 */
import type { Grade } from '@jixiao/core';
import { GRADES } from '@jixiao/core';
import { Alert, Button, Card, Col, Empty, Row, Select, Space, Spin, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { api, ApiFailure } from '../api/api-client.js';
import type { AnalysisTableName, DashboardAnswer } from '../api/analysis-types.js';
import { useApp, useText } from '../app/app-context.js';
import { gradeText, stateLabel } from '../app/labels.js';
import type { ChartOption, DashboardFilter, DashboardPages } from '../model/dashboard-view.js';
import {
  dashboardUrl,
  executionChart,
  gapChart,
  gradeChart,
  highMarksChart,
  lostPointsChart,
  rowDepartmentIds,
  statusChart,
  tableDownloadUrl,
  yearChart,
} from '../model/dashboard-view.js';
import { FollowUpSummaryCard } from '../follow-ups/follow-up-summary-card.js';
import { AnalysisFigureTable } from './figure-table.js';

const EChart = lazy(() => import('./echart.js').then((m) => ({ default: m.EChart })));

const PAGE_ROWS = 20;

/** One chart with the table behind it and its download. */
function FigureCard({
  name,
  data,
  filter,
  option,
  pages,
  children,
}: {
  name: AnalysisTableName;
  data: DashboardAnswer;
  filter: DashboardFilter;
  option: ChartOption;
  pages?: { total: number; offset: number; onOffset: (offset: number) => void };
  children?: ReactNode;
}): ReactNode {
  const { lang } = useApp();
  const t = useText();
  const table = data.tables[name];
  return (
    <Card
      title={table.title}
      data-testid={`figure-${name}`}
      extra={
        <Button size="small" href={tableDownloadUrl(name, filter, lang)} download={`${table.title}-${data.filter.year}.xlsx`} data-testid={`download-${name}`}>
          {t('downloadXlsx')}
        </Button>
      }
    >
      {children}
      <Suspense fallback={<Spin />}>
        <EChart option={option} testId={`chart-${name}`} />
      </Suspense>
      <AnalysisFigureTable
        table={table}
        departmentIds={rowDepartmentIds(name, data)}
        testId={`table-${name}`}
        {...(pages ? { pagination: { total: pages.total, pageSize: PAGE_ROWS, current: Math.floor(pages.offset / PAGE_ROWS) + 1, onChange: (page: number) => pages.onOffset((page - 1) * PAGE_ROWS) } } : {})}
      />
    </Card>
  );
}

/** The dashboard. */
export function DashboardPage(): ReactNode {
  const { lang, user } = useApp();
  const t = useText();
  const [filter, setFilter] = useState<DashboardFilter>({});
  const [pages, setPages] = useState<DashboardPages>({ statusOffset: 0, yearOverYearOffset: 0 });
  const [data, setData] = useState<DashboardAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [regions, setRegions] = useState<{ id: string; name: string }[]>([]);

  useEffect(() => {
    api<{ regions: { id: string; name: string }[] }>('/api/regions').then((a) => setRegions(a.regions)).catch(() => setRegions([]));
  }, []);

  useEffect(() => {
    let current = true;
    setError(null);
    api<DashboardAnswer>(dashboardUrl(filter, pages))
      .then((answer) => {
        if (current) setData(answer);
      })
      .catch((e: unknown) => {
        if (!(e instanceof ApiFailure)) throw e;
        if (current) setError(e.message);
      });
    return () => {
      current = false;
    };
  }, [filter, pages, lang]);

  const change = (next: DashboardFilter): void => {
    setFilter(next);
    setPages({ statusOffset: 0, yearOverYearOffset: 0 });
  };

  const options = useMemo(() => {
    if (data === null) return null;
    return {
      status: statusChart(data, (state) => (state === 'none' ? t('notFiled') : stateLabel(state, lang))),
      grades: gradeChart(data, lang),
      gaps: gapChart(data, { self: t('selfTotal'), reviewed: t('reviewedTotal') }),
      execution: executionChart(data, lang, t('overallRow')),
      lostPoints: lostPointsChart(data, t('losingForms')),
      highMarks: highMarksChart(data, lang),
      yearOverYear: yearChart(data.yearOverYear.years.map((y) => ({ year: y.year, total: y.averageTotal, ratePercent: y.ratePercent })), lang),
    };
    // `t` is `lang`'s translator.
  }, [data, lang]);

  if (error !== null) return <Alert type="error" message={error} />;
  if (data === null || options === null) return <Spin tip={t('loading')}><div className="spin-box" /></Spin>;
  const shownFilter: DashboardFilter = { ...filter, year: data.filter.year };

  return (
    <Space direction="vertical" size="large" className="dashboard-page" style={{ width: '100%' }}>
      <Typography.Title level={3}>{t('dashboardTitle')}</Typography.Title>
      <Space wrap>
        <Select
          data-testid="filter-year"
          style={{ width: 120 }}
          value={data.filter.year}
          options={(data.years.includes(data.filter.year) ? data.years : [data.filter.year, ...data.years]).map((y) => ({ value: y, label: String(y) }))}
          onChange={(year: number) => change({ ...filter, year })}
        />
        {regions.length > 1 && user?.role === 'administrator' && (
          <Select
            data-testid="filter-region"
            style={{ width: 160 }}
            value={filter.regionId ?? ''}
            options={[{ value: '', label: t('allRegions') }, ...regions.map((r) => ({ value: r.id, label: r.name }))]}
            onChange={(regionId: string) => change({ ...filter, regionId: regionId === '' ? undefined : regionId })}
          />
        )}
        <Select
          data-testid="filter-grade"
          style={{ width: 140 }}
          value={filter.grade ?? ''}
          options={[{ value: '', label: t('allGrades') }, ...GRADES.map((g) => ({ value: g, label: gradeText(g, lang) }))]}
          onChange={(grade: Grade | '') => change({ ...filter, grade: grade === '' ? undefined : grade })}
        />
      </Space>
      <Typography.Text type="secondary">{t('dashboardNote', { rate: data.execution.lowRatePercent, total: data.highMarks.minTotal })}</Typography.Text>
      <Row gutter={16}>
        <Col><Statistic title={t('formsCounted')} value={data.grades.forms} /></Col>
        <Col><Statistic title={t('averageTotal')} value={data.grades.average ?? '—'} precision={data.grades.average === null ? undefined : 2} /></Col>
        <Col><Statistic title={t('medianTotal')} value={data.grades.median ?? '—'} precision={data.grades.median === null ? undefined : 2} /></Col>
        <Col><Statistic title={t('lowestTotal')} value={data.grades.min ?? '—'} precision={data.grades.min === null ? undefined : 2} /></Col>
        <Col><Statistic title={t('highestTotal')} value={data.grades.max ?? '—'} precision={data.grades.max === null ? undefined : 2} /></Col>
      </Row>
      <FollowUpSummaryCard filter={shownFilter} />
      {data.grades.forms === 0 && data.status.departments === 0 ? (
        <Empty />
      ) : (
        <>
          <FigureCard name="status" data={data} filter={shownFilter} option={options.status} pages={{ total: data.status.departments, offset: pages.statusOffset, onOffset: (statusOffset) => setPages({ ...pages, statusOffset }) }} />
          <FigureCard name="grades" data={data} filter={shownFilter} option={options.grades} />
          <FigureCard name="gaps" data={data} filter={shownFilter} option={options.gaps} />
          <FigureCard name="execution" data={data} filter={shownFilter} option={options.execution} />
          <FigureCard name="lostPoints" data={data} filter={shownFilter} option={options.lostPoints} />
          <FigureCard name="highMarks" data={data} filter={shownFilter} option={options.highMarks} />
          <FigureCard
            name="yearOverYear"
            data={data}
            filter={shownFilter}
            option={options.yearOverYear}
            pages={{ total: data.yearOverYear.departments, offset: pages.yearOverYearOffset, onOffset: (yearOverYearOffset) => setPages({ ...pages, yearOverYearOffset }) }}
          />
        </>
      )}
    </Space>
  );
}
