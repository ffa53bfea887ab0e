#!/usr/bin/env node
// `npm start`: jixiao on an embedded SQLite database under ./data, with the demo district (番禺区: the seed
// department's 2021 form as a draft, sister departments in other states and years, a 2022 task with drafts,
// follow-ups) and one login per role.
// Prints the URL and the demo logins. Extra arguments go to `jixiao serve` (e.g. -- --port 8080).
// NODE_ENV=production refuses the demo: run `npx jixiao serve` there instead.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const child = spawn(process.execPath, ['packages/cli/bin/jixiao.js', 'serve', '--demo', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
