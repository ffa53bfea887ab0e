/**
 * The Fastify application, built apart from listening (tests call `app.inject()`): security headers,
 * cookies, the session and CSRF hooks, the login rate limit, OpenAPI, errors as JSON, and the routes.
 */
import { timingSafeEqual } from 'node:crypto';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { renderMessage } from '@jixiao/core';
import type { FastifyBaseLogger, FastifyError, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import Fastify from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { hasZodFastifySchemaValidationErrors, jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { ApiError } from '../services/api-error.js';
import { closeFormatWorkers } from '../services/format-workers/format-pool.js';
import { sessionOf } from '../services/auth-service.js';
import type { ServiceContext } from '../services/context.js';
import { ERROR_STATUS } from './error-status.js';
import { langOf } from './lang.js';
import { refuseNul } from './nul-guard.js';
import { presentProblem } from './presenters.js';
import { CSRF_HEADER, SESSION_COOKIE } from './request-auth.js';
import { registerAdminRoutes } from './routes/admin-routes.js';
import { registerBulkImportRoutes } from './routes/bulk-import-routes.js';
import { registerAnalysisRoutes } from './routes/analysis-routes.js';
import { registerFileRoutes } from './routes/file-routes.js';
import { registerFollowUpRoutes } from './routes/follow-up-routes.js';
import { registerFormRoutes } from './routes/form-routes.js';
import { registerOrganisationRoutes } from './routes/organisation-routes.js';
import { registerPublicRoutes } from './routes/public-routes.js';
import { registerSessionRoutes } from './routes/session-routes.js';
import { registerTaskRoutes } from './routes/task-routes.js';

/** The app with zod schemas on its routes. */
export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

/** What the app needs beyond the services. */
export interface AppOptions {
  ctx: ServiceContext;
  /** Production: cookies always Secure. */
  production: boolean;
  trustProxy: boolean;
  /** Sign-in attempts per client address per minute. */
  loginRateLimit: number;
  logger?: boolean;
  /** Told of every route as it is registered (the security tests check each one has a permission-matrix row). */
  onRoute?: (route: { method: string | string[]; url: string }) => void;
}

/** What every route module receives. */
export interface RouteDeps {
  ctx: ServiceContext;
  /** Whether session cookies carry Secure: always in production, else when the request came over https. */
  secureCookie: (protocol: string) => boolean;
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Builds the application (not listening). */
export async function buildApp(options: AppOptions): Promise<App> {
  const app = Fastify({ logger: options.logger ?? false, trustProxy: options.trustProxy, bodyLimit: 25 * 1024 * 1024 }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  if (options.onRoute) app.addHook('onRoute', options.onRoute);
  const deps: RouteDeps = { ctx: options.ctx, secureCookie: (protocol) => options.production || protocol === 'https' };

  await app.register(helmet, { global: true });
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: 20 * 1024 * 1024, files: 1, fields: 10 } });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: () => Object.assign(new ApiError('api.rateLimited'), { statusCode: 429 }),
  });
  await app.register(swagger, {
    openapi: {
      info: { title: 'jixiao API', description: '部门整体支出绩效自评表 — forms, review workflow, publication', version: '0.1.0' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE }, csrf: { type: 'apiKey', in: 'header', name: CSRF_HEADER } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  app.decorateRequest('session', null);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    request.session = token ? await sessionOf(options.ctx, token) : null;
    if (request.session !== null && UNSAFE_METHODS.has(request.method) && request.routeOptions.config.csrf !== false) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !sameToken(sent, request.session.csrfToken)) throw new ApiError('api.csrf');
    }
  });

  app.addHook('preValidation', refuseNul);
  // The format workers belong to the process; closing the app ends them (the next job starts them again).
  app.addHook('onClose', closeFormatWorkers);

  app.setErrorHandler((error: FastifyError | ApiError, request, reply) => {
    const lang = langOf(request);
    if (error instanceof ApiError) {
      if (error.code === 'api.busy') reply.header('retry-after', String(error.params.seconds));
      return reply.status(ERROR_STATUS[error.code]).send({
        error: { code: error.code, message: renderMessage(error.code, error.params, lang), ...error.details, ...(error.problems.length ? { problems: error.problems.map((p) => presentProblem(p, lang)) } : {}) },
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const detail = error.validation.map((v) => `${v.instancePath || '/'} ${v.message ?? ''}`.trim()).slice(0, 5).join('; ');
      return reply.status(400).send({ error: { code: 'api.badRequest', message: renderMessage('api.badRequest', { detail }, lang) } });
    }
    if (error.code === 'FST_REQ_FILE_TOO_LARGE') {
      return reply.status(413).send({ error: { code: 'api.fileTooLarge', message: renderMessage('api.fileTooLarge', { limitMb: 20 }, lang) } });
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return reply.status(status).send({ error: { code: 'api.badRequest', message: renderMessage('api.badRequest', { detail: error.message }, lang) } });
    }
    request.log.error(error);
    return reply.status(500).send({ error: { code: 'api.internal', message: renderMessage('api.internal', {}, lang) } });
  });
  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send({ error: { code: 'api.notFound', message: renderMessage('api.notFound', {}, langOf(request)) } });
  });

  app.get('/api/health', { schema: { tags: ['system'], summary: 'Liveness and database check' } }, async () => {
    await options.ctx.db.selectFrom('regions').select('id').limit(1).execute();
    return { status: 'ok' };
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  registerSessionRoutes(app, deps, options.loginRateLimit);
  registerFormRoutes(app, deps);
  registerFileRoutes(app, deps);
  registerTaskRoutes(app, deps);
  registerAdminRoutes(app, deps);
  registerOrganisationRoutes(app, deps);
  registerFollowUpRoutes(app, deps);
  registerAnalysisRoutes(app, deps);
  registerPublicRoutes(app, deps);
  registerBulkImportRoutes(app, deps);
  await app.register((await import('./web-app.js')).webApp);
  return app;
}
