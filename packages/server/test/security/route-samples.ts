/**
 * Concrete requests for any registered route, for the tests that go through every route whatever it is
 * (CSRF, hostile strings, the audit log): its URL with real ids of the world in its parameters, and a body
 * that gets past validation (the route's own sample where one is needed, else built from its OpenAPI schema).
 */
import { leavesOf } from '@jixiao/core';
import type { World } from '../helpers/factories.js';
import { seedForm } from '../helpers/factories.js';

/** Ids the samples put in routes' parameters. */
export interface SampleIds {
  world: World;
  /** A draft of d1 (the department of editor1 and head1). */
  formId: string;
  /** A published form (readable by everyone). */
  publishedFormId: string;
  attachmentId: string;
}

/** The first leaf indicator of the seed form (every form the factories make has it). */
export const SAMPLE_LEAF_ID = leavesOf(seedForm())[0]?.leaf.id ?? '';

/** A value for one path parameter of a route, by its name and where it sits. */
export function sampleParam(url: string, name: string, ids: SampleIds): string {
  if (name === 'indicatorId') return SAMPLE_LEAF_ID;
  if (name === 'attachmentId') return ids.attachmentId;
  if (name === 'format') return 'json';
  if (name === 'year') return '2021';
  if (name === 'id') {
    if (url.startsWith('/api/public/forms/')) return ids.publishedFormId;
    if (url.startsWith('/api/forms/')) return ids.formId;
    if (url.startsWith('/api/regions/')) return ids.world.regions.r1;
    if (url.startsWith('/api/departments/')) return ids.world.departments.d1;
  }
  return 'sample';
}

/** The route's URL with every parameter filled (one of them, optionally, by `override`). */
export function concreteUrl(url: string, ids: SampleIds, override?: { name: string; value: string }): string {
  return url
    .replace(/:([A-Za-z]\w*)/gu, (_, name: string) => encodeURIComponent(override?.name === name ? override.value : sampleParam(url, name, ids)))
    .replace(/\*$/u, override?.name === '*' ? encodeURIComponent(override.value) : 'sample');
}

/** The names of a route's path parameters (`*` for a wildcard). */
export function paramNames(url: string): string[] {
  return [...[...url.matchAll(/:([A-Za-z]\w*)/gu)].map((m) => m[1] ?? ''), ...(url.endsWith('*') ? ['*'] : [])];
}

/** An OpenAPI (JSON Schema) fragment, as far as the samples read it. */
export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  minimum?: number;
  minItems?: number;
  pattern?: string;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  default?: unknown;
  nullable?: boolean;
}

/** A string a field of that name and pattern accepts. */
function sampleString(name: string, schema: JsonSchema, ids: SampleIds): string {
  if (name === 'regionId') return ids.world.regions.r1;
  if (name === 'departmentId' || name === 'ownerDepartmentId') return ids.world.departments.d1;
  if (name === 'indicatorId') return SAMPLE_LEAF_ID;
  if (name === 'formId') return ids.formId;
  if (schema.pattern?.includes('\\d{4}-\\d{2}-\\d{2}')) return '2031-03-31';
  if (name.toLowerCase().includes('password')) return 'a sample password';
  return `样例${name}`;
}

/** A value the schema accepts, with real ids where the field names one. */
export function sampleValue(schema: JsonSchema, ids: SampleIds, name = ''): unknown {
  if (schema.enum?.length) return schema.enum[0];
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants?.length) return sampleValue(variants.find((v) => v.type !== 'null') ?? variants[0] ?? {}, ids, name);
  const type = Array.isArray(schema.type) ? (schema.type.find((t) => t !== 'null') ?? 'null') : schema.type;
  switch (type) {
    case 'object':
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([key, s]) => [key, sampleValue(s, ids, key)]));
    case 'array':
      return Array.from({ length: schema.minItems ?? (name.endsWith('Ids') ? 1 : 0) }, () => sampleValue(schema.items ?? {}, ids, name.replace(/s$/u, '')));
    case 'integer':
    case 'number':
      return name === 'year' ? 2101 : Math.max(schema.minimum ?? 1, 1);
    case 'boolean':
      return false;
    case 'string':
      return sampleString(name, schema, ids);
    default:
      return schema.default ?? null;
  }
}

/** Every path to a string inside a value (where a hostile string can go), in order. */
export function stringPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringPaths(v, [...path, i]));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => stringPaths(v, [...path, k]));
  return [];
}

/** A copy of the value with the string at `path` replaced. */
export function withStringAt(value: unknown, path: readonly (string | number)[], text: string): unknown {
  if (path.length === 0) return text;
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let at: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  at[path[path.length - 1] as string | number] = text;
  return copy;
}
