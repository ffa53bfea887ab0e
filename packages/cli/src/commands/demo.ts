/**
 * `jixiao demo generate --departments N --years Y`: a district's worth of realistic forms in the configured
 * database (SQLite file or PostgreSQL), for trying and measuring the dashboard at scale. A progress bar on
 * stderr when it is a terminal, and a summary at the end. Separate from `jixiao serve --demo`, which loads
 * the small hand-made demo.
 */
import { readFile } from 'node:fs/promises';
import { SingleBar } from 'cli-progress';
import type { GenerateOptions, GenerateSummary } from '@jixiao/server';
import { GENERATE_LIMITS, generateDistrict, loadConfig, withServices } from '@jixiao/server';
import type { CliIo } from '../cli-io.js';
import { processIo } from '../cli-io.js';
import type { ExitCode } from '../exit-codes.js';
import { EXIT } from '../exit-codes.js';
import { DEMO_FORM } from './serve.js';

/** Options of `jixiao demo generate`, as typed. */
export interface DemoGenerateOptions {
  departments: string;
  years: string;
  firstYear: string;
  region?: string | undefined;
  seed: string;
  databaseUrl?: string | undefined;
}

/** A whole number within bounds, or the bilingual reason it is not. */
function wholeNumber(text: string, option: string, min: number, max: number): number | string {
  const n = Number(text);
  if (Number.isInteger(n) && n >= min && n <= max) return n;
  return `${option} 应为 ${min}–${max} 的整数 / ${option} must be a whole number from ${min} to ${max}, not “${text}”`;
}

function printSummary(summary: GenerateSummary, io: CliIo): void {
  const seconds = (summary.ms / 1000).toFixed(1);
  const perSecond = Math.round(summary.forms / Math.max(summary.ms / 1000, 0.001));
  const list = (counts: Record<string, number>): string =>
    Object.entries(counts)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ');
  io.out(`已生成 / generated: ${summary.forms} 份自评表 forms, ${summary.departments} 个部门 departments, ${summary.regions} 个地区 regions, ${summary.reviews} 条审核意见 reviews\n`);
  io.out(`  状态 / states: ${list(summary.byState)}\n`);
  io.out(`  等级 / grades: ${list(summary.byGrade)}\n`);
  io.out(`  审核发现 / findings: ${summary.findings.error} 错误 errors, ${summary.findings.warning} 警告 warnings, ${summary.findings.info} 提示 info\n`);
  io.out(`  预置问题 / planted anomalies: ${list(summary.anomalies)}\n`);
  io.out(`  用时 / time: ${seconds} s (${perSecond} forms/s)\n`);
}

/** Generates the district and prints the summary; exit 2 when the options are wrong or the run is refused. */
export async function runDemoGenerate(options: DemoGenerateOptions, io: CliIo): Promise<ExitCode> {
  const departments = wholeNumber(options.departments, '--departments', 1, GENERATE_LIMITS.departments);
  const years = wholeNumber(options.years, '--years', 1, GENERATE_LIMITS.years);
  const firstYear = wholeNumber(options.firstYear, '--first-year', 1990, 2100);
  const seed = wholeNumber(options.seed, '--seed', 0, 2 ** 31 - 1);
  const invalid = [departments, years, firstYear, seed].filter((v): v is string => typeof v === 'string');
  if (invalid.length > 0 || typeof departments !== 'number' || typeof years !== 'number' || typeof firstYear !== 'number' || typeof seed !== 'number') {
    io.err(`${invalid.join('\n')}\n`);
    return EXIT.unreadable;
  }
  const region = options.region?.trim() || null;
  const config = loadConfig(process.env, { databaseUrl: options.databaseUrl });
  const seedText = await readFile(DEMO_FORM, 'utf8');
  const bar = io === processIo && process.stderr.isTTY ? new SingleBar({ stream: process.stderr, format: '{bar} {value}/{total} forms · {eta_formatted}', hideCursor: true }) : null;
  bar?.start(departments * years, 0);
  const generate: GenerateOptions = { departments, years, firstYear, region, seed, onProgress: (done) => bar?.update(done) };
  const outcome = await withServices(config, (ctx) => generateDistrict(ctx, seedText, generate, config.nodeEnv === 'production')).finally(() => bar?.stop());
  if (outcome.kind === 'refused') {
    io.err(
      outcome.reason === 'production'
        ? '生产环境不允许生成演示数据 / demo data is refused when NODE_ENV=production\n'
        : `数据库中已有「${outcome.region}」的部门「${outcome.department}」：已生成过演示数据或名称已被占用，未写入任何数据。请使用空数据库，或用 --region 指定另一个地区。\n` +
            `The database already has department “${outcome.department}” in region “${outcome.region}”: demo data was generated before or the name is taken. Nothing was written; use an empty database or another --region.\n`,
    );
    return EXIT.unreadable;
  }
  printSummary(outcome.summary, io);
  return EXIT.ok;
}
