/** The seed form's text and its careful reading (shared/fixtures), for the io tests. */
import { readFileSync } from 'node:fs';

const fixture = (name: string): URL => new URL(`../../../../../shared/fixtures/${name}`, import.meta.url);

/** The seed text exactly as published (PDF-to-text output). */
export const SEED_TEXT: string = readFileSync(fixture('panyu-kgxj-2021.txt'), 'utf8');

/** A leaf of the facts file. */
export interface FactLeaf {
  name: string;
  weight: number;
  score: number;
  target?: string;
  actual?: string;
  actualStartsWith?: string;
  basisStartsWith?: string;
}

/** A group of the facts file. */
export interface FactGroup {
  name: string;
  weight: number;
  children: (FactGroup | FactLeaf)[];
}

/** The facts file's shape (what the tests read of it). */
export interface SeedFacts {
  unit: { name: string; unitCount: number; year: number; goalsStartWith: string; completionStartsWith: string; shortfallReasons: string };
  expenditure: { budgeted: number[]; executed: number[]; printedRatesPercent: number[] };
  indicators: FactGroup[];
  printedTotal: number;
}

/** The careful reading of the seed. */
export const SEED_FACTS: SeedFacts = JSON.parse(readFileSync(fixture('panyu-kgxj-2021.facts.json'), 'utf8')) as SeedFacts;

/** True for a group of the facts file. */
export function isFactGroup(node: FactGroup | FactLeaf): node is FactGroup {
  return 'children' in node;
}
