/**
 * A column of an open-data table, described once: the CSV header, how its values are written, and what
 * datapackage.json says about it (Table Schema type, title, description and Fiscal Data Package hints)
 * all come from this one description, so the files and their descriptor cannot drift apart.
 */
import { formatFixed } from '@jixiao/core';
import { printedAmount, printedPlain } from '../layout/printed-numbers.js';
import { guardFormula } from '../csv/csv-text.js';

/**
 * How a column's values are written: text (formula-guarded), an amount in 万元 (two decimals or more,
 * exactly as in the form), a score or weight (exactly as entered), a whole number, a flag, a date.
 */
export type FieldKind = 'text' | 'amount' | 'score' | 'integer' | 'boolean' | 'date';

/** A value of a row, before it is written. */
export type FieldValue = string | number | boolean | null;

/** One column. */
export interface OpenDataField {
  name: string;
  kind: FieldKind;
  /** The Chinese label (from the glossary where the form has the term). */
  title: string;
  /** What the column holds, in English. */
  description: string;
  /** Whether every row has a value. */
  required: boolean;
  /** The only values the column takes, when it is a code list. */
  enum?: readonly string[];
  /** The Fiscal Data Package column type (value, phase, administrative classification …). */
  columnType?: string;
}

/** The Table Schema type of a kind. */
export function tableSchemaType(kind: FieldKind): 'string' | 'number' | 'integer' | 'boolean' | 'date' {
  switch (kind) {
    case 'text':
      return 'string';
    case 'amount':
    case 'score':
      return 'number';
    case 'integer':
      return 'integer';
    case 'boolean':
      return 'boolean';
    case 'date':
      return 'date';
  }
}

/** A value as written in the CSV: exact decimals, never a binary float's noise; '' for none. */
export function writeFieldValue(field: OpenDataField, value: FieldValue): string {
  if (value === null) return '';
  switch (field.kind) {
    case 'text':
    case 'date':
      return guardFormula(String(value));
    case 'amount':
      return printedAmount(Number(value)).text;
    case 'score':
      return printedPlain(Number(value)).text;
    case 'integer':
      return formatFixed(Number(value), 0);
    case 'boolean':
      return value === true ? 'true' : 'false';
  }
}
