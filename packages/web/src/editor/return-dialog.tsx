/**
 * 退回: the reviewer's overall comment and comments on chosen indicators (prefilled with the review
 * comments already typed in the grid). The server refuses a return without any comment; so does this.
 */
import { Alert, Button, Form, Input, Modal, Select, Space } from 'antd';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useText } from '../app/app-context.js';

/** What a return carries. */
export interface ReturnInput {
  comment: string;
  indicatorComments: { indicatorId: string; comment: string }[];
}

/** The return dialog. */
export function ReturnDialog({ open, leafOptions, initial, onCancel, onConfirm }: { open: boolean; leafOptions: readonly { value: string; label: string }[]; initial: ReturnInput['indicatorComments']; onCancel: () => void; onConfirm: (input: ReturnInput) => Promise<void> }): ReactNode {
  const t = useText();
  const [comment, setComment] = useState('');
  const [lines, setLines] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [missing, setMissing] = useState(false);
  const options = [...leafOptions];

  const confirm = async (): Promise<void> => {
    const indicatorComments = lines.filter((l) => l.indicatorId !== '' && l.comment.trim() !== '');
    if (comment.trim() === '' && indicatorComments.length === 0) {
      setMissing(true);
      return;
    }
    setBusy(true);
    try {
      await onConfirm({ comment: comment.trim(), indicatorComments });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={open} title={t('returnTitle')} onCancel={onCancel} onOk={() => void confirm()} okText={t('actionReturn')} confirmLoading={busy} width={720} destroyOnHidden>
      {missing && <Alert type="error" title={t('commentRequired')} showIcon className="gap-bottom" />}
      <Form layout="vertical">
        <Form.Item label={t('overallComment')}>
          <Input.TextArea aria-label={t('overallComment')} data-testid="return-comment" autoSize={{ minRows: 3 }} value={comment} onChange={(e) => setComment(e.target.value)} />
        </Form.Item>
        <Form.Item label={t('indicatorComments')}>
          <Space orientation="vertical" className="full-width">
            {lines.map((line, i) => (
              <Space key={i} align="start" className="full-width">
                <Select
                  style={{ width: 300 }}
                  showSearch={{ optionFilterProp: 'label' }}
                  placeholder={t('chooseIndicator')}
                  options={options}
                  value={line.indicatorId === '' ? undefined : line.indicatorId}
                  onChange={(v: string) => setLines(lines.map((l, j) => (j === i ? { ...l, indicatorId: v } : l)))}
                />
                <Input.TextArea style={{ width: 340 }} autoSize value={line.comment} onChange={(e) => { const v = e.target.value; setLines(lines.map((l, j) => (j === i ? { ...l, comment: v } : l))); }} />
                <Button onClick={() => setLines(lines.filter((_, j) => j !== i))}>{t('remove')}</Button>
              </Space>
            ))}
            <Button onClick={() => setLines([...lines, { indicatorId: '', comment: '' }])}>+ {t('addComment')}</Button>
          </Space>
        </Form.Item>
      </Form>
    </Modal>
  );
}
