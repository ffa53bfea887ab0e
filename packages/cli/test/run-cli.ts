/** Runs the `jixiao` command in-process and collects what it printed. */
import { main } from '../src/main.js';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

export async function runCli(...argv: string[]): Promise<CliRun> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => { out += t; }, err: (t) => { err += t; } });
  return { code, out, err };
}

/** The seed fixture, as laid beside the repository (shared/fixtures). */
export const SEED = new URL('../../../../shared/fixtures/panyu-kgxj-2021.txt', import.meta.url).pathname;
export const SEED_FACTS = new URL('../../../../shared/fixtures/panyu-kgxj-2021.facts.json', import.meta.url).pathname;
