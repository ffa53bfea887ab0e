/** `jixiao user add`: create an account from the command line (the first administrator, typically). */
import type { Role } from '@jixiao/core';
import { ROLES } from '@jixiao/core';
import { addUser, ApiError, findDepartmentByName, findRegionByName, loadConfig, withServices } from '@jixiao/server';
import type { CliIo } from '../cli-io.js';
import type { ExitCode } from '../exit-codes.js';
import { EXIT } from '../exit-codes.js';

/** Options of `jixiao user add`. */
export interface UserAddOptions {
  username: string;
  role: string;
  displayName?: string | undefined;
  /** Read from JIXIAO_PASSWORD when not given, so it need not appear in the shell history. */
  password?: string | undefined;
  region?: string | undefined;
  department?: string | undefined;
  databaseUrl?: string | undefined;
}

/** Creates the account; the region and department are given by name. */
export async function runUserAdd(options: UserAddOptions, io: CliIo): Promise<ExitCode> {
  const role = ROLES.find((r) => r === options.role) as Role | undefined;
  if (!role) {
    io.err(`未知角色 / unknown role “${options.role}”: ${ROLES.join(', ')}\n`);
    return EXIT.unreadable;
  }
  const password = options.password ?? process.env['JIXIAO_PASSWORD'] ?? '';
  const config = loadConfig(process.env, { databaseUrl: options.databaseUrl });
  return withServices(config, async (ctx) => {
    const regionId = options.region ? await findRegionByName(ctx.db, options.region) : null;
    if (options.region && regionId === null) {
      io.err(`找不到地区 / no region “${options.region}”\n`);
      return EXIT.unreadable;
    }
    const departmentId = options.department && regionId ? await findDepartmentByName(ctx.db, regionId, options.department) : null;
    if (options.department && departmentId === null) {
      io.err(`找不到部门 / no department “${options.department}” (give --region too)\n`);
      return EXIT.unreadable;
    }
    try {
      const user = await addUser(ctx, 'system', {
        username: options.username,
        displayName: options.displayName ?? options.username,
        password,
        role,
        regionId: role === 'reviewer' ? regionId : null,
        departmentId: role === 'head' || role === 'editor' ? departmentId : null,
      });
      io.out(`已创建 / created: ${user.username} (${user.role})\n`);
      return EXIT.ok;
    } catch (error) {
      if (error instanceof ApiError) {
        io.err(`${error.code} ${JSON.stringify(error.params)}\n`);
        return EXIT.unreadable;
      }
      throw error;
    }
  });
}
