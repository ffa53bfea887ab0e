/** Messages of importer issues (codes `import.*`): what could not be read, and where. */
import type { MessageTemplate } from './message-template.js';
import { param } from './message-template.js';

export const IMPORT_MESSAGES = {
  'import.empty': {
    zh: () => '文件为空，没有可读取的内容。',
    en: () => 'The file is empty: there is nothing to read.',
  },
  'import.notText': {
    zh: (p) => `文件不是文本（${param(p, 'detail')}），无法按自评表文本读取。`,
    en: (p) => `The file is not text (${param(p, 'detail')}) and cannot be read as a form's text.`,
  },
} as const satisfies Record<string, MessageTemplate>;

export type ImportCode = keyof typeof IMPORT_MESSAGES;
