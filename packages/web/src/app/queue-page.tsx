/**
 * 待办: the forms that need the signed-in person's action, each with its task's deadline (every role: the
 * form list carries it), then every form they may see.
 */
import { Alert, Badge, Button, Card, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { useEffect, useMemo, useState } from 'react';
import { termLabel } from '@jixiao/core';
import { api, ApiFailure } from '../api/api-client.js';
import type { FormListItem, QueueItem } from '../model/work-queue.js';
import { daysUntil, workQueue } from '../model/work-queue.js';
import { useApp, useText } from './app-context.js';
import { formatScore, gradeColor, gradeText, reasonLabel, stateColor, stateLabel } from './labels.js';
import { navigate } from './navigation.js';

/** The work queue screen. */
export function QueuePage(): ReactNode {
  const { user, lang } = useApp();
  const t = useText();
  const [forms, setForms] = useState<FormListItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api<{ forms: FormListItem[] }>('/api/forms')
      .then((a) => setForms(a.forms))
      .catch((e: unknown) => setError(e instanceof ApiFailure ? e.message : String(e)));
  }, [user]);

  const today = new Date().toISOString().slice(0, 10);
  const queue = useMemo(() => {
    if (!user || !forms) return [];
    return workQueue(user.role, forms);
  }, [user, forms]);

  const open = (id: string): void => navigate({ name: 'form', id });
  /** The columns of a form, for rows that are forms or hold one. */
  const formColumns = <T,>(of: (row: T) => FormListItem): ColumnsType<T> => [
    { title: t('department'), key: 'dept', render: (_, r) => of(r).departmentName },
    { title: t('year'), key: 'year', width: 80, render: (_, r) => of(r).year },
    { title: t('state'), key: 'state', width: 120, render: (_, r) => <Tag color={stateColor(of(r).state)}>{stateLabel(of(r).state, lang)}</Tag> },
    { title: termLabel('total', lang), key: 'total', width: 90, render: (_, r) => formatScore(of(r).total) },
    { title: termLabel('grade', lang), key: 'grade', width: 80, render: (_, r) => <Tag color={gradeColor(of(r).grade)}>{gradeText(of(r).grade, lang)}</Tag> },
    {
      title: t('findings'),
      key: 'findings',
      width: 120,
      render: (_, r) => (
        <Space>
          <Badge count={of(r).errors} color="red" showZero title={t('errors')} />
          <Badge count={of(r).warnings} color="orange" showZero title={t('warnings')} />
        </Space>
      ),
    },
    { title: '', key: 'open', width: 80, render: (_, r) => <Button size="small" onClick={() => open(of(r).id)} data-testid={`open-${of(r).year}`}>{t('open')}</Button> },
  ];
  const queueColumns: ColumnsType<QueueItem> = [
    { title: t('queueItem'), key: 'reason', width: 140, render: (_, q) => <Tag color={q.reason === 'fixReturned' ? 'red' : 'blue'}>{reasonLabel(q.reason, lang)}</Tag> },
    ...formColumns<QueueItem>((q) => q.form),
    {
      title: t('deadline'),
      key: 'deadline',
      width: 230,
      render: (_, q) => {
        if (q.deadline === null) return '—';
        const days = daysUntil(q.deadline, today);
        return (
          <span data-testid={`deadline-${q.form.year}`}>
            <Tag color={days < 0 ? 'red' : undefined}>{t('dueOn', { date: q.deadline })}</Tag>
            <Typography.Text type={days < 0 ? 'danger' : 'secondary'}>{days < 0 ? t('overdue') : t('daysLeft', { n: days })}</Typography.Text>
          </span>
        );
      },
    },
  ];

  return (
    <Space orientation="vertical" size="large" className="full-width">
      {error !== null && <Alert type="error" title={error} showIcon />}
      <Card title={`${t('workQueue')} · ${user?.displayName ?? ''}`}>
        <Table<QueueItem> rowKey={(q) => q.form.id} columns={queueColumns} dataSource={queue} loading={forms === null} pagination={false} locale={{ emptyText: t('nothingToDo') }} data-testid="work-queue" />
      </Card>
      <Card title={t('allForms')}>
        <Table<FormListItem> rowKey="id" columns={formColumns<FormListItem>((f) => f)} dataSource={forms ?? []} loading={forms === null} pagination={{ pageSize: 20, hideOnSinglePage: true }} />
      </Card>
    </Space>
  );
}
