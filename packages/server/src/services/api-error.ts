/**
 * A refusal the caller can act on (not found, forbidden, stale version …): a stable code from core's
 * messages module, its params, and extra fields for the answer (the current version of a 409). The HTTP
 * layer maps the code to a status in one table (http/error-status.ts).
 */
import type { MessageParams, Problem, ServerCode } from '@jixiao/core';

/** Thrown by services for anything the caller did that the server refuses. */
export class ApiError extends Error {
  readonly code: ServerCode;
  readonly params: MessageParams;
  readonly details: Readonly<Record<string, unknown>>;
  readonly problems: readonly Problem[];

  constructor(code: ServerCode, params: MessageParams = {}, details: Readonly<Record<string, unknown>> = {}, problems: readonly Problem[] = []) {
    super(code);
    this.code = code;
    this.params = params;
    this.details = details;
    this.problems = problems;
  }
}
