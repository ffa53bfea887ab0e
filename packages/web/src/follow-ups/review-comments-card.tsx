/**
 * 复核意见 with 创建整改 beside each: the reviewer's comments on indicators, each a possible source of a
 * follow-up (the review view of the editor shows this card to those who may raise one).
 */
import type { FormDocument } from '@jixiao/core';
import { leavesOf } from '@jixiao/core';
import { Button, Card, List, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useMemo } from 'react';
import type { ReviewAnswer } from '../api/api-types.js';
import { useText } from '../app/app-context.js';
import type { FollowUpSeed } from './create-follow-up-dialog.js';

/** The card (nothing when no indicator has a comment). */
export function ReviewCommentsCard({ doc, reviews, onRaise }: { doc: FormDocument; reviews: ReadonlyMap<string, ReviewAnswer>; onRaise: (seed: FollowUpSeed) => void }): ReactNode {
  const t = useText();
  const paths = useMemo(() => new Map(leavesOf(doc).map((l) => [l.leaf.id, l.namePath.join('/')])), [doc]);
  const commented = [...reviews.values()].filter((r) => r.comment.trim() !== '' && paths.has(r.indicatorId));
  if (commented.length === 0) return null;
  return (
    <Card size="small" title={t('reviewComments')} className="gap-bottom" data-testid="review-comments">
      <List
        size="small"
        dataSource={commented}
        renderItem={(r) => {
          const place = paths.get(r.indicatorId) ?? '';
          return (
            <List.Item
              actions={[
                <Button key="raise" size="small" data-testid="raise-follow-up-review" onClick={() => onRaise({ source: { kind: 'review', indicatorId: r.indicatorId }, quote: r.comment, place })}>
                  {t('raiseFollowUp')}
                </Button>,
              ]}
            >
              <List.Item.Meta title={r.comment} description={<Typography.Text type="secondary">{place}</Typography.Text>} />
            </List.Item>
          );
        }}
      />
    </Card>
  );
}
