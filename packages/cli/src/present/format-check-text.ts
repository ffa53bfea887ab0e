/** `jixiao check` as people read it in a terminal. */
import type { Lang, Severity } from '@jixiao/core';
import { formatFixed, termLabel } from '@jixiao/core';
import type { CheckReport } from './check-report.js';

const SEVERITY_LABEL: Record<Severity, Record<Lang, string>> = {
  error: { zh: '错误', en: 'error' },
  warning: { zh: '警告', en: 'warning' },
  info: { zh: '提示', en: 'info' },
};

const MARK: Record<Severity, string> = { error: '✗', warning: '!', info: '·' };

/** The text report of one file. */
export function formatCheckText(report: CheckReport, lang: Lang): string {
  const lines: string[] = [report.file];
  if (report.readable) {
    const year = report.year === null ? '' : lang === 'zh' ? ` ${report.year}年度` : ` ${report.year}`;
    lines.push(`  ${report.unit}${year}`);
    lines.push(`  ${termLabel('total', lang)} ${formatFixed(report.total, 2)}  ${termLabel('grade', lang)} ${report.grade}`);
  } else {
    lines.push(lang === 'zh' ? '  无法读取：' : '  Could not be read:');
  }
  const c = report.counts;
  lines.push(`  ${SEVERITY_LABEL.error[lang]} ${c.error} · ${SEVERITY_LABEL.warning[lang]} ${c.warning} · ${SEVERITY_LABEL.info[lang]} ${c.info}`);
  for (const f of report.findings) {
    lines.push(`  ${MARK[f.severity]} ${SEVERITY_LABEL[f.severity][lang]} [${f.rule}]${f.path ? ` ${f.path}` : ''}`);
    lines.push(`      ${f.message}`);
  }
  return `${lines.join('\n')}\n`;
}
