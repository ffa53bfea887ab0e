/**
 * Refuses, before validation, a request whose path parameters, query or JSON body hold a NUL character
 * (U+0000) or nest deeper than any document (services/nul-text.ts): PostgreSQL cannot store NUL, no field
 * needs it, and a body nested a hundred thousand levels deep would overflow the stack of whatever walks it.
 * The refusal says where. (Files read from uploads are checked by their service.)
 */
import type { FastifyRequest } from 'fastify';
import { ApiError } from '../services/api-error.js';
import { MAX_NESTING, textFault } from '../services/nul-text.js';

/** The preValidation hook: 400 api.nulCharacter or api.badRequest, naming the place. */
export async function refuseNul(request: FastifyRequest): Promise<void> {
  const fault = textFault(request.params, 'path') ?? textFault(request.query, 'query') ?? textFault(request.body, 'body');
  if (fault?.kind === 'nul') throw new ApiError('api.nulCharacter', { where: fault.where });
  if (fault?.kind === 'tooDeep') throw new ApiError('api.badRequest', { detail: `${fault.where} is nested more than ${MAX_NESTING} levels deep` });
}
