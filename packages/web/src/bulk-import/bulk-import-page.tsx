/**
 * 批量导入: the finance bureau chooses a region (a reviewer: theirs), optionally a year, and several form
 * files or a .zip; the server reads them all (upload progress shown) and says how each unit name meets the
 * region's departments; the operator confirms each file's department (a new name: create it, pick a
 * department, or skip), then the files are imported a few at a time with progress, and the report says
 * what became of every file and why.
 */
import type { Actor, Lang } from '@jixiao/core';
import { canOrganise } from '@jixiao/core';
import { Alert, Button, Card, Input, Progress, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import type { ReactNode } from 'react';
import { useEffect, useMemo, useState } from 'react';
import { api, ApiFailure, uploadForm } from '../api/api-client.js';
import type { BulkImportEntryAnswer, BulkPreviewItemAnswer, DepartmentAnswer, RegionAnswer } from '../api/api-types.js';
import { useApp, useText } from '../app/app-context.js';
import { navigate } from '../app/navigation.js';
import type { UiKey } from '../i18n/ui-text.js';
import { uiText } from '../i18n/ui-text.js';
import type { BulkDecision } from './bulk-batch.js';
import { confirmChunks, decisionOf, decisionValue, initialDecision, reportCounts, undecided } from './bulk-batch.js';

const OUTCOME: Readonly<Record<BulkImportEntryAnswer['outcome'], { key: UiKey; color: string }>> = {
  imported: { key: 'outcomeImported', color: 'green' },
  importedWithFindings: { key: 'outcomeImportedWithFindings', color: 'gold' },
  updated: { key: 'outcomeUpdated', color: 'blue' },
  unchanged: { key: 'outcomeUnchanged', color: 'default' },
  needsConfirmation: { key: 'outcomeNeedsConfirmation', color: 'orange' },
  skipped: { key: 'outcomeSkipped', color: 'default' },
  refused: { key: 'outcomeRefused', color: 'red' },
};

function OutcomeTag({ outcome, lang }: { outcome: BulkImportEntryAnswer['outcome']; lang: Lang }): ReactNode {
  const o = OUTCOME[outcome];
  return (
    <Tag color={o.color} data-outcome={outcome}>
      {uiText(o.key, lang)}
    </Tag>
  );
}

/** The decision options of one file: its match, the region's departments, a new department (if allowed), skip. */
function decisionOptions(item: BulkPreviewItemAnswer, departments: readonly DepartmentAnswer[], mayCreate: boolean, lang: Lang): { value: string; label: string }[] {
  const options: { value: string; label: string }[] = [];
  if (item.match?.kind === 'matched') options.push({ value: 'match', label: item.match.department.name });
  if (item.match?.kind === 'new' && mayCreate) options.push({ value: 'create', label: uiText('bulkCreate', lang, { name: item.unitName ?? '' }) });
  const first = item.match?.kind === 'ambiguous' ? item.match.candidates.map((c) => c.id) : [];
  const others = [...departments].sort((a, b) => Number(first.includes(b.id)) - Number(first.includes(a.id)));
  for (const d of others) if (!(item.match?.kind === 'matched' && item.match.department.id === d.id)) options.push({ value: d.id, label: d.name });
  options.push({ value: 'skip', label: uiText('bulkSkip', lang) });
  return options;
}

/** The bulk import screen. */
export function BulkImportPage(): ReactNode {
  const { user, lang } = useApp();
  const t = useText();
  const actor: Actor | null = user ? { userId: user.id, role: user.role, regionId: user.regionId, departmentId: user.departmentId } : null;
  const mayCreate = canOrganise(actor, 'createDepartment');
  const [regions, setRegions] = useState<RegionAnswer[]>([]);
  const [regionId, setRegionId] = useState<string | null>(user?.regionId ?? null);
  const [year, setYear] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [allDepartments, setAllDepartments] = useState<DepartmentAnswer[]>([]);
  const [uploadProgress, setUploadProgress] = useState<number | null>(null);
  const [items, setItems] = useState<BulkPreviewItemAnswer[] | null>(null);
  const [decisions, setDecisions] = useState<Map<string, BulkDecision | null>>(new Map());
  const [importing, setImporting] = useState<{ done: number; total: number } | null>(null);
  const [report, setReport] = useState<BulkImportEntryAnswer[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api<{ regions: RegionAnswer[] }>('/api/regions')
      .then((a) => {
        setRegions(a.regions);
        if (a.regions.length === 1) setRegionId(a.regions[0]?.id ?? null);
      })
      .catch(() => setRegions([]));
    api<{ departments: DepartmentAnswer[] }>('/api/departments').then((a) => setAllDepartments(a.departments)).catch(() => setAllDepartments([]));
  }, []);
  const departments = useMemo(() => allDepartments.filter((d) => d.regionId === regionId), [allDepartments, regionId]);

  const fail = (e: unknown): void => {
    if (!(e instanceof ApiFailure)) throw e;
    setError(e.message);
  };

  const preview = async (): Promise<void> => {
    if (regionId === null || files.length === 0) return;
    setError(null);
    setItems(null);
    setReport(null);
    setUploadProgress(0);
    const data = new FormData();
    data.append('regionId', regionId);
    data.append('year', year.trim());
    for (const f of files) data.append('files', f, f.name);
    try {
      const answer = await uploadForm<{ items: BulkPreviewItemAnswer[] }>('/api/bulk-imports/preview', data, (f) => setUploadProgress(Math.round(f * 100)));
      setItems(answer.items);
      setDecisions(new Map(answer.items.filter((i) => i.uploadId !== null).map((i) => [i.uploadId ?? '', initialDecision(i)])));
    } catch (e) {
      fail(e);
    } finally {
      setUploadProgress(null);
    }
  };

  const confirm = async (): Promise<void> => {
    if (items === null || regionId === null) return;
    const kept = items.flatMap((i) => {
      const decision = i.uploadId === null ? null : decisions.get(i.uploadId);
      return i.uploadId !== null && decision ? [{ uploadId: i.uploadId, decision }] : [];
    });
    const refused = items.flatMap((i) => (i.refusal ? [i.refusal] : []));
    const entries: BulkImportEntryAnswer[] = [];
    setError(null);
    setImporting({ done: 0, total: kept.length });
    try {
      for (const chunk of confirmChunks(kept)) {
        const answer = await api<{ entries: BulkImportEntryAnswer[] }>('/api/bulk-imports/confirm', { method: 'POST', body: { regionId, items: chunk } });
        entries.push(...answer.entries);
        setImporting({ done: entries.length, total: kept.length });
      }
      setReport([...entries, ...refused]);
      setItems(null);
    } catch (e) {
      // What was confirmed before the failure stays imported; the report shows it.
      setReport([...entries, ...refused]);
      fail(e);
    } finally {
      setImporting(null);
    }
  };

  const reset = (): void => {
    setFiles([]);
    setItems(null);
    setReport(null);
    setError(null);
  };

  const waiting = items === null ? 0 : undecided(items, decisions);
  const counts = report === null ? null : reportCounts(report);

  return (
    <Card title={t('bulkImportTitle')} data-testid="bulk-import-page">
      <Typography.Paragraph type="secondary">{t('bulkImportHint')}</Typography.Paragraph>
      {error !== null && <Alert type="error" title={error} showIcon className="gap-bottom" />}
      {report === null && (
        <Space orientation="vertical" className="full-width">
          <Space wrap>
            <Select data-testid="bulk-region" style={{ width: 220 }} placeholder={t('region')} value={regionId} onChange={setRegionId} options={regions.map((r) => ({ value: r.id, label: r.name }))} />
            <Input data-testid="bulk-year" style={{ width: 220 }} placeholder={t('bulkYearHint')} value={year} maxLength={4} onChange={(e) => setYear(e.target.value.replace(/\D/gu, ''))} />
          </Space>
          <Upload.Dragger
            multiple
            accept=".txt,.xlsx,.pdf,.json,.zip"
            showUploadList={false}
            beforeUpload={(file, list) => {
              // antd calls this once per file with the whole selection: take the selection once.
              if (file === list[0]) setFiles([...list]);
              return false;
            }}
          >
            <p>{t('bulkChooseFiles')}</p>
            <p className="finding-path" data-testid="bulk-files">
              {files.length > 0 ? `${uiText('bulkFilesChosen', lang, { count: files.length })}：${files.map((f) => f.name).join('、')}` : '.txt .xlsx .pdf .json .zip'}
            </p>
          </Upload.Dragger>
          <Button type="primary" disabled={regionId === null || files.length === 0 || uploadProgress !== null} loading={uploadProgress !== null} onClick={() => void preview()} data-testid="bulk-preview">
            {t('bulkPreview')}
          </Button>
          {uploadProgress !== null && <Progress percent={uploadProgress} data-testid="bulk-upload-progress" />}
        </Space>
      )}
      {items !== null && (
        <Space orientation="vertical" className="full-width" style={{ marginTop: 16 }}>
          <Table
            data-testid="bulk-preview-table"
            size="small"
            pagination={false}
            rowKey={(i) => i.file}
            dataSource={items}
            columns={[
              { title: t('bulkFile'), dataIndex: 'file', key: 'file' },
              { title: t('bulkUnitName'), key: 'unit', render: (_, i) => i.unitName ?? '—' },
              { title: t('year'), key: 'year', render: (_, i) => i.year ?? '—' },
              {
                title: t('bulkDecision'),
                key: 'decision',
                render: (_, i) => {
                  if (i.refusal !== null || i.uploadId === null) {
                    return (
                      <span data-testid="bulk-refusal">
                        <OutcomeTag outcome="refused" lang={lang} /> {i.refusal?.message}
                        {i.refusal?.problems.map((p) => (
                          <div key={`${p.code}-${p.path}`} className="finding-path">
                            {p.message}
                          </div>
                        ))}
                      </span>
                    );
                  }
                  const uploadId = i.uploadId;
                  const status = i.match?.kind === 'matched' ? 'bulkMatched' : i.match?.kind === 'ambiguous' ? 'bulkAmbiguous' : 'bulkNewName';
                  return (
                    <Space>
                      <Tag color={status === 'bulkMatched' ? 'green' : 'orange'}>{t(status)}</Tag>
                      <Select
                        data-testid="bulk-decision"
                        data-file={i.file}
                        style={{ width: 320 }}
                        placeholder={t('bulkChoose')}
                        value={decisionValue(decisions.get(uploadId) ?? null)}
                        onChange={(v: string) => setDecisions(new Map(decisions).set(uploadId, decisionOf(v)))}
                        options={decisionOptions(i, departments, mayCreate, lang)}
                      />
                    </Space>
                  );
                },
              },
              { title: t('bulkFindings'), key: 'findings', render: (_, i) => (i.uploadId === null ? '' : `${i.errorCount} ${t('errors')} · ${i.warningCount} ${t('warnings')}`) },
            ]}
          />
          {waiting > 0 && <Alert type="warning" showIcon title={uiText('bulkUndecided', lang, { count: waiting })} />}
          <Button type="primary" disabled={waiting > 0 || importing !== null} loading={importing !== null} onClick={() => void confirm()} data-testid="bulk-confirm">
            {t('bulkConfirm')}
          </Button>
          {importing !== null && (
            <Progress data-testid="bulk-import-progress" percent={importing.total === 0 ? 100 : Math.round((importing.done / importing.total) * 100)} format={() => uiText('bulkImporting', lang, importing)} />
          )}
        </Space>
      )}
      {report !== null && counts !== null && (
        <Space orientation="vertical" className="full-width">
          <Typography.Title level={5}>{t('bulkReport')}</Typography.Title>
          <Alert type={counts.refused > 0 ? 'warning' : 'success'} showIcon data-testid="bulk-summary" title={uiText('bulkSummary', lang, counts)} />
          <Table
            data-testid="bulk-report"
            size="small"
            pagination={false}
            rowKey={(e) => `${e.file}-${e.code}`}
            dataSource={report}
            columns={[
              { title: t('bulkFile'), dataIndex: 'file', key: 'file' },
              { title: t('bulkOutcome'), key: 'outcome', render: (_, e) => <OutcomeTag outcome={e.outcome} lang={lang} /> },
              {
                title: t('bulkWhy'),
                key: 'message',
                render: (_, e) => (
                  <span>
                    {e.message}
                    {e.departmentCreated && ` ${uiText('bulkCreated', lang, { name: e.departmentName ?? '' })}`}
                    {e.problems.map((p) => (
                      <div key={`${p.code}-${p.path}`} className="finding-path">
                        {p.message}
                      </div>
                    ))}
                  </span>
                ),
              },
            ]}
          />
          <Space>
            <Button onClick={reset}>{t('bulkAgain')}</Button>
            <Button type="primary" onClick={() => navigate({ name: 'queue' })} data-testid="bulk-to-list">
              {t('bulkToList')}
            </Button>
          </Space>
        </Space>
      )}
    </Card>
  );
}
