/**
 * The canonical JSON of a form: 2-space indentation, a final newline, and keys in one fixed order
 * whatever order the object was built in, so the same form always gives the same bytes (stable diffs,
 * stable hashes, reproducible files).
 */
import { EXPENDITURE_COLUMNS } from '@jixiao/core';
import type { ExpenditureCells, FormDocument, IndicatorLeaf, Level1Group, Level2Group, RateSource, ScoringMethod } from '@jixiao/core';

function rateSource(rate: RateSource): RateSource {
  return rate.from === 'expenditure' ? { from: 'expenditure', column: rate.column } : { from: 'entered', percent: rate.percent };
}

function method(m: ScoringMethod): ScoringMethod {
  switch (m.kind) {
    case 'manual':
      return { kind: 'manual' };
    case 'proportional':
      return { kind: 'proportional', rate: rateSource(m.rate) };
    case 'steps':
      return { kind: 'steps', rate: rateSource(m.rate), direction: m.direction, fullAtPercent: m.fullAtPercent, perPercent: m.perPercent, deduct: m.deduct };
    case 'bands':
      return { kind: 'bands', rate: rateSource(m.rate), bands: m.bands.map((b) => ({ minPercent: b.minPercent, fraction: b.fraction })) };
    case 'target':
      return m.judgedBand === undefined ? { kind: 'target' } : { kind: 'target', judgedBand: m.judgedBand };
    case 'adjustment':
      return { kind: 'adjustment', praises: m.praises, faults: m.faults };
  }
}

function leaf(l: IndicatorLeaf): IndicatorLeaf {
  return {
    kind: 'leaf',
    id: l.id,
    level: 3,
    name: l.name,
    weight: l.weight,
    definition: l.definition,
    target: l.target,
    actual: l.actual,
    selfScore: l.selfScore,
    basis: l.basis,
    remark: l.remark,
    method: method(l.method),
    notApplicable: l.notApplicable,
  };
}

function level2(g: Level2Group): Level2Group {
  return { kind: 'group', id: g.id, level: 2, name: g.name, weight: g.weight, category: g.category, children: g.children.map(leaf) };
}

function level1(g: Level1Group): Level1Group {
  return {
    kind: 'group',
    id: g.id,
    level: 1,
    name: g.name,
    weight: g.weight,
    category: g.category,
    children: g.children.map((c) => (c.kind === 'leaf' ? leaf(c) : level2(c))),
  };
}

function cells(c: ExpenditureCells): ExpenditureCells {
  return Object.fromEntries(EXPENDITURE_COLUMNS.map((column) => [column, c[column]])) as ExpenditureCells;
}

/** The form in canonical key order. */
export function canonicalForm(form: FormDocument): FormDocument {
  return {
    schemaVersion: form.schemaVersion,
    unit: { name: form.unit.name, unitCount: form.unit.unitCount, year: form.unit.year },
    narratives: { goals: form.narratives.goals, completion: form.narratives.completion, shortfallReasons: form.narratives.shortfallReasons },
    expenditure: { budgeted: cells(form.expenditure.budgeted), executed: cells(form.expenditure.executed), printedRatePercent: cells(form.expenditure.printedRatePercent) },
    indicators: form.indicators.map(level1),
    printedTotal: form.printedTotal,
    printedGrade: form.printedGrade,
  };
}

/** The canonical JSON text of a form (2-space indent, keys in canonical order, final newline). */
export function serializeForm(form: FormDocument): string {
  return `${JSON.stringify(canonicalForm(form), null, 2)}\n`;
}
