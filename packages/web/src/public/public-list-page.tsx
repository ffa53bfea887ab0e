/**
 * 公开信息: published forms for everyone, grade first (the grade is what a reader looks for), then the
 * total, the department and the year; the year's figures and a grade chart (loaded lazily).
 */
import { Card, Col, Empty, Row, Space, Spin, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { lazy, Suspense, useEffect, useState } from 'react';
import { api } from '../api/api-client.js';
import type { PublicSummary } from '../api/api-types.js';
import { useApp, useText } from '../app/app-context.js';
import { formatScore, gradeColor, gradeText } from '../app/labels.js';
import { navigate } from '../app/navigation.js';
import type { FormListItem } from '../model/work-queue.js';

const GradeChart = lazy(() => import('./grade-chart.js').then((m) => ({ default: m.GradeChart })));

/** The public list. */
export function PublicListPage(): ReactNode {
  const { lang } = useApp();
  const t = useText();
  const [forms, setForms] = useState<FormListItem[] | null>(null);
  const [summary, setSummary] = useState<PublicSummary | null>(null);
  useEffect(() => {
    api<{ forms: FormListItem[] }>('/api/public/forms').then((a) => setForms(a.forms)).catch(() => setForms([]));
    api<PublicSummary>('/api/public/summary').then(setSummary).catch(() => setSummary(null));
  }, []);
  return (
    <Space orientation="vertical" size="large" className="full-width">
      <Typography.Paragraph>{t('publicIntro')}</Typography.Paragraph>
      {summary && summary.count > 0 && (
        <Card>
          <Row gutter={24}>
            <Col span={6}><Statistic title={t('publishedCount')} value={summary.count} /></Col>
            <Col span={6}><Statistic title={t('averageTotal')} value={formatScore(summary.averageTotal)} /></Col>
            <Col span={12}>
              <Suspense fallback={<Spin />}>
                <GradeChart grades={summary.grades} lang={lang} />
              </Suspense>
            </Col>
          </Row>
        </Card>
      )}
      {forms === null ? (
        <Spin />
      ) : forms.length === 0 ? (
        <Empty description={t('noPublished')} />
      ) : (
        <Row gutter={[16, 16]}>
          {forms.map((f) => (
            <Col key={f.id} xs={24} sm={12} lg={8}>
              <Card hoverable onClick={() => navigate({ name: 'publicForm', id: f.id })} data-testid="public-form-card">
                <Space align="center" size="large">
                  <span className="public-card-grade" style={{ color: gradeColor(f.grade) }}>{gradeText(f.grade, lang)}</span>
                  <div>
                    <Typography.Text strong>{f.departmentName}</Typography.Text>
                    <div>{f.year} · {formatScore(f.total)}</div>
                  </div>
                </Space>
              </Card>
            </Col>
          ))}
        </Row>
      )}
    </Space>
  );
}
