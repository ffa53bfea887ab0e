/**
 * 创建整改: the dialog a reviewer opens beside a finding or a review comment. It quotes the source, starts
 * the title from it, offers the department's people and the region's reviewers as owners (the server's
 * list, the same rule it enforces) and a due date a month ahead; the server's refusal is shown as it says it.
 */
import { Alert, Form, Input, Modal, Select, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useEffect, useState } from 'react';
import { api, ApiFailure } from '../api/api-client.js';
import type { FollowUpAnswer } from '../api/api-types.js';
import { useText } from '../app/app-context.js';
import { useRequest } from '../app/use-request.js';
import { addDays, FOLLOW_UP_TITLE_MAX, prefilledTitle, todayInChina } from './follow-up-model.js';

/** Where the follow-up comes from, as the server takes it, with what the dialog quotes. */
export interface FollowUpSeed {
  source: { kind: 'finding'; code: string; path: string } | { kind: 'review'; indicatorId: string };
  /** The finding's message or the review comment. */
  quote: string;
  /** Where in the form (a finding's path, an indicator's name path). */
  place: string;
}

interface Owner {
  id: string;
  name: string;
  role: string;
}

/** The dialog; `onCreated` receives the new follow-up. */
export function CreateFollowUpDialog({ formId, departmentId, seed, onCancel, onCreated }: { formId: string; departmentId: string; seed: FollowUpSeed; onCancel: () => void; onCreated: (f: FollowUpAnswer) => void }): ReactNode {
  const t = useText();
  const [title, setTitle] = useState(() => prefilledTitle(seed.quote));
  const [ownerId, setOwnerId] = useState<string | undefined>(undefined);
  const [dueDate, setDueDate] = useState(() => addDays(todayInChina(), 30));
  const [owners, setOwners] = useState<Owner[] | null>(null);
  const { busy, error, setError, run } = useRequest();

  useEffect(() => {
    api<{ owners: Owner[] }>(`/api/follow-ups/owners?departmentId=${encodeURIComponent(departmentId)}`)
      .then((a) => {
        setOwners(a.owners);
        // The department's head is the usual owner: start with them.
        setOwnerId((current) => current ?? a.owners.find((o) => o.role === 'head')?.id ?? a.owners[0]?.id);
      })
      .catch((e: unknown) => setError(e instanceof ApiFailure ? e.message : String(e)));
  }, [departmentId]);

  const confirm = async (): Promise<void> => {
    if (title.trim() === '') return setError(t('fieldRequired', { field: t('followUpTitle') }));
    if (ownerId === undefined) return setError(t('fieldRequired', { field: t('followUpOwner') }));
    if (dueDate === '') return setError(t('fieldRequired', { field: t('followUpDue') }));
    await run(async () => onCreated(await api<FollowUpAnswer>(`/api/forms/${encodeURIComponent(formId)}/follow-ups`, { method: 'POST', body: { source: seed.source, title: title.trim(), ownerId, dueDate } })));
  };

  return (
    <Modal open title={t('raiseFollowUp')} onCancel={onCancel} onOk={() => void confirm()} okText={t('raiseFollowUp')} okButtonProps={{ 'data-testid': 'follow-up-create' }} confirmLoading={busy} width={640} destroyOnHidden>
      {error !== null && <Alert type="error" title={error} showIcon className="gap-bottom" data-testid="follow-up-error" />}
      <Form layout="vertical">
        <Form.Item label={`${t('followUpSource')} · ${seed.source.kind === 'finding' ? t('followUpFromFinding') : t('followUpFromReview')}`}>
          <Typography.Paragraph className="follow-up-quote" data-testid="follow-up-quote">
            {seed.quote}
            <br />
            <Typography.Text type="secondary">{seed.place}</Typography.Text>
          </Typography.Paragraph>
        </Form.Item>
        <Form.Item label={t('followUpTitle')} required>
          <Input.TextArea aria-label={t('followUpTitle')} data-testid="follow-up-title" autoSize={{ minRows: 2 }} maxLength={FOLLOW_UP_TITLE_MAX} value={title} onChange={(e) => setTitle(e.target.value)} />
        </Form.Item>
        <Form.Item label={t('followUpOwner')} required>
          <Select
            aria-label={t('followUpOwner')}
            data-testid="follow-up-owner"
            loading={owners === null}
            placeholder={t('chooseOwner')}
            value={ownerId}
            onChange={(v: string) => setOwnerId(v)}
            options={(owners ?? []).map((o) => ({ value: o.id, label: o.name }))}
          />
        </Form.Item>
        <Form.Item label={t('followUpDue')} required>
          <Input type="date" aria-label={t('followUpDue')} data-testid="follow-up-due" value={dueDate} onChange={(e) => setDueDate(e.target.value)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
