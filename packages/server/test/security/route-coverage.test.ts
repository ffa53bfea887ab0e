/**
 * Every route the app registers has a row in the permission matrix (route-matrix.ts) and the row's test
 * file calls it: an endpoint added without deciding who may use it fails here, naming itself.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/dialects.js';
import type { TestApp } from '../helpers/test-app.js';
import { createTestApp } from '../helpers/test-app.js';
import type { RegisteredRoute } from './route-matrix.js';
import { matrixRowOf, ROUTE_MATRIX, routeCollector } from './route-matrix.js';

/** How a test file writes a call to the route: `:id` as `${…}` or a literal segment, up to the URL's end. */
function callPattern(key: string): RegExp {
  const prefix = key.endsWith('**');
  const path = key.slice(key.indexOf(' ') + 1).replace(/\*\*$/u, '');
  const escaped = path
    .split('/')
    .map((segment) => (segment.startsWith(':') ? '(?:\\$\\{[^}]+\\}|[^/\\s\'"`?$]+)' : segment === '*' ? '[^\'"`?\\s]*' : segment.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')))
    .join('/');
  return new RegExp(`['"\`]${escaped}${prefix ? '' : '(?=[\'"`?])'}`, 'gu');
}

/** Whether the file calls the route: the URL, and for methods other than GET the method shortly before it. */
function calls(source: string, key: string): boolean {
  const method = key.slice(0, key.indexOf(' '));
  for (const match of source.matchAll(callPattern(key))) {
    if (method === 'GET' || source.slice(Math.max(0, match.index - 300), match.index).includes(`'${method}'`)) return true;
  }
  return false;
}

describe('the permission matrix covers every route', () => {
  let t: TestApp;
  let routes: RegisteredRoute[] = [];
  beforeAll(async () => {
    const collector = routeCollector();
    const dialect = DIALECTS[0];
    if (!dialect) throw new Error('no dialect');
    t = await createTestApp(dialect, { onRoute: collector.onRoute });
    await t.app.ready();
    routes = collector.routes;
  });
  afterAll(async () => t?.close());

  it('sees the routes (the collector works)', () => {
    expect(routes.length).toBeGreaterThan(30);
    expect(routes).toContainEqual({ method: 'PUT', url: '/api/forms/:id' });
  });

  it('every route has a row', () => {
    const missing = [...new Set(routes.filter((r) => matrixRowOf(r) === null).map((r) => `${r.method === 'HEAD' ? 'GET' : r.method} ${r.url}`))];
    expect(missing, 'routes without a row in test/security/route-matrix.ts (add them to a permission matrix test and a row there)').toEqual([]);
  });

  it('every row names a test file that calls its route, and no row is left over from a removed route', () => {
    const registered = new Set(routes.map((r) => matrixRowOf(r)?.key));
    for (const [key, file] of Object.entries(ROUTE_MATRIX)) {
      expect(registered.has(key), `${key} is no longer registered`).toBe(true);
      const source = readFileSync(new URL(`../${file}`, import.meta.url), 'utf8');
      expect(calls(source, key), `${file} does not call ${key}`).toBe(true);
    }
  });
});
