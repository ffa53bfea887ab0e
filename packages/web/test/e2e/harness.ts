/**
 * What the browser tests need: Debian's Chromium (driven by playwright-core), the real app server
 * (built JavaScript, `jixiao serve --demo` on a throw-away SQLite file, started and stopped by its own
 * PID), and small helpers that act as a person does (sign in, sign out).
 */
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
/** Debian's Chromium (JIXIAO_CHROMIUM names another binary). */
export const CHROMIUM = process.env['JIXIAO_CHROMIUM'] ?? '/usr/bin/chromium';
/** Where the screenshots of the main screens go. */
export const SCREENSHOTS = join(ROOT, 'docs', 'screenshots');

/** Why the browser suite cannot run here, or null when it can. */
export function browserUnavailable(): string | null {
  if (!existsSync(CHROMIUM)) return `${CHROMIUM} is missing (apt-get install chromium, or set JIXIAO_CHROMIUM)`;
  return null;
}

/**
 * Why this machine skips the browser suites (said once, on the console), or null when they run. Under
 * CI=true a missing browser is an error: the suites are required there.
 */
export function browserSkipReason(): string | null {
  const missing = browserUnavailable();
  if (missing !== null && process.env['CI'] === 'true') throw new Error(`browser tests are required in CI: ${missing}`);
  if (missing !== null) console.log(`web e2e skipped: ${missing}`);
  return missing;
}

/** A port nobody listens on. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The app server under test. */
export interface AppServer {
  url: string;
  databaseFile: string;
  stop: () => Promise<void>;
}

/** Starts `jixiao serve --demo` on a fresh SQLite file and waits until it listens. */
export async function startAppServer(): Promise<AppServer> {
  for (const built of ['packages/cli/dist/main.js', 'packages/web/dist/index.html']) {
    if (!existsSync(join(ROOT, built))) throw new Error(`${built} is missing: run \`npm run build\` first`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-e2e-'));
  const databaseFile = join(dir, 'e2e.sqlite');
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'packages/cli/bin/jixiao.js'), 'serve', '--port', String(port), '--database-url', databaseFile, '--demo'], {
    cwd: ROOT,
    // Many sign-ins from one address in a minute: the test walks five people through the workflow.
    env: { ...process.env, LOGIN_RATE_LIMIT: '1000', NODE_ENV: 'test' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${output}`);
    try {
      const r = await fetch(`${url}/api/health`);
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      if (child.pid !== undefined) process.kill(child.pid, 'SIGTERM');
      throw new Error(`the server did not start in 30 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const stop = async (): Promise<void> => {
    if (child.pid !== undefined && child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      process.kill(child.pid, 'SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
      if (child.exitCode === null) process.kill(child.pid, 'SIGKILL');
    }
    rmSync(dir, { recursive: true, force: true });
  };
  return { url, databaseFile, stop };
}

/** Chromium with a fresh profile, flags fit for a container. */
export async function launchBrowser(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'jixiao-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1440, height: 960 },
    locale: 'zh-CN',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Saves a screenshot of the page under docs/screenshots. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/** Signs in through the login screen. */
export async function signIn(page: Page, url: string, username: string, password: string): Promise<void> {
  await page.goto(`${url}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('user-menu').waitFor();
}

/** Signs out through the user menu. */
export async function signOut(page: Page): Promise<void> {
  await chooseUserMenu(page, '退出登录');
  await page.getByTestId('user-menu').waitFor({ state: 'detached', timeout: 10_000 });
}

/** Opens the user menu and clicks an item, again if the menu closed before the click landed (slow machines). */
export async function chooseUserMenu(page: Page, item: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await page.getByTestId('user-menu').click({ timeout: 5_000 });
      const entry = page.getByRole('menuitem', { name: item });
      await entry.waitFor({ timeout: 5_000 });
      // Let the opening animation finish so that nothing else takes the click.
      await page.waitForTimeout(300);
      await entry.click({ timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
      await page.keyboard.press('Escape');
    }
  }
}

/** What a browser suite works with: the demo server, Chromium's context, one page, and the dialogs it saw. */
export interface BrowserSuite {
  readonly server: AppServer;
  readonly context: BrowserContext;
  readonly page: Page;
  /** Every dialog (alert, confirm …) the page opened, as "<url>: <message>": each one dismissed. */
  readonly dialogs: string[];
}

/**
 * Starts `jixiao serve --demo` and Chromium before the suite's tests and stops both after them. The demo
 * app never opens a dialog, so the page records and dismisses any (a script that ran would raise one).
 */
export function useDemoInBrowser(): BrowserSuite {
  let server: AppServer | undefined;
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  let page: Page | undefined;
  const dialogs: string[] = [];
  beforeAll(async () => {
    server = await startAppServer();
    browser = await launchBrowser();
    const opened = await browser.context.newPage();
    opened.on('dialog', (d) => {
      dialogs.push(`${opened.url()}: ${d.message()}`);
      void d.dismiss();
    });
    page = opened;
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the browser suite has not started');
    return value;
  };
  return {
    get server() {
      return started(server);
    },
    get context() {
      return started(browser).context;
    },
    get page() {
      return started(page);
    },
    dialogs,
  };
}

/** Picks an option of an antd Select (opened by a click on it) by its text. */
export async function chooseOption(page: Page, select: Locator, option: string): Promise<void> {
  await select.click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: option }).first().click();
}
