/**
 * `jixiao org add-region | rename-region | add-department | list`: the operator sets up regions (地区) and departments (部门,
 * with their 单位数) from the command line, through the same services the API's administrators use.
 */
import { renderMessage } from '@jixiao/core';
import type { ServiceContext } from '@jixiao/server';
import { ApiError, createDepartment, createRegion, findRegionByName, loadConfig, renameRegion, visibleDepartments, visibleRegions, withServices } from '@jixiao/server';
import type { CliIo } from '../cli-io.js';
import type { ExitCode } from '../exit-codes.js';
import { EXIT } from '../exit-codes.js';

/** The database option every `org` command takes. */
export interface OrgOptions {
  databaseUrl?: string | undefined;
}

/** Runs `work` on the configured database; a refusal (name taken, no such region …) prints its message and exits 2. */
async function withOrganisation(options: OrgOptions, io: CliIo, work: (ctx: ServiceContext) => Promise<ExitCode>): Promise<ExitCode> {
  const config = loadConfig(process.env, { databaseUrl: options.databaseUrl });
  return withServices(config, async (ctx) => {
    try {
      return await work(ctx);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      io.err(`${renderMessage(error.code, error.params, 'zh')} / ${renderMessage(error.code, error.params, 'en')}\n`);
      return EXIT.unreadable;
    }
  });
}

/** Creates a region. */
export async function runOrgAddRegion(name: string, options: OrgOptions, io: CliIo): Promise<ExitCode> {
  return withOrganisation(options, io, async (ctx) => {
    const region = await createRegion(ctx, 'system', name.trim());
    io.out(`已创建地区 / region created: ${region.name}\n`);
    return EXIT.ok;
  });
}

/** Renames a region given by its current name. */
export async function runOrgRenameRegion(name: string, newName: string, options: OrgOptions, io: CliIo): Promise<ExitCode> {
  return withOrganisation(options, io, async (ctx) => {
    const regionId = await findRegionByName(ctx.db, name);
    if (regionId === null) {
      io.err(`找不到地区 / no region “${name}”\n`);
      return EXIT.unreadable;
    }
    const region = await renameRegion(ctx, 'system', regionId, newName.trim());
    io.out(`已更名 / region renamed: ${name} → ${region.name}\n`);
    return EXIT.ok;
  });
}

/** Creates a department of a region given by name, with its number of subordinate units. */
export async function runOrgAddDepartment(name: string, options: OrgOptions & { region: string; units?: string | undefined }, io: CliIo): Promise<ExitCode> {
  const unitCount = options.units === undefined ? null : Number(options.units);
  if (unitCount !== null && (!Number.isInteger(unitCount) || unitCount < 0)) {
    io.err(`单位数应为非负整数 / --units must be a whole number ≥ 0, not “${options.units ?? ''}”\n`);
    return EXIT.unreadable;
  }
  return withOrganisation(options, io, async (ctx) => {
    const regionId = await findRegionByName(ctx.db, options.region);
    if (regionId === null) {
      io.err(`找不到地区 / no region “${options.region}”\n`);
      return EXIT.unreadable;
    }
    const department = await createDepartment(ctx, 'system', { regionId, name: name.trim(), unitCount });
    io.out(`已创建部门 / department created: ${options.region} ${department.name}${unitCount === null ? '' : `（单位数 ${unitCount}）`}\n`);
    return EXIT.ok;
  });
}

/** Lists every region with its departments and their 单位数. */
export async function runOrgList(options: OrgOptions, io: CliIo): Promise<ExitCode> {
  return withOrganisation(options, io, async (ctx) => {
    const regions = await visibleRegions(ctx, 'system');
    const departments = await visibleDepartments(ctx, 'system');
    if (regions.length === 0) io.out('尚无地区 / no regions yet\n');
    for (const region of regions) {
      io.out(`${region.name}\n`);
      for (const d of departments.filter((x) => x.regionId === region.id)) io.out(`  ${d.name}\t单位数 ${d.unitCount ?? '—'}\n`);
    }
    return EXIT.ok;
  });
}
