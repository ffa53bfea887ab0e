/** The `jixiao` command line: a thin adapter over core and io. */
import { Command, CommanderError, Option } from 'commander';
import type { Lang } from '@jixiao/core';
import type { CliIo } from './cli-io.js';
import { processIo } from './cli-io.js';
import { runCheck } from './commands/check.js';
import { runConvert } from './commands/convert.js';
import type { ExitCode } from './exit-codes.js';
import { EXIT } from './exit-codes.js';

// The server's commands load the server (Fastify, database drivers) only when they run: `jixiao check`
// on a text form must not pay for them.
const serverCommands = {
  db: () => import('./commands/db.js'),
  demo: () => import('./commands/demo.js'),
  import: () => import('./commands/import.js'),
  org: () => import('./commands/org.js'),
  publish: () => import('./commands/publish.js'),
  serve: () => import('./commands/serve.js'),
  user: () => import('./commands/user.js'),
};

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

  cli
    .command('serve')
    .description('启动服务器 / start the server (SQLite under ./data by default; DATABASE_URL=postgres://… for PostgreSQL)')
    .option('--port <port>', '端口 / port (default 3000)')
    .option('--host <host>', '监听地址 / address to listen on (default 127.0.0.1)')
    .option('--database-url <url>', '数据库 / database: a SQLite file or postgres://…')
    .option('--demo', '加载演示数据 / load the demo district and accounts (refused in production)')
    .action(async (options: { port?: string; host?: string; databaseUrl?: string; demo?: boolean }) => {
      result.code = await (await serverCommands.serve()).runServe(options, io);
    });

  cli
    .command('import')
    .description('批量导入自评表 / import many forms at once, each matched to its department by unit name')
    .argument('<paths...>', '文件、目录或 .zip / files, folders or .zip archives')
    .option('--year <year>', '年度（缺省按表中年度）/ year (default: each form\'s own)')
    .requiredOption('--region <name>', '地区 / region')
    .option('--create-departments', '新建名称未知的部门 / create departments whose names are new')
    .option('--database-url <url>', '数据库 / database: a SQLite file or postgres://…')
    .addOption(new Option('--format <format>', '输出格式 / output format').choices(['text', 'json']).default('text'))
    .addOption(langOption())
    .action(async (paths: string[], options: { year?: string; region: string; createDepartments?: boolean; databaseUrl?: string; format: 'text' | 'json'; lang: Lang }) => {
      result.code = await (await serverCommands.import()).runImport(paths, options, io);
    });

  cli
    .command('demo')
    .description('演示数据 / demo data')
    .command('generate')
    .description('生成大规模演示数据 / generate a district of realistic forms (many departments × years) into the database')
    .option('--departments <n>', '部门数 / number of departments', '5000')
    .option('--years <n>', '年数 / number of years', '5')
    .option('--first-year <year>', '起始年度 / first year', '2021')
    .option('--region <name>', '地区（缺省：分布到多个地区）/ put every department in this region (default: spread over districts)')
    .option('--seed <n>', '随机种子 / seed (the same seed makes the same data)', '1')
    .option('--database-url <url>', '数据库 / database: a SQLite file or postgres://…')
    .action(async (options: { departments: string; years: string; firstYear: string; region?: string; seed: string; databaseUrl?: string }) => {
      result.code = await (await serverCommands.demo()).runDemoGenerate(options, io);
    });

  cli
    .command('publish')
    .description('公开 / publication')
    .command('open-data')
    .description('写出某年度的开放数据包（仅已公开的自评表）/ write a year\'s open-data package (.zip: CSV + datapackage.json; published forms only)')
    .requiredOption('--year <year>', '年度 / year')
    .requiredOption('--out <file>', '输出的 .zip 文件 / the .zip file to write')
    .option('--source-url <url>', '数据来源网址 / where the public index is read (named as the source in datapackage.json)')
    .option('--database-url <url>', '数据库 / database: a SQLite file or postgres://…')
    .action(async (options: { year: string; out: string; sourceUrl?: string; databaseUrl?: string }) => {
      result.code = await (await serverCommands.publish()).runPublishOpenData(options, io);
    });

  const db = cli.command('db').description('数据库 / database');
  db.command('migrate')
    .description('迁移到最新结构 / bring the database to the latest schema')
    .option('--database-url <url>', '数据库 / database: a SQLite file or postgres://…')
    .action(async (options: { databaseUrl?: string }) => {
      result.code = await (await serverCommands.db()).runDbMigrate(options, io);
    });
  db.command('backup')
    .description('备份数据库（服务运行时亦可） / back the database up, consistently even while the server runs')
    .argument('<file>', '备份文件（不得已存在） / the backup file (must not exist)')
    .option('--database-url <url>', '数据库 / database: a SQLite file or postgres://…')
    .action(async (file: string, options: { databaseUrl?: string }) => {
      result.code = await (await serverCommands.db()).runDbBackup(file, options, io);
    });
  db.command('restore')
    .description('从备份恢复到空数据库 / restore a backup into an empty database')
    .argument('<file>', '备份文件 / the backup file')
    .option('--database-url <url>', '数据库 / database: a SQLite file or postgres://…')
    .action(async (file: string, options: { databaseUrl?: string }) => {
      result.code = await (await serverCommands.db()).runDbRestore(file, options, io);
    });

  const user = cli.command('user').description('账号 / accounts');
  user
    .command('add')
    .description('创建账号 / create an account (password from --password or JIXIAO_PASSWORD)')
    .requiredOption('--username <name>', '用户名 / username')
    .requiredOption('--role <role>', 'administrator | reviewer | head | editor')
    .option('--display-name <name>', '显示名 / display name')
    .option('--password <password>', '密码 / password (≥ 10 characters)')
    .option('--region <name>', '地区（审核人）/ region of a reviewer, or of a department')
    .option('--department <name>', '部门（负责人、填报人）/ department of a head or editor')
    .option('--database-url <url>', '数据库 / database: a SQLite file or postgres://…')
    .action(async (options: { username: string; role: string; displayName?: string; password?: string; region?: string; department?: string; databaseUrl?: string }) => {
      result.code = await (await serverCommands.user()).runUserAdd(options, io);
    });

  const org = cli.command('org').description('地区与部门 / regions and departments');
  org
    .command('add-region')
    .description('创建地区 / create a region')
    .argument('<name>', '地区名称 / region name')
    .option('--database-url <url>', '数据库 / database: a SQLite file or postgres://…')
    .action(async (name: string, options: { databaseUrl?: string }) => {
      result.code = await (await serverCommands.org()).runOrgAddRegion(name, options, io);
    });
  org
    .command('rename-region')
    .description('地区更名 / rename a region')
    .argument('<name>', '现名称 / current name')
    .argument('<new-name>', '新名称 / new name')
    .option('--database-url <url>', '数据库 / database: a SQLite file or postgres://…')
    .action(async (name: string, newName: string, options: { databaseUrl?: string }) => {
      result.code = await (await serverCommands.org()).runOrgRenameRegion(name, newName, options, io);
    });
  org
    .command('add-department')
    .description('创建部门 / create a department of a region')
    .argument('<name>', '部门名称 / department name')
    .requiredOption('--region <name>', '所属地区 / its region')
    .option('--units <n>', '单位数 / number of subordinate units')
    .option('--database-url <url>', '数据库 / database: a SQLite file or postgres://…')
    .action(async (name: string, options: { region: string; units?: string; databaseUrl?: string }) => {
      result.code = await (await serverCommands.org()).runOrgAddDepartment(name, options, io);
    });
  org
    .command('list')
    .description('列出地区、部门及单位数 / list regions, departments and their units')
    .option('--database-url <url>', '数据库 / database: a SQLite file or postgres://…')
    .action(async (options: { databaseUrl?: string }) => {
      result.code = await (await serverCommands.org()).runOrgList(options, io);
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
