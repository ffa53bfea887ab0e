/** 整改 page: every follow-up the signed-in person may see, with the list's filters. */
import { Card } from 'antd';
import type { ReactNode } from 'react';
import { useText } from '../app/app-context.js';
import { FollowUpsList } from './follow-ups-list.js';

/** The page at /follow-ups. */
export function FollowUpsPage(): ReactNode {
  const t = useText();
  return (
    <Card title={t('followUpsTitle')}>
      <FollowUpsList />
    </Card>
  );
}
