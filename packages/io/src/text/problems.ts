/**
 * The problems an import collects, capped: a hostile or garbled input (megabytes of random text) must
 * not produce millions of warnings, so after `MAX_PROBLEMS` one summary is kept instead.
 */
import type { ImportCode, MessageParams, Problem, Severity } from '@jixiao/core';

/** How many problems an import reports before summarising the rest. */
export const MAX_PROBLEMS = 100;

/** Where a problem is: the path people read ("第12行") and the line number for the message. */
export function atLine(line: number): { path: string; params: { line: number } } {
  return { path: `第${line}行`, params: { line } };
}

/** A capped list of import problems. */
export class ImportProblems {
  private readonly list: Problem<ImportCode>[] = [];
  private dropped = 0;

  /** Adds a problem; `line` (1-based) sets the path and the `line` param. */
  add(code: ImportCode, severity: Severity, params: MessageParams = {}, line?: number, path?: string): void {
    // Errors are always kept: they decide whether the import produced anything.
    if (this.list.length >= MAX_PROBLEMS && severity !== 'error') {
      this.dropped += 1;
      return;
    }
    const where = line === undefined ? { path: path ?? '', params: {} } : atLine(line);
    this.list.push({ code, severity, path: path ?? where.path, params: { ...params, ...where.params } });
  }

  /** True when an error was added. */
  hasErrors(): boolean {
    return this.list.some((p) => p.severity === 'error');
  }

  /** The problems, with a summary of the dropped ones. */
  all(): Problem<ImportCode>[] {
    if (this.dropped === 0) return [...this.list];
    return [...this.list, { code: 'import.tooManyProblems', severity: 'info', path: '', params: { count: this.dropped } }];
  }
}
