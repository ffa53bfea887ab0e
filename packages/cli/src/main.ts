/** The `jixiao` command line: a thin adapter over core and io. */
import { Command, CommanderError, Option } from 'commander';
import type { Lang } from '@jixiao/core';
import type { CliIo } from './cli-io.js';
import { processIo } from './cli-io.js';
import { runCheck } from './commands/check.js';
import { runConvert } from './commands/convert.js';
import type { ExitCode } from './exit-codes.js';
import { EXIT } from './exit-codes.js';

const langOption = () => new Option('--lang <lang>', '语言 / language of messages').choices(['zh', 'en']).default('zh');

/** Builds the program; each action stores its exit code in `result`. */
function program(io: CliIo, result: { code: ExitCode }): Command {
  const cli = new Command('jixiao')
    .description('部门整体支出绩效自评表：评分、审核、转换 — score, check and convert performance self-evaluation forms')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err });

  cli
    .command('check')
    .description('评分并审核自评表 / score and check forms (.txt, .json, …)')
    .argument('<files...>', '自评表文件 / form files')
    .addOption(new Option('--format <format>', '输出格式 / output format').choices(['text', 'json']).default('text'))
    .addOption(langOption())
    .action(async (files: string[], options: { format: 'text' | 'json'; lang: Lang }) => {
      result.code = await runCheck(files, options, io);
    });

  cli
    .command('convert')
    .description('转换格式（按扩展名）/ convert a form between formats, chosen by extension')
    .argument('<input>', '输入文件 / input file')
    .argument('<output>', '输出文件 / output file')
    .addOption(langOption())
    .action(async (input: string, output: string, options: { lang: Lang }) => {
      result.code = await runConvert(input, output, options.lang, io);
    });

  return cli;
}

/** Runs the command line and returns the exit code (never throws for a user's mistake). */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<ExitCode> {
  const result: { code: ExitCode } = { code: EXIT.ok };
  try {
    await program(io, result).parseAsync([...argv], { from: 'user' });
    return result.code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.unreadable;
    throw error;
  }
}
