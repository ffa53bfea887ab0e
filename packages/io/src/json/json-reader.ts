/**
 * A small strict reader for JSON values: each check either returns the value with its TypeScript type
 * or records a problem naming the JSON path of the bad field ($.indicators[0].children[2].weight) and
 * returns null. Unknown fields are errors too: a document that carries data this version does not
 * know would lose it silently on the next save.
 */
import type { ImportCode, Problem } from '@jixiao/core';

/** Errors recorded before the reader stops listing them (one more problem says how many were left). */
const MAX_ERRORS = 50;

/** A JSON object as parsed. */
export type JsonObject = { readonly [key: string]: unknown };

/** The JSON type of a value, as messages name it. */
export function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** The path of a field of the object at `path` ($.unit.name; odd keys quoted: $.unit["a b"]). */
export const field = (path: string, key: string): string => (/^[A-Za-z_$][\w$]*$/u.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`);

/** The path of an element of the array at `path` ($.indicators[0]). */
export const element = (path: string, index: number): string => `${path}[${index}]`;

/** Collects the problems of one document. */
export class JsonReader {
  private readonly list: Problem<ImportCode>[] = [];
  private dropped = 0;

  /** Records an error at `path`. */
  error(code: ImportCode, path: string, params: Record<string, string | number> = {}): null {
    if (this.list.length >= MAX_ERRORS) this.dropped += 1;
    else this.list.push({ code, severity: 'error', path, params: { path, ...params } });
    return null;
  }

  /** True once anything was wrong. */
  failed(): boolean {
    return this.list.length > 0;
  }

  /** The problems, with a count of those not listed. */
  problems(): Problem<ImportCode>[] {
    if (this.dropped === 0) return [...this.list];
    return [...this.list, { code: 'import.tooManyProblems', severity: 'error', path: '', params: { count: this.dropped } }];
  }

  /** An object with exactly `keys` (all required); unknown keys are reported. */
  object(value: unknown, path: string, keys: readonly string[], optional: readonly string[] = []): JsonObject | null {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return this.error('import.json.type', path, { expected: 'object', found: jsonTypeOf(value) });
    const object = value as JsonObject;
    for (const key of Object.keys(object)) {
      if (!keys.includes(key) && !optional.includes(key)) this.error('import.json.unknownField', field(path, key));
    }
    let complete = true;
    for (const key of keys) {
      if (!Object.hasOwn(object, key)) {
        this.error('import.json.missing', field(path, key));
        complete = false;
      }
    }
    return complete ? object : null;
  }

  array(value: unknown, path: string, max: number): unknown[] | null {
    if (!Array.isArray(value)) return this.error('import.json.type', path, { expected: 'array', found: jsonTypeOf(value) });
    if (value.length > max) return this.error('import.json.invalidValue', path, { found: `${value.length} items`, allowed: `at most ${max}` });
    return value;
  }

  string(value: unknown, path: string, max: number): string | null {
    if (typeof value !== 'string') return this.error('import.json.type', path, { expected: 'string', found: jsonTypeOf(value) });
    if (value.length > max) return this.error('import.json.invalidValue', path, { found: `${value.length} characters`, allowed: `at most ${max}` });
    return value;
  }

  boolean(value: unknown, path: string): boolean | null {
    if (typeof value !== 'boolean') return this.error('import.json.type', path, { expected: 'boolean', found: jsonTypeOf(value) });
    return value;
  }

  /** A finite number within [min, max]. */
  number(value: unknown, path: string, min = Number.NEGATIVE_INFINITY, max = Number.POSITIVE_INFINITY): number | null {
    if (typeof value !== 'number' || !Number.isFinite(value)) return this.error('import.json.type', path, { expected: 'number', found: jsonTypeOf(value) });
    if (value < min || value > max) return this.error('import.json.invalidValue', path, { found: String(value), allowed: range(min, max) });
    return value;
  }

  /** A finite number within [min, max], or null; `undefined` in the result means invalid. */
  numberOrNull(value: unknown, path: string, min = Number.NEGATIVE_INFINITY, max = Number.POSITIVE_INFINITY, integer = false): number | null | undefined {
    if (value === null) return null;
    if (typeof value !== 'number' || !Number.isFinite(value) || (integer && !Number.isInteger(value))) {
      this.error('import.json.type', path, { expected: integer ? 'integerOrNull' : 'numberOrNull', found: jsonTypeOf(value) });
      return undefined;
    }
    if (value < min || value > max) {
      this.error('import.json.invalidValue', path, { found: String(value), allowed: range(min, max) });
      return undefined;
    }
    return value;
  }

  /** One of `allowed` (strings or numbers). */
  oneOf<T extends string | number>(value: unknown, path: string, allowed: readonly T[]): T | null {
    if ((allowed as readonly unknown[]).includes(value)) return value as T;
    return this.error('import.json.invalidValue', path, { found: JSON.stringify(value) ?? 'undefined', allowed: allowed.map((a) => JSON.stringify(a)).join(' | ') });
  }
}

function range(min: number, max: number): string {
  if (min === Number.NEGATIVE_INFINITY) return `≤ ${max}`;
  if (max === Number.POSITIVE_INFINITY) return `≥ ${min}`;
  return `${min} … ${max}`;
}
