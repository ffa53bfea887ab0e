/**
 * Talking to the server: JSON over fetch with the session cookie, the CSRF token (returned at sign-in)
 * on every state-changing request, the language in Accept-Language, and errors as `ApiFailure` carrying
 * the server's stable code and message.
 */
import type { Lang } from '@jixiao/core';

/** The header the server reads the CSRF token from (server/src/http/request-auth.ts). */
export const CSRF_HEADER = 'X-CSRF-Token';

/** A request the server refused (or that never reached it: status 0). */
export class ApiFailure extends Error {
  /** HTTP status; 0 when the network failed. */
  readonly status: number;
  /** The server's stable error code (`api.versionConflict` …). */
  readonly code: string;
  /** The whole error object the server sent. */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(status: number, code: string, message: string, details: Readonly<Record<string, unknown>> = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

let csrfToken: string | null = null;
let language: Lang = 'zh';

/** Remembers the CSRF token of the current session (null after signing out). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The language the server should answer in. */
export function setApiLanguage(lang: Lang): void {
  language = lang;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Options of one request. */
export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  headers?: Readonly<Record<string, string>>;
}

/** Sends a request and returns the JSON answer (undefined for 204), or throws `ApiFailure`. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': language === 'en' ? 'en' : 'zh-CN', ...options.headers };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) body = options.body;
  else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (method !== 'GET' && csrfToken !== null) headers[CSRF_HEADER] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body, credentials: 'same-origin' });
  } catch (error) {
    throw new ApiFailure(0, 'network', error instanceof Error ? error.message : String(error));
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let json: unknown = null;
  try {
    json = text === '' ? null : JSON.parse(text);
  } catch {
    json = null;
  }
  if (!response.ok) {
    const error = isRecord(json) && isRecord(json['error']) ? json['error'] : {};
    const code = typeof error['code'] === 'string' ? error['code'] : `http.${response.status}`;
    const message = typeof error['message'] === 'string' ? error['message'] : response.statusText;
    throw new ApiFailure(response.status, code, message, error);
  }
  return json as T;
}

/** Uploads one file as multipart field `file`, reporting progress (0–1); XHR because fetch reports none. */
export function uploadFile<T>(path: string, file: File, onProgress: (fraction: number) => void): Promise<T> {
  const data = new FormData();
  data.append('file', file, file.name);
  return uploadForm<T>(path, data, onProgress);
}

/** Posts a multipart form (fields and files), reporting the upload's progress (0–1). */
export function uploadForm<T>(path: string, data: FormData, onProgress: (fraction: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', language === 'en' ? 'en' : 'zh-CN');
    if (csrfToken !== null) xhr.setRequestHeader(CSRF_HEADER, csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new ApiFailure(0, 'network', 'network error'));
    xhr.onload = () => {
      let json: unknown = null;
      try {
        json = JSON.parse(xhr.responseText);
      } catch {
        json = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve(json as T);
        return;
      }
      const error = isRecord(json) && isRecord(json['error']) ? json['error'] : {};
      reject(new ApiFailure(xhr.status, typeof error['code'] === 'string' ? error['code'] : `http.${xhr.status}`, typeof error['message'] === 'string' ? error['message'] : xhr.statusText, error));
    };
    xhr.send(data);
  });
}
