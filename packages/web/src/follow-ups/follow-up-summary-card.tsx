/** A small card of follow-up counts (by status, and overdue) under the dashboard's filter, linking to the 整改 page. */
import { FOLLOW_UP_STATUSES, followUpStatusLabel } from '@jixiao/core';
import { Card, Space, Statistic } from 'antd';
import type { ReactNode } from 'react';
import { useEffect, useState } from 'react';
import { api } from '../api/api-client.js';
import type { FollowUpSummaryAnswer } from '../api/api-types.js';
import { useApp, useText } from '../app/app-context.js';
import { RouteLink } from '../app/route-link.js';
import type { DashboardFilter } from '../model/dashboard-view.js';
import { followUpSummaryUrl } from '../model/dashboard-view.js';

/** The card; the dashboard's filter (year, region, grade) narrows its counts as it narrows the figures. */
export function FollowUpSummaryCard({ filter }: { filter: DashboardFilter }): ReactNode {
  const { lang } = useApp();
  const t = useText();
  const [summary, setSummary] = useState<FollowUpSummaryAnswer | null>(null);
  const url = followUpSummaryUrl(filter);
  useEffect(() => {
    let current = true;
    api<FollowUpSummaryAnswer>(url)
      .then((answer) => current && setSummary(answer))
      .catch(() => current && setSummary(null));
    return () => {
      current = false;
    };
  }, [url]);
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
