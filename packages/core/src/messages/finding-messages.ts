/** Messages of check findings (codes are the rule ids). Filled in by the checks. */
import type { MessageTemplate } from './message-template.js';

export const FINDING_MESSAGES = {} as const satisfies Record<string, MessageTemplate>;

export type FindingCode = keyof typeof FINDING_MESSAGES;
