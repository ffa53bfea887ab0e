/** A save refused because someone saved first: both sides' changes, then keep mine or take theirs. */
import type { CellValue, DocumentChange } from '@jixiao/core';
import { Alert, Button, Modal, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useText } from '../app/app-context.js';
import type { PendingConflict } from './use-form-document.js';

/** A cell value as text. */
export function showValue(v: CellValue): string {
  return v === null ? '—' : String(v);
}

function ChangeList({ changes, clashes }: { changes: readonly DocumentChange[]; clashes: ReadonlySet<string> }): ReactNode {
  const t = useText();
  return (
    <Table<DocumentChange>
      size="small"
      rowKey="path"
      pagination={false}
      dataSource={[...changes]}
      columns={[
        { title: t('place'), key: 'path', render: (_, c) => <span>{c.path} {clashes.has(c.path) && <Tag color="red">{t('conflictClash')}</Tag>}</span> },
        { title: t('before'), key: 'before', render: (_, c) => showValue(c.before) },
        { title: t('after'), key: 'after', render: (_, c) => showValue(c.after) },
      ]}
    />
  );
}

/** The conflict dialog. */
export function ConflictDialog({ conflict, onResolve }: { conflict: PendingConflict | null; onResolve: (choice: 'mine' | 'theirs') => void }): ReactNode {
  const t = useText();
  if (!conflict) return null;
  const clashes = new Set(conflict.clashes);
  return (
    <Modal
      open
      closable={false}
      maskClosable={false}
      title={t('conflictTitle')}
      width={820}
      footer={[
        <Button key="theirs" onClick={() => onResolve('theirs')}>{t('takeTheirs')}</Button>,
        <Button key="mine" type="primary" onClick={() => onResolve('mine')}>{t('keepMine')}</Button>,
      ]}
    >
      <Alert type="warning" title={t('conflictIntro')} showIcon className="gap-bottom" />
      <Typography.Title level={5}>{t('conflictMine')}</Typography.Title>
      <ChangeList changes={conflict.mine} clashes={clashes} />
      <Typography.Title level={5}>{t('conflictTheirs')} ({t('version')} {conflict.current.version})</Typography.Title>
      <ChangeList changes={conflict.theirs} clashes={clashes} />
    </Modal>
  );
}
