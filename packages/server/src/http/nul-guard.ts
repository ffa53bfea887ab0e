/**
 * Refuses text with a NUL character (U+0000) anywhere in a request's path parameters, query or JSON body,
 * before validation: PostgreSQL cannot store it in text (the insert would fail as a server error), no field
 * of a form needs it, and it is a classic way to cut a name short further down. The refusal says where.
 */
import type { FastifyRequest } from 'fastify';
import { ApiError } from '../services/api-error.js';

const NUL = '\u0000';

/** Where in the value a string with NUL sits (as a JSON pointer under `at`), or null. */
export function nulPath(value: unknown, at: string): string | null {
  if (typeof value === 'string') return value.includes(NUL) ? at : null;
  if (value === null || typeof value !== 'object') return null;
  for (const [key, v] of Object.entries(value)) {
    if (key.includes(NUL)) return `${at}/${key.replaceAll(NUL, '\\0')}`;
    const found = nulPath(v, `${at}/${key}`);
    if (found !== null) return found;
  }
  return null;
}

/** The preValidation hook: 400 api.nulCharacter naming the place. */
export async function refuseNul(request: FastifyRequest): Promise<void> {
  const where = nulPath(request.params, 'path') ?? nulPath(request.query, 'query') ?? nulPath(request.body, 'body');
  if (where !== null) throw new ApiError('api.nulCharacter', { where });
}
