/**
 * The deadline-day mix autocannon sends on every connection, cycle after cycle: sign in (one cycle in four;
 * the others reuse a session), the work queue, a form read and saved with If-Match (twice, the second on
 * top of the first when it went through, as the editor's autosave does), the public pages, a form's history
 * and an export (Excel or PDF, one cycle in eight). Every save writes a marker unique to the request into
 * the document, and the ledger remembers what each was answered, so the database can be checked against it.
 */
import type { RequestSpec } from 'autocannon';
import type { Acknowledged } from './acknowledged.js';
import type { Session } from './http-client.js';
import { authHeaders, sessionFrom } from './http-client.js';
import type { LoadAccount } from './load-world.js';

/** A save sent: the form, and its answer's status once it came ('pending' while none has). */
export interface SentSave {
  formId: string;
  status: number | 'pending';
}

/** What the load sent and was answered. */
export interface Ledger {
  sent: Map<string, SentSave>;
  acknowledged: Acknowledged[];
  /** `<kind> <status>` → count */
  statuses: Map<string, number>;
  /** Each 5xx: kind, path and the start of the answer. */
  serverErrors: string[];
  /** Requests sent per kind (those never answered — timed out, or in flight at the stop — show against `statuses`). */
  started: Map<string, number>;
}

/** Who signs in during the load, and the forms each may edit. */
export interface LoadCast {
  /** Sessions signed in before the load, reused by the cycles that do not sign in. */
  pool: readonly Session[];
  /** The accounts that sign in during the load, in turn. */
  accounts: readonly LoadAccount[];
  /** Every draft: the administrators save any of them. */
  drafts: readonly string[];
  /** The drafts of each department: its head and editor save those. */
  draftsOf: ReadonlyMap<string, readonly string[]>;
  /** A published form, for the public pages. */
  publishedId: string;
}

interface FormInHand {
  id: string;
  version: number;
  document: { narratives: Record<string, string> } & Record<string, unknown>;
}

/** The context autocannon keeps per connection for one cycle. */
interface Cycle {
  n?: number;
  session?: Session;
  loginAs?: string;
  form?: FormInHand;
  marker?: string;
  saved?: boolean;
  /** The path of the plain read in flight (for the message of a 5xx). */
  path?: string;
}

const LOGIN_EVERY = 4;
const EXPORT_EVERY = 8;

function etagVersion(headers: Record<string, string | string[]>): number {
  const value = headers['etag'] ?? headers['ETag'] ?? '';
  return Number(String(value).replace(/"/gu, ''));
}

/**
 * An export refused because every format worker is busy and their queue is full: 503 `api.busy` with
 * Retry-After, the server shedding load it cannot do in time (docs/decisions.md) — not a server error.
 * Any other 5xx, and a 503 on anything but an export, is one.
 */
export function busyExport(kind: string, status: number, body: string, headers: Record<string, unknown>): boolean {
  return kind === 'export' && status === 503 && body.includes('"code":"api.busy"') && (headers['retry-after'] ?? headers['Retry-After']) !== undefined;
}

/** The request specs of one cycle, recording into `ledger`. */
export function loadMix(cast: LoadCast, ledger: Ledger): RequestSpec[] {
  let cycles = 0;
  let saves = 0;
  const ctx = (context: Record<string, unknown>): Cycle => context as Cycle;
  const session = (c: Cycle): Session => c.session ?? (cast.pool[0] as Session);
  const count = (kind: string, status: number, path: string | undefined, body: string, headers: Record<string, unknown> = {}): void => {
    const key = `${kind} ${status}`;
    ledger.statuses.set(key, (ledger.statuses.get(key) ?? 0) + 1);
    if (status >= 500 && !busyExport(kind, status, body, headers)) ledger.serverErrors.push(`${kind} ${path ?? ''} → ${status}: ${body.slice(0, 300)}`);
  };
  const get = (kind: string, path: (c: Cycle) => string, signedIn = true): RequestSpec => ({
    setupRequest: (_request, context) => {
      const c = ctx(context);
      c.path = path(c);
      return { method: 'GET', path: c.path, headers: signedIn ? authHeaders(session(c)) : {} };
    },
    onResponse: (status, body, context) => count(kind, status, ctx(context).path, body),
  });
  const pickForm = (c: Cycle): string | undefined => {
    const { departmentId } = session(c);
    const forms = departmentId === null ? cast.drafts : (cast.draftsOf.get(departmentId) ?? []);
    return forms.length === 0 ? undefined : forms[Math.floor(Math.random() * forms.length)];
  };
  const read = (onlyUnsaved: boolean): RequestSpec => ({
    setupRequest: (_request, context) => {
      const c = ctx(context);
      // After a save that went through the form in hand is current: the next save goes on top of it.
      if (onlyUnsaved && c.saved === true && c.form) return { method: 'GET', path: `/api/forms/${c.form.id}/history`, headers: authHeaders(session(c)) };
      const id = pickForm(c) ?? cast.publishedId;
      c.form = undefined;
      return { method: 'GET', path: `/api/forms/${id}`, headers: authHeaders(session(c)) };
    },
    onResponse: (status, body, context, headers) => {
      const c = ctx(context);
      count('read', status, undefined, body);
      if (status === 200 && !(onlyUnsaved && c.saved === true && c.form)) {
        const answer = JSON.parse(body) as { id: string; document: FormInHand['document'] };
        c.form = { id: answer.id, version: etagVersion(headers), document: answer.document };
      }
    },
  });
  const save: RequestSpec = {
    setupRequest: (_request, context) => {
      const c = ctx(context);
      c.saved = false;
      if (!c.form) return { method: 'GET', path: '/api/public/summary', headers: {} };
      c.marker = `load-${++saves}-${Date.now().toString(36)}`;
      c.form.document.narratives['completion'] = c.marker;
      ledger.sent.set(c.marker, { formId: c.form.id, status: 'pending' });
      return {
        method: 'PUT',
        path: `/api/forms/${c.form.id}`,
        headers: authHeaders(session(c), { 'content-type': 'application/json', 'if-match': `"${c.form.version}"` }),
        body: JSON.stringify(c.form.document),
      };
    },
    onResponse: (status, body, context, headers) => {
      const c = ctx(context);
      if (!c.form || c.marker === undefined) return count('public', status, '/api/public/summary', body);
      count('save', status, `/api/forms/${c.form.id}`, body);
      const sent = ledger.sent.get(c.marker);
      if (sent) sent.status = status;
      if (status === 200) {
        const version = etagVersion(headers);
        ledger.acknowledged.push({ formId: c.form.id, version, action: 'save', marker: c.marker });
        c.form.version = version;
        c.saved = true;
      } else {
        c.form = undefined;
      }
      c.marker = undefined;
    },
  };
  const signInOrReuse: RequestSpec = {
    setupRequest: (_request, context) => {
      const c = ctx(context);
      c.n = cycles++;
      c.session = cast.pool[c.n % cast.pool.length];
      if (c.n % LOGIN_EVERY !== 0) return { method: 'GET', path: '/api/session', headers: authHeaders(session(c)) };
      const account = cast.accounts[(c.n / LOGIN_EVERY) % cast.accounts.length] as LoadAccount;
      c.loginAs = account.username;
      return { method: 'POST', path: '/api/session', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: account.username, password: account.password }) };
    },
    onResponse: (status, body, context, headers) => {
      const c = ctx(context);
      count(c.loginAs === undefined ? 'session' : 'login', status, '/api/session', body);
      if (c.loginAs !== undefined && status === 200) c.session = sessionFrom(c.loginAs, headers['set-cookie'] ?? headers['Set-Cookie'], body);
      c.loginAs = undefined;
    },
  };
  const exportOrSummary: RequestSpec = {
    setupRequest: (_request, context) => {
      const c = ctx(context);
      const n = c.n ?? 0;
      if (n % EXPORT_EVERY !== 0) return { method: 'GET', path: '/api/public/summary', headers: {} };
      const format = (n / EXPORT_EVERY) % 2 === 0 ? 'xlsx' : 'pdf';
      return (n / EXPORT_EVERY) % 4 < 2 || !c.form
        ? { method: 'GET', path: `/api/public/forms/${cast.publishedId}/export/${format}`, headers: {} }
        : { method: 'GET', path: `/api/forms/${c.form.id}/export/${format}`, headers: authHeaders(session(c)) };
    },
    onResponse: (status, body, context, headers) => count(((ctx(context).n ?? 0) % EXPORT_EVERY === 0 ? 'export' : 'public'), status, undefined, body, headers),
  };
  // Every kind early in the cycle: at 200 connections a connection goes round only a few times a minute.
  const specs: RequestSpec[] = [
    signInOrReuse,
    read(false),
    exportOrSummary,
    save,
    get('public', () => '/api/public/forms', false),
    get('queue', () => '/api/forms'),
    read(true),
    save,
    get('public', () => `/api/public/forms/${cast.publishedId}`, false),
    get('history', (c) => `/api/forms/${c.form?.id ?? pickForm(c) ?? ''}/history`),
    read(false),
    save,
    get('queue', () => '/api/forms?year=2022'),
  ];
  return specs.map((spec) => ({
    ...spec,
    setupRequest: (request, context) => {
      const built = spec.setupRequest?.(request, context) ?? request;
      const key = `${built.method ?? 'GET'} ${(built.path ?? '').replace(/\/[0-9a-f-]{36}/gu, '/:id')}`;
      ledger.started.set(key, (ledger.started.get(key) ?? 0) + 1);
      return built;
    },
  }));
}
