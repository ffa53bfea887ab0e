/** A document with what the core says about it: the one place a form is scored and checked for storing. */
import type { CheckResult, FormDocument } from '@jixiao/core';
import { checkForm } from '@jixiao/core';
import { canonicalForm } from '@jixiao/io';
import type { FormContent } from '../db/repositories/forms-repository.js';
import { formAnalysisRows } from './analysis/form-facts.js';

/** The stored content of a document: canonical JSON, findings and the summary columns. */
export function formContent(document: FormDocument): { content: FormContent; check: CheckResult } {
  const check = checkForm(document);
  const count = (severity: string): number => check.findings.filter((f) => f.severity === severity).length;
  return {
    check,
    content: {
      // Canonical key order, so versions compare cell by cell and never differ by key order alone.
      documentJson: JSON.stringify(canonicalForm(document)),
      findingsJson: JSON.stringify(check.findings),
      unitName: document.unit.name,
      total: check.score.total,
      grade: check.score.grade,
      errorCount: count('error'),
      warningCount: count('warning'),
      analysis: formAnalysisRows(document, check),
    },
  };
}
