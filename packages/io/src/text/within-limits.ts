/**
 * Keeping what an import produces within the canonical document's limits (form-limits): an absurdly
 * long cell or table (a garbled or hostile text) is cut, with a warning, rather than producing a form
 * that cannot be saved; a negative weight, which no form can have, is left blank with a warning.
 */
import { GLOSSARY } from '@jixiao/core';
import type { TermId } from '@jixiao/core';
import { NAME_MAX, TEXT_MAX } from '@jixiao/core';
import type { ImportProblems } from './problems.js';

/** `text` cut to `max` characters, with a warning naming the cell, when it is longer. */
export function withinLength(text: string, max: number, field: TermId, owner: string, problems: ImportProblems): string {
  if (text.length <= max) return text;
  problems.add('import.textCut', 'warning', { field: GLOSSARY[field].label, fieldEn: GLOSSARY[field].en, name: owner.slice(0, 40), length: text.length, max });
  return text.slice(0, max);
}

/** A name within `NAME_MAX`. */
export function withinNameLength(name: string, field: TermId, problems: ImportProblems): string {
  return withinLength(name, NAME_MAX, field, name, problems);
}

/** A free text within `TEXT_MAX`. */
export function withinTextLength(text: string, field: TermId, owner: string, problems: ImportProblems): string {
  return withinLength(text, TEXT_MAX, field, owner, problems);
}

/** A weight as printed, or blank (with a warning) when it is negative. */
export function validWeight(weight: number | null, name: string, line: number | undefined, problems: ImportProblems): number | null {
  if (weight === null || weight >= 0) return weight;
  problems.add('import.negativeWeight', 'warning', { name: name.slice(0, 40), number: weight }, line);
  return null;
}

/** The first `max` items, with a warning naming the group when there were more. */
export function withinCount<T>(items: readonly T[], max: number, owner: string, problems: ImportProblems): T[] {
  if (items.length <= max) return [...items];
  problems.add('import.tooManyRows', 'warning', { name: owner.slice(0, 40), count: items.length, max });
  return items.slice(0, max);
}
