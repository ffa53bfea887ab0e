/** Comparing an imported form with the seed's: exactly, or with texts compared by `matchKey`. */
import { EXPENDITURE_COLUMNS, leavesOf, groupsOf, matchKey } from '@jixiao/core';
import type { FormDocument } from '@jixiao/core';
import { expect } from 'vitest';

/** The numbers of a form, in a fixed order: what every variant must read the same. */
export function numbersOf(form: FormDocument): unknown {
  return {
    unit: [form.unit.unitCount, form.unit.year],
    expenditure: (['budgeted', 'executed', 'printedRatePercent'] as const).map((row) => EXPENDITURE_COLUMNS.map((c) => form.expenditure[row][c])),
    groups: groupsOf(form).map((g) => [g.group.id, g.group.level, g.group.weight, g.category]),
    leaves: leavesOf(form).map((l) => [l.leaf.id, l.leaf.weight, l.leaf.selfScore]),
    total: form.printedTotal,
  };
}

/** The texts of a form as `matchKey` sees them (traditional and full-width forms folded). */
export function keyedTextsOf(form: FormDocument): unknown {
  return {
    unit: matchKey(form.unit.name),
    narratives: [form.narratives.goals, form.narratives.completion, form.narratives.shortfallReasons].map((t) => t.split('\n').map(matchKey)),
    groups: groupsOf(form).map((g) => matchKey(g.group.name)),
    leaves: leavesOf(form).map((l) => [l.leaf.name, l.leaf.definition, l.leaf.target, l.leaf.actual, l.leaf.basis, l.leaf.remark].map(matchKey)),
  };
}

/** Same numbers and the same texts up to `matchKey`. */
export function expectSameByKey(actual: FormDocument | null, expected: FormDocument): void {
  expect(actual).not.toBeNull();
  if (actual === null) return;
  expect(numbersOf(actual)).toEqual(numbersOf(expected));
  expect(keyedTextsOf(actual)).toEqual(keyedTextsOf(expected));
}
