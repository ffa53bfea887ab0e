/**
 * The form editor, review view and read-only view in one: the 附件3 layout (unit, narratives,
 * expenditure, indicator grid) with the total, grade and findings recomputed by core's `checkForm` on
 * every edit, autosave with the version, workflow buttons from the abilities the server computed, and
 * — for the finance reviewer — review scores and comments beside the self-scores, and 创建整改 (follow-ups)
 * beside each finding and review comment.
 */
import type { Finding, FormDocument, Lang, TransitionAction } from '@jixiao/core';
import { checkForm, leavesOf, problemMessage, termLabel, TRANSITION_ACTIONS } from '@jixiao/core';
import { Alert, App, Button, Card, Dropdown, InputNumber, Popconfirm, Space, Statistic, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { memo, useCallback, useMemo, useRef, useState } from 'react';
import { api, ApiFailure } from '../api/api-client.js';
import type { FormAnswer, ReviewAnswer } from '../api/api-types.js';
import { useApp, useText } from '../app/app-context.js';
import { actionLabel, formatScore, gradeColor, gradeText, stateColor, stateLabel } from '../app/labels.js';
import { navigate } from '../app/navigation.js';
import type { FollowUpSeed } from '../follow-ups/create-follow-up-dialog.js';
import { CreateFollowUpDialog } from '../follow-ups/create-follow-up-dialog.js';
import { mayRaiseFollowUp } from '../follow-ups/follow-up-model.js';
import { FollowUpsList } from '../follow-ups/follow-ups-list.js';
import { ReviewCommentsCard } from '../follow-ups/review-comments-card.js';
import { uiText } from '../i18n/ui-text.js';
import { setPrinted } from '../model/form-edits.js';
import { reviewSums } from '../model/review-sums.js';
import { AttachmentsPanel } from './attachments-panel.js';
import { ConflictDialog } from './conflict-dialog.js';
import { ExpenditureTable } from './expenditure-table.js';
import { FindingsPanel } from './findings-panel.js';
import type { ReviewInput } from './indicator-grid.js';
import { IndicatorGrid } from './indicator-grid.js';
import type { ReturnInput } from './return-dialog.js';
import { ReturnDialog } from './return-dialog.js';
import { NarrativesSection, UnitSection } from './unit-section.js';
import { useFormDocument } from './use-form-document.js';

const EXPORTS = ['xlsx', 'pdf', 'json', 'csv'] as const;

/** Props: the form as the server answered, and whether it came from the public API. */
export interface FormEditorProps {
  answer: FormAnswer;
  published?: boolean;
}

/** The editor. */
export function FormEditor({ answer, published = false }: FormEditorProps): ReactNode {
  const { lang, user } = useApp();
  const t = useText();
  const { message } = App.useApp();
  const editable = !published && answer.abilities.includes('edit');
  const state = useFormDocument(answer, editable);
  const { doc, edit, saved } = state;
  const reviewMode = !published && saved.abilities.includes('review');
  const check = useMemo(() => checkForm(doc), [doc]);
  const [reviews, setReviews] = useState<ReadonlyMap<string, ReviewAnswer>>(() => new Map(answer.reviews.map((r) => [r.indicatorId, r])));
  const [returning, setReturning] = useState(false);
  const [busy, setBusy] = useState<TransitionAction | null>(null);
  const reviewTimers = useRef(new Map<string, number>());
  const formPath = `/api/forms/${encodeURIComponent(saved.id)}`;
  const [raising, setRaising] = useState<FollowUpSeed | null>(null);
  const [followUpsKey, setFollowUpsKey] = useState(0);
  const mayRaise = !published && mayRaiseFollowUp(user, saved);
  const onRaiseFinding = useCallback((f: Finding) => setRaising({ source: { kind: 'finding', code: f.code, path: f.path }, quote: problemMessage(f, lang), place: f.path }), [lang]);

  const groupSums = useMemo(() => new Map(check.score.groups.map((g) => [g.id, g.enteredSum])), [check]);
  const showReview = reviewMode || reviews.size > 0;
  // Only where there are reviews: summing 200 indicators exactly on every keystroke is not free.
  const sums = useMemo(() => (showReview ? reviewSums(doc, [...reviews.values()]) : null), [doc, reviews, showReview]);
  const transitions = TRANSITION_ACTIONS.filter((a) => !published && saved.abilities.includes(a));

  const onReview = useCallback(
    (leafId: string, input: ReviewInput) => {
      setReviews((m) => new Map(m).set(leafId, { indicatorId: leafId, score: input.score, comment: input.comment, updatedAt: '' }));
      const timers = reviewTimers.current;
      window.clearTimeout(timers.get(leafId));
      timers.set(
        leafId,
        window.setTimeout(() => {
          timers.delete(leafId);
          api(`${formPath}/reviews/${encodeURIComponent(leafId)}`, { method: 'PUT', body: input }).catch((e: unknown) => void message.error(e instanceof ApiFailure ? e.message : String(e)));
        }, 600),
      );
    },
    [formPath, message],
  );

  const flushReviews = async (): Promise<void> => {
    const timers = reviewTimers.current;
    const pending = [...timers.keys()];
    for (const id of pending) window.clearTimeout(timers.get(id));
    timers.clear();
    await Promise.all(pending.map((id) => {
      const r = reviews.get(id);
      return r ? api(`${formPath}/reviews/${encodeURIComponent(id)}`, { method: 'PUT', body: { score: r.score, comment: r.comment } }) : Promise.resolve();
    }));
  };

  const transition = async (action: TransitionAction, input: ReturnInput = { comment: '', indicatorComments: [] }): Promise<void> => {
    setBusy(action);
    try {
      const latest = editable ? await state.saveNow() : saved;
      if (latest === null) return;
      await flushReviews();
      const next = await api<FormAnswer>(`${formPath}/transitions`, { method: 'POST', body: { action, ...input, version: latest.version } });
      state.reset(next);
      setReviews(new Map(next.reviews.map((r) => [r.indicatorId, r])));
      setReturning(false);
      void message.success(t('done', { action: actionLabel(action, lang) }));
    } catch (e) {
      if (!(e instanceof ApiFailure)) throw e;
      void message.error(e.message);
    } finally {
      setBusy(null);
    }
  };

  const transitionRef = useRef(transition);
  transitionRef.current = transition;
  const onTransition = useCallback((action: TransitionAction) => void transitionRef.current(action), []);
  const onReturn = useCallback(() => setReturning(true), []);
  const saveNow = state.saveNow;
  const onSave = useCallback(() => void saveNow(), [saveNow]);
  const leafOptionsKey = useMemo(() => leavesOf(doc).map((l) => `${l.leaf.id}\u0001${l.namePath.join(' / ')}`).join('\u0002'), [doc]);
  const leafOptions = useMemo(() => (leafOptionsKey === '' ? [] : leafOptionsKey.split('\u0002').map((x) => { const [value = '', label = ''] = x.split('\u0001'); return { value, label }; })), [leafOptionsKey]);

  const { total, grade, suggestedTotal, rescaled } = check.score;
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of check.findings) counts[f.severity] += 1;
  const statusText = { saved: t('saved'), dirty: t('unsaved'), saving: t('saving'), error: t('saveFailed') }[state.status];

  return (
    <div className="editor">
      <div>
        <Card className="gap-bottom">
          <div className="editor-head">
            <div>
              <Typography.Title level={4} style={{ margin: 0 }} data-testid="form-title">
                {doc.unit.name} · {doc.unit.year ?? ''} {termLabel('form', lang)}
              </Typography.Title>
              <Space>
                <Tag color={stateColor(saved.state)} data-testid="form-state">{stateLabel(saved.state, lang)}</Tag>
                <span className="finding-path">{t('version')} {saved.version}</span>
                {!published && editable && <span data-testid="save-status" data-status={state.status}>{statusText}</span>}
                {!editable && <Tag>{t('readOnly')}</Tag>}
              </Space>
            </div>
            <div className="total-box" id="form-total">
              <span>{termLabel('total', lang)}</span>
              <span className="total-value" data-testid="total">{formatScore(total)}</span>
              <span className="grade-value" style={{ color: gradeColor(grade) }} data-testid="grade">{gradeText(grade, lang)}</span>
            </div>
            <Statistic title={t('suggestedTotal')} value={formatScore(suggestedTotal)} />
            <Space>
              <Tag color="red" data-testid="count-error">{t('errors')} {counts.error}</Tag>
              <Tag color="orange" data-testid="count-warning">{t('warnings')} {counts.warning}</Tag>
              <Tag color="blue">{t('infos')} {counts.info}</Tag>
            </Space>
          </div>
          {rescaled && <Typography.Text type="secondary">{t('rescaledNote')}</Typography.Text>}
          <FormActions
            formId={saved.id}
            editable={editable}
            published={published}
            transitions={transitions.join(',')}
            busy={busy}
            saving={state.status === 'saving'}
            lang={lang}
            onSave={onSave}
            onTransition={onTransition}
            onReturn={onReturn}
          />
          {state.errorMessage !== null && <Alert type="error" title={state.errorMessage} showIcon style={{ marginTop: 12 }} />}
          {saved.reviewComment !== '' && !published && (
            <Alert type={saved.state === 'returned' ? 'error' : 'info'} showIcon style={{ marginTop: 12 }} title={t('returnedBecause')} description={<span data-testid="review-comment">{saved.reviewComment}</span>} />
          )}
        </Card>

        {sums !== null && (
          <Card size="small" title={t('reviewPanel')} className="gap-bottom" data-testid="review-summary">
            <Space size="large">
              <Statistic title={t('reviewedCount')} value={sums.reviewedCount} />
              <Statistic title={t('differenceSum')} value={formatScore(sums.differenceSum)} />
              <Statistic title={t('reviewedTotal')} value={formatScore(sums.reviewedTotal)} />
              <Statistic title={termLabel('selfScore', lang)} value={formatScore(total)} />
            </Space>
          </Card>
        )}

        {mayRaise && (
          <ReviewCommentsCard
            doc={doc}
            reviews={reviews}
            onRaise={(seed) => {
              // A comment typed a moment ago may still be on its way: the server quotes the stored one.
              void flushReviews().then(() => setRaising(seed));
            }}
          />
        )}

        <Card size="small" title={termLabel('unitInfo', lang)} className="gap-bottom">
          <UnitSection unit={doc.unit} editable={editable} lang={lang} edit={edit} />
          <NarrativesSection narratives={doc.narratives} editable={editable} lang={lang} edit={edit} />
        </Card>
        <Card size="small" title={termLabel('expenditure', lang)} className="gap-bottom">
          <ExpenditureTable expenditure={doc.expenditure} editable={editable} lang={lang} edit={edit} />
        </Card>
        <Card size="small" title={t('sectionIndicators')} className="gap-bottom">
          <IndicatorGrid doc={doc} leafScores={check.score.leaves} groupSums={groupSums} editable={editable} reviewMode={reviewMode} reviews={reviews} lang={lang} edit={edit} onReview={onReview} />
          <PrintedTotal doc={doc} total={total} grade={grade} editable={editable} edit={edit} />
        </Card>
        {!published && <AttachmentsPanel formId={saved.id} leafOptions={leafOptions} canAttach={saved.abilities.includes('attach')} />}
        {!published && (
          <Card size="small" title={t('followUpsOfForm')} className="gap-bottom">
            <FollowUpsList formId={saved.id} refreshKey={followUpsKey} />
          </Card>
        )}
      </div>
      <div className="editor-side">
        <FindingsPanel findings={check.findings} doc={doc} lang={lang} onRaise={mayRaise ? onRaiseFinding : undefined} />
      </div>
      <ConflictDialog conflict={state.conflict} onResolve={state.resolveConflict} />
      {raising !== null && (
        <CreateFollowUpDialog
          formId={saved.id}
          departmentId={saved.departmentId}
          seed={raising}
          onCancel={() => setRaising(null)}
          onCreated={() => {
            setRaising(null);
            setFollowUpsKey((k) => k + 1);
            void message.success(t('followUpCreated'));
          }}
        />
      )}
      {returning && (
        <ReturnDialog
          open
          leafOptions={leafOptions}
          initial={[...reviews.values()].filter((r) => r.comment.trim() !== '').map((r) => ({ indicatorId: r.indicatorId, comment: r.comment }))}
          onCancel={() => setReturning(false)}
          onConfirm={(input) => transition('return', input)}
        />
      )}
    </div>
  );
}

/** 总分 and 等级 as the form will print them, beside the computed ones, with a button to take those. */
function PrintedTotal({ doc, total, grade, editable, edit }: { doc: FormDocument; total: number; grade: FormDocument['printedGrade'] & string; editable: boolean; edit: (c: (d: FormDocument) => FormDocument) => void }): ReactNode {
  const { lang } = useApp();
  const t = useText();
  const differs = doc.printedTotal !== total || doc.printedGrade !== grade;
  return (
    <Space style={{ marginTop: 12 }} wrap>
      <span>{t('printedTotalLabel')}</span>
      <InputNumber aria-label={t('printedTotalLabel')} value={doc.printedTotal} disabled={!editable} step={0.01} onChange={(v) => edit((d) => setPrinted(d, v, d.printedGrade))} />
      <span>{t('printedGradeLabel')}: {doc.printedGrade ? gradeText(doc.printedGrade, lang) : '—'}</span>
      {editable && differs && (
        <Button onClick={() => edit((d) => setPrinted(d, total, grade))} data-testid="use-computed">
          {t('useComputed')} ({formatScore(total)} {gradeText(grade, lang)})
        </Button>
      )}
    </Space>
  );
}

/** The toolbar: save, the workflow actions the caller may take, history, exports, print. */
const FormActions = memo(function FormActions(p: {
  formId: string;
  editable: boolean;
  published: boolean;
  /** The allowed transitions, comma-separated (a string, so the toolbar re-renders only when they change). */
  transitions: string;
  busy: TransitionAction | null;
  saving: boolean;
  lang: Lang;
  onSave: () => void;
  onTransition: (action: TransitionAction) => void;
  onReturn: () => void;
}): ReactNode {
  const { lang } = p;
  const t = (key: Parameters<typeof uiText>[0], params?: Readonly<Record<string, string>>): string => uiText(key, lang, params);
  const actions = TRANSITION_ACTIONS.filter((a) => p.transitions.split(',').includes(a));
  const base = p.published ? `/api/public/forms/${encodeURIComponent(p.formId)}` : `/api/forms/${encodeURIComponent(p.formId)}`;
  return (
    <Space wrap style={{ marginTop: 12 }} className="no-print">
      {p.editable && (
        <Button type="primary" onClick={p.onSave} loading={p.saving} data-testid="save">
          {t('save')}
        </Button>
      )}
      {actions.map((action) =>
        action === 'return' ? (
          <Button key={action} danger onClick={p.onReturn} data-testid="action-return">
            {actionLabel(action, lang)}
          </Button>
        ) : (
          <Popconfirm key={action} title={t('confirmAction', { action: actionLabel(action, lang) })} onConfirm={() => p.onTransition(action)}>
            <Button type={action === 'submit' || action === 'approve' ? 'primary' : 'default'} loading={p.busy === action} data-testid={`action-${action}`}>
              {actionLabel(action, lang)}
            </Button>
          </Popconfirm>
        ),
      )}
      {!p.published && <Button onClick={() => navigate({ name: 'history', id: p.formId })}>{t('history')}</Button>}
      <Dropdown menu={{ items: EXPORTS.map((f) => ({ key: f, label: <a href={`${base}/export/${f}`} download>{f.toUpperCase()}</a> })) }}>
        <Button>{t('exportAs')}</Button>
      </Dropdown>
      <Button onClick={() => navigate({ name: 'print', id: p.formId, published: p.published })}>{t('print')}</Button>
    </Space>
  );
});
