/** The one place a problem becomes a sentence, in Chinese (default) or English. */
import type { Lang } from '../glossary.js';
import type { MessageParams, Problem } from '../problem.js';
import { BACKUP_MESSAGES } from './backup-messages.js';
import { BULK_IMPORT_MESSAGES } from './bulk-import-messages.js';
import { FINDING_MESSAGES } from './finding-messages.js';
import { FOLLOW_UP_MESSAGES } from './follow-up-messages.js';
import { FORMAT_MESSAGES } from './format-messages.js';
import { IMPORT_MESSAGES } from './import-messages.js';
import { INPUT_MESSAGES } from './input-messages.js';
import type { MessageTemplate } from './message-template.js';
import { SERVER_MESSAGES } from './server-messages.js';

const MESSAGES: Readonly<Record<string, MessageTemplate>> = { ...INPUT_MESSAGES, ...IMPORT_MESSAGES, ...FORMAT_MESSAGES, ...FINDING_MESSAGES, ...SERVER_MESSAGES, ...BULK_IMPORT_MESSAGES, ...BACKUP_MESSAGES, ...FOLLOW_UP_MESSAGES };

/** The message of a code with its params; an unknown code is a bug and throws. */
export function renderMessage(code: string, params: MessageParams, lang: Lang = 'zh'): string {
  const template = MESSAGES[code];
  if (!template) throw new Error(`no message for code ${code}`);
  return template[lang](params);
}

/** The message of a problem. */
export function problemMessage(problem: Problem, lang: Lang = 'zh'): string {
  return renderMessage(problem.code, problem.params, lang);
}

/** Every message code (for the tests that check each has both languages). */
export function messageCodes(): string[] {
  return Object.keys(MESSAGES);
}
