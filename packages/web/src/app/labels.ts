/** Labels and colours of workflow states, actions and grades, shared by every screen. */
import type { FormState, Grade, Lang, TransitionAction } from '@jixiao/core';
import { formatFixed, gradeLabel } from '@jixiao/core';
import type { UiKey } from '../i18n/ui-text.js';
import { uiText } from '../i18n/ui-text.js';
import type { QueueReason } from '../model/work-queue.js';

const STATE_KEYS = { draft: 'stateDraft', submitted: 'stateSubmitted', returned: 'stateReturned', approved: 'stateApproved', published: 'statePublished' } as const satisfies Record<FormState, UiKey>;
const STATE_COLORS = { draft: 'default', submitted: 'processing', returned: 'error', approved: 'success', published: 'green' } as const satisfies Record<FormState, string>;
const ACTION_KEYS = { submit: 'actionSubmit', return: 'actionReturn', approve: 'actionApprove', publish: 'actionPublish' } as const satisfies Record<TransitionAction, UiKey>;
const REASON_KEYS = { fillIn: 'reasonFillIn', fixReturned: 'reasonFixReturned', submit: 'reasonSubmit', review: 'reasonReview', publish: 'reasonPublish' } as const satisfies Record<QueueReason, UiKey>;
const GRADE_COLORS = { excellent: '#389e0d', good: '#1677ff', fair: '#d48806', poor: '#cf1322' } as const satisfies Record<Grade, string>;

/** 草稿 / Draft … */
export function stateLabel(state: FormState, lang: Lang): string {
  return uiText(STATE_KEYS[state], lang);
}

/** The antd Tag colour of a state. */
export function stateColor(state: FormState): string {
  return STATE_COLORS[state];
}

/** 提交 / Submit … */
export function actionLabel(action: TransitionAction, lang: Lang): string {
  return uiText(ACTION_KEYS[action], lang);
}

/** Why a form is in the queue. */
export function reasonLabel(reason: QueueReason, lang: Lang): string {
  return uiText(REASON_KEYS[reason], lang);
}

/** The colour of a grade (优 green … 差 red). */
export function gradeColor(grade: Grade): string {
  return GRADE_COLORS[grade];
}

/** 优 / Excellent, from the glossary. */
export function gradeText(grade: Grade, lang: Lang): string {
  return gradeLabel(grade, lang);
}

/** A score as printed: two decimals, rounded half-up (core's one rounding function). */
export function formatScore(value: number | null): string {
  return value === null ? '—' : formatFixed(value, 2);
}
