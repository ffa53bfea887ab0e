/** Printed labels of scoring methods, from the glossary. */
import type { Lang, TermId } from '../glossary.js';
import { termLabel } from '../glossary.js';
import type { ScoringMethodKind } from './scoring-method.js';

const METHOD_TERMS = {
  manual: 'methodManual',
  proportional: 'methodProportional',
  steps: 'methodSteps',
  bands: 'methodBands',
  target: 'methodTarget',
  adjustment: 'methodAdjustment',
} as const satisfies Record<ScoringMethodKind, TermId>;

/** 按比例计分 / Proportional … */
export function methodLabel(kind: ScoringMethodKind, lang: Lang = 'zh'): string {
  return termLabel(METHOD_TERMS[kind], lang);
}
