/**
 * 整改事项 list: the follow-ups the signed-in person may see (of one department or form when given), with
 * filters by year, status, department and overdue; overdue rows stand out in red; each row offers the moves
 * its reader may make (with a note where one is required), sent with the version read (If-Match), and its
 * history on expanding.
 */
import type { FollowUpStatus, FollowUpTransition } from '@jixiao/core';
import { FOLLOW_UP_STATUSES, followUpStatusLabel } from '@jixiao/core';
import { Alert, App, Button, Checkbox, Input, Modal, Select, Space, Table, Tag, Timeline, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { useCallback, useEffect, useState } from 'react';
import { api, ApiFailure } from '../api/api-client.js';
import type { DepartmentAnswer, FollowUpAnswer, FollowUpHistoryAnswer } from '../api/api-types.js';
import { useApp, useText } from '../app/app-context.js';
import { RouteLink } from '../app/route-link.js';
import { useRequest } from '../app/use-request.js';
import { followUpMoves, followUpStatusColor } from './follow-up-model.js';

/** Which follow-ups the list shows: fixed by the page (a department, a form), the rest chosen in its filters. */
export interface FollowUpsListProps {
  departmentId?: string;
  formId?: string;
  /** The year to start with (the filter stays changeable). */
  year?: number;
  /** Bumped by the parent when it raised a follow-up, so the list reloads. */
  refreshKey?: number;
}

interface Filters {
  year: number | null;
  status: FollowUpStatus | null;
  departmentId: string | null;
  overdue: boolean;
}

const OVERDUE_ROW = { background: '#fff1f0' };

/** The list. */
export function FollowUpsList({ departmentId, formId, year, refreshKey = 0 }: FollowUpsListProps): ReactNode {
  const { lang, user } = useApp();
  const t = useText();
  const { message } = App.useApp();
  const [filters, setFilters] = useState<Filters>({ year: year ?? null, status: null, departmentId: null, overdue: false });
  const [rows, setRows] = useState<FollowUpAnswer[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [departments, setDepartments] = useState<DepartmentAnswer[]>([]);
  const [moving, setMoving] = useState<{ followUp: FollowUpAnswer; move: FollowUpTransition } | null>(null);
  const [reload, setReload] = useState(0);
  const chooseDepartment = departmentId === undefined && formId === undefined && (user?.role === 'reviewer' || user?.role === 'administrator');

  useEffect(() => {
    if (!chooseDepartment) return;
    api<{ departments: DepartmentAnswer[] }>('/api/departments')
      .then((a) => setDepartments(a.departments))
      .catch(() => setDepartments([]));
  }, [chooseDepartment]);

  useEffect(() => {
    const query = new URLSearchParams();
    const department = departmentId ?? filters.departmentId;
    if (department) query.set('departmentId', department);
    if (formId) query.set('formId', formId);
    if (filters.year !== null) query.set('year', String(filters.year));
    if (filters.status !== null) query.set('status', filters.status);
    if (filters.overdue) query.set('overdue', 'true');
    let live = true;
    api<{ followUps: FollowUpAnswer[] }>(`/api/follow-ups?${query.toString()}`)
      .then((a) => {
        if (live) {
          setRows(a.followUps);
          setError(null);
        }
      })
      .catch((e: unknown) => live && setError(e instanceof ApiFailure ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [departmentId, formId, filters, refreshKey, reload]);

  const moved = useCallback((f: FollowUpAnswer) => setRows((list) => (list ?? []).map((r) => (r.id === f.id ? f : r))), []);
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 8 }, (_, i) => thisYear - i);

  const columns: ColumnsType<FollowUpAnswer> = [
    {
      title: t('followUpTitle'),
      key: 'title',
      render: (_, f) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong data-testid="follow-up-row-title">{f.title}</Typography.Text>
          <Typography.Text type="secondary" className="finding-path">
            {f.source.kind === 'finding' ? t('followUpFromFinding') : t('followUpFromReview')}：{f.source.quote}
          </Typography.Text>
        </Space>
      ),
    },
    ...(departmentId === undefined
      ? [{ title: t('department'), key: 'department', width: 200, render: (_: unknown, f: FollowUpAnswer) => <RouteLink route={{ name: 'form', id: f.formId }}>{f.departmentName} · {f.year}</RouteLink> }]
      : []),
    { title: t('followUpOwner'), key: 'owner', width: 140, render: (_, f) => f.owner.name },
    {
      title: t('followUpDue'),
      key: 'due',
      width: 170,
      render: (_, f) => (
        <Space size={4}>
          <span>{f.dueDate}</span>
          {f.overdue && <Tag color="red" data-testid="follow-up-overdue">{t('overdue')}</Tag>}
        </Space>
      ),
    },
    { title: t('state'), key: 'status', width: 100, render: (_, f) => <Tag color={followUpStatusColor(f.status)} data-testid="follow-up-status">{followUpStatusLabel(f.status, lang)}</Tag> },
    {
      title: '',
      key: 'moves',
      width: 220,
      render: (_, f) => (
        <Space wrap size={4}>
          {followUpMoves(f).map((move) => (
            <Button key={move.action} size="small" data-testid={`follow-up-${move.action}`} onClick={() => setMoving({ followUp: f, move })}>
              {t('followUpMoveTo', { status: followUpStatusLabel(move.to, lang) })}
            </Button>
          ))}
        </Space>
      ),
    },
  ];

  return (
    <Space orientation="vertical" className="full-width" data-testid="follow-ups">
      <Space wrap>
        <Select<number | null>
          aria-label={t('year')}
          style={{ width: 120 }}
          value={filters.year}
          onChange={(v) => setFilters({ ...filters, year: v })}
          options={[{ value: null, label: t('allYears') }, ...years.map((y) => ({ value: y, label: String(y) }))]}
        />
        <Select<FollowUpStatus | null>
          aria-label={t('state')}
          data-testid="follow-up-status-filter"
          style={{ width: 130 }}
          value={filters.status}
          onChange={(v) => setFilters({ ...filters, status: v })}
          options={[{ value: null, label: t('allStatuses') }, ...FOLLOW_UP_STATUSES.map((s) => ({ value: s, label: followUpStatusLabel(s, lang) }))]}
        />
        {chooseDepartment && (
          <Select<string | null>
            aria-label={t('department')}
            data-testid="follow-up-department-filter"
            style={{ width: 240 }}
            showSearch={{ optionFilterProp: 'label' }}
            value={filters.departmentId}
            onChange={(v) => setFilters({ ...filters, departmentId: v })}
            options={[{ value: null, label: t('allDepartments') }, ...departments.map((d) => ({ value: d.id, label: d.name }))]}
          />
        )}
        <Checkbox checked={filters.overdue} onChange={(e) => setFilters({ ...filters, overdue: e.target.checked })} data-testid="follow-up-overdue-filter">
          {t('overdueOnly')}
        </Checkbox>
      </Space>
      {error !== null && <Alert type="error" title={error} showIcon />}
      <Table<FollowUpAnswer>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rows ?? []}
        loading={rows === null && error === null}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('noFollowUps') }}
        onRow={(f) => ({ 'data-overdue': f.overdue ? 'true' : 'false', ...(f.overdue ? { style: OVERDUE_ROW } : {}) }) as object}
        expandable={{ expandedRowRender: (f) => <FollowUpHistory id={f.id} version={f.version} /> }}
      />
      {moving !== null && (
        <MoveDialog
          {...moving}
          onCancel={() => setMoving(null)}
          onMoved={(f) => {
            moved(f);
            setMoving(null);
            void message.success(t('followUpMoved', { status: followUpStatusLabel(f.status, lang) }));
          }}
          onStale={() => {
            setMoving(null);
            setReload((n) => n + 1);
            void message.warning(t('followUpStale'));
          }}
        />
      )}
    </Space>
  );
}

/** Moving a follow-up to another status, with a note (required where the table says so). */
function MoveDialog({ followUp, move, onCancel, onMoved, onStale }: { followUp: FollowUpAnswer; move: FollowUpTransition; onCancel: () => void; onMoved: (f: FollowUpAnswer) => void; onStale: () => void }): ReactNode {
  const { lang } = useApp();
  const t = useText();
  const [note, setNote] = useState('');
  const { busy, error, setError, run } = useRequest();
  const confirm = async (): Promise<void> => {
    if (move.noteRequired && note.trim() === '') return setError(t('fieldRequired', { field: t('followUpNote') }));
    await run(
      async () => onMoved(await api<FollowUpAnswer>(`/api/follow-ups/${encodeURIComponent(followUp.id)}`, { method: 'PATCH', headers: { 'If-Match': `"${followUp.version}"` }, body: { status: move.to, note: note.trim() } })),
      (failure) => {
        if (failure.code !== 'followUp.versionConflict') return false;
        onStale();
        return true;
      },
    );
  };
  const label = t('followUpMoveTo', { status: followUpStatusLabel(move.to, lang) });
  return (
    <Modal open title={`${label} · ${followUp.title}`} onCancel={onCancel} onOk={() => void confirm()} okText={label} okButtonProps={{ 'data-testid': 'follow-up-move-confirm' }} confirmLoading={busy} destroyOnHidden>
      {error !== null && <Alert type="error" title={error} showIcon className="gap-bottom" />}
      <Typography.Paragraph type="secondary">{t('followUpNoteHint')}</Typography.Paragraph>
      <Input.TextArea aria-label={t('followUpNote')} data-testid="follow-up-note" autoSize={{ minRows: 3 }} value={note} onChange={(e) => setNote(e.target.value)} />
    </Modal>
  );
}

/** The history of one follow-up: who, when, from → to, the note and what else changed. */
function FollowUpHistory({ id, version }: { id: string; version: number }): ReactNode {
  const { lang } = useApp();
  const t = useText();
  const [entries, setEntries] = useState<FollowUpHistoryAnswer[] | null>(null);
  useEffect(() => {
    api<{ history: FollowUpHistoryAnswer[] }>(`/api/follow-ups/${encodeURIComponent(id)}/history`)
      .then((a) => setEntries(a.history))
      .catch(() => setEntries([]));
  }, [id, version]);
  const field = { title: t('followUpTitle'), ownerId: t('followUpOwner'), dueDate: t('followUpDue') } as const;
  return (
    <Timeline
      data-testid="follow-up-history"
      items={(entries ?? []).map((e) => ({
        key: e.version,
        content: (
          <span>
            {e.at.slice(0, 16).replace('T', ' ')} · {e.user.name} · {e.from === null ? followUpStatusLabel(e.to, lang) : `${followUpStatusLabel(e.from, lang)} → ${followUpStatusLabel(e.to, lang)}`}
            {e.changes.map((c) => `；${field[c.field]}：${c.beforeText} → ${c.afterText}`).join('')}
            {e.note !== '' && <Typography.Text type="secondary">（{e.note}）</Typography.Text>}
          </span>
        ),
      }))}
    />
  );
}
