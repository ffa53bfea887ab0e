/**
 * The report of `jixiao check` for one file: the shape of `--format json` (documented in the README)
 * and the source of the text output.
 */
import type { FormDocument, Lang, Problem, Severity } from '@jixiao/core';
import { checkForm, gradeLabel, hasErrors, problemMessage } from '@jixiao/core';

export interface ReportedFinding {
  severity: Severity;
  /** The rule id (checks) or import code (`import.*`, problems met while reading the file). */
  rule: string;
  path: string;
  message: string;
}

export type CheckReport =
  | {
      file: string;
      readable: true;
      unit: string;
      year: number | null;
      /** The sum of the scores as entered (rescaled where indicators do not apply). */
      total: number;
      /** 优 / 良 / 中 / 差 (Excellent … in English). */
      grade: string;
      gradeCode: string;
      printedTotal: number | null;
      suggestedTotal: number;
      counts: Record<Severity, number>;
      findings: ReportedFinding[];
      form: FormDocument;
    }
  | {
      file: string;
      readable: false;
      counts: Record<Severity, number>;
      findings: ReportedFinding[];
    };

function reported(problems: readonly Problem[], lang: Lang): ReportedFinding[] {
  return problems.map((p) => ({ severity: p.severity, rule: p.code, path: p.path, message: problemMessage(p, lang) }));
}

function countsOf(findings: readonly ReportedFinding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}

/** The report of one file from what the importer made of it. */
export function checkReport(file: string, form: FormDocument | null, importProblems: readonly Problem[], lang: Lang): CheckReport {
  if (form === null || hasErrors(importProblems)) {
    const findings = reported(importProblems, lang);
    return { file, readable: false, counts: countsOf(findings), findings };
  }
  const { score, findings } = checkForm(form);
  const all = [...reported(importProblems, lang), ...reported(findings, lang)];
  return {
    file,
    readable: true,
    unit: form.unit.name,
    year: form.unit.year,
    total: score.total,
    grade: gradeLabel(score.grade, lang),
    gradeCode: score.grade,
    printedTotal: form.printedTotal,
    suggestedTotal: score.suggestedTotal,
    counts: countsOf(all),
    findings: all,
    form,
  };
}
