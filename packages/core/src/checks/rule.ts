/** A check rule: a stable id, a fixed severity, and a function from a scored form to findings. */
import type { FormDocument } from '../form/form-document.js';
import type { FindingCode } from '../messages/finding-messages.js';
import type { MessageParams, Problem, Severity } from '../problem.js';
import type { FormScore } from '../scoring/score-form.js';

/** A problem a check found in a form. */
export type Finding = Problem<FindingCode>;

/** What every rule sees: the form and its score (computed once for all rules). */
export interface CheckContext {
  form: FormDocument;
  score: FormScore;
}

export interface Rule {
  id: FindingCode;
  severity: Severity;
  /** One line on what the rule guards against, for docs and the UI's rule list. */
  summary: string;
  check: (context: CheckContext, report: (path: string, params: MessageParams) => void) => void;
}

/** Runs one rule and collects its findings. */
export function runRule(rule: Rule, context: CheckContext): Finding[] {
  const findings: Finding[] = [];
  rule.check(context, (path, params) => findings.push({ code: rule.id, severity: rule.severity, path, params }));
  return findings;
}
