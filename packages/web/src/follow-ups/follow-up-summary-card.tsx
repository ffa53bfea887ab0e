/** A small card of follow-up counts (by status, and overdue) for the dashboard, linking to the 整改 page. */
import { FOLLOW_UP_STATUSES, followUpStatusLabel } from '@jixiao/core';
import { Card, Space, Statistic } from 'antd';
import type { ReactNode } from 'react';
import { useEffect, useState } from 'react';
import { api } from '../api/api-client.js';
import type { FollowUpSummaryAnswer } from '../api/api-types.js';
import { useApp, useText } from '../app/app-context.js';
import { RouteLink } from '../app/route-link.js';

/** The card; `year` and `departmentId` narrow the counts like the dashboard's filters. */
export function FollowUpSummaryCard({ year, departmentId }: { year?: number | null | undefined; departmentId?: string | null | undefined }): ReactNode {
  const { lang } = useApp();
  const t = useText();
  const [summary, setSummary] = useState<FollowUpSummaryAnswer | null>(null);
  useEffect(() => {
    const query = new URLSearchParams();
    if (year !== undefined && year !== null) query.set('year', String(year));
    if (departmentId !== undefined && departmentId !== null) query.set('departmentId', departmentId);
    api<FollowUpSummaryAnswer>(`/api/follow-ups/summary?${query.toString()}`)
      .then(setSummary)
      .catch(() => setSummary(null));
  }, [year, departmentId]);
  return (
    <Card size="small" title={t('followUpsTitle')} extra={<RouteLink route={{ name: 'followUps' }}>{t('open')}</RouteLink>} data-testid="follow-up-summary">
      <Space size="large" wrap>
        {FOLLOW_UP_STATUSES.map((s) => (
          <Statistic key={s} title={followUpStatusLabel(s, lang)} value={summary?.byStatus[s] ?? '—'} />
        ))}
        <Statistic title={t('overdue')} value={summary?.overdue ?? '—'} styles={{ content: { color: (summary?.overdue ?? 0) > 0 ? '#cf1322' : undefined } }} />
      </Space>
    </Card>
  );
}
