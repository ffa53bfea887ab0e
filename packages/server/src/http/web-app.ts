/**
 * Serves the built web app (packages/web/dist) at `/`: its files with their content types (hashed
 * assets cached for a year, index.html never), and index.html for any other GET that is not under
 * `/api` so the app's own routes (/forms/…, /public/…) survive a reload. Files are read once at start-up:
 * the app is a few files, and no request path ever reaches the file system.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** Where `npm run build -w @jixiao/web` writes the app, from this file's place in src/ or dist/. */
export const WEB_DIST = fileURLToPath(new URL('../../../web/dist', import.meta.url));

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

interface WebFile {
  body: Buffer;
  type: string;
  immutable: boolean;
}

function readTree(root: string, dir: string, out: Map<string, WebFile>): void {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) readTree(root, path, out);
    else {
      const url = `/${relative(root, path).split(sep).join('/')}`;
      out.set(url, { body: readFileSync(path), type: TYPES[extname(name)] ?? 'application/octet-stream', immutable: url.startsWith('/assets/') });
    }
  }
}

/** Options of the plugin. */
export interface WebAppOptions {
  /** The built app's folder; defaults to packages/web/dist. */
  root?: string;
}

/** Registers the web app's routes; without a built app, `/` says how to build it. */
export async function webApp(app: FastifyInstance, options: WebAppOptions = {}): Promise<void> {
  const root = options.root ?? WEB_DIST;
  const files = new Map<string, WebFile>();
  if (existsSync(join(root, 'index.html'))) readTree(root, root, files);
  const index = files.get('/index.html');

  const send = (reply: FastifyReply, file: WebFile): FastifyReply =>
    reply
      .header('content-type', file.type)
      .header('cache-control', file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
      .send(file.body);

  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (path.startsWith('/api/') || path === '/api') return reply.callNotFound();
    const file = files.get(path);
    if (file) return send(reply, file);
    if (path.startsWith('/assets/')) return reply.callNotFound();
    if (!index) return reply.type('text/plain; charset=utf-8').send('jixiao: the web app is not built (npm run build -w @jixiao/web).\n');
    return send(reply, index);
  });
}
