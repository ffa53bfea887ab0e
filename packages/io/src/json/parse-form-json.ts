/**
 * Reading the canonical JSON of a form, strictly: the schemaVersion first (other versions are refused
 * with what was found), then every field's type and allowed values, each problem naming the JSON path
 * of the bad field. Nothing is coerced or defaulted; a document with any error gives no form. The
 * limits are those of core's schema (docs/form.schema.json).
 */
import { EXPENDITURE_COLUMNS, GRADES, SCHEMA_VERSION } from '@jixiao/core';
import type {
  ExpenditureCells,
  ExpenditureTable,
  FormDocument,
  ImportCode,
  IndicatorCategory,
  IndicatorLeaf,
  Level1Group,
  Level2Group,
  RateSource,
  ScoringMethod,
  WithProblems,
} from '@jixiao/core';
import { BANDS_MAX, CHILDREN_MAX, ID_MAX, LEVEL1_MAX, NAME_MAX, TEXT_MAX, YEAR_MAX, YEAR_MIN } from '@jixiao/core';
import type { JsonObject } from './json-reader.js';
import { element, field, jsonTypeOf, JsonReader } from './json-reader.js';

const CATEGORIES: readonly IndicatorCategory[] = ['management', 'duty', 'adjustment', 'other'];
const RATE_COLUMNS = [...EXPENDITURE_COLUMNS, 'total'] as const;

type Read<T> = T | null;

function readId(r: JsonReader, value: unknown, path: string): Read<string> {
  const id = r.string(value, path, ID_MAX);
  if (id === '') return r.error('import.json.invalidValue', path, { found: '""', allowed: 'a non-empty id' });
  return id;
}

function readRate(r: JsonReader, value: unknown, path: string): Read<RateSource> {
  const from = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject)['from'] : undefined;
  if (from === 'expenditure') {
    const o = r.object(value, path, ['from', 'column']);
    const column = o && r.oneOf(o['column'], field(path, 'column'), RATE_COLUMNS);
    return column === null ? null : { from: 'expenditure', column };
  }
  if (from === 'entered') {
    const o = r.object(value, path, ['from', 'percent']);
    const percent = o && r.numberOrNull(o['percent'], field(path, 'percent'));
    return o === null || percent === undefined ? null : { from: 'entered', percent };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return r.error('import.json.type', path, { expected: 'object', found: jsonTypeOf(value) });
  return r.oneOf(from, field(path, 'from'), ['expenditure', 'entered']) && null;
}

function readMethod(r: JsonReader, value: unknown, path: string): Read<ScoringMethod> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return r.error('import.json.type', path, { expected: 'object', found: jsonTypeOf(value) });
  const kind = r.oneOf((value as JsonObject)['kind'], field(path, 'kind'), ['manual', 'proportional', 'steps', 'bands', 'target', 'adjustment']);
  switch (kind) {
    case null:
      return null;
    case 'manual':
      return r.object(value, path, ['kind']) && { kind: 'manual' };
    case 'proportional': {
      const o = r.object(value, path, ['kind', 'rate']);
      const rate = o && readRate(r, o['rate'], field(path, 'rate'));
      return rate && { kind: 'proportional', rate };
    }
    case 'steps': {
      const o = r.object(value, path, ['kind', 'rate', 'direction', 'fullAtPercent', 'perPercent', 'deduct']);
      if (o === null) return null;
      const rate = readRate(r, o['rate'], field(path, 'rate'));
      const direction = r.oneOf(o['direction'], field(path, 'direction'), ['shortfall', 'excess']);
      const fullAtPercent = r.number(o['fullAtPercent'], field(path, 'fullAtPercent'));
      const perPercent = r.number(o['perPercent'], field(path, 'perPercent'), Number.MIN_VALUE);
      const deduct = r.number(o['deduct'], field(path, 'deduct'), 0);
      if (rate === null || direction === null || fullAtPercent === null || perPercent === null || deduct === null) return null;
      return { kind: 'steps', rate, direction, fullAtPercent, perPercent, deduct };
    }
    case 'bands': {
      const o = r.object(value, path, ['kind', 'rate', 'bands']);
      if (o === null) return null;
      const rate = readRate(r, o['rate'], field(path, 'rate'));
      const list = r.array(o['bands'], field(path, 'bands'), BANDS_MAX);
      if (list === null) return null;
      const bands = list.map((b, i) => {
        const at = element(field(path, 'bands'), i);
        const band = r.object(b, at, ['minPercent', 'fraction']);
        if (band === null) return null;
        const minPercent = r.number(band['minPercent'], field(at, 'minPercent'));
        const fraction = r.number(band['fraction'], field(at, 'fraction'), 0, 1);
        return minPercent === null || fraction === null ? null : { minPercent, fraction };
      });
      if (rate === null || bands.some((b) => b === null)) return null;
      return { kind: 'bands', rate, bands: bands.filter((b) => b !== null) };
    }
    case 'target': {
      const o = r.object(value, path, ['kind'], ['judgedBand']);
      if (o === null) return null;
      if (!Object.hasOwn(o, 'judgedBand')) return { kind: 'target' };
      if (o['judgedBand'] === null) return { kind: 'target', judgedBand: null };
      const band = r.oneOf(o['judgedBand'], field(path, 'judgedBand'), ['high', 'middle', 'low']);
      return band && { kind: 'target', judgedBand: band };
    }
    case 'adjustment': {
      const o = r.object(value, path, ['kind', 'praises', 'faults']);
      if (o === null) return null;
      const praises = r.numberOrNull(o['praises'], field(path, 'praises'), 0, Number.POSITIVE_INFINITY, true);
      const faults = r.numberOrNull(o['faults'], field(path, 'faults'), 0, Number.POSITIVE_INFINITY, true);
      return praises === undefined || faults === undefined ? null : { kind: 'adjustment', praises, faults };
    }
  }
}

const LEAF_KEYS = ['kind', 'id', 'level', 'name', 'weight', 'definition', 'target', 'actual', 'selfScore', 'basis', 'remark', 'method', 'notApplicable'];
const GROUP_KEYS = ['kind', 'id', 'level', 'name', 'weight', 'category', 'children'];

function readLeaf(r: JsonReader, value: unknown, path: string): Read<IndicatorLeaf> {
  const o = r.object(value, path, LEAF_KEYS);
  if (o === null) return null;
  const kind = r.oneOf(o['kind'], field(path, 'kind'), ['leaf']);
  const level = r.oneOf(o['level'], field(path, 'level'), [3]);
  const id = readId(r, o['id'], field(path, 'id'));
  const name = r.string(o['name'], field(path, 'name'), NAME_MAX);
  const weight = r.numberOrNull(o['weight'], field(path, 'weight'), 0);
  const texts = (['definition', 'target', 'actual', 'basis', 'remark'] as const).map((key) => r.string(o[key], field(path, key), TEXT_MAX));
  const selfScore = r.numberOrNull(o['selfScore'], field(path, 'selfScore'));
  const method = readMethod(r, o['method'], field(path, 'method'));
  const notApplicable = r.boolean(o['notApplicable'], field(path, 'notApplicable'));
  const [definition, target, actual, basis, remark] = texts;
  if (kind === null || level === null || id === null || name === null || weight === undefined || selfScore === undefined || method === null || notApplicable === null) return null;
  if (definition == null || target == null || actual == null || basis == null || remark == null) return null;
  return { kind: 'leaf', id, level: 3, name, weight, definition, target, actual, selfScore, basis, remark, method, notApplicable };
}

interface GroupFields {
  id: string;
  name: string;
  weight: number | null;
  category: IndicatorCategory;
  children: unknown[];
}

function readGroupFields(r: JsonReader, value: unknown, path: string, level: 1 | 2): Read<GroupFields> {
  const o = r.object(value, path, GROUP_KEYS);
  if (o === null) return null;
  const kind = r.oneOf(o['kind'], field(path, 'kind'), ['group']);
  const readLevel = r.oneOf(o['level'], field(path, 'level'), [level]);
  const id = readId(r, o['id'], field(path, 'id'));
  const name = r.string(o['name'], field(path, 'name'), NAME_MAX);
  const weight = r.numberOrNull(o['weight'], field(path, 'weight'), 0);
  const category = r.oneOf(o['category'], field(path, 'category'), CATEGORIES);
  const children = r.array(o['children'], field(path, 'children'), CHILDREN_MAX);
  if (kind === null || readLevel === null || id === null || name === null || weight === undefined || category === null || children === null) return null;
  return { id, name, weight, category, children };
}

function readLevel2(r: JsonReader, value: unknown, path: string): Read<Level2Group> {
  const g = readGroupFields(r, value, path, 2);
  if (g === null) return null;
  const children = g.children.map((c, i) => readLeaf(r, c, element(field(path, 'children'), i)));
  if (children.some((c) => c === null)) return null;
  return { kind: 'group', id: g.id, level: 2, name: g.name, weight: g.weight, category: g.category, children: children.filter((c) => c !== null) };
}

function readLevel1(r: JsonReader, value: unknown, path: string): Read<Level1Group> {
  const g = readGroupFields(r, value, path, 1);
  if (g === null) return null;
  const children = g.children.map((c, i) => {
    const at = element(field(path, 'children'), i);
    const kind = typeof c === 'object' && c !== null && !Array.isArray(c) ? (c as JsonObject)['kind'] : undefined;
    if (kind === 'leaf') return readLeaf(r, c, at);
    if (kind === 'group') return readLevel2(r, c, at);
    if (typeof c !== 'object' || c === null || Array.isArray(c)) return r.error('import.json.type', at, { expected: 'object', found: jsonTypeOf(c) });
    return r.oneOf(kind, field(at, 'kind'), ['group', 'leaf']) && null;
  });
  if (children.some((c) => c === null)) return null;
  return { kind: 'group', id: g.id, level: 1, name: g.name, weight: g.weight, category: g.category, children: children.filter((c) => c !== null) };
}

function readCells(r: JsonReader, value: unknown, path: string): Read<ExpenditureCells> {
  const o = r.object(value, path, EXPENDITURE_COLUMNS);
  if (o === null) return null;
  const entries = EXPENDITURE_COLUMNS.map((column) => [column, r.numberOrNull(o[column], field(path, column))] as const);
  if (entries.some(([, v]) => v === undefined)) return null;
  return Object.fromEntries(entries) as ExpenditureCells;
}

function readExpenditure(r: JsonReader, value: unknown, path: string): Read<ExpenditureTable> {
  const o = r.object(value, path, ['budgeted', 'executed', 'printedRatePercent']);
  if (o === null) return null;
  const budgeted = readCells(r, o['budgeted'], field(path, 'budgeted'));
  const executed = readCells(r, o['executed'], field(path, 'executed'));
  const printedRatePercent = readCells(r, o['printedRatePercent'], field(path, 'printedRatePercent'));
  return budgeted && executed && printedRatePercent && { budgeted, executed, printedRatePercent };
}

function readDocument(r: JsonReader, value: unknown): Read<FormDocument> {
  const o = r.object(value, '$', ['schemaVersion', 'unit', 'narratives', 'expenditure', 'indicators', 'printedTotal', 'printedGrade']);
  if (o === null) return null;
  const unitObject = r.object(o['unit'], '$.unit', ['name', 'unitCount', 'year']);
  const unitName = unitObject && r.string(unitObject['name'], '$.unit.name', NAME_MAX);
  const unitCount = unitObject ? r.numberOrNull(unitObject['unitCount'], '$.unit.unitCount', 0, Number.POSITIVE_INFINITY, true) : undefined;
  const year = unitObject ? r.numberOrNull(unitObject['year'], '$.unit.year', YEAR_MIN, YEAR_MAX, true) : undefined;
  const narrativeObject = r.object(o['narratives'], '$.narratives', ['goals', 'completion', 'shortfallReasons']);
  const goals = narrativeObject && r.string(narrativeObject['goals'], '$.narratives.goals', TEXT_MAX);
  const completion = narrativeObject && r.string(narrativeObject['completion'], '$.narratives.completion', TEXT_MAX);
  const shortfallReasons = narrativeObject && r.string(narrativeObject['shortfallReasons'], '$.narratives.shortfallReasons', TEXT_MAX);
  const expenditure = readExpenditure(r, o['expenditure'], '$.expenditure');
  const list = r.array(o['indicators'], '$.indicators', LEVEL1_MAX);
  const indicators = list === null ? null : list.map((g, i) => readLevel1(r, g, element('$.indicators', i)));
  const printedTotal = r.numberOrNull(o['printedTotal'], '$.printedTotal');
  const printedGrade = o['printedGrade'] === null ? null : r.oneOf(o['printedGrade'], '$.printedGrade', GRADES);
  if (r.failed()) return null;
  if (unitName == null || unitCount === undefined || year === undefined || goals == null || completion == null || shortfallReasons == null) return null;
  if (expenditure === null || indicators === null || indicators.some((g) => g === null) || printedTotal === undefined) return null;
  return {
    schemaVersion: SCHEMA_VERSION,
    unit: { name: unitName, unitCount, year },
    narratives: { goals, completion, shortfallReasons },
    expenditure,
    indicators: indicators.filter((g) => g !== null),
    printedTotal,
    printedGrade: printedGrade ?? null,
  };
}

/**
 * Reads a form document from its canonical JSON. Refuses text that is not JSON, documents of another
 * schemaVersion, and any field of the wrong type or value, each with the JSON path of the field.
 */
export function parseFormJson(text: string): WithProblems<FormDocument | null, ImportCode> {
  const r = new JsonReader();
  let value: unknown;
  try {
    value = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch (error) {
    r.error('import.json.syntax', '$', { detail: error instanceof Error ? error.message : String(error) });
    return { value: null, problems: r.problems() };
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const version = (value as JsonObject)['schemaVersion'];
    if (version !== SCHEMA_VERSION) {
      r.error(version === undefined ? 'import.json.missing' : 'import.json.schemaVersion', '$.schemaVersion', { found: JSON.stringify(version) ?? 'undefined', expected: SCHEMA_VERSION });
      return { value: null, problems: r.problems() };
    }
  }
  const form = readDocument(r, value);
  return { value: r.failed() ? null : form, problems: r.problems() };
}
