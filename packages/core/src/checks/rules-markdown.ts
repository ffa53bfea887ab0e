/** docs/rules.md, generated from the rule list so the documentation cannot drift from the checks. */
import { RULES } from './rules/index.js';

export function rulesMarkdown(): string {
  const lines = [
    '# Check rules',
    '',
    'Generated from `packages/core/src/checks/rules/` by `npm run docs`; edit the code, not this file.',
    '',
    '| rule | severity | what it finds |',
    '|---|---|---|',
    ...RULES.map((r) => `| \`${r.id}\` | ${r.severity} | ${r.summary} |`),
  ];
  return `${lines.join('\n')}\n`;
}
