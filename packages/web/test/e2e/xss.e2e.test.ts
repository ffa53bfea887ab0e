/**
 * Stored XSS, in Chromium against the real server: script-shaped text (an <img onerror>, a <script>, a
 * javascript: link, an attribute break-out with <svg onload>, a template expression) is put through the API
 * into every text field people type — unit name, narratives, indicator names, targets, actuals, bases and
 * remarks, review comments, the return comment, an evidence file's name, a department's name, a user's
 * name, a follow-up's title — then every screen that shows them is opened as the people who see them (work
 * queue, editor, history and comparison, print view, review, public list, public form and its print view,
 * dashboard, department page, follow-ups). No script may run (the payloads raise dialogs and set a window
 * flag; both are watched), no link may carry javascript:, and the text must show as text. The HTML export
 * is opened in the browser too, and the CSV export must defuse formulas.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AppServer } from './harness.js';
import { browserSkipReason, signIn, signOut, useDemoInBrowser } from './harness.js';

const missing = browserSkipReason();

const ACCOUNTS = {
  editor: ['editor', 'jixiao-demo-editor'],
  head: ['head', 'jixiao-demo-head'],
  reviewer: ['reviewer', 'jixiao-demo-reviewer'],
  admin: ['admin', 'jixiao-demo-admin'],
} as const;

/** An account whose username and display name are script-shaped. */
const XSS_USER = ['xss<svg onload=alert(1)>', 'a long enough password'] as const;

/** Each payload, tagged with the field it went into, so a failure names the field. */
function payload(field: string, variant: number): string {
  const shapes = [
    `<img src=x onerror=alert(1)>`,
    `<script>window.__xss=1</script>`,
    `javascript:alert(1)//`,
    `"><svg onload=window.__xss=1>`,
    `{{constructor.constructor('window.__xss=1')()}}`,
  ];
  return `〔${field}〕${shapes[variant % shapes.length]}`;
}

/** A signed-in API client (cookie and CSRF token), as a script would be. */
async function apiAs(url: string, [username, password]: readonly [string, string]) {
  const res = await fetch(`${url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (res.status !== 200) throw new Error(`sign-in of ${username}: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken, user } = (await res.json()) as { csrfToken: string; user: { id: string } };
  const call = async <T,>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: T; text: string }> => {
    const r = await fetch(`${url}${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, ...(body !== undefined && !(body instanceof FormData) ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(body !== undefined ? { body: body instanceof FormData ? body : JSON.stringify(body) } : {}),
    });
    const text = await r.text();
    let parsed: unknown = null;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
    return { status: r.status, body: parsed as T, text };
  };
  return { call, userId: user.id };
}

type Leaf = { kind: 'leaf'; id: string; name: string; target: string; actual: string; basis: string; remark: string };
type Node = { kind: string; children?: Node[] } & Partial<Leaf>;
function leaves(nodes: Node[]): Leaf[] {
  return nodes.flatMap((n) => (n.kind === 'leaf' ? [n as Leaf] : leaves(n.children ?? [])));
}

describe.skipIf(missing !== null)('stored XSS in Chromium', () => {
  const suite = useDemoInBrowser();
  const { dialogs } = suite;
  let server: AppServer;
  let page: Page;
  beforeAll(() => {
    ({ server, page } = suite);
  });
  let formId = '';
  let departmentId = '';
  let draftId = '';
  /** Texts that must show on the screens, as typed. */
  const shown: Record<string, string> = {};

  it('puts script-shaped text into every text field through the API, through the whole workflow to publication', async () => {
    const admin = await apiAs(server.url, ACCOUNTS.admin);
    const editor = await apiAs(server.url, ACCOUNTS.editor);
    const head = await apiAs(server.url, ACCOUNTS.head);
    const reviewer = await apiAs(server.url, ACCOUNTS.reviewer);

    // The demo editor's 2021 draft; its department and a new user of it get script-shaped names.
    const forms = await editor.call<{ forms: { id: string; year: number; departmentId: string }[] }>('GET', '/api/forms');
    const listed = forms.body.forms.find((f) => f.year === 2021);
    formId = listed?.id ?? '';
    departmentId = listed?.departmentId ?? '';
    expect(formId).not.toBe('');
    shown['department'] = payload('department', 3);
    const renamed = await admin.call('PATCH', `/api/departments/${departmentId}`, { name: shown['department'] });
    expect(renamed.status, renamed.text).toBe(200);
    shown['user'] = payload('displayName', 0);
    const user = await admin.call('POST', '/api/users', { username: XSS_USER[0], displayName: shown['user'], password: XSS_USER[1], role: 'editor', departmentId });
    expect(user.status, user.text).toBe(201);
    // That user saves the department's 2022 draft, so their name shows in its history.
    const xssUser = await apiAs(server.url, XSS_USER);
    draftId = forms.body.forms.find((f) => f.year === 2022)?.id ?? '';
    const draft = await xssUser.call<{ version: number; document: { narratives: Record<string, string> } }>('GET', `/api/forms/${draftId}`);
    draft.body.document.narratives['goals'] = payload('draft2022', 2);
    const draftSaved = await xssUser.call('PUT', `/api/forms/${draftId}`, draft.body.document, { 'if-match': String(draft.body.version) });
    expect(draftSaved.status, draftSaved.text.slice(0, 300)).toBe(200);

    const form = await editor.call<{ version: number; document: { unit: { name: string }; narratives: Record<string, string>; indicators: Node[] } }>('GET', `/api/forms/${formId}`);
    const doc = form.body.document;
    shown['unit'] = payload('unit', 0);
    doc.unit.name = shown['unit'];
    for (const [i, key] of Object.keys(doc.narratives).entries()) doc.narratives[key] = payload(`narratives.${key}`, i + 1);
    shown['goals'] = doc.narratives['goals'] ?? '';
    const some = leaves(doc.indicators).slice(0, 5);
    for (const [i, leaf] of some.entries()) {
      leaf.name = payload(`name${i}`, i);
      leaf.target = payload(`target${i}`, i + 1);
      leaf.actual = payload(`actual${i}`, i + 2);
      leaf.basis = payload(`basis${i}`, i + 3);
      leaf.remark = payload(`remark${i}`, i + 4);
    }
    shown['indicator'] = some[0]?.name ?? '';
    // Formulas, for the CSV export: a spreadsheet must show them as text.
    const formulas = leaves(doc.indicators)[5];
    if (formulas) {
      formulas.target = '=HYPERLINK("http://evil.example","点我")';
      formulas.actual = '@SUM(1+1)';
      formulas.remark = '+cmd|" /C calc"!A0';
    }
    const saved = await editor.call('PUT', `/api/forms/${formId}`, doc, { 'if-match': String(form.body.version) });
    expect(saved.status, saved.text.slice(0, 300)).toBe(200);

    // Evidence under a script-shaped name.
    const data = new FormData();
    data.append('file', new Blob(['证明']), `${payload('evidence', 0)}.txt`);
    const attached = await editor.call<{ fileName: string }>('POST', `/api/forms/${formId}/attachments?indicatorId=${some[0]?.id ?? ''}`, data);
    expect(attached.status, attached.text).toBe(201);
    shown['evidence'] = attached.body.fileName;

    // Submitted, reviewed and returned with script-shaped comments; then through to publication.
    const transition = async (who: typeof head, action: string, extra: object = {}) => {
      const res = await who.call('POST', `/api/forms/${formId}/transitions`, { action, ...extra });
      expect(res.status, `${action}: ${res.text.slice(0, 300)}`).toBe(200);
    };
    await transition(head, 'submit');
    shown['review'] = payload('review', 1);
    const review = await reviewer.call('PUT', `/api/forms/${formId}/reviews/${some[0]?.id ?? ''}`, { score: 1, comment: shown['review'] });
    expect(review.status, review.text).toBe(200);
    shown['return'] = payload('return', 3);
    await transition(reviewer, 'return', { comment: shown['return'], indicatorComments: [{ indicatorId: some[1]?.id ?? '', comment: payload('indicatorComment', 4) }] });
    const follow = await reviewer.call('POST', `/api/forms/${formId}/follow-ups`, { source: { kind: 'review', indicatorId: some[0]?.id ?? '' }, title: payload('followUp', 0), ownerId: editor.userId, dueDate: '2031-06-30' });
    if (follow.status !== 404) expect(follow.status, follow.text).toBe(201); // follow-ups exist from their own release on
    await transition(head, 'submit');
    await transition(reviewer, 'approve');
    await transition(reviewer, 'publish');
  }, 60_000);

  /** Opens a screen, lets it settle, and checks that nothing ran and the texts show as text. */
  async function visit(path: string, texts: string[]): Promise<void> {
    await page.goto(`${server.url}${path}`);
    await page.waitForLoadState('networkidle');
    const where = `${path}`;
    // The texts show, as typed (once the screen has its data) …
    for (const text of texts) {
      await page
        .getByText(text)
        .first()
        .waitFor({ timeout: 15_000 })
        .catch(async () => {
          throw new Error(`${where}: ${text} is not shown as text; the screen reads:\n${(await page.evaluate(() => document.body.innerText)).slice(0, 2000)}`);
        });
    }
    await page.waitForTimeout(300);
    // … and nothing of them ran or became an element.
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss), `${where}: a payload ran`).toBeUndefined();
    expect(dialogs, `${where}: a payload raised a dialog`).toEqual([]);
    expect(await page.locator('a[href^="javascript:" i], [src^="javascript:" i]').count(), `${where}: a javascript: link`).toBe(0);
    expect(await page.locator('img[src="x"], svg[onload], [onerror], [onload]').count(), `${where}: a payload became an element`).toBe(0);
  }

  it('no screen runs the payloads, and each shows them as text', async () => {
    // The public first, signed out.
    await visit('/public', [shown['department'] ?? '']);
    await visit(`/public/forms/${formId}`, [shown['unit'] ?? '', shown['goals'] ?? '', shown['indicator'] ?? '']);
    await visit(`/public/forms/${formId}/print`, [shown['unit'] ?? '', shown['indicator'] ?? '']);
    await visit('/public/2021', []);

    await signIn(page, server.url, ...ACCOUNTS.editor);
    await visit('/', [shown['department'] ?? '']);
    await visit(`/forms/${formId}`, [shown['goals'] ?? '', shown['evidence'] ?? '']);
    await visit(`/forms/${formId}/history`, [shown['return'] ?? '']);
    await visit(`/forms/${formId}/print`, [shown['unit'] ?? '', shown['indicator'] ?? '']);
    await visit('/follow-ups', []);
    await signOut(page);

    await signIn(page, server.url, ...ACCOUNTS.reviewer);
    await visit('/', [shown['department'] ?? '']);
    await visit(`/forms/${formId}`, [shown['goals'] ?? '', shown['review'] ?? '']);
    await visit(`/forms/${formId}/history`, []);
    await visit('/dashboard', []);
    await visit(`/departments/${departmentId}`, []);
    await visit('/follow-ups', []);
    await signOut(page);

    await signIn(page, server.url, ...XSS_USER);
    await visit('/', [shown['user'] ?? '', shown['department'] ?? '']);
    await visit(`/forms/${draftId}/history`, [shown['user'] ?? '']);
    await visit(`/forms/${draftId}`, [payload('draft2022', 2)]);
    await signOut(page);

    await signIn(page, server.url, ...ACCOUNTS.admin);
    await visit('/', [shown['department'] ?? '']);
    await visit('/dashboard', []);
    await visit(`/departments/${departmentId}`, []);
    await signOut(page);
  }, 180_000);

  it('the HTML export shows the payloads as text when opened, and the CSV export defuses formulas', async () => {
    const html = await fetch(`${server.url}/api/public/forms/${formId}/export/html`);
    expect(html.status).toBe(200);
    expect(html.headers.get('content-disposition')).toMatch(/^attachment;/u);
    const source = await html.text();
    expect(source).not.toContain('<img src=x');
    expect(source).not.toContain('<script>window.__xss');
    await page.setContent(source);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => document.body.innerText)).toContain(shown['unit']);

    // Formulas typed into fields reach a spreadsheet as text, not as formulas.
    const csv = await (await fetch(`${server.url}/api/public/forms/${formId}/export/csv`)).text();
    expect(csv).toContain('HYPERLINK');
    for (const formula of ['=HYPERLINK', '@SUM', '+cmd']) expect(csv, formula).not.toMatch(new RegExp(`(^|,)"?${formula.replace(/[+]/gu, '\\+')}`, 'mu'));
  });
});
