/**
 * 公开信息: the public index of one year — its published forms ranked grade first (the grade is what a
 * reader looks for), then total, then name, as the server ranks them — with a year selector listing the
 * years that have published forms, the year's figures and grade chart (loaded lazily), and the year's
 * open-data package to download. The address carries the year (/public/2021) so it can be shared.
 */
import { termLabel } from '@jixiao/core';
import { Button, Card, Col, Empty, Row, Select, Space, Spin, Statistic, Table, Typography } from 'antd';
import type { HTMLAttributes, ReactNode } from 'react';
import { lazy, Suspense, useEffect, useState } from 'react';
import { api } from '../api/api-client.js';
import type { PublicRankingAnswer, PublicSummary, PublicYearsAnswer } from '../api/api-types.js';
import { useApp, useText } from '../app/app-context.js';
import { formatScore, gradeColor, gradeText } from '../app/labels.js';
import { navigate } from '../app/navigation.js';
import { routePath } from '../model/routes.js';

const GradeChart = lazy(() => import('./grade-chart.js').then((m) => ({ default: m.GradeChart })));

type RankedForm = PublicRankingAnswer['forms'][number];

/** The public index of a year (the latest published year when none is in the address). */
export function PublicListPage({ year }: { year?: number | undefined }): ReactNode {
  const { lang } = useApp();
  const t = useText();
  const [years, setYears] = useState<PublicYearsAnswer['years']>([]);
  const [ranking, setRanking] = useState<PublicRankingAnswer | null>(null);
  const [summary, setSummary] = useState<PublicSummary | null>(null);

  useEffect(() => {
    api<PublicYearsAnswer>('/api/public/years').then((a) => setYears(a.years)).catch(() => setYears([]));
  }, []);

  useEffect(() => {
    setRanking(null);
    setSummary(null);
    const query = year === undefined ? '' : `?year=${year}`;
    // The ranking and the year's figures are shown together, so the table does not jump when the figures land.
    api<PublicRankingAnswer>(`/api/public/ranking${query}`)
      .then(async (answer) => {
        const figures = answer.year === null ? null : await api<PublicSummary>(`/api/public/summary?year=${answer.year}`).catch(() => null);
        setSummary(figures);
        setRanking(answer);
      })
      .catch(() => setRanking({ year: year ?? null, forms: [] }));
  }, [year]);

  const shown = ranking?.year ?? null;
  const columns = [
    { title: t('rank'), dataIndex: 'rank', key: 'rank', width: 80 },
    {
      title: termLabel('grade', lang),
      key: 'grade',
      width: 90,
      render: (_: unknown, f: RankedForm) => <span className="public-card-grade" style={{ color: gradeColor(f.grade) }}>{gradeText(f.grade, lang)}</span>,
    },
    {
      title: t('department'),
      key: 'department',
      // A real link (a new tab with Ctrl/⌘, read by screen readers); a plain click is the row's, within the app.
      render: (_: unknown, f: RankedForm) => (
        <Typography.Link strong href={routePath({ name: 'publicForm', id: f.id })} onClick={(e) => (e.ctrlKey || e.metaKey ? e.stopPropagation() : e.preventDefault())}>
          {f.departmentName}
        </Typography.Link>
      ),
    },
    { title: termLabel('total', lang), key: 'total', width: 120, align: 'right' as const, render: (_: unknown, f: RankedForm) => <span data-testid="public-total">{formatScore(f.total)}</span> },
  ];

  return (
    <Space orientation="vertical" size="large" className="full-width">
      <Typography.Paragraph>{t('publicIntro')}</Typography.Paragraph>
      <Space wrap size="middle">
        <span>{t('year')}</span>
        <Select
          data-testid="public-year"
          aria-label={t('year')}
          style={{ minWidth: 220 }}
          value={shown ?? undefined}
          placeholder={t('year')}
          options={years.map((y) => ({ value: y.year, label: t('publicYear', { year: y.year, n: y.count }) }))}
          onChange={(value: number) => navigate({ name: 'publicList', year: value })}
        />
        {shown !== null && ranking !== null && ranking.forms.length > 0 && (
          <Button type="primary" href={`/api/public/open-data/${shown}.zip`} download={`jixiao-open-data-${shown}.zip`} data-testid="download-open-data" title={t('openDataHint', { year: shown })}>
            {t('downloadOpenData')}
          </Button>
        )}
      </Space>
      {shown !== null && ranking !== null && ranking.forms.length > 0 && <Typography.Text type="secondary">{t('openDataHint', { year: shown })}</Typography.Text>}
      {summary && summary.count > 0 && (
        <Card>
          <Row gutter={24}>
            <Col span={6}><Statistic title={t('publishedCount')} value={summary.count} /></Col>
            <Col span={6}><Statistic title={t('averageTotal')} value={formatScore(summary.averageTotal)} /></Col>
            <Col span={12}>
              {/* The fallback takes the chart's room, so the ranking below does not jump when the chart lands. */}
              <Suspense fallback={<div className="chart-box"><Spin /></div>}>
                <GradeChart grades={summary.grades} lang={lang} />
              </Suspense>
            </Col>
          </Row>
        </Card>
      )}
      {ranking === null ? (
        <Spin />
      ) : ranking.forms.length === 0 ? (
        <Empty description={t('noPublished')} />
      ) : (
        <Card title={shown === null ? undefined : t('publicYear', { year: shown, n: ranking.forms.length })} extra={<Typography.Text type="secondary">{t('rankingHint')}</Typography.Text>}>
          <Table<RankedForm>
            rowKey="id"
            size="middle"
            pagination={ranking.forms.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
            columns={columns}
            dataSource={ranking.forms}
            onRow={(f) => ({ onClick: () => navigate({ name: 'publicForm', id: f.id }), style: { cursor: 'pointer' }, 'data-testid': 'public-form-card' }) as HTMLAttributes<HTMLElement>}
          />
        </Card>
      )}
    </Space>
  );
}
