/**
 * 导入: upload a .txt / .xlsx / .pdf / .json form (with a progress bar), see what was read — unit, year,
 * total, grade, findings and reading problems — before anything is saved, then create the department's
 * draft for that year or replace the existing draft.
 */
import type { Grade, Lang, Severity } from '@jixiao/core';
import { GRADES, termLabel } from '@jixiao/core';
import { Alert, Button, Card, List, Progress, Select, Space, Statistic, Steps, Tag, Typography, Upload } from 'antd';
import type { ReactNode } from 'react';
import { useEffect, useState } from 'react';
import { api, ApiFailure, uploadFile } from '../api/api-client.js';
import type { DepartmentAnswer, FormAnswer, PresentedProblem, UploadPreview } from '../api/api-types.js';
import { useApp, useText } from '../app/app-context.js';
import { formatScore, gradeText } from '../app/labels.js';
import type { UiKey } from '../i18n/ui-text.js';
import { uiText } from '../i18n/ui-text.js';
import { navigate } from '../app/navigation.js';
import { useRequest } from '../app/use-request.js';
import type { FormListItem } from '../model/work-queue.js';

const SEVERITY_COLORS: Readonly<Record<Severity, string>> = { error: 'red', warning: 'orange', info: 'blue' };

const SEVERITY_KEYS = { error: 'errors', warning: 'warnings', info: 'infos' } as const satisfies Record<Severity, UiKey>;

function isGrade(value: string | null): value is Grade {
  return value !== null && (GRADES as readonly string[]).includes(value);
}

function ProblemList({ title, problems, lang }: { title: string; problems: readonly PresentedProblem[]; lang: Lang }): ReactNode {
  if (problems.length === 0) return null;
  return (
    <List
      size="small"
      header={<b>{title}</b>}
      dataSource={[...problems]}
      renderItem={(p) => (
        <List.Item>
          <Tag color={SEVERITY_COLORS[p.severity]}>{uiText(SEVERITY_KEYS[p.severity], lang)}</Tag> {p.message} <span className="finding-path">{p.path}</span>
        </List.Item>
      )}
    />
  );
}

/** The import wizard. */
export function ImportPage(): ReactNode {
  const { user, lang } = useApp();
  const t = useText();
  const [progress, setProgress] = useState<number | null>(null);
  const [preview, setPreview] = useState<UploadPreview | null>(null);
  const [departments, setDepartments] = useState<DepartmentAnswer[]>([]);
  const [departmentId, setDepartmentId] = useState<string | null>(user?.departmentId ?? null);
  const [forms, setForms] = useState<FormListItem[]>([]);
  const { busy, error, setError, run } = useRequest();

  useEffect(() => {
    api<{ departments: DepartmentAnswer[] }>('/api/departments').then((a) => setDepartments(a.departments)).catch(() => setDepartments([]));
    api<{ forms: FormListItem[] }>('/api/forms').then((a) => setForms(a.forms)).catch(() => setForms([]));
  }, []);

  const existing = preview && departmentId !== null ? forms.find((f) => f.departmentId === departmentId && f.year === preview.year) : undefined;
  const step = preview === null ? 0 : 1;

  const save = async (): Promise<void> => {
    if (!preview?.uploadId || departmentId === null) return;
    const { uploadId } = preview;
    await run(async () => {
      const answer = existing
        ? await api<FormAnswer>(`/api/forms/${encodeURIComponent(existing.id)}/upload`, { method: 'POST', body: { uploadId }, headers: { 'If-Match': `"${existing.version}"` } })
        : await api<FormAnswer>('/api/forms', { method: 'POST', body: { departmentId, uploadId } });
      navigate({ name: 'form', id: answer.id });
    });
  };

  return (
    <Card title={t('importTitle')}>
      <Steps current={step} items={[{ title: t('stepUpload') }, { title: t('stepPreview') }, { title: t('stepSave') }]} className="gap-bottom" />
      <Typography.Paragraph type="secondary">{t('importHint')}</Typography.Paragraph>
      {error !== null && <Alert type="error" title={error} showIcon className="gap-bottom" />}
      <Upload.Dragger
        accept=".txt,.xlsx,.pdf,.json"
        showUploadList={false}
        customRequest={({ file }) => {
          if (!(file instanceof File)) return;
          setPreview(null);
          setError(null);
          setProgress(0);
          uploadFile<UploadPreview>('/api/uploads', file, (f) => setProgress(Math.round(f * 100)))
            .then(setPreview)
            .catch((e: unknown) => {
              if (e instanceof ApiFailure) {
                const problems = Array.isArray(e.details['problems']) ? (e.details['problems'] as PresentedProblem[]) : [];
                setPreview(problems.length ? { uploadId: null, fileName: file.name, unitName: null, year: null, total: null, grade: null, findings: [], problems } : null);
                setError(e.message);
              } else setError(String(e));
            })
            .finally(() => setProgress(null));
        }}
      >
        <p>{t('chooseFile')}</p>
        <p className="finding-path">.txt .xlsx .pdf .json</p>
      </Upload.Dragger>
      {progress !== null && <Progress percent={progress} data-testid="upload-progress" />}
      {preview && (
        <Space orientation="vertical" className="full-width" style={{ marginTop: 16 }}>
          <Space size="large" wrap>
            <Statistic title={t('department')} value={preview.unitName ?? '—'} />
            <Statistic title={t('year')} value={preview.year ?? '—'} groupSeparator="" />
            <Statistic title={termLabel('total', lang)} value={formatScore(preview.total)} />
            <Statistic title={termLabel('grade', lang)} value={isGrade(preview.grade) ? gradeText(preview.grade, lang) : '—'} />
          </Space>
          <ProblemList title={t('importProblems')} problems={preview.problems} lang={lang} />
          <ProblemList title={t('findings')} problems={preview.findings} lang={lang} />
          {preview.uploadId !== null && (
            <Space>
              {user?.departmentId === null && (
                <Select style={{ width: 300 }} placeholder={t('department')} value={departmentId} onChange={setDepartmentId} options={departments.map((d) => ({ value: d.id, label: d.name }))} />
              )}
              <Button type="primary" loading={busy} disabled={departmentId === null} onClick={() => void save()} data-testid="import-save">
                {existing ? t('replaceDraft') : t('createDraft')}
              </Button>
            </Space>
          )}
        </Space>
      )}
    </Card>
  );
}
