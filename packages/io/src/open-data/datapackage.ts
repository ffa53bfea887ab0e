/**
 * datapackage.json: the descriptor of the open-data package, in the spirit of the Fiscal Data Package
 * (a Frictionless Tabular Data Package whose amounts say their currency, factor and phase). Made from the
 * same table descriptions that write the CSV files, so every file and every column is described, in
 * order, with its Table Schema type.
 */
import type { OpenDataField } from './open-data-field.js';
import { tableSchemaType } from './open-data-field.js';
import type { OpenDataInput } from './open-data-input.js';
import type { OpenDataTable } from './open-data-tables.js';
import { PHASES } from './open-data-tables.js';

/** 万元: every amount is in units of 10,000 yuan. */
export const AMOUNT_FACTOR = 10000;
/** The currency of every amount. */
export const CURRENCY = 'CNY';

/** One column as Table Schema describes it, with the Fiscal Data Package hints. */
function fieldDescriptor(field: OpenDataField): Record<string, unknown> {
  const type = tableSchemaType(field.kind);
  return {
    name: field.name,
    type,
    title: field.title,
    description: field.description,
    ...(type === 'number' ? { decimalChar: '.', bareNumber: true } : {}),
    ...(type === 'boolean' ? { trueValues: ['true'], falseValues: ['false'] } : {}),
    constraints: { required: field.required, ...(field.enum ? { enum: [...field.enum] } : {}) },
    ...(field.columnType ? { columnType: field.columnType } : {}),
    ...(field.kind === 'amount' ? { unit: '万元', options: { currency: CURRENCY, factor: AMOUNT_FACTOR, direction: 'expenditure' } } : {}),
  };
}

/** The versions of the indicator framework the year's forms were issued from, each with how many forms. */
function frameworkVersions(input: OpenDataInput): { version: number | null; forms: number }[] {
  const counts = new Map<number | null, number>();
  for (const f of input.forms) counts.set(f.templateVersion, (counts.get(f.templateVersion) ?? 0) + 1);
  return [...counts].map(([version, forms]) => ({ version, forms })).sort((a, b) => (a.version ?? -1) - (b.version ?? -1));
}

/** The descriptor of a year's package; `sizes` are the byte lengths of the files, by path. */
export function dataPackageDescriptor(input: OpenDataInput, tables: readonly OpenDataTable[], sizes: ReadonlyMap<string, number>): Record<string, unknown> {
  const { year, provenance } = input;
  return {
    profile: 'tabular-data-package',
    name: `jixiao-performance-${year}`,
    title: `${year}年度部门整体支出绩效自评结果（公开数据）`,
    description: `The published department overall expenditure performance self-evaluations (部门整体支出绩效自评表) of fiscal year ${year}: summaries, expenditure and indicator results of ${input.forms.length} published form(s). Only published forms are included.`,
    version: '1.0.0',
    created: input.createdAt,
    countryCode: 'CN',
    fiscalYear: year,
    fiscalPeriod: { start: `${year}-01-01`, end: `${year}-12-31` },
    currency: CURRENCY,
    indicatorFramework: {
      description: "The year's indicator framework (template): the version each published form was issued from (null: imported without a task).",
      year,
      versions: frameworkVersions(input),
    },
    licenses: [{ name: provenance.licence.name, title: provenance.licence.title, ...(provenance.licence.path ? { path: provenance.licence.path } : {}) }],
    sources: [{ title: provenance.publisher === '' ? 'jixiao public pages' : `${provenance.publisher}（公开信息）`, path: provenance.sourceUrl }],
    contributors: provenance.publisher === '' ? [] : [{ title: provenance.publisher, role: 'publisher' }],
    producer: { software: provenance.software.name, version: provenance.software.version, ...(provenance.software.homepage ? { homepage: provenance.software.homepage } : {}) },
    keywords: ['绩效自评', 'performance evaluation', 'budget', 'expenditure', String(year)],
    resources: tables.map((t) => ({
      name: t.name,
      path: t.path,
      title: t.title,
      description: t.description,
      profile: 'tabular-data-resource',
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      bytes: sizes.get(t.path) ?? 0,
      dialect: { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true },
      schema: { fields: t.fields.map(fieldDescriptor), primaryKey: [...t.primaryKey], missingValues: [''] },
    })),
    // The Fiscal Data Package's logical model: which column is the money, and what it is measured in.
    model: {
      measures: { amount: { source: 'amount', resource: 'expenditure', currency: CURRENCY, factor: AMOUNT_FACTOR, direction: 'expenditure' } },
      dimensions: {
        fiscalYear: { dimensionType: 'datetime', attributes: { year: { source: 'year' } }, primaryKey: 'year' },
        department: { dimensionType: 'administrative-classification', attributes: { region: { source: 'region' }, department: { source: 'department' } }, primaryKey: ['region', 'department'] },
        phase: { dimensionType: 'other', attributes: { phase: { source: 'phase', values: [...PHASES] } }, primaryKey: 'phase' },
        column: { dimensionType: 'classification', attributes: { column: { source: 'column' }, label: { source: 'columnLabel', labelfor: 'column' } }, primaryKey: 'column' },
      },
    },
  };
}
