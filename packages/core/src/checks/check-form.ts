/** 审核: every check rule over a scored form. */
import type { FormDocument } from '../form/form-document.js';
import { SEVERITIES } from '../problem.js';
import type { FormScore } from '../scoring/score-form.js';
import { scoreForm } from '../scoring/score-form.js';
import type { Finding } from './rule.js';
import { runRule } from './rule.js';
import { RULES } from './rules/index.js';

/** A form's score and findings: what `jixiao check`, the server and the web editor show. */
export interface CheckResult {
  score: FormScore;
  /** Errors first, then warnings, then info; in rule order within a severity. */
  findings: Finding[];
}

/** Scores the form once and runs every rule on it. */
export function checkForm(form: FormDocument): CheckResult {
  const score = scoreForm(form);
  const findings = RULES.flatMap((rule) => runRule(rule, { form, score }));
  const rank = (f: Finding): number => SEVERITIES.indexOf(f.severity);
  findings.sort((a, b) => rank(a) - rank(b));
  return { score, findings };
}
