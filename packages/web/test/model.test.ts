import type { FormDocument } from '@jixiao/core';
import { checkForm, leavesOf } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import { anchorElementId, anchorOf } from '../src/model/finding-anchor.js';
import { addLeaf, moveLeaf, newDutyLeaf, removeLeaf, unusedId, updateLeaf } from '../src/model/form-edits.js';
import { gridRows } from '../src/model/grid-rows.js';
import { moveKeyOf, nextCell } from '../src/model/grid-navigation.js';
import { parseTypedNumber } from '../src/model/parse-number.js';
import { clipboardColumn, parseClipboardTable, pasteColumn } from '../src/model/paste-column.js';
import { reviewSums } from '../src/model/review-sums.js';
import { parseRoute, routePath } from '../src/model/routes.js';
import { describeConflict } from '../src/model/save-conflict.js';
import type { FormListItem } from '../src/model/work-queue.js';
import { daysUntil, workQueue } from '../src/model/work-queue.js';
import { seedForm } from './seed-form.js';

const ASSET = '管理效能/资产管理/资产管理制度健全性';
const leafByPath = (form: FormDocument, path: string) => {
  const found = leavesOf(form).find((l) => l.namePath.join('/') === path);
  if (!found) throw new Error(`no leaf ${path}`);
  return found.leaf;
};

describe('editing the seed form as the editor does', () => {
  it('fixing 资产管理制度健全性 (2 of 1) clears its error and lowers the total by one point', () => {
    const form = seedForm();
    const before = checkForm(form);
    expect(before.findings.some((f) => f.code === 'score-above-weight' && f.path === ASSET)).toBe(true);
    const fixed = updateLeaf(form, leafByPath(form, ASSET).id, { selfScore: 1 });
    const after = checkForm(fixed);
    expect(after.findings.some((f) => f.code === 'score-above-weight' && f.path === ASSET)).toBe(false);
    expect(after.score.total).toBe(Math.round((before.score.total - 1) * 100) / 100);
  });

  it('an edit shares every untouched indicator with the old document, so only the changed row re-renders', () => {
    const form = seedForm();
    const id = leafByPath(form, ASSET).id;
    const next = updateLeaf(form, id, { selfScore: 1 });
    const [mgmtBefore, dutyBefore] = form.indicators;
    const [mgmtAfter, dutyAfter] = next.indicators;
    expect(mgmtAfter).not.toBe(mgmtBefore);
    expect(dutyAfter).toBe(dutyBefore);
    const changed = leavesOf(next).filter((l, i) => l.leaf !== leavesOf(form)[i]?.leaf);
    expect(changed.map((l) => l.leaf.id)).toEqual([id]);
    expect(next.expenditure).toBe(form.expenditure);
  });

  it('adds, moves and removes duty indicators', () => {
    const form = seedForm();
    const duty = form.indicators.find((g) => g.category === 'duty');
    const goal = duty?.children[0];
    if (!goal || goal.kind !== 'group') throw new Error('no duty goal');
    const id = unusedId(form, 'd');
    const added = addLeaf(form, goal.id, newDutyLeaf(id, '新指标'));
    const names = (f: FormDocument): string[] => {
      const g = f.indicators.find((x) => x.category === 'duty')?.children[0];
      return g && g.kind === 'group' ? g.children.map((l) => l.name) : [];
    };
    expect(names(added).at(-1)).toBe('新指标');
    const moved = moveLeaf(added, id, -1);
    expect(names(moved).at(-2)).toBe('新指标');
    expect(moveLeaf(moved, goal.children[0]?.id ?? '', -1)).toBe(moved);
    expect(names(removeLeaf(moved, id))).toEqual(names(form));
  });
});

describe('the grid', () => {
  it('merges level-1 and level-2 cells over their rows, as the printed form does', () => {
    const rows = gridRows(seedForm());
    expect(rows).toHaveLength(leavesOf(seedForm()).length);
    const spans1 = rows.filter((r) => r.level1Span > 0).map((r) => [r.level1.name, r.level1Span]);
    expect(spans1.map(([n]) => n)).toEqual(['管理效能', '履职效能', '加减分项']);
    expect(spans1.reduce((s, [, n]) => s + Number(n), 0)).toBe(rows.length);
    const assets = rows.find((r) => r.level2?.name === '资产管理' && r.level2Span > 0);
    expect(assets?.level2Span).toBe(3);
  });

  it('Tab moves along the row then to the next; Enter moves down; neither leaves the grid', () => {
    expect(nextCell({ row: 0, col: 2 }, 'tab', 3, 4)).toEqual({ row: 0, col: 3 });
    expect(nextCell({ row: 0, col: 3 }, 'tab', 3, 4)).toEqual({ row: 1, col: 0 });
    expect(nextCell({ row: 1, col: 0 }, 'shiftTab', 3, 4)).toEqual({ row: 0, col: 3 });
    expect(nextCell({ row: 1, col: 2 }, 'enter', 3, 4)).toEqual({ row: 2, col: 2 });
    expect(nextCell({ row: 2, col: 2 }, 'enter', 3, 4)).toBeNull();
    expect(nextCell({ row: 0, col: 0 }, 'shiftTab', 3, 4)).toBeNull();
    expect(moveKeyOf({ key: 'Enter', shiftKey: false, altKey: true, ctrlKey: false, metaKey: false })).toBeNull();
    expect(moveKeyOf({ key: 'Enter', shiftKey: true, altKey: false, ctrlKey: false, metaKey: false })).toBe('shiftEnter');
  });
});

describe('typing and pasting numbers', () => {
  it('reads what people type, refuses what is not a number', () => {
    expect(parseTypedNumber('１．５')).toEqual({ ok: true, value: 1.5 });
    expect(parseTypedNumber(' 2分 ')).toEqual({ ok: true, value: 2 });
    expect(parseTypedNumber('1,234.5')).toEqual({ ok: true, value: 1234.5 });
    expect(parseTypedNumber('')).toEqual({ ok: true, value: null });
    expect(parseTypedNumber('1.')).toEqual({ ok: true, value: 1 });
    expect(parseTypedNumber('abc').ok).toBe(false);
    expect(parseTypedNumber('1.2.3').ok).toBe(false);
  });

  it('splits Excel clipboard text, quoted cells with line breaks included', () => {
    expect(parseClipboardTable('1\ta\r\n2\t"b\nc"\r\n')).toEqual([['1', 'a'], ['2', 'b\nc']]);
    expect(clipboardColumn('3\n4\n')).toEqual(['3', '4']);
    expect(parseClipboardTable('"say ""hi"""')).toEqual([['say "hi"']]);
  });

  it('pastes a column of scores down from the focused row and refuses non-numbers', () => {
    const form = seedForm();
    const ids = leavesOf(form).map((l) => l.leaf.id);
    const result = pasteColumn(form, ids.slice(1), 'selfScore', ['2', 'x', '1.5']);
    expect(result.applied).toBe(2);
    expect(result.refused).toEqual([{ leafId: ids[2], text: 'x' }]);
    const leaves = leavesOf(result.form).map((l) => l.leaf.selfScore);
    expect(leaves[1]).toBe(2);
    expect(leaves[2]).toBe(leavesOf(form)[2]?.leaf.selfScore);
    expect(leaves[3]).toBe(1.5);
  });
});

describe('findings point at cells', () => {
  it('the 资产管理制度健全性 error points at its score cell; a group error at the group', () => {
    const form = seedForm();
    const { findings } = checkForm(form);
    const asset = findings.find((f) => f.code === 'score-above-weight');
    if (!asset) throw new Error('no score-above-weight finding');
    const anchor = anchorOf(asset, form);
    expect(anchor).toEqual({ kind: 'leaf', leafId: leafByPath(form, ASSET).id, field: 'selfScore' });
    expect(anchor && anchorElementId(anchor)).toMatch(/^cell-.*-selfScore$/u);
    expect(anchorOf({ code: 'children-weights-sum', path: '履职效能' }, form)).toMatchObject({ kind: 'group' });
    expect(anchorOf({ code: 'total-mismatch', path: '总分' }, form)).toEqual({ kind: 'total' });
    expect(anchorOf({ code: 'shortfall-reasons-missing', path: '未能完成原因' }, form)).toEqual({ kind: 'narrative', field: 'shortfallReasons' });
    expect(anchorOf({ code: 'printed-rate-mismatch', path: '年度部门整体支出规模/完成率/基本支出' }, form)).toEqual({ kind: 'expenditure', row: 'printedRatePercent', column: 'basicExpenditure' });
    expect(anchorOf({ code: 'x', path: '没有/这个' }, form)).toBeNull();
  });

  it('every finding on the seed form points somewhere in the editor', () => {
    const form = seedForm();
    for (const f of checkForm(form).findings) expect(anchorOf(f, form), f.path).not.toBeNull();
  });
});

describe('review', () => {
  it('sums the differences between review and self-scores exactly', () => {
    const form = seedForm();
    const [a, b] = leavesOf(form);
    if (!a || !b) throw new Error('no leaves');
    const sums = reviewSums(form, [
      { indicatorId: a.leaf.id, score: 1.9, comment: '' },
      { indicatorId: b.leaf.id, score: 2.7, comment: '依据不足' },
    ]);
    expect(sums.reviewedCount).toBe(2);
    // 1.9 − 1.97 + 2.7 − 3 = −0.37, not −0.37000000000000005
    expect(sums.differenceSum).toBe(-0.37);
    expect(sums.lines[1]?.comment).toBe('依据不足');
    const self = checkForm(form).score.enteredSum;
    expect(sums.reviewedTotal).toBe(Math.round((self - 0.37) * 100) / 100);
  });
});

describe('conflicts', () => {
  it('shows both sides and the cells both changed', () => {
    const base = seedForm();
    const id = leafByPath(base, ASSET).id;
    const mine = updateLeaf(base, id, { selfScore: 1, basis: '已整改' });
    const theirs = updateLeaf(base, id, { selfScore: 0.5 });
    const c = describeConflict(base, mine, theirs);
    expect(c.mine.map((x) => x.path)).toEqual([`${ASSET}.selfScore`, `${ASSET}.basis`]);
    expect(c.theirs).toHaveLength(1);
    expect(c.clashes).toEqual([c.theirs[0]?.path]);
  });
});

describe('work queue and routes', () => {
  const item = (state: FormListItem['state'], year: number, name = '科工商信局', deadline: string | null = null): FormListItem => ({ id: `${name}${year}${state}`, departmentId: 'd', departmentName: name, year, state, version: 1, unitName: name, total: 90, grade: 'excellent', errors: 0, warnings: 0, updatedAt: '', deadline });

  it('puts returned forms first for the department and submissions for the reviewer', () => {
    const forms = [item('draft', 2022), item('returned', 2021), item('published', 2020), item('submitted', 2021, '教育局')];
    expect(workQueue('editor', forms).map((q) => q.reason)).toEqual(['fixReturned', 'fillIn']);
    expect(workQueue('head', forms).map((q) => q.reason)).toEqual(['fixReturned', 'submit']);
    expect(workQueue('reviewer', forms).map((q) => [q.reason, q.form.departmentName])).toEqual([['review', '教育局']]);
    expect(daysUntil('2022-03-31', '2022-03-29')).toBe(2);
    expect(daysUntil('2022-03-31', '2022-04-01')).toBe(-1);
  });

  it("carries each form's task deadline into the queue for department people too, soonest first", () => {
    const forms = [item('draft', 2023, '教育局', null), item('draft', 2022, '科工商信局', '2023-03-31'), item('draft', 2021, '财政局', '2022-03-31')];
    expect(workQueue('editor', forms).map((q) => [q.form.year, q.deadline])).toEqual([[2021, '2022-03-31'], [2022, '2023-03-31'], [2023, null]]);
    expect(workQueue('head', forms).map((q) => q.deadline)).toEqual(['2022-03-31', '2023-03-31', null]);
  });

  it('parses and prints every route, refusing odd paths', () => {
    for (const path of ['/', '/login', '/import', '/forms/abc', '/forms/abc/history', '/forms/abc/print', '/public', '/public/2021', '/public/forms/x1', '/public/forms/x1/print']) {
      expect(routePath(parseRoute(path))).toBe(path);
    }
    expect(parseRoute('/forms/a%2Fb')).toEqual({ name: 'notFound' });
    expect(parseRoute('/nowhere')).toEqual({ name: 'notFound' });
  });
});
