#!/usr/bin/env node
// `npm start`. Until the server exists (see the issues), this checks the demo form — the seed department's
// published 2021 form — with the command line, so a new user sees what jixiao does with one command.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
console.log('jixiao：服务器尚未完成，先用命令行审核示例自评表（demo/panyu-kgxj-2021.txt）。');
console.log('jixiao: the server is not built yet; checking the demo form with the command line instead.\n');
const run = spawnSync(process.execPath, ['packages/cli/bin/jixiao.js', 'check', 'demo/panyu-kgxj-2021.txt', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
// The demo form has a real error (exit 1): that is the point of the demo, not a failure of `npm start`.
process.exit(run.status === 2 ? 2 : 0);
