import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formJsonSchema } from '../src/form/form-schema.js';
import { duplicateLabels, findTerm, glossaryMarkdown, rulesMarkdown } from '../src/index.js';

const doc = (name: string): string => readFileSync(new URL(`../../../docs/${name}`, import.meta.url), 'utf8');

describe('generated documents', () => {
  it('docs/glossary.md, docs/rules.md and docs/form.schema.json are up to date (run `npm run docs`)', () => {
    expect(doc('glossary.md')).toBe(glossaryMarkdown());
    expect(doc('rules.md')).toBe(rulesMarkdown());
    expect(JSON.parse(doc('form.schema.json'))).toEqual(formJsonSchema());
  });
});

describe('glossary', () => {
  it('has no label or variant under two terms', () => {
    expect(duplicateLabels()).toEqual([]);
  });
  it('matches labels as real files print them: traditional, full-width and spaced', () => {
    expect(findTerm('全年预算数')).toBe('budgeted');
    expect(findTerm('全年預算數')).toBe('budgeted');
    expect(findTerm('得分/自评分')).toBe('selfScore');
    expect(findTerm('得分／自評分')).toBe('selfScore');
    expect(findTerm('区 本 级 支 出')).toBe('ownLevelExpenditure');
    expect(findTerm('完成率')).toBe('executionRate');
    expect(findTerm('不是术语')).toBeNull();
  });
});
