/** Messages of follow-ups (整改, codes `followUp.*`): why a follow-up cannot be made or changed, and what to do. */
import { followUpStatusLabel, isFollowUpStatus } from '../workflow/follow-up-status.js';
import type { Lang } from '../glossary.js';
import type { MessageParams } from '../problem.js';
import type { MessageTemplate } from './message-template.js';
import { param as p } from './message-template.js';

/** A status param by its name in the language (the raw value when it is not a status). */
function status(x: MessageParams, name: string, lang: Lang): string {
  const value = p(x, name);
  return isFollowUpStatus(value) ? followUpStatusLabel(value, lang) : value;
}

/** A comma-separated list of statuses param, each by its name. */
function statuses(x: MessageParams, name: string, lang: Lang): string {
  const list = p(x, name).split(',').filter((s) => s !== '');
  if (list.length === 0) return lang === 'zh' ? '无' : 'none';
  return list.map((s) => (isFollowUpStatus(s) ? followUpStatusLabel(s, lang) : s)).join(lang === 'zh' ? '、' : ', ');
}

export const FOLLOW_UP_MESSAGES = {
  'followUp.transitionNotAllowed': {
    zh: (x) => `整改事项“${p(x, 'title')}”当前为“${status(x, 'from', 'zh')}”，不能改为“${status(x, 'to', 'zh')}”（可改为：${statuses(x, 'allowed', 'zh')}）。`,
    en: (x) => `The follow-up “${p(x, 'title')}” is ${status(x, 'from', 'en')}: it cannot become ${status(x, 'to', 'en')} (it can become: ${statuses(x, 'allowed', 'en')}).`,
  },
  'followUp.noteRequired': {
    zh: (x) => `改为“${status(x, 'to', 'zh')}”须填写说明（做了什么、为何撤销或重新打开）。`,
    en: (x) => `Changing a follow-up to ${status(x, 'to', 'en')} needs a note (what was done, or why it is dropped or reopened).`,
  },
  'followUp.closed': {
    zh: (x) => `整改事项“${p(x, 'title')}”${status(x, 'status', 'zh')}，不能修改标题、责任人或期限：如需继续，请先重新打开。`,
    en: (x) => `The follow-up “${p(x, 'title')}” is ${status(x, 'status', 'en')}: its title, owner and due date can no longer change. Reopen it first.`,
  },
  'followUp.ownerInvalid': {
    zh: (x) => `责任人（${p(x, 'owner')}）不是“${p(x, 'department')}”的人员或本地区的审核人：请从列表中选择责任人。`,
    en: (x) => `The owner (${p(x, 'owner')}) is neither a member of “${p(x, 'department')}” nor a reviewer of its region: choose the owner from the list.`,
  },
  'followUp.findingMissing': {
    zh: (x) => `该表单（已保存的版本）没有这条审核发现：${p(x, 'code')}，位置“${p(x, 'path')}”。请保存表单后再试。`,
    en: (x) => `The form (as saved) has no such finding: ${p(x, 'code')} at “${p(x, 'path')}”. Save the form and try again.`,
  },
  'followUp.reviewMissing': {
    zh: (x) => `指标“${p(x, 'indicator')}”没有复核意见：请先填写复核意见，再据此创建整改。`,
    en: (x) => `The indicator “${p(x, 'indicator')}” has no review comment: write one before raising a follow-up from it.`,
  },
  'followUp.versionConflict': {
    zh: (x) => `整改事项已被他人修改（当前版本 ${p(x, 'currentVersion')}，您的版本 ${p(x, 'yourVersion')}）：请刷新后再改。`,
    en: (x) => `The follow-up was changed by someone else (now version ${p(x, 'currentVersion')}, yours ${p(x, 'yourVersion')}): reload before changing it.`,
  },
} as const satisfies Record<string, MessageTemplate>;

/** A stable code of a follow-up refusal. */
export type FollowUpCode = keyof typeof FOLLOW_UP_MESSAGES;
