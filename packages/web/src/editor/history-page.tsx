/** 修改记录: who did what when, and what changed between any two versions. */
import type { DocumentChange, Lang } from '@jixiao/core';
import { TRANSITION_ACTIONS } from '@jixiao/core';
import { Alert, Button, Card, Select, Space, Table } from 'antd';
import type { ReactNode } from 'react';
import { useEffect, useState } from 'react';
import { api, ApiFailure } from '../api/api-client.js';
import type { HistoryAnswer } from '../api/api-types.js';
import { useApp, useText } from '../app/app-context.js';
import { actionLabel } from '../app/labels.js';
import { uiText } from '../i18n/ui-text.js';
import { navigate } from '../app/navigation.js';
import { showValue } from './conflict-dialog.js';

/** What an audit entry's action means, in the user's language (unknown actions as they are). */
function historyActionLabel(action: string, lang: Lang): string {
  const transition = TRANSITION_ACTIONS.find((a) => a === action);
  if (transition) return actionLabel(transition, lang);
  if (action === 'save') return uiText('save', lang);
  if (action === 'import' || action === 'upload') return uiText('importForm', lang);
  if (action === 'review') return uiText('reviewPanel', lang);
  return action;
}

/** The history screen of a form. */
export function HistoryPage({ id }: { id: string }): ReactNode {
  const t = useText();
  const { lang } = useApp();
  const [history, setHistory] = useState<HistoryAnswer[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const [changes, setChanges] = useState<DocumentChange[] | null>(null);
  const base = `/api/forms/${encodeURIComponent(id)}`;

  useEffect(() => {
    api<{ history: HistoryAnswer[] }>(`${base}/history`)
      .then((a) => {
        setHistory(a.history);
        const versions = [...new Set(a.history.map((h) => h.version))];
        // First against latest: everything that changed since the form was created.
        setFrom(versions[0] ?? null);
        setTo(versions[versions.length - 1] ?? null);
      })
      .catch((e: unknown) => setError(e instanceof ApiFailure ? e.message : String(e)));
  }, [base]);

  useEffect(() => {
    if (from === null || to === null) return;
    api<{ changes: DocumentChange[] }>(`${base}/compare?from=${from}&to=${to}`)
      .then((a) => setChanges(a.changes))
      .catch((e: unknown) => setError(e instanceof ApiFailure ? e.message : String(e)));
  }, [base, from, to]);

  const versions = [...new Set((history ?? []).map((h) => h.version))].map((v) => ({ value: v, label: `${t('version')} ${v}` }));
  return (
    <Space orientation="vertical" size="large" className="full-width">
      <Button onClick={() => navigate({ name: 'form', id })}>{t('back')}</Button>
      {error !== null && <Alert type="error" title={error} showIcon />}
      <Card title={t('history')}>
        <Table<HistoryAnswer>
          rowKey="seq"
          size="small"
          loading={history === null}
          dataSource={history ?? []}
          pagination={false}
          expandable={{
            rowExpandable: (h) => h.changes.length > 0,
            expandedRowRender: (h) => (
              <Table<DocumentChange>
                rowKey="path"
                size="small"
                pagination={false}
                dataSource={h.changes}
                columns={[
                  { title: t('place'), dataIndex: 'path', key: 'path' },
                  { title: t('before'), key: 'b', render: (_, c) => showValue(c.before) },
                  { title: t('after'), key: 'a', render: (_, c) => showValue(c.after) },
                ]}
              />
            ),
          }}
          columns={[
            { title: t('version'), dataIndex: 'version', key: 'v', width: 70 },
            { title: t('when'), key: 'at', width: 190, render: (_, h) => new Date(h.at).toLocaleString() },
            { title: t('who'), key: 'who', render: (_, h) => h.user.name },
            { title: t('what'), key: 'action', render: (_, h) => historyActionLabel(h.action, lang) },
            { title: t('reviewerComment'), dataIndex: 'comment', key: 'comment' },
            { title: t('changes'), key: 'n', width: 90, render: (_, h) => h.changes.length },
          ]}
        />
      </Card>
      <Card
        title={t('compareVersions')}
        extra={
          <Space>
            {t('from')} <Select style={{ width: 110 }} options={versions} value={from} onChange={setFrom} />
            {t('to')} <Select style={{ width: 110 }} options={versions} value={to} onChange={setTo} />
          </Space>
        }
      >
        <Table<DocumentChange>
          rowKey="path"
          size="small"
          dataSource={changes ?? []}
          pagination={false}
          locale={{ emptyText: t('noChanges') }}
          columns={[
            { title: t('place'), dataIndex: 'path', key: 'path' },
            { title: t('before'), key: 'b', render: (_, c) => showValue(c.before) },
            { title: t('after'), key: 'a', render: (_, c) => showValue(c.after) },
          ]}
        />
      </Card>
    </Space>
  );
}
