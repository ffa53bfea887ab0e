/**
 * The permission matrix's table of contents: every route the app registers ("METHOD /path" as Fastify
 * names it) and the test file, under packages/server/test/, whose matrix runs it for every role and scope
 * and for the public. route-coverage.test.ts fails for a route without a row here, and for a row whose
 * file never calls the route, so that no endpoint is added without someone deciding who may use it.
 * HEAD routes are their GET's; a row ending in `**` covers every route under its prefix (`/*` is the one
 * route Fastify names so: the web app's fallback).
 */
export const ROUTE_MATRIX: Readonly<Record<string, string>> = {
  // The system: open to everyone, no data.
  'GET /api/health': 'security/endpoint-matrix.test.ts',
  'GET /api/openapi.json': 'security/endpoint-matrix.test.ts',
  'GET /api/docs**': 'security/endpoint-matrix.test.ts',
  'GET /*': 'security/endpoint-matrix.test.ts',
  // Sessions.
  'POST /api/session': 'security/endpoint-matrix.test.ts',
  'GET /api/session': 'security/endpoint-matrix.test.ts',
  'DELETE /api/session': 'security/endpoint-matrix.test.ts',
  'PUT /api/session/password': 'security/endpoint-matrix.test.ts',
  // Forms.
  'GET /api/forms': 'permissions.test.ts',
  'GET /api/forms/:id': 'permissions.test.ts',
  'PUT /api/forms/:id': 'permissions.test.ts',
  'POST /api/forms/:id/transitions': 'permissions.test.ts',
  'PUT /api/forms/:id/reviews/:indicatorId': 'permissions.test.ts',
  'GET /api/forms/:id/history': 'permissions.test.ts',
  'GET /api/forms/:id/compare': 'permissions.test.ts',
  'GET /api/forms/:id/export/:format': 'permissions.test.ts',
  'GET /api/forms/:id/attachments': 'permissions.test.ts',
  'POST /api/forms/:id/attachments': 'permissions.test.ts',
  'GET /api/forms/:id/attachments/:attachmentId': 'security/endpoint-matrix.test.ts',
  // Uploads.
  'POST /api/uploads': 'security/endpoint-matrix.test.ts',
  'POST /api/forms': 'security/endpoint-matrix.test.ts',
  'POST /api/forms/:id/upload': 'security/endpoint-matrix.test.ts',
  // Templates, tasks, accounts, organisation.
  'GET /api/templates': 'security/endpoint-matrix.test.ts',
  'POST /api/templates': 'security/endpoint-matrix.test.ts',
  'GET /api/tasks': 'security/endpoint-matrix.test.ts',
  'POST /api/tasks': 'security/endpoint-matrix.test.ts',
  'POST /api/users': 'security/endpoint-matrix.test.ts',
  'GET /api/regions': 'permissions-organisations.test.ts',
  'POST /api/regions': 'permissions-organisations.test.ts',
  'PATCH /api/regions/:id': 'permissions-organisations.test.ts',
  'GET /api/departments': 'permissions-organisations.test.ts',
  'POST /api/departments': 'permissions-organisations.test.ts',
  'PATCH /api/departments/:id': 'permissions-organisations.test.ts',
  // Follow-ups (整改).
  'POST /api/forms/:id/follow-ups': 'permissions-follow-ups.test.ts',
  'GET /api/follow-ups': 'permissions-follow-ups.test.ts',
  'GET /api/follow-ups/summary': 'permissions-follow-ups.test.ts',
  'GET /api/follow-ups/owners': 'permissions-follow-ups.test.ts',
  'GET /api/follow-ups/:id': 'permissions-follow-ups.test.ts',
  'PATCH /api/follow-ups/:id': 'permissions-follow-ups.test.ts',
  'GET /api/follow-ups/:id/history': 'permissions-follow-ups.test.ts',
  // The public.
  'GET /api/public/forms': 'security/endpoint-matrix.test.ts',
  'GET /api/public/summary': 'security/endpoint-matrix.test.ts',
  'GET /api/public/forms/:id': 'permissions.test.ts',
  'GET /api/public/forms/:id/export/:format': 'security/endpoint-matrix.test.ts',
  'GET /api/public/years': 'open-data.test.ts',
  'GET /api/public/ranking': 'open-data.test.ts',
  'GET /api/public/open-data/:year.zip': 'open-data.test.ts',
  'GET /api/public/open-data/:year/:file': 'open-data.test.ts',
  // Analysis (dashboard, its tables, a department's history) and bulk import from the web.
  'GET /api/analysis/dashboard': 'permissions-analysis.test.ts',
  'GET /api/analysis/tables/:table': 'permissions-analysis.test.ts',
  'GET /api/analysis/departments/:id': 'permissions-analysis.test.ts',
  'POST /api/bulk-imports/preview': 'permissions-bulk-import.test.ts',
  'POST /api/bulk-imports/confirm': 'permissions-bulk-import.test.ts',
};

/** A registered route: method and URL as Fastify names them. */
export interface RegisteredRoute {
  method: string;
  url: string;
}

/** The matrix row of a route, or null (HEAD is looked up as GET; `**` rows match by prefix). */
export function matrixRowOf(route: RegisteredRoute): { key: string; file: string } | null {
  const method = route.method === 'HEAD' ? 'GET' : route.method;
  const exact = `${method} ${route.url}`;
  if (ROUTE_MATRIX[exact] !== undefined) return { key: exact, file: ROUTE_MATRIX[exact] };
  for (const [key, file] of Object.entries(ROUTE_MATRIX)) {
    if (key.endsWith('**') && exact.startsWith(key.slice(0, -2))) return { key, file };
  }
  return null;
}

/** Every route of an app, one entry per method, told through buildApp's onRoute option. */
export function routeCollector(): { routes: RegisteredRoute[]; onRoute: (route: { method: string | string[]; url: string }) => void } {
  const routes: RegisteredRoute[] = [];
  return { routes, onRoute: (route) => routes.push(...[route.method].flat().map((method) => ({ method, url: route.url }))) };
}
