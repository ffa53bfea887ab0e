#!/usr/bin/env node
// The API against a bare Fastify answering the same JSON from memory, in the same run, on loopback:
// GET /api/forms/:id (goal ≥ 0.6 of the bare throughput) and PUT /api/forms/:id saves (goal ≥ 0.3), 50 concurrent
// connections, on SQLite and — when BENCH_DATABASE_URL or TEST_DATABASE_URL names one — PostgreSQL.
// Bounded: each measurement lasts DURATION seconds or AMOUNT requests, whichever comes first.
// `node bench/server.mjs` prints a table; `runServerBench()` returns rows for bench/run.mjs.
import { spawn } from 'node:child_process';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import pg from 'pg';

const CONNECTIONS = 50;
const DURATION = Number(process.env.BENCH_SERVER_SECONDS ?? 5);
const AMOUNT = 300_000;
const target = new URL('./server-target.mjs', import.meta.url).pathname;

/** Starts a target process and resolves with what it printed once ready. */
function startTarget(args) {
  const child = spawn(process.execPath, [target, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => resolve({ child, info: JSON.parse(line) }));
    child.once('exit', (code) => reject(new Error(`bench target exited with ${code}`)));
  });
}

function stop(child) {
  child.removeAllListeners('exit');
  child.kill('SIGTERM');
}

/** Loads `url` for DURATION seconds; `request(context)` builds each request, `onResponse` may read the answer. */
async function load(options) {
  console.error(`  loading ${options.method ?? "GET"} ${options.url}`);
  const result = await autocannon({ connections: CONNECTIONS, duration: DURATION, maxOverallRequests: AMOUNT, ...options });
  const bad = result.non2xx + result.errors + result.timeouts;
  if (bad > 0) throw new Error(`${bad} failed requests of ${result.requests.total} on ${options.url}`);
  return { rps: result.requests.average, p99: result.latency.p99, total: result.requests.total };
}

const warm = (options) => autocannon({ connections: CONNECTIONS, duration: 1, ...options });

async function measureGet(app, bare) {
  const get = { url: `${app.url}/api/forms/${app.getId}`, headers: { cookie: app.cookie } };
  await warm(get);
  const appResult = await load(get);
  const bareGet = { url: `${bare.url}/api/forms/x` };
  await warm(bareGet);
  return { appResult, bareResult: await load(bareGet) };
}

/**
 * Saves need the version each answer returns (If-Match), which autocannon's request templates cannot
 * follow reliably: a small closed-loop generator instead, one loop per connection, used for the bare
 * floor too so that both sides pay the same client costs.
 */
async function closedLoop(url, connections, seconds, nextRequest, onAnswer) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const latencies = [];
  let failed = 0;
  const end = performance.now() + seconds * 1000;
  const one = (worker) =>
    new Promise((resolve) => {
      const { method, path, headers, body } = nextRequest(worker);
      const started = performance.now();
      const req = http.request(new URL(path, url), { method, headers, agent }, (res) => {
        res.resume();
        res.on('end', () => {
          latencies.push(performance.now() - started);
          if (res.statusCode !== 200) failed++;
          onAnswer(worker, res);
          resolve();
        });
      });
      req.on('error', () => {
        failed++;
        resolve();
      });
      req.end(body);
    });
  await Promise.all(
    Array.from({ length: connections }, async (_, worker) => {
      while (performance.now() < end && latencies.length < AMOUNT) await one(worker);
    }),
  );
  agent.destroy();
  if (failed > 0) throw new Error(`${failed} failed requests of ${latencies.length} on ${url}`);
  latencies.sort((a, b) => a - b);
  return { rps: latencies.length / seconds, p99: Math.round(latencies[Math.floor(latencies.length * 0.99)] ?? 0), total: latencies.length };
}

async function measurePut(app, bare) {
  const forms = app.saveForms.map((f) => ({ ...f, body: JSON.stringify(f.document) }));
  const headers = { cookie: app.cookie, 'x-csrf-token': app.csrf, 'content-type': 'application/json' };
  const appRequest = (worker) => {
    const form = forms[worker % forms.length];
    return { method: 'PUT', path: `/api/forms/${form.id}`, headers: { ...headers, 'if-match': `"${form.version}"` }, body: form.body };
  };
  const track = (worker, res) => {
    if (res.statusCode === 200) forms[worker % forms.length].version = Number(String(res.headers.etag).replaceAll('"', ''));
  };
  await closedLoop(app.url, CONNECTIONS, 1, appRequest, track);
  const appResult = await closedLoop(app.url, CONNECTIONS, DURATION, appRequest, track);
  const bareRequest = () => ({ method: 'PUT', path: '/api/forms/x', headers: { 'content-type': 'application/json' }, body: forms[0].body });
  await closedLoop(bare.url, CONNECTIONS, 1, bareRequest, () => {});
  return { appResult, bareResult: await closedLoop(bare.url, CONNECTIONS, DURATION, bareRequest, () => {}) };
}

async function benchDialect(name, args) {
  console.error(`server bench: ${name}…`);
  const { child: appChild, info: app } = await startTarget(['app', ...args]);
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-bench-'));
  const bodies = join(dir, 'bodies.json');
  writeFileSync(bodies, JSON.stringify({ getBody: app.getBody, putBody: app.putBody }));
  const { child: bareChild, info: bare } = await startTarget(['bare', bodies]);
  try {
    const get = await measureGet(app, bare);
    const put = await measurePut(app, bare);
    return [
      { name: `GET /api/forms/:id, ${name}`, ...get, goal: 0.6 },
      { name: `PUT /api/forms/:id (save), ${name}`, ...put, goal: 0.3 },
    ];
  } finally {
    stop(appChild);
    stop(bareChild);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs the server benchmarks; rows carry app and bare results and the goal of the throughput ratio. */
export async function runServerBench() {
  const rows = [];
  const sqliteDir = mkdtempSync(join(tmpdir(), 'jixiao-bench-db-'));
  try {
    rows.push(...(await benchDialect('SQLite', [join(sqliteDir, 'bench.sqlite')])));
  } finally {
    rmSync(sqliteDir, { recursive: true, force: true });
  }
  const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (pgUrl) {
    const schema = `bench_${process.pid}`;
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    try {
      rows.push(...(await benchDialect('PostgreSQL', [pgUrl, schema])));
    } finally {
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    }
  } else {
    console.log('PostgreSQL server bench skipped: set BENCH_DATABASE_URL or TEST_DATABASE_URL (scripts/postgres.sh start).');
  }
  return rows;
}

/** The rows as a markdown table. */
export function serverBenchTable(rows) {
  return [
    `API under ${CONNECTIONS} concurrent connections on loopback, ${DURATION} s each, against a bare Fastify answering the same JSON from memory:`,
    '',
    '| what | requests/s | p99 | bare requests/s | bare p99 | throughput ratio | goal |',
    '|---|---|---|---|---|---|---|',
    ...rows.map((r) => {
      const ratio = r.appResult.rps / r.bareResult.rps;
      return `| ${r.name} | ${r.appResult.rps.toFixed(0)} | ${r.appResult.p99} ms | ${r.bareResult.rps.toFixed(0)} | ${r.bareResult.p99} ms | ${ratio.toFixed(2)} | ≥ ${r.goal} ${ratio >= r.goal ? '✓' : '✗'} |`;
    }),
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(serverBenchTable(await runServerBench()));
}
