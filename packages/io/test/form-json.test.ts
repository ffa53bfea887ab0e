import { problemMessage } from '@jixiao/core';
import { formDocumentSchema } from '@jixiao/core/schema';
import type { FormDocument, IndicatorLeaf, Level1Group, Problem } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import { importFormText, parseFormJson, serializeForm } from '../src/index.js';
import { SEED_TEXT } from './helpers/seed.js';

const seed = importFormText(SEED_TEXT).value as FormDocument;

/** The seed with a leaf of every scoring method (the seed itself has manual, proportional, target, adjustment). */
function withEveryMethod(): FormDocument {
  const form = structuredClone(seed);
  const management = form.indicators[0] as Level1Group;
  const funds = management.children[0] as Level1Group['children'][number] & { kind: 'group' };
  const leaves = funds.children as IndicatorLeaf[];
  (leaves[1] as IndicatorLeaf).method = { kind: 'steps', rate: { from: 'expenditure', column: 'basicExpenditure' }, direction: 'shortfall', fullAtPercent: 100, perPercent: 5, deduct: 2 };
  (leaves[2] as IndicatorLeaf).method = { kind: 'bands', rate: { from: 'entered', percent: 96.5 }, bands: [{ minPercent: 95, fraction: 1 }, { minPercent: 0, fraction: 0.5 }] };
  (leaves[3] as IndicatorLeaf).method = { kind: 'target', judgedBand: 'middle' };
  (leaves[4] as IndicatorLeaf).method = { kind: 'adjustment', praises: 2, faults: 0 };
  (leaves[5] as IndicatorLeaf).notApplicable = true;
  form.printedGrade = 'excellent';
  return form;
}

/** The same object with every key order reversed. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reversedKeys(v)]));
}

function refusal(text: string): Problem[] {
  const result = parseFormJson(text);
  expect(result.value).toBeNull();
  expect(result.problems.length).toBeGreaterThan(0);
  expect(result.problems.every((p) => p.severity === 'error')).toBe(true);
  return result.problems;
}

const seedJson = (): Record<string, unknown> => JSON.parse(serializeForm(seed)) as Record<string, unknown>;

describe('serializeForm', () => {
  it('writes the canonical JSON: 2-space indent, schemaVersion 1 first, a final newline', () => {
    const text = serializeForm(seed);
    expect(text.startsWith('{\n  "schemaVersion": 1,\n  "unit": {\n    "name": "广州市番禺区科技工业商务和信息化局",')).toBe(true);
    expect(text.endsWith('\n}\n')).toBe(true);
    expect(text).toContain('"fiscalAppropriation": 127208.53');
  });

  it('gives the same bytes whatever order the object’s keys were built in', () => {
    const form = withEveryMethod();
    expect(serializeForm(reversedKeys(form) as FormDocument)).toBe(serializeForm(form));
  });

  it('writes what core’s schema accepts', () => {
    expect(formDocumentSchema.safeParse(JSON.parse(serializeForm(withEveryMethod()))).success).toBe(true);
  });
});

describe('parseFormJson', () => {
  it('reads back exactly what was written, every scoring method included', () => {
    for (const form of [seed, withEveryMethod()]) {
      expect(parseFormJson(serializeForm(form))).toEqual({ value: form, problems: [] });
    }
  });

  it('refuses text that is not JSON', () => {
    const problems = refusal('{"schemaVersion": 1,');
    expect(problems.map((p) => [p.code, p.path])).toEqual([['import.json.syntax', '$']]);
  });

  it('refuses other schema versions, saying which was found', () => {
    const json = seedJson();
    json['schemaVersion'] = 2;
    const problems = refusal(JSON.stringify(json));
    expect(problems.map((p) => [p.code, p.params['found']])).toEqual([['import.json.schemaVersion', '2']]);
    expect(problemMessage(problems[0] as Problem, 'zh')).toBe('不支持的 schemaVersion「2」：只能读取第1版的自评表 JSON。');
    delete json['schemaVersion'];
    expect(refusal(JSON.stringify(json)).map((p) => [p.code, p.path])).toEqual([['import.json.missing', '$.schemaVersion']]);
  });

  it('names the JSON path of a field of the wrong type', () => {
    const json = seedJson();
    const text = JSON.stringify(json).replace('"name":"预算完成率","weight":2', '"name":"预算完成率","weight":"2"');
    const problems = refusal(text);
    expect(problems.map((p) => [p.code, p.path, p.params['expected'], p.params['found']])).toEqual([
      ['import.json.type', '$.indicators[0].children[0].children[0].weight', 'numberOrNull', 'string'],
    ]);
    expect(problemMessage(problems[0] as Problem, 'en')).toBe('$.indicators[0].children[0].children[0].weight must be a finite number or null, found string.');
  });

  it('reports every bad field, unknown and missing ones included', () => {
    const json = seedJson();
    const unit = json['unit'] as Record<string, unknown>;
    unit['extra'] = true;
    delete unit['year'];
    (json['expenditure'] as Record<string, Record<string, unknown>>)['budgeted'] = { fiscalAppropriation: 1 };
    json['printedGrade'] = 'A';
    const problems = refusal(JSON.stringify(json));
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ['import.json.unknownField', '$.unit.extra'],
      ['import.json.missing', '$.unit.year'],
      ['import.json.missing', '$.expenditure.budgeted.otherFunds'],
      ['import.json.missing', '$.expenditure.budgeted.basicExpenditure'],
      ['import.json.missing', '$.expenditure.budgeted.projectExpenditure'],
      ['import.json.missing', '$.expenditure.budgeted.ownLevelExpenditure'],
      ['import.json.missing', '$.expenditure.budgeted.transferPayment'],
      ['import.json.invalidValue', '$.printedGrade'],
    ]);
  });

  it('refuses wrong kinds and levels in the tree, and unknown methods', () => {
    const text = serializeForm(seed);
    const cases: [string, string, string][] = [
      ['"kind": "leaf",\n              "id": "1.1.1"', '"kind": "group",\n              "id": "1.1.1"', '$.indicators[0].children[0].children[0]'],
      ['"level": 2', '"level": 3', '$.indicators[0].children[0].level'],
      ['"kind": "manual"', '"kind": "guess"', '$.indicators[0].children[0].children[1].method.kind'],
      ['"category": "duty"', '"category": "履职"', '$.indicators[1].category'],
    ];
    for (const [from, to, path] of cases) {
      expect(text).toContain(from);
      const problems = refusal(text.replace(from, to));
      expect(problems.some((p) => p.path.startsWith(path)), `${to} at ${path}: ${JSON.stringify(problems.map((p) => p.path))}`).toBe(true);
    }
  });

  it('refuses a top level that is not an object', () => {
    expect(refusal('[]').map((p) => [p.code, p.path, p.params['found']])).toEqual([['import.json.type', '$', 'array']]);
    expect(refusal('null').map((p) => p.path)).toEqual(['$']);
  });

  it('agrees with core’s schema on hundreds of damaged documents', () => {
    const base = serializeForm(withEveryMethod());
    const replacements: [RegExp, string][] = [
      [/: 2,/u, ': "2",'],
      [/: null/u, ': {}'],
      [/"kind": "leaf"/u, '"kind": "Leaf"'],
      [/: true/u, ': 1'],
      [/: "[^"]*"/u, ': 3'],
      [/"weight": \d+/u, '"weight": -1'],
      [/"year": 2021/u, '"year": 1800'],
      [/"unitCount": 6/u, '"unitCount": 6.5'],
      [/"fraction": 0.5/u, '"fraction": 1.5'],
      [/"perPercent": 5/u, '"perPercent": 0'],
      [/\[\]/u, '{}'],
      [/"id": "[^"]+"/u, '"id": ""'],
      [/,\n\s*"remark": ""/u, ''],
      [/"notApplicable": false/u, '"notApplicable": false, "x": 1'],
    ];
    let checked = 0;
    for (const [pattern, replacement] of replacements) {
      const global = new RegExp(pattern.source, 'gu');
      const positions = [...base.matchAll(global)].map((m) => m.index);
      for (const position of positions.filter((_, i) => i % Math.max(1, Math.floor(positions.length / 20)) === 0)) {
        const damaged = base.slice(0, position) + base.slice(position).replace(pattern, replacement);
        const ours = parseFormJson(damaged).value !== null;
        const theirs = formDocumentSchema.safeParse(JSON.parse(damaged)).success;
        expect(ours, `${replacement} at ${position}`).toBe(theirs);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});
