/**
 * Clients keeping a server busy with the writes that matter: each reads a form and saves it with If-Match
 * (a marker unique to the request written into the document) or moves it along the workflow (submit, and
 * return with a comment, so forms keep cycling). Every 2xx is written down as acknowledged. When the server
 * is down (killed) the clients wait for it to come back at its new address and carry on.
 */
import type { Random } from '@jixiao/core';
import type { Acknowledged } from './acknowledged.js';
import type { Session } from './http-client.js';
import { authHeaders } from './http-client.js';

/** What the clients share: where the server is (null while down), what they were told, what went wrong. */
export interface Traffic {
  base: string | null;
  stopped: boolean;
  acknowledged: Acknowledged[];
  /** Answers no client of a healthy server should get (5xx, or 4xx other than a lost race). */
  unexpected: string[];
  /** Requests cut off by the server going away. */
  cutOff: number;
  /** Acknowledged changes since the count was last taken (to kill only once something happened). */
  sinceLook: number;
}

/** A fresh, empty record of traffic to the server at `base`. */
export function newTraffic(base: string): Traffic {
  return { base, stopped: false, acknowledged: [], unexpected: [], cutOff: 0, sinceLook: 0 };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const EDITABLE = new Set(['draft', 'returned']);
let markers = 0;

function versionOf(res: Response): number {
  return Number((res.headers.get('etag') ?? '').replace(/"/gu, ''));
}

async function oneChange(traffic: Traffic, base: string, session: Session, formId: string, random: Random): Promise<void> {
  const read = await fetch(`${base}/api/forms/${formId}`, { headers: authHeaders(session) });
  const body = await read.text();
  if (read.status !== 200) {
    traffic.unexpected.push(`GET form ${formId} → ${read.status}: ${body.slice(0, 200)}`);
    return;
  }
  const view = JSON.parse(body) as { state: string; document: { narratives: Record<string, string> } };
  const version = versionOf(read);
  let request: { method: string; path: string; body: unknown; action: string; marker?: string };
  if (EDITABLE.has(view.state) && random.next() < 0.75) {
    const marker = `crash-${process.pid}-${++markers}`;
    view.document.narratives['completion'] = marker;
    request = { method: 'PUT', path: `/api/forms/${formId}`, body: view.document, action: 'save', marker };
  } else if (EDITABLE.has(view.state)) {
    request = { method: 'POST', path: `/api/forms/${formId}/transitions`, body: { action: 'submit', version }, action: 'submit' };
  } else if (view.state === 'submitted') {
    request = { method: 'POST', path: `/api/forms/${formId}/transitions`, body: { action: 'return', version, comment: '请补充佐证材料' }, action: 'return' };
  } else {
    return;
  }
  const res = await fetch(`${base}${request.path}`, {
    method: request.method,
    headers: authHeaders(session, { 'content-type': 'application/json', 'if-match': `"${version}"` }),
    body: JSON.stringify(request.body),
  });
  // Acknowledged as soon as the status line arrives, even if the server dies before the body is through.
  if (res.status === 200) {
    traffic.acknowledged.push({ formId, version: versionOf(res), action: request.action, ...(request.marker ? { marker: request.marker } : {}) });
    traffic.sinceLook++;
  }
  const answer = await res.text();
  if (res.status !== 200 && res.status !== 409) traffic.unexpected.push(`${request.action} form ${formId} → ${res.status}: ${answer.slice(0, 200)}`);
}

/** One client's loop until `traffic.stopped`. */
export async function busyClient(traffic: Traffic, session: Session, formIds: readonly string[], random: Random): Promise<void> {
  while (!traffic.stopped) {
    const base = traffic.base;
    if (base === null) {
      await sleep(10);
      continue;
    }
    try {
      await oneChange(traffic, base, session, random.pick(formIds), random);
    } catch {
      // Connection refused or reset: the server was killed under this request, which no one acknowledged.
      traffic.cutOff++;
      await sleep(10);
    }
  }
}
