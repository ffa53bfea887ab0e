/** Signing in to a server process over real HTTP and the headers a signed-in client sends. */
import { DEMO_ACCOUNTS } from '../../src/services/demo-data.js';

/** A signed-in client's cookie and CSRF token. */
export interface Session {
  username: string;
  role: string;
  /** A head's or editor's department (null for the others). */
  departmentId: string | null;
  cookie: string;
  csrf: string;
}

/** The demo password of `username`. */
export function demoPassword(username: string): string {
  const account = DEMO_ACCOUNTS.find((a) => a.username === username);
  if (!account) throw new Error(`no demo account ${username}`);
  return account.password;
}

/** The session a sign-in answer carries (cookie from Set-Cookie, token from the body). */
export function sessionFrom(username: string, setCookie: string | string[] | undefined, body: string): Session {
  const cookie = (Array.isArray(setCookie) ? setCookie : [setCookie ?? '']).map((c) => c.split(';')[0] ?? '').find((c) => c.startsWith('jixiao_session='));
  if (cookie === undefined) throw new Error(`sign-in as ${username} set no session cookie: ${body.slice(0, 200)}`);
  const answer = JSON.parse(body) as { csrfToken: string; user: { role: string; departmentId: string | null } };
  return { username, role: answer.user.role, departmentId: answer.user.departmentId, cookie, csrf: answer.csrfToken };
}

/** Signs in (as a demo account when no password is given). */
export async function signIn(base: string, username: string, password = demoPassword(username)): Promise<Session> {
  const res = await fetch(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`sign-in as ${username}: ${res.status} ${body.slice(0, 200)}`);
  return sessionFrom(username, res.headers.getSetCookie(), body);
}

/** Headers of a request made in `session`. */
export function authHeaders(session: Session, extra: Record<string, string> = {}): Record<string, string> {
  return { cookie: session.cookie, 'x-csrf-token': session.csrf, ...extra };
}

/** The forms `session` sees: id, state, version. */
export async function visibleForms(base: string, session: Session): Promise<{ id: string; state: string; version: number; year: number; departmentId: string }[]> {
  const res = await fetch(`${base}/api/forms`, { headers: authHeaders(session) });
  if (res.status !== 200) throw new Error(`GET /api/forms: ${res.status}`);
  return ((await res.json()) as { forms: { id: string; state: string; version: number; year: number; departmentId: string }[] }).forms;
}
