import { describe, expect, it } from 'vitest';
import type { Action, Actor, FormState, FormSubject } from '@jixiao/core';
import { abilities, ACTIONS, can, canIssueTasks, documentChanges, FORM_STATES, TRANSITIONS } from '@jixiao/core';
import { buildForm } from './factories.js';

const form = (state: FormState, departmentId = 'd1', regionId = 'r1'): FormSubject => ({ state, departmentId, regionId });
const actor = (role: Actor['role'], scope: Partial<Actor> = {}): Actor => ({
  userId: 'u',
  role,
  regionId: role === 'reviewer' ? 'r1' : null,
  departmentId: role === 'head' || role === 'editor' ? 'd1' : null,
  ...scope,
});

describe('the workflow as data', () => {
  it('walks draft → submitted → returned → submitted → approved → published by the roles that may', () => {
    const head = actor('head');
    const reviewer = actor('reviewer');
    const path: [Actor, Action, FormState][] = [
      [head, 'submit', 'draft'],
      [reviewer, 'return', 'submitted'],
      [head, 'submit', 'returned'],
      [reviewer, 'approve', 'submitted'],
      [reviewer, 'publish', 'approved'],
    ];
    for (const [who, action, state] of path) expect(can(who, action, form(state)), `${who.role} ${action} in ${state}`).toBe(true);
  });

  it('an editor fills in but cannot submit; a head submits; neither reviews or approves', () => {
    expect(abilities(actor('editor'), form('draft'))).toEqual(['read', 'edit', 'attach']);
    expect(abilities(actor('head'), form('draft'))).toEqual(['read', 'edit', 'attach', 'submit']);
    expect(abilities(actor('head'), form('submitted'))).toEqual(['read']);
  });

  it('a returned form cannot be approved, and approved or published forms are locked', () => {
    expect(can(actor('reviewer'), 'approve', form('returned'))).toBe(false);
    for (const state of ['approved', 'published'] as const) {
      for (const role of ['administrator', 'reviewer', 'head', 'editor'] as const) {
        expect(can(actor(role), 'edit', form(state))).toBe(false);
        expect(can(actor(role), 'attach', form(state))).toBe(false);
      }
    }
  });

  it('nobody acts outside their scope: another department, another region', () => {
    for (const state of FORM_STATES) {
      for (const action of ACTIONS) {
        expect(can(actor('editor'), action, form(state, 'd2'))).toBe(false);
        expect(can(actor('head'), action, form(state, 'd2'))).toBe(false);
        expect(can(actor('reviewer'), action, form(state, 'd1', 'r2'))).toBe(false);
      }
    }
  });

  it('the public reads published forms and nothing else', () => {
    for (const state of FORM_STATES) {
      expect(abilities(null, form(state))).toEqual(state === 'published' ? ['read'] : []);
    }
  });

  it('every transition leaves from states its roles can reach, and only reviewers issue tasks in their region', () => {
    for (const t of TRANSITIONS) expect(t.from).not.toContain(t.to);
    expect(canIssueTasks(actor('reviewer'), 'r1')).toBe(true);
    expect(canIssueTasks(actor('reviewer'), 'r2')).toBe(false);
    expect(canIssueTasks(actor('head'), 'r1')).toBe(false);
    expect(canIssueTasks(null, 'r1')).toBe(false);
  });
});

describe('documentChanges', () => {
  it('names a changed score by its indicator path and reports nothing for an identical copy', () => {
    const before = buildForm();
    expect(documentChanges(before, structuredClone(before))).toEqual([]);
    const after = structuredClone(before);
    const group = after.indicators[0]?.children[0];
    const leaf = group?.kind === 'group' ? group.children[0] : group;
    if (!leaf || leaf.kind !== 'leaf' || !group) throw new Error('factory changed');
    const old = leaf.selfScore;
    leaf.selfScore = 0.5;
    after.narratives.goals = '新目标';
    const changes = documentChanges(before, after);
    expect(changes).toContainEqual({ path: 'narratives.goals', before: before.narratives.goals, after: '新目标' });
    expect(changes.find((c) => c.path.endsWith(`${leaf.name}.selfScore`))).toMatchObject({ before: old, after: 0.5 });
    expect(changes).toHaveLength(2);
  });
});
