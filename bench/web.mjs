#!/usr/bin/env node
/* global document, HTMLInputElement, MutationObserver, requestAnimationFrame -- page.evaluate bodies run in the browser */
// The web app, measured in Chromium (never a timed test): on a 200-indicator form, the time from an edit
// of a score to the updated total and findings on screen (goal < 16 ms, one frame), beside a floor measured
// in the same page (JSON.parse of the same document); and the gzipped JavaScript the first screen loads
// (goal < 400 KB). Needs `npm run build` and /usr/bin/chromium. Writes bench/WEB-RESULTS.md.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { importFormText } from '@jixiao/io';
import { chromium } from 'playwright-core';
import { generateForm } from './generate-form.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CHROMIUM = '/usr/bin/chromium';
const EDITS = 60;
for (const need of [CHROMIUM, join(ROOT, 'packages/web/dist/index.html'), join(ROOT, 'packages/cli/dist/main.js')]) {
  if (!existsSync(need)) {
    console.error(`bench/web.mjs: ${need} is missing (npm run build; apt-get install chromium)`);
    process.exit(2);
  }
}

const port = await new Promise((resolve) => {
  const s = createServer();
  s.listen(0, '127.0.0.1', () => {
    const p = s.address().port;
    s.close(() => resolve(p));
  });
});
const dir = mkdtempSync(join(tmpdir(), 'jixiao-bench-web-'));
const server = spawn(process.execPath, [join(ROOT, 'packages/cli/bin/jixiao.js'), 'serve', '--port', String(port), '--database-url', join(dir, 'bench.sqlite'), '--demo'], {
  cwd: ROOT,
  env: { ...process.env, LOGIN_RATE_LIMIT: '1000' },
  stdio: 'ignore',
});
const url = `http://127.0.0.1:${port}`;
let context;
try {
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not yet listening
    }
    if (i > 150) throw new Error('the server did not start');
    await new Promise((r) => setTimeout(r, 200));
  }

  // The seed department's 2022 draft becomes a 200-indicator form (the editor's own save, through the API).
  const login = await fetch(`${url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'editor', password: 'jixiao-demo-editor' }) });
  const { csrfToken } = await login.json();
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  const { forms } = await (await fetch(`${url}/api/forms?year=2022`, { headers: { cookie } })).json();
  const draft = forms.find((f) => f.state === 'draft');
  const seed = importFormText(readFileSync(join(ROOT, 'demo/panyu-kgxj-2021.txt'), 'utf8')).value;
  const large = generateForm(seed, 200);
  large.unit.year = 2022;
  const leaves = large.indicators.reduce((n, g) => n + g.children.reduce((m, c) => m + (c.kind === 'group' ? c.children.length : 1), 0), 0);
  const saved = await fetch(`${url}/api/forms/${draft.id}`, { method: 'PUT', headers: { cookie, 'content-type': 'application/json', 'if-match': `"${draft.version}"`, 'x-csrf-token': csrfToken }, body: JSON.stringify(large) });
  if (!saved.ok) throw new Error(`saving the large form: ${saved.status} ${await saved.text()}`);

  context = await chromium.launchPersistentContext(mkdtempSync(join(dir, 'profile-')), {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1440, height: 960 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });

  // First screen: everything the sign-in page loads, before anyone signs in.
  const page = await context.newPage();
  const scripts = new Map();
  page.on('response', async (r) => {
    if (r.request().resourceType() === 'script') scripts.set(r.url(), await r.body());
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.getByTestId('login-submit').waitFor();
  const firstScreenGzip = [...scripts.values()].reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0);
  const allJs = readdirSync(join(ROOT, 'packages/web/dist/assets')).filter((f) => f.endsWith('.js'));
  const allGzip = allJs.reduce((n, f) => n + gzipSync(readFileSync(join(ROOT, 'packages/web/dist/assets', f)), { level: 9 }).length, 0);

  // Edit → total and findings updated, on the large form.
  const [name, value] = cookie.split('=');
  await context.addCookies([{ name, value, url }]);
  await page.goto(`${url}/forms/${draft.id}`);
  await page.getByTestId('total').waitFor();
  const timings = await page.evaluate(async (edits) => {
    const input = document.querySelector('#indicator-grid input[data-field="selfScore"]:not([disabled])');
    const total = document.querySelector('[data-testid="total"]');
    const findings = document.querySelector('[data-testid="findings"]');
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    const out = [];
    for (let i = 0; i < edits; i++) {
      const before = total.textContent;
      const findingsBefore = findings.textContent;
      const done = new Promise((resolve) => {
        const mo = new MutationObserver(() => {
          if (total.textContent !== before) {
            mo.disconnect();
            resolve(performance.now());
          }
        });
        mo.observe(total, { childList: true, characterData: true, subtree: true });
      });
      const start = performance.now();
      setValue.call(input, String(i % 2 === 0 ? 0 : 1));
      input.dispatchEvent(new Event('input', { bubbles: true }));
      const end = await done;
      if (findings.textContent === findingsBefore) throw new Error('the findings did not change with the total');
      out.push(end - start);
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    }
    return out;
  }, EDITS);
  const json = JSON.stringify(large);
  const floor = await page.evaluate((text) => {
    const runs = [];
    for (let i = 0; i < 200; i++) {
      const t = performance.now();
      JSON.parse(text);
      runs.push(performance.now() - t);
    }
    runs.sort((a, b) => a - b);
    return runs[100];
  }, json);

  const sorted = timings.slice(5).sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  const p95 = sorted[Math.floor(sorted.length * 0.95)];
  const machine = `${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Chromium ${(await context.browser()?.version()) ?? ''}, load average ${loadavg()[0]?.toFixed(1)} (wall-clock figures grow with it)`;
  const report = [
    '# Web app benchmark',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machine}, by \`node bench/web.mjs\` in headless Chromium.`,
    '',
    '| what | figure | floor (same page) | ratio | goal |',
    '|---|---|---|---|---|',
    `| edit of a score → total, grade and findings updated, ${leaves} indicators (median of ${sorted.length}) | ${median.toFixed(2)} ms | JSON.parse of the document: ${floor.toFixed(3)} ms | ${(median / floor).toFixed(1)}× | < 16 ms ${median < 16 ? '✓' : '✗'} |`,
    `| same, 95th percentile | ${p95.toFixed(2)} ms | | | |`,
    `| gzipped JavaScript of the first screen (${scripts.size} files) | ${(firstScreenGzip / 1024).toFixed(1)} KB | all chunks of the app: ${(allGzip / 1024).toFixed(1)} KB | ${(firstScreenGzip / allGzip).toFixed(2)} | < 400 KB ${firstScreenGzip < 400 * 1024 ? '✓' : '✗'} |`,
    '',
  ].join('\n');
  writeFileSync(new URL('./WEB-RESULTS.md', import.meta.url), report);
  console.log(report);
} finally {
  await context?.close();
  if (server.pid !== undefined && server.exitCode === null) process.kill(server.pid, 'SIGTERM');
  await new Promise((r) => setTimeout(r, 300));
  rmSync(dir, { recursive: true, force: true });
}
