#!/usr/bin/env node
// The `jixiao` command. The TypeScript is compiled by `npm install` (the root `prepare` script runs `tsc -b`).
import { main } from '../dist/main.js';

process.exitCode = await main(process.argv.slice(2));
