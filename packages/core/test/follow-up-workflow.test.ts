import { describe, expect, it } from 'vitest';
import type { Actor, FollowUpStatus, FollowUpSubject } from '@jixiao/core';
import {
  canFollowUp,
  chinaDate,
  FOLLOW_UP_STATUSES,
  followUpAbilities,
  followUpNextStatuses,
  followUpTransitionBetween,
  isFollowUpOverdue,
  mayOwnFollowUp,
  renderMessage,
} from '@jixiao/core';

const subject = (status: FollowUpStatus, departmentId = 'd1', regionId = 'r1'): FollowUpSubject => ({ status, departmentId, regionId });
const actor = (role: Actor['role'], scope: Partial<Actor> = {}): Actor => ({
  userId: 'u',
  role,
  regionId: role === 'reviewer' ? 'r1' : null,
  departmentId: role === 'head' || role === 'editor' ? 'd1' : null,
  ...scope,
});

describe('follow-ups (整改) as data', () => {
  it('the department starts and finishes its own; the reviewer also drops and reopens; edits only while owed', () => {
    expect(followUpAbilities(actor('head'), subject('open'))).toEqual(['read', 'start']);
    expect(followUpAbilities(actor('editor'), subject('inProgress'))).toEqual(['read', 'finish']);
    expect(followUpAbilities(actor('head'), subject('done'))).toEqual(['read']);
    expect(followUpAbilities(actor('reviewer'), subject('open'))).toEqual(['read', 'create', 'edit', 'start', 'drop']);
    expect(followUpAbilities(actor('reviewer'), subject('inProgress'))).toEqual(['read', 'edit', 'finish', 'drop']);
    expect(followUpAbilities(actor('reviewer'), subject('done'))).toEqual(['read', 'reopen']);
    expect(followUpAbilities(actor('administrator'), subject('dropped', 'd9', 'r9'))).toEqual(['read', 'reopen']);
  });

  it('nobody acts outside their scope, and the public does nothing at all', () => {
    for (const status of FOLLOW_UP_STATUSES) {
      expect(followUpAbilities(null, subject(status))).toEqual([]);
      expect(followUpAbilities(actor('head'), subject(status, 'd2'))).toEqual([]);
      expect(followUpAbilities(actor('editor', { departmentId: null }), subject(status))).toEqual([]);
      expect(followUpAbilities(actor('reviewer'), subject(status, 'd3', 'r2'))).toEqual([]);
    }
    expect(canFollowUp(actor('head'), 'create', subject('open'))).toBe(false);
    expect(canFollowUp(actor('editor'), 'edit', subject('open'))).toBe(false);
    expect(canFollowUp(actor('head'), 'drop', subject('open'))).toBe(false);
  });

  it('open → in progress → done, or dropped; done and dropped only reopen; nothing skips a step', () => {
    expect(followUpTransitionBetween('open', 'inProgress')?.action).toBe('start');
    expect(followUpTransitionBetween('inProgress', 'done')?.action).toBe('finish');
    expect(followUpTransitionBetween('open', 'done')).toBeNull();
    expect(followUpTransitionBetween('done', 'inProgress')).toBeNull();
    expect(followUpTransitionBetween('open', 'open')).toBeNull();
    expect(followUpNextStatuses('open')).toEqual(['inProgress', 'dropped']);
    expect(followUpNextStatuses('done')).toEqual(['open']);
    expect(followUpTransitionBetween('inProgress', 'done')?.noteRequired).toBe(true);
    expect(followUpTransitionBetween('open', 'inProgress')?.noteRequired).toBe(false);
  });

  it('overdue: still owed and the due date passed, by the calendar in Beijing', () => {
    expect(isFollowUpOverdue({ status: 'open', dueDate: '2024-03-31' }, '2024-04-01')).toBe(true);
    expect(isFollowUpOverdue({ status: 'inProgress', dueDate: '2024-03-31' }, '2024-03-31')).toBe(false);
    expect(isFollowUpOverdue({ status: 'done', dueDate: '2024-03-31' }, '2024-05-01')).toBe(false);
    expect(isFollowUpOverdue({ status: 'dropped', dueDate: '2024-03-31' }, '2024-05-01')).toBe(false);
    // 16:30 UTC on the 31st is already the 1st in Beijing.
    expect(chinaDate(new Date('2024-03-31T16:30:00Z'))).toBe('2024-04-01');
    expect(chinaDate(new Date('2024-03-31T15:59:59Z'))).toBe('2024-03-31');
  });

  it('owners are the department’s people or a reviewer of its region, never an administrator', () => {
    expect(mayOwnFollowUp({ role: 'editor', regionId: null, departmentId: 'd1' }, subject('open'))).toBe(true);
    expect(mayOwnFollowUp({ role: 'head', regionId: null, departmentId: 'd2' }, subject('open'))).toBe(false);
    expect(mayOwnFollowUp({ role: 'reviewer', regionId: 'r1', departmentId: null }, subject('open'))).toBe(true);
    expect(mayOwnFollowUp({ role: 'reviewer', regionId: 'r2', departmentId: null }, subject('open'))).toBe(false);
    expect(mayOwnFollowUp({ role: 'administrator', regionId: null, departmentId: null }, subject('open'))).toBe(false);
  });

  it('a refused move says where it stands, what was asked and what is possible, in both languages', () => {
    const params = { title: '完善资产管理制度', from: 'done', to: 'inProgress', allowed: 'open' };
    expect(renderMessage('followUp.transitionNotAllowed', params)).toBe('整改事项“完善资产管理制度”当前为“已完成”，不能改为“整改中”（可改为：待整改）。');
    expect(renderMessage('followUp.transitionNotAllowed', params, 'en')).toBe('The follow-up “完善资产管理制度” is Done: it cannot become In progress (it can become: Open).');
  });
});
