/**
 * Problems a user can fix are data, not exceptions: checks return findings and importers return
 * import issues, both in this shape. Messages are rendered from `code` and `params` by the messages
 * module, in Chinese or English, so the same problem reads the same everywhere.
 */

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Values a message may interpolate. */
export type MessageParams = Readonly<Record<string, string | number>>;

export interface Problem<Code extends string = string> {
  /** Stable identifier (a rule id for findings, an import code for importer issues). */
  code: Code;
  severity: Severity;
  /**
   * Where in the form, as people read it: an indicator's name path (管理效能/资产管理/资产管理制度健全性),
   * an expenditure cell (年度部门整体支出规模/全年预算数/基本支出), or for importers a line/cell reference.
   */
  path: string;
  params: MessageParams;
}

/** What an importer or a check run returns: the value (if any could be made) and the problems found. */
export interface WithProblems<Value, Code extends string = string> {
  value: Value;
  problems: Problem<Code>[];
}

/** True when any problem is an error. */
export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}
