/**
 * A department's new form for a year: the year's template (management indicators with their scoring
 * methods and weights, adjustments) plus the department's own duty indicators carried over from last
 * year — names, weights and targets kept, actuals, scores and explanations cleared for this year.
 */
import type { FormDocument, IndicatorLeaf, Level1Group } from '@jixiao/core';
import { emptyExpenditureCells, SCHEMA_VERSION } from '@jixiao/core';

/** A stored template: the level-1 groups every form of the year starts from (duty excluded). */
export interface TemplateDocument {
  indicators: Level1Group[];
}

function clearedLeaf(leaf: IndicatorLeaf): IndicatorLeaf {
  return { ...leaf, actual: '', selfScore: null, basis: '', remark: '', notApplicable: false };
}

function cleared(group: Level1Group): Level1Group {
  return { ...group, children: group.children.map((c) => (c.kind === 'leaf' ? clearedLeaf(c) : { ...c, children: c.children.map(clearedLeaf) })) };
}

/** The template of a year made from a filled form: its non-duty groups, cleared. */
export function templateFromForm(form: FormDocument): TemplateDocument {
  return { indicators: form.indicators.filter((g) => g.category !== 'duty').map(cleared) };
}

/** The draft of `year` for a department, from the template and last year's form (if any). */
export function draftDocument(template: TemplateDocument, unitName: string, unitCount: number | null, year: number, lastYear: FormDocument | null): FormDocument {
  const duty = lastYear?.indicators.filter((g) => g.category === 'duty').map(cleared) ?? [];
  const groups = template.indicators.map((g) => structuredClone(g));
  // Duty indicators stand where they stood on the printed form: after management, before adjustments.
  const adjustmentAt = groups.findIndex((g) => g.category === 'adjustment');
  const indicators = adjustmentAt < 0 ? [...groups, ...duty] : [...groups.slice(0, adjustmentAt), ...duty, ...groups.slice(adjustmentAt)];
  return {
    schemaVersion: SCHEMA_VERSION,
    unit: { name: unitName, unitCount: lastYear?.unit.unitCount ?? unitCount, year },
    narratives: { goals: '', completion: '', shortfallReasons: '' },
    expenditure: { budgeted: emptyExpenditureCells(), executed: emptyExpenditureCells(), printedRatePercent: emptyExpenditureCells() },
    indicators,
    printedTotal: null,
    printedGrade: null,
  };
}
