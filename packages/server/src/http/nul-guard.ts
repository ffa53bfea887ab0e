/**
 * Refuses text with a NUL character (U+0000) anywhere in a request's path parameters, query or JSON body,
 * before validation: PostgreSQL cannot store it in text, no field needs it, and it is a classic way to cut a
 * name short further down. The refusal says where. (Files read from uploads are checked by their service.)
 */
import type { FastifyRequest } from 'fastify';
import { ApiError } from '../services/api-error.js';
import { nulPath } from '../services/nul-text.js';

/** The preValidation hook: 400 api.nulCharacter naming the place. */
export async function refuseNul(request: FastifyRequest): Promise<void> {
  const where = nulPath(request.params, 'path') ?? nulPath(request.query, 'query') ?? nulPath(request.body, 'body');
  if (where !== null) throw new ApiError('api.nulCharacter', { where });
}
