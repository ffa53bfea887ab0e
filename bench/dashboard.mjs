#!/usr/bin/env node
// The dashboard at scale: `jixiao demo generate`'s district (5,000 departments × 5 years by default;
// BENCH_DEPARTMENTS for a quicker look, which the table then says) generated once per run into a SQLite file
// under a temporary directory and into a PostgreSQL schema, then each dashboard query — the analysis
// services the API calls — measured in alternation with one raw SQL aggregate over the same rows (goal ≤ 5×).
// PostgreSQL: BENCH_DATABASE_URL or TEST_DATABASE_URL, else a throw-away cluster from scripts/postgres.sh
// (on BENCH_PG_PORT, default 55490) when PostgreSQL 15 is installed; otherwise one line says it was skipped.
// `node bench/dashboard.mjs` prints the table; `runDashboardBench()` returns it for bench/run.mjs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import pg from 'pg';
import {
  ANALYSED_STATES,
  argon2Hasher,
  dashboard,
  executionFigure,
  generateDistrict,
  gradeDistributionFigure,
  highMarksFigure,
  HIGH_MARKS_MIN_TOTAL,
  LOW_EXECUTION_PERCENT,
  lostPointsFigure,
  migrateToLatest,
  openDatabase,
  PAGE_ROWS,
  randomIds,
  reviewGapFigure,
  submissionStatusFigure,
  systemClock,
  TOP_ROWS,
  yearOverYearFigure,
} from '@jixiao/server';
import { paired } from './measure.mjs';

const RECORDED_DEPARTMENTS = 5000;
const DEPARTMENTS = Number(process.env.BENCH_DEPARTMENTS ?? RECORDED_DEPARTMENTS);
const YEARS = 5;
const FIRST_YEAR = 2021;
const LATEST = FIRST_YEAR + YEARS - 1;
const GOAL = 5;
const OPTIONS = { rounds: 15, calls: 1, warmupMs: 500 };
const root = new URL('..', import.meta.url).pathname;
const seedText = readFileSync(join(root, 'demo/panyu-kgxj-2021.txt'), 'utf8');
const administrator = { userId: 'bench', role: 'administrator', regionId: null, departmentId: null };

/** Generates the district into an open, migrated database; returns how long it took. */
async function generate(db, label) {
  const ctx = { db, clock: systemClock, newId: randomIds, passwords: argon2Hasher(), sessionTtlMs: 3_600_000 };
  console.error(`dashboard bench: generating ${DEPARTMENTS} departments × ${YEARS} years on ${label}…`);
  let shown = 0;
  const outcome = await generateDistrict(ctx, seedText, {
    departments: DEPARTMENTS,
    years: YEARS,
    firstYear: FIRST_YEAR,
    region: null,
    seed: 1,
    onProgress: (done, total) => {
      if (done - shown >= total / 10) {
        shown = done;
        console.error(`  ${done}/${total} forms`);
      }
    },
  }, false);
  if (outcome.kind !== 'generated') throw new Error(`generation refused: ${JSON.stringify(outcome)}`);
  return { ctx, summary: outcome.summary };
}

/** Runs raw SQL through the same connection (Kysely's `sql`, no query builder): the floor. */
const raw = (db, query) => () => query.execute(db);
const states = () => sql.join([...ANALYSED_STATES]);

/**
 * Each dashboard query with its floor: one raw aggregate over the same rows of the same tables — the
 * analysis facts the dashboard reads (the forms table itself carries each document inline, so a scan of it
 * costs far more than any figure and would flatter the ratios).
 */
function cases(ctx) {
  const { db } = ctx;
  const scope = { year: LATEST, regionId: null, grade: null, states: ANALYSED_STATES };
  return [
    {
      name: 'submission status (counts + first page)',
      run: () => submissionStatusFigure(ctx, scope, { offset: 0, limit: PAGE_ROWS }),
      floorName: 'departments left join facts of the year, count by state',
      floor: raw(db, sql`select af.state, count(*) from departments d left join analysis_forms af on af.department_id = d.id and af.year = ${LATEST} group by af.state`),
    },
    {
      name: 'totals and grades',
      run: () => gradeDistributionFigure(ctx, scope),
      floorName: 'facts of the year: count, avg(total) by grade',
      floor: raw(db, sql`select grade, count(*), avg(total_units) from analysis_forms where year = ${LATEST} and state in (${states()}) group by grade`),
    },
    {
      name: 'self vs review gaps (top 20)',
      run: () => reviewGapFigure(ctx, scope, TOP_ROWS),
      // The review facts are on the facts row (refreshed when a review is saved), so the floor reads that row too.
      floorName: 'reviewed facts of the year, by review − self, top 20',
      floor: raw(db, sql`select form_id, review_delta_units from analysis_forms where year = ${LATEST} and state in (${states()}) and reviewed_leaves > 0 order by review_delta_units limit 20`),
    },
    {
      name: 'expenditure execution by column',
      run: () => executionFigure(ctx, scope),
      floorName: 'facts of the year: count, sum(budgeted), sum(executed)',
      floor: raw(db, sql`select count(*), sum(budgeted_total), sum(executed_total) from analysis_forms where year = ${LATEST} and state in (${states()})`),
    },
    {
      name: 'indicators losing points (top 20, with reasons)',
      run: () => lostPointsFigure(ctx, scope, TOP_ROWS),
      floorName: 'leaves of the year: count, sum(lost) by indicator, top 20',
      floor: raw(db, sql`select l.name_path, count(*), sum(l.lost_units) as s from analysis_leaves l join analysis_forms af on af.form_id = l.form_id where af.year = ${LATEST} and af.state in (${states()}) group by l.name_path order by s desc limit 20`),
    },
    {
      name: 'high marks, low spending (top 20)',
      run: () => highMarksFigure(ctx, scope, TOP_ROWS),
      floorName: 'facts of the year above the marks and below the rate: count, max(total)',
      floor: raw(db, sql`select count(*), max(total_units) from analysis_forms where year = ${LATEST} and state in (${states()}) and total_units >= ${HIGH_MARKS_MIN_TOTAL * 100} and executed_total * 100 < budgeted_total * ${LOW_EXECUTION_PERCENT}`),
    },
    {
      name: 'year over year (series + first page)',
      run: () => yearOverYearFigure(ctx, scope, { offset: 0, limit: PAGE_ROWS }),
      floorName: 'facts: count, sum(total) by year',
      floor: raw(db, sql`select year, count(*), sum(total_units) from analysis_forms where state in (${states()}) group by year`),
    },
    {
      name: 'whole dashboard (every figure and table), all regions',
      run: () => dashboard(ctx, administrator, {}, {}, 'zh'),
      floorName: 'facts: count, avg(total) by year and grade',
      floor: raw(db, sql`select year, grade, count(*), avg(total_units) from analysis_forms group by year, grade`),
      goal: null,
    },
  ];
}

async function measure(ctx, dialect) {
  const rows = [];
  for (const c of cases(ctx)) {
    console.error(`  ${dialect}: ${c.name}`);
    const row = await paired(`${c.name}, ${dialect}`, c.run, c.floorName, c.floor, c.goal === null ? undefined : GOAL, OPTIONS);
    rows.push(row);
  }
  return rows;
}

/** A PostgreSQL URL: the one given, or a cluster started here (stopped by `stop`); null when there is none. */
function postgres() {
  const given = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (given) return { url: given, stop: () => undefined };
  const env = { ...process.env, PG_PORT: process.env.BENCH_PG_PORT ?? '55490' };
  const started = spawnSync('bash', [join(root, 'scripts/postgres.sh'), 'start'], { env, encoding: 'utf8' });
  if (started.status !== 0) return { skipped: (started.stderr || started.stdout || 'scripts/postgres.sh start failed').trim().split('\n')[0] };
  return { url: started.stdout.trim(), stop: () => spawnSync('bash', [join(root, 'scripts/postgres.sh'), 'stop'], { env }) };
}

/** Generates and measures on SQLite and, when available, PostgreSQL. */
export async function runDashboardBench() {
  const result = { rows: [], generation: [], skipped: null };
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-bench-dashboard-'));
  try {
    const database = openDatabase(join(dir, 'district.sqlite'));
    try {
      await migrateToLatest(database.db, database.dialect);
      const { ctx, summary } = await generate(database.db, 'SQLite');
      result.generation.push({ dialect: 'SQLite', summary });
      result.rows.push(...(await measure(ctx, 'SQLite')));
    } finally {
      await database.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const server = postgres();
  if (server.skipped) {
    result.skipped = `PostgreSQL dashboard bench skipped: ${server.skipped}`;
    console.log(result.skipped);
    return result;
  }
  const schema = `bench_dashboard_${process.pid}`;
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  try {
    const database = openDatabase(server.url, { schema });
    try {
      await migrateToLatest(database.db, database.dialect, schema);
      const { ctx, summary } = await generate(database.db, 'PostgreSQL');
      // Fresh statistics, as autovacuum would have by the time anyone looks at the dashboard.
      await sql`analyze`.execute(database.db);
      result.generation.push({ dialect: 'PostgreSQL', summary });
      result.rows.push(...(await measure(ctx, 'PostgreSQL')));
    } finally {
      await database.close();
    }
  } finally {
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
    server.stop();
  }
  return result;
}

/** The results as markdown. */
export function dashboardBenchTable(result) {
  const size = `${DEPARTMENTS.toLocaleString('en')} departments × ${YEARS} years`;
  const override = DEPARTMENTS === RECORDED_DEPARTMENTS ? '' : ` (BENCH_DEPARTMENTS=${DEPARTMENTS}: not the recorded size, ${RECORDED_DEPARTMENTS.toLocaleString('en')})`;
  return [
    `Dashboard queries over ${size}${override}, year ${LATEST}, every region, as an administrator; each against one raw SQL aggregate over the same rows, measured in alternation:`,
    '',
    '| what | median | floor | floor median | ratio | goal |',
    '|---|---|---|---|---|---|',
    ...result.rows.map((r) => `| ${r.name} | ${r.ms.toFixed(2)} ms | ${r.floorName} | ${r.floorMs.toFixed(2)} ms | ${r.ratio.toFixed(2)}× | ${r.goal === undefined ? '—' : `≤ ${r.goal}× ${r.ok ? '✓' : '✗'}`} |`),
    '',
    `Generating the district with \`jixiao demo generate\` (forms stored as saves store them, with their analysis rows): ${result.generation
      .map((g) => `${g.dialect} ${g.summary.forms.toLocaleString('en')} forms in ${(g.summary.ms / 1000).toFixed(0)} s (${Math.round(g.summary.forms / (g.summary.ms / 1000))} forms/s)`)
      .join('; ')}.${result.skipped ? ` ${result.skipped}.` : ''}`,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const started = performance.now();
  console.log(dashboardBenchTable(await runDashboardBench()));
  console.error(`dashboard bench: ${((performance.now() - started) / 1000).toFixed(0)} s`);
}
