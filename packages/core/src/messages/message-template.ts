/** A message in both languages, rendered from a problem's params. */
import type { MessageParams } from '../problem.js';

export interface MessageTemplate {
  zh: (params: MessageParams) => string;
  en: (params: MessageParams) => string;
}

/** A param as text ('' when absent), for templates. */
export function param(params: MessageParams, name: string): string {
  const value = params[name];
  return value === undefined ? '' : String(value);
}
