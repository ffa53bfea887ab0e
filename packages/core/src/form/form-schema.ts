/**
 * The canonical document's schema, in zod: it validates JSON read from anywhere (files, the API) and
 * generates docs/form.schema.json. The type-level checks at the bottom keep it and the TypeScript model
 * (form-document.ts) identical: a change to one without the other fails to compile.
 */
import { z } from 'zod';
import { EXPENDITURE_COLUMNS } from './expenditure.js';
import type { FormDocument } from './form-document.js';
import { SCHEMA_VERSION } from './form-document.js';
import { BANDS_MAX, CHILDREN_MAX, ID_MAX, LEVEL1_MAX, NAME_MAX, TEXT_MAX, YEAR_MAX, YEAR_MIN } from './form-limits.js';
import { GRADES } from './grade.js';
import type { IndicatorLeaf, Level1Group } from './indicator.js';
import type { ScoringMethod } from './scoring-method.js';

const amount = z.number().finite().nullable();
const text = z.string().max(TEXT_MAX);
const name = z.string().max(NAME_MAX);

const cells = z.strictObject(Object.fromEntries(EXPENDITURE_COLUMNS.map((c) => [c, amount])) as Record<(typeof EXPENDITURE_COLUMNS)[number], typeof amount>);

const rateSource = z.discriminatedUnion('from', [
  z.strictObject({ from: z.literal('expenditure'), column: z.enum([...EXPENDITURE_COLUMNS, 'total']) }),
  z.strictObject({ from: z.literal('entered'), percent: z.number().finite().nullable() }),
]);

export const scoringMethodSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('manual') }),
  z.strictObject({ kind: z.literal('proportional'), rate: rateSource }),
  z.strictObject({
    kind: z.literal('steps'),
    rate: rateSource,
    direction: z.enum(['shortfall', 'excess']),
    fullAtPercent: z.number().finite(),
    perPercent: z.number().finite().positive(),
    deduct: z.number().finite().nonnegative(),
  }),
  z.strictObject({ kind: z.literal('bands'), rate: rateSource, bands: z.array(z.strictObject({ minPercent: z.number().finite(), fraction: z.number().min(0).max(1) })).max(BANDS_MAX) }),
  z.strictObject({ kind: z.literal('target'), judgedBand: z.enum(['high', 'middle', 'low']).nullable().optional() }),
  z.strictObject({ kind: z.literal('adjustment'), praises: z.number().int().nonnegative().nullable(), faults: z.number().int().nonnegative().nullable() }),
]);

const id = z.string().min(1).max(ID_MAX);
const weight = z.number().finite().nonnegative().nullable();

export const indicatorLeafSchema = z.strictObject({
  kind: z.literal('leaf'),
  id,
  level: z.literal(3),
  name,
  weight,
  definition: text,
  target: text,
  actual: text,
  selfScore: z.number().finite().nullable(),
  basis: text,
  remark: text,
  method: scoringMethodSchema,
  notApplicable: z.boolean(),
});

const category = z.enum(['management', 'duty', 'adjustment', 'other']);

export const level2GroupSchema = z.strictObject({
  kind: z.literal('group'),
  id,
  level: z.literal(2),
  name,
  weight,
  category,
  children: z.array(indicatorLeafSchema).max(CHILDREN_MAX),
});

export const level1GroupSchema = z.strictObject({
  kind: z.literal('group'),
  id,
  level: z.literal(1),
  name,
  weight,
  category,
  children: z.array(z.union([level2GroupSchema, indicatorLeafSchema])).max(CHILDREN_MAX),
});

export const formDocumentSchema = z.strictObject({
  schemaVersion: z.literal(SCHEMA_VERSION),
  unit: z.strictObject({ name, unitCount: z.number().int().nonnegative().nullable(), year: z.number().int().min(YEAR_MIN).max(YEAR_MAX).nullable() }),
  narratives: z.strictObject({ goals: text, completion: text, shortfallReasons: text }),
  expenditure: z.strictObject({ budgeted: cells, executed: cells, printedRatePercent: cells }),
  indicators: z.array(level1GroupSchema).max(LEVEL1_MAX),
  printedTotal: z.number().finite().nullable(),
  printedGrade: z.enum(GRADES).nullable(),
});

/** The JSON Schema of the canonical document (docs/form.schema.json). */
export function formJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://jixiao.example/form.schema.json',
    title: '部门整体支出绩效自评表 (jixiao canonical form document)',
    ...z.toJSONSchema(formDocumentSchema, { target: 'draft-2020-12' }),
  };
}

// Type-level agreement between schema and model (compile-time only).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const agree = <T extends true>(): T | undefined => undefined;
agree<Same<z.infer<typeof scoringMethodSchema>, ScoringMethod>>();
agree<Same<z.infer<typeof indicatorLeafSchema>, IndicatorLeaf>>();
agree<Same<z.infer<typeof level1GroupSchema>, Level1Group>>();
agree<Same<z.infer<typeof formDocumentSchema>, FormDocument>>();
