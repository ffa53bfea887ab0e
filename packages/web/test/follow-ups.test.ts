import { describe, expect, it } from 'vitest';
import { addDays, FOLLOW_UP_TITLE_MAX, followUpMoves, mayRaiseFollowUp, prefilledTitle, todayInChina } from '../src/follow-ups/follow-up-model.js';
import { parseRoute, routePath } from '../src/model/routes.js';

const user = (role: 'administrator' | 'reviewer' | 'head' | 'editor') => ({
  id: 'u',
  role,
  regionId: role === 'reviewer' ? 'r1' : null,
  departmentId: role === 'head' || role === 'editor' ? 'd1' : null,
});

describe('follow-ups in the web app', () => {
  it('a new follow-up’s title starts from the finding or comment, on one line, within the server’s limit', () => {
    expect(prefilledTitle('资产管理制度健全性得分 2 超过分值 1。\n')).toBe('资产管理制度健全性得分 2 超过分值 1');
    const long = prefilledTitle('很长的意见'.repeat(100));
    expect(long).toHaveLength(FOLLOW_UP_TITLE_MAX);
    expect(long.endsWith('…')).toBe(true);
  });

  it('due dates: a month ahead by the calendar in China, across month and year ends', () => {
    expect(addDays('2024-01-31', 30)).toBe('2024-03-01');
    expect(addDays('2024-12-15', 30)).toBe('2025-01-14');
    expect(todayInChina(new Date('2024-03-31T16:30:00Z'))).toBe('2024-04-01');
  });

  it('only reviewers and administrators raise follow-ups from a form', () => {
    expect(mayRaiseFollowUp(user('reviewer'), { departmentId: 'd1' })).toBe(true);
    expect(mayRaiseFollowUp(user('administrator'), { departmentId: 'd9' })).toBe(true);
    expect(mayRaiseFollowUp(user('head'), { departmentId: 'd1' })).toBe(false);
    expect(mayRaiseFollowUp(user('editor'), { departmentId: 'd1' })).toBe(false);
    expect(mayRaiseFollowUp(null, { departmentId: 'd1' })).toBe(false);
  });

  it('a row offers exactly the moves its reader may make from where it stands', () => {
    expect(followUpMoves({ status: 'open', abilities: ['read', 'start'] }).map((m) => m.to)).toEqual(['inProgress']);
    expect(followUpMoves({ status: 'inProgress', abilities: ['read', 'edit', 'finish', 'drop'] }).map((m) => [m.to, m.noteRequired])).toEqual([
      ['done', true],
      ['dropped', true],
    ]);
    expect(followUpMoves({ status: 'done', abilities: ['read'] })).toEqual([]);
  });

  it('the 整改 page has its address', () => {
    expect(parseRoute('/follow-ups')).toEqual({ name: 'followUps' });
    expect(routePath({ name: 'followUps' })).toBe('/follow-ups');
  });
});
