/**
 * 整改 (follow-ups) through the real app on both databases: a reviewer raises one from a finding and one
 * from a review comment, the department moves it open → in progress → done with a note, illegal moves are
 * refused saying what is possible, a stale change is 409 and loses nothing, overdue ones are listed as
 * such, and a department never sees another department's follow-ups.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { checkForm, leavesOf } from '@jixiao/core';
import { FOLLOW_UP_HISTORY_GUARD_MESSAGE } from '../src/db/follow-ups-migration.js';
import { findForm } from '../src/db/repositories/forms-repository.js';
import { findUserByUsername } from '../src/db/repositories/users-repository.js';
import { createFormRow } from '../src/services/task-service.js';
import { DIALECTS } from './helpers/dialects.js';
import type { AccountKey } from './helpers/factories.js';
import { as, buildForm, seedForm } from './helpers/factories.js';
import { matrixSuite } from './helpers/matrix-suite.js';

interface FollowUpAnswer {
  id: string;
  formId: string;
  departmentId: string;
  departmentName: string;
  title: string;
  status: string;
  version: number;
  overdue: boolean;
  dueDate: string;
  owner: { id: string; name: string };
  source: { kind: string; code: string; path: string; indicatorId: string | null; quote: string };
  abilities: string[];
}

const ASSET = '资产管理制度健全性';
const assetLeafId = leavesOf(seedForm()).find((l) => l.leaf.name === ASSET)?.leaf.id ?? '';

for (const dialect of DIALECTS) {
  describe.skipIf(dialect.skip !== null)(`follow-ups on ${dialect.name}${dialect.skip ? ` — ${dialect.skip}` : ''}`, () => {
    const s = matrixSuite(dialect);
    const send = (caller: AccountKey, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object, headers: Record<string, string> = {}) =>
      s.t.app.inject({ method, url, headers: as(s.client(caller), headers), ...(payload ? { payload } : {}) });
    const userId = async (username: string) => (await findUserByUsername(s.t.ctx.db, username))?.id ?? '';

    /** A submitted form of d1 and its 资产管理制度健全性 finding (scored 2 of 1 in the seed). */
    async function formWithFinding(departmentKey: 'd1' | 'd2' | 'd3' = 'd1', year?: number) {
      const form = await buildForm(s.t.ctx, s.world, s.world.departments[departmentKey], 'submitted', year);
      const finding = (await findForm(s.t.ctx.db, form.id))?.findings.find((f) => f.code === 'score-above-weight' && f.path.endsWith(ASSET));
      if (!finding) throw new Error('the seed lost its asset finding');
      return { form, finding };
    }

    async function raise(caller: AccountKey, formId: string, body: object) {
      return send(caller, 'POST', `/api/forms/${formId}/follow-ups`, body);
    }

    it('a reviewer raises a follow-up from a finding; the department sees it, quoted, and moves it to done with a note', async () => {
      const { form, finding } = await formWithFinding();
      const created = await raise('reviewer1', form.id, { source: { kind: 'finding', code: finding.code, path: finding.path }, title: '完善资产管理制度', ownerId: await userId('head1'), dueDate: '2024-06-30' });
      expect(created.statusCode, created.body).toBe(201);
      const f = created.json() as FollowUpAnswer;
      expect(f).toMatchObject({ formId: form.id, departmentId: s.world.departments.d1, departmentName: '甲区科技局', title: '完善资产管理制度', status: 'open', version: 1, overdue: false, dueDate: '2024-06-30', owner: { name: 'head1' } });
      expect(f.source).toMatchObject({ kind: 'finding', code: 'score-above-weight', path: finding.path, indicatorId: null });
      expect(f.source.quote).toContain(ASSET);
      expect(created.headers['etag']).toBe('"1"');

      const listed = (await send('head1', 'GET', `/api/follow-ups?departmentId=${s.world.departments.d1}`)).json() as { followUps: FollowUpAnswer[] };
      const mine = listed.followUps.find((x) => x.id === f.id);
      expect(mine?.abilities).toEqual(['read', 'start']);

      const started = await send('head1', 'PATCH', `/api/follow-ups/${f.id}`, { status: 'inProgress', note: '已安排资产科修订制度' }, { 'if-match': '1' });
      expect(started.statusCode, started.body).toBe(200);
      expect(started.json()).toMatchObject({ status: 'inProgress', version: 2 });
      const early = await send('editor1', 'PATCH', `/api/follow-ups/${f.id}`, { status: 'done' }, { 'if-match': '2' });
      expect(early.statusCode).toBe(400);
      expect(early.json()).toEqual({ error: { code: 'followUp.noteRequired', message: '改为“已完成”须填写说明（做了什么、为何撤销或重新打开）。' } });
      const done = await send('editor1', 'PATCH', `/api/follow-ups/${f.id}`, { status: 'done', note: '制度已印发（番科工商信〔2024〕3号）' }, { 'if-match': '2' });
      expect(done.statusCode, done.body).toBe(200);

      const history = (await send('head1', 'GET', `/api/follow-ups/${f.id}/history`)).json() as { history: { version: number; user: { name: string }; action: string; from: string | null; to: string; note: string }[] };
      expect(history.history.map((h) => [h.version, h.user.name, h.action, h.from, h.to, h.note])).toEqual([
        [1, 'reviewer1', 'create', null, 'open', ''],
        [2, 'head1', 'start', 'open', 'inProgress', '已安排资产科修订制度'],
        [3, 'editor1', 'finish', 'inProgress', 'done', '制度已印发（番科工商信〔2024〕3号）'],
      ]);
    });

    it('a reviewer raises one from a review comment, which it quotes; no comment, no follow-up', async () => {
      const { form } = await formWithFinding();
      const none = await raise('reviewer1', form.id, { source: { kind: 'review', indicatorId: assetLeafId }, title: '核实资产管理得分', ownerId: await userId('editor1'), dueDate: '2024-06-30' });
      expect(none.statusCode).toBe(400);
      expect((none.json() as { error: { code: string; message: string } }).error.message).toContain(`没有复核意见`);
      expect((none.json() as { error: { message: string } }).error.message).toContain(ASSET);
      const reviewed = await send('reviewer1', 'PUT', `/api/forms/${form.id}/reviews/${assetLeafId}`, { score: 1, comment: '分值为1分，自评2分超出分值。' });
      expect(reviewed.statusCode).toBe(200);
      const created = await raise('reviewer1', form.id, { source: { kind: 'review', indicatorId: assetLeafId }, title: '核实资产管理得分', ownerId: await userId('editor1'), dueDate: '2024-06-30' });
      expect(created.statusCode, created.body).toBe(201);
      expect((created.json() as FollowUpAnswer).source).toMatchObject({ kind: 'review', code: '', indicatorId: assetLeafId, quote: '分值为1分，自评2分超出分值。' });
      expect((created.json() as FollowUpAnswer).source.path.endsWith(ASSET)).toBe(true);
    });

    it('a finding the saved form does not have, an unknown indicator and an owner from elsewhere are refused, saying which', async () => {
      const { form, finding } = await formWithFinding();
      const body = { source: { kind: 'finding', code: finding.code, path: finding.path }, title: '整改', ownerId: await userId('head1'), dueDate: '2024-06-30' };
      const missing = await raise('reviewer1', form.id, { ...body, source: { kind: 'finding', code: 'score-above-weight', path: '管理效能/不存在的指标' } });
      expect(missing.statusCode).toBe(400);
      expect((missing.json() as { error: { code: string; message: string } }).error).toEqual({
        code: 'followUp.findingMissing',
        message: '该表单（已保存的版本）没有这条审核发现：score-above-weight，位置“管理效能/不存在的指标”。请保存表单后再试。',
      });
      expect((await raise('reviewer1', form.id, { ...body, source: { kind: 'review', indicatorId: 'no-such-leaf' } })).statusCode).toBe(400);
      for (const owner of ['head2', 'editor3', 'reviewer2', 'admin']) {
        const res = await s.t.app.inject({ method: 'POST', url: `/api/forms/${form.id}/follow-ups`, headers: as(s.client('reviewer1'), { 'accept-language': 'en' }), payload: { ...body, ownerId: await userId(owner) } });
        expect(res.statusCode, owner).toBe(400);
        expect((res.json() as { error: { message: string } }).error.message, owner).toBe(`The owner (${owner}) is neither a member of “甲区科技局” nor a reviewer of its region: choose the owner from the list.`);
      }
      expect((await raise('reviewer1', form.id, { ...body, ownerId: await userId('reviewer1') })).statusCode).toBe(201);
      expect((await raise('reviewer1', form.id, { ...body, dueDate: '2024-02-30' })).statusCode).toBe(400);
      expect((await raise('reviewer1', form.id, { ...body, title: '   ' })).statusCode).toBe(400);
      const owners = (await send('reviewer1', 'GET', `/api/follow-ups/owners?departmentId=${s.world.departments.d1}`)).json() as { owners: { name: string; role: string }[] };
      expect(owners.owners.map((o) => o.name).sort()).toEqual(['editor1', 'head1', 'reviewer1']);
    });

    it('illegal moves are refused with what is possible; the department neither drops, reopens nor edits; closed ones are kept as closed', async () => {
      const { form, finding } = await formWithFinding();
      const f = (await raise('reviewer1', form.id, { source: { kind: 'finding', code: finding.code, path: finding.path }, title: '完善资产管理制度', ownerId: await userId('head1'), dueDate: '2024-06-30' })).json() as FollowUpAnswer;
      const patch = (caller: AccountKey, version: number, body: object, lang = 'zh') => send(caller, 'PATCH', `/api/follow-ups/${f.id}`, body, { 'if-match': String(version), 'accept-language': lang });

      const skip = await patch('head1', 1, { status: 'done', note: '已完成' });
      expect(skip.statusCode).toBe(409);
      expect(skip.json()).toEqual({ error: { code: 'followUp.transitionNotAllowed', message: '整改事项“完善资产管理制度”当前为“待整改”，不能改为“已完成”（可改为：整改中、已撤销）。' } });
      expect((await patch('head1', 1, { status: 'dropped', note: '不需要' })).statusCode).toBe(403);
      expect((await patch('editor1', 1, { title: '改个标题' })).statusCode).toBe(403);
      expect((await patch('head1', 1, { dueDate: '2025-01-01' })).statusCode).toBe(403);
      expect((await patch('reviewer1', 1, { status: 'dropped' })).statusCode).toBe(400); // a drop says why

      const dropped = await patch('reviewer1', 1, { status: 'dropped', note: '制度已由上级统一制定' });
      expect(dropped.statusCode).toBe(200);
      const closed = await patch('reviewer1', 2, { ownerId: await userId('editor1') }, 'en');
      expect(closed.statusCode).toBe(409);
      expect((closed.json() as { error: { message: string } }).error.message).toBe('The follow-up “完善资产管理制度” is Dropped: its title, owner and due date can no longer change. Reopen it first.');
      expect((await patch('head1', 2, { status: 'open', note: '我们还想做' })).statusCode).toBe(403);
      // Reopened and reassigned in one change, recorded as one entry.
      const reopened = await patch('reviewer1', 2, { status: 'open', note: '上级制度未覆盖本部门', ownerId: await userId('editor1'), dueDate: '2024-09-30' });
      expect(reopened.statusCode, reopened.body).toBe(200);
      expect(reopened.json()).toMatchObject({ status: 'open', version: 3, owner: { name: 'editor1' }, dueDate: '2024-09-30' });
      const history = (await send('reviewer1', 'GET', `/api/follow-ups/${f.id}/history`)).json() as { history: { action: string; changes: { field: string; beforeText: string; afterText: string }[] }[] };
      expect(history.history.at(-1)).toMatchObject({ action: 'reopen', changes: [{ field: 'ownerId', beforeText: 'head1', afterText: 'editor1' }, { field: 'dueDate', beforeText: '2024-06-30', afterText: '2024-09-30' }] });
      expect((await patch('reviewer1', 3, {})).statusCode).toBe(400);
    });

    it('a stale change is 409 with the current version and overwrites nothing; a change without If-Match is 428', async () => {
      const { form, finding } = await formWithFinding();
      const f = (await raise('reviewer1', form.id, { source: { kind: 'finding', code: finding.code, path: finding.path }, title: '完善资产管理制度', ownerId: await userId('head1'), dueDate: '2024-06-30' })).json() as FollowUpAnswer;
      const first = await send('reviewer1', 'PATCH', `/api/follow-ups/${f.id}`, { dueDate: '2024-07-31' }, { 'if-match': '"1"' });
      expect(first.statusCode).toBe(200);
      const stale = await send('head1', 'PATCH', `/api/follow-ups/${f.id}`, { status: 'inProgress', note: '开始' }, { 'if-match': '1' });
      expect(stale.statusCode).toBe(409);
      expect(stale.json()).toEqual({ error: { code: 'followUp.versionConflict', message: '整改事项已被他人修改（当前版本 2，您的版本 1）：请刷新后再改。', currentVersion: 2 } });
      expect((await send('head1', 'PATCH', `/api/follow-ups/${f.id}`, { status: 'inProgress' })).statusCode).toBe(428);
      // Two changes racing from the same version: exactly one wins, the other is told.
      const race = await Promise.all([
        send('head1', 'PATCH', `/api/follow-ups/${f.id}`, { status: 'inProgress', note: '甲' }, { 'if-match': '2' }),
        send('reviewer1', 'PATCH', `/api/follow-ups/${f.id}`, { title: '完善资产管理制度（乙）' }, { 'if-match': '2' }),
      ]);
      expect(race.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      const now = (await send('head1', 'GET', `/api/follow-ups/${f.id}`)).json() as FollowUpAnswer;
      expect(now.version).toBe(3);
      const history = (await send('head1', 'GET', `/api/follow-ups/${f.id}/history`)).json() as { history: { version: number }[] };
      expect(history.history.map((h) => h.version)).toEqual([1, 2, 3]);
    });

    it('the history is append-only in the database: no statement changes or deletes an entry', async () => {
      const { form, finding } = await formWithFinding();
      const f = (await raise('reviewer1', form.id, { source: { kind: 'finding', code: finding.code, path: finding.path }, title: '留痕', ownerId: await userId('head1'), dueDate: '2024-06-30' })).json() as FollowUpAnswer;
      expect((await send('head1', 'PATCH', `/api/follow-ups/${f.id}`, { status: 'inProgress', note: '开始' }, { 'if-match': '1' })).statusCode).toBe(200);
      const rows = () => s.t.ctx.db.selectFrom('follow_up_history').selectAll().where('follow_up_id', '=', f.id).orderBy('version').execute();
      const before = await rows();
      expect(before.map((r) => r.note)).toEqual(['', '开始']);
      const attempts: [string, () => Promise<unknown>][] = [
        ['update', () => s.t.ctx.db.updateTable('follow_up_history').set({ note: '改写' }).where('follow_up_id', '=', f.id).execute()],
        ['delete', () => s.t.ctx.db.deleteFrom('follow_up_history').where('follow_up_id', '=', f.id).execute()],
        ['raw delete all', () => sql`delete from follow_up_history`.execute(s.t.ctx.db)],
        ...(dialect.name === 'postgres' ? ([['truncate', () => sql`truncate follow_up_history`.execute(s.t.ctx.db)]] as [string, () => Promise<unknown>][]) : []),
      ];
      for (const [what, run] of attempts) await expect(run(), what).rejects.toThrow(FOLLOW_UP_HISTORY_GUARD_MESSAGE);
      expect(await rows()).toEqual(before);
    });

    it('overdue: still owed past the due date (the test clock is 2024-01-15), listed and counted as such', async () => {
      const { form, finding } = await formWithFinding('d2', 2023);
      const body = (title: string, dueDate: string) => ({ source: { kind: 'finding', code: finding.code, path: finding.path }, title, ownerId: '', dueDate });
      const owner = await userId('head2');
      const late = (await raise('reviewer1', form.id, { ...body('逾期整改', '2024-01-10'), ownerId: owner })).json() as FollowUpAnswer;
      const onTime = (await raise('reviewer1', form.id, { ...body('未到期整改', '2024-12-31'), ownerId: owner })).json() as FollowUpAnswer;
      const lateDone = (await raise('reviewer1', form.id, { ...body('逾期但已撤销', '2024-01-01'), ownerId: owner })).json() as FollowUpAnswer;
      expect((await send('reviewer1', 'PATCH', `/api/follow-ups/${lateDone.id}`, { status: 'dropped', note: '重复' }, { 'if-match': '1' })).statusCode).toBe(200);
      expect(late.overdue).toBe(true);
      expect(onTime.overdue).toBe(false);

      const department = s.world.departments.d2;
      const overdue = (await send('head2', 'GET', `/api/follow-ups?departmentId=${department}&overdue=true`)).json() as { followUps: FollowUpAnswer[] };
      expect(overdue.followUps.map((f) => f.title)).toEqual(['逾期整改']);
      const open = (await send('head2', 'GET', `/api/follow-ups?departmentId=${department}&status=open`)).json() as { followUps: FollowUpAnswer[] };
      expect(open.followUps.map((f) => f.title)).toEqual(['逾期整改', '未到期整改']);
      const summary = (await send('head2', 'GET', `/api/follow-ups/summary?departmentId=${department}`)).json() as { byStatus: Record<string, number>; overdue: number; total: number };
      expect(summary).toEqual({ byStatus: { open: 2, inProgress: 0, done: 0, dropped: 1 }, overdue: 1, total: 3 });
      const ofYear = async (year: number) => ((await send('reviewer1', 'GET', `/api/follow-ups?departmentId=${department}&year=${year}`)).json() as { followUps: FollowUpAnswer[] }).followUps.length;
      expect(await ofYear(2023)).toBe(3);
      expect(await ofYear(2022)).toBe(0);
    });

    it('the dashboard’s filters narrow the counts and the list: a region (none outside the caller’s reach) and the grade of the form', async () => {
      const YEAR = 2031;
      // d1 (甲区) and d3 (乙区) hand in the seed (95.77, 优); d2 (甲区) a copy marked down to 中.
      const d1 = await formWithFinding('d1', YEAR);
      const d3 = await formWithFinding('d3', YEAR);
      const lowered = seedForm();
      for (const { leaf, category } of leavesOf(lowered)) {
        if (category === 'duty' && leaf.weight !== null) leaf.selfScore = leaf.weight / 2;
      }
      expect(checkForm(lowered).score.grade).toBe('fair');
      const d2Id = await createFormRow(s.t.ctx, s.t.ctx.db, 'factory', { departmentId: s.world.departments.d2, regionId: s.world.regions.r1, year: YEAR, taskId: null, document: lowered, action: 'create', state: 'submitted' });
      const d2Finding = (await findForm(s.t.ctx.db, d2Id))?.findings.find((f) => f.code === 'score-above-weight' && f.path.endsWith(ASSET));
      if (!d2Finding) throw new Error('the lowered copy lost its asset finding');
      const raiseOn = async (formId: string, finding: { code: string; path: string }, title: string, owner: AccountKey, reviewer: AccountKey) =>
        expect((await raise(reviewer, formId, { source: { kind: 'finding', code: finding.code, path: finding.path }, title, ownerId: await userId(owner), dueDate: '2024-01-01' })).statusCode).toBe(201);
      await raiseOn(d1.form.id, d1.finding, '甲区科技局整改', 'head1', 'reviewer1');
      await raiseOn(d2Id, d2Finding, '甲区教育局整改', 'head2', 'reviewer1');
      await raiseOn(d3.form.id, d3.finding, '乙区民政局整改', 'editor3', 'reviewer2');

      const { r1, r2 } = s.world.regions;
      const counted = async (caller: AccountKey, query: string) => {
        const res = await send(caller, 'GET', `/api/follow-ups/summary?year=${YEAR}${query}`);
        expect(res.statusCode, res.body).toBe(200);
        const answer = res.json() as { byStatus: Record<string, number>; overdue: number; total: number };
        // All three are open and past due on the test clock: every count says the same.
        expect(answer.byStatus['open']).toBe(answer.total);
        expect(answer.overdue).toBe(answer.total);
        return answer.total;
      };
      const listed = async (caller: AccountKey, query: string) => ((await send(caller, 'GET', `/api/follow-ups?year=${YEAR}${query}`)).json() as { followUps: FollowUpAnswer[] }).followUps.map((f) => f.title).sort();

      expect(await counted('admin', '')).toBe(3);
      expect(await counted('admin', `&regionId=${r1}`)).toBe(2);
      expect(await counted('admin', `&regionId=${r2}`)).toBe(1);
      expect(await counted('admin', '&grade=excellent')).toBe(2);
      expect(await counted('admin', '&grade=fair')).toBe(1);
      expect(await counted('admin', '&grade=good')).toBe(0);
      expect(await counted('admin', `&regionId=${r1}&grade=excellent`)).toBe(1);
      expect(await listed('admin', `&regionId=${r1}`)).toEqual(['甲区教育局整改', '甲区科技局整改']);
      expect(await listed('admin', `&regionId=${r2}&grade=excellent`)).toEqual(['乙区民政局整改']);
      expect(await listed('admin', '&grade=fair')).toEqual(['甲区教育局整改']);

      // A reviewer's filters stay inside their region; another region matches nothing (no 403 that would confirm it).
      expect(await counted('reviewer1', '')).toBe(2);
      expect(await counted('reviewer1', '&grade=excellent')).toBe(1);
      expect(await counted('reviewer1', `&regionId=${r2}`)).toBe(0);
      expect(await listed('reviewer1', `&regionId=${r2}`)).toEqual([]);
      // A department's staff see their own department, whatever the region asked.
      expect(await counted('head1', `&regionId=${r1}`)).toBe(1);
      expect(await counted('head1', `&regionId=${r2}`)).toBe(0);
      expect(await listed('editor3', '&grade=excellent')).toEqual(['乙区民政局整改']);
      expect(await listed('editor3', '&grade=fair')).toEqual([]);
      expect((await send('admin', 'GET', '/api/follow-ups/summary?grade=best')).statusCode).toBe(400);
    });

    it('a department never sees another department’s follow-ups, even when it asks for them by id or filter', async () => {
      const { form, finding } = await formWithFinding('d1');
      const f = (await raise('reviewer1', form.id, { source: { kind: 'finding', code: finding.code, path: finding.path }, title: '甲区科技局的秘密整改', ownerId: await userId('head1'), dueDate: '2024-06-30' })).json() as FollowUpAnswer;
      for (const caller of ['head2', 'editor3', 'reviewer2'] as const) {
        for (const url of [`/api/follow-ups/${f.id}`, `/api/follow-ups/${f.id}/history`]) {
          const res = await send(caller, 'GET', url);
          expect(res.statusCode, `${caller} ${url}`).toBe(404);
          expect(res.body).not.toContain('秘密');
        }
        for (const query of ['', `?departmentId=${s.world.departments.d1}`, `?formId=${form.id}`, '?overdue=true']) {
          const res = await send(caller, 'GET', `/api/follow-ups${query}`);
          expect(res.statusCode).toBe(200);
          expect(res.body, `${caller} ${query}`).not.toContain('秘密');
          expect((res.json() as { followUps: FollowUpAnswer[] }).followUps.every((x) => x.departmentId !== s.world.departments.d1), `${caller} ${query}`).toBe(true);
        }
        const counts = (await send(caller, 'GET', `/api/follow-ups/summary?departmentId=${s.world.departments.d1}`)).json() as { total: number };
        expect(counts.total, caller).toBe(0);
      }
      expect(((await send('editor1', 'GET', '/api/follow-ups')).json() as { followUps: FollowUpAnswer[] }).followUps.some((x) => x.id === f.id)).toBe(true);
    });
  });
}
