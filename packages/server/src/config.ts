/** The server's configuration, validated once at start-up from the environment and the command line. */
import { z } from 'zod';

const flag = z.union([z.boolean(), z.enum(['1', 'true', 'yes', '0', 'false', 'no', '']).transform((v) => ['1', 'true', 'yes'].includes(v))]);

/** The configuration's schema: every setting with its default. */
export const configSchema = z.object({
  /** `postgres://…`, or a SQLite file path (default data/jixiao.sqlite), or `:memory:`. */
  databaseUrl: z.string().min(1).default('data/jixiao.sqlite'),
  port: z.coerce.number().int().min(0).max(65_535).default(3000),
  host: z.string().min(1).default('127.0.0.1'),
  nodeEnv: z.enum(['development', 'production', 'test']).default('development'),
  /** Load the demo district, forms and accounts (refused in production). */
  demo: flag.default(false),
  /** Behind a reverse proxy: trust X-Forwarded-* (and so mark cookies Secure on https). */
  trustProxy: flag.default(false),
  /** Sign-in attempts allowed per client address per minute. */
  loginRateLimit: z.coerce.number().int().positive().default(10),
  sessionTtlHours: z.coerce.number().positive().default(12),
  /** PostgreSQL connections per app server. */
  poolSize: z.coerce.number().int().positive().default(10),
});

/** A validated configuration. */
export type ServerConfig = z.infer<typeof configSchema>;

/** The configuration from the environment, overridden by explicit settings (the command line's). */
export function loadConfig(env: Readonly<Record<string, string | undefined>>, overrides: Partial<z.input<typeof configSchema>> = {}): ServerConfig {
  const fromEnv = {
    databaseUrl: env['DATABASE_URL'] || undefined,
    port: env['PORT'] || undefined,
    host: env['HOST'] || undefined,
    nodeEnv: env['NODE_ENV'] || undefined,
    demo: env['JIXIAO_DEMO'] || undefined,
    trustProxy: env['TRUST_PROXY'] || undefined,
    loginRateLimit: env['LOGIN_RATE_LIMIT'] || undefined,
    sessionTtlHours: env['SESSION_TTL_HOURS'] || undefined,
    poolSize: env['DATABASE_POOL_SIZE'] || undefined,
  };
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined));
  return configSchema.parse({ ...fromEnv, ...defined });
}
