/** The language of answers: English when the caller's Accept-Language prefers it, else Chinese. */
import type { Lang } from '@jixiao/core';
import type { FastifyRequest } from 'fastify';

/** `en` when the first language the caller accepts is English; `zh` otherwise. */
export function langOf(request: FastifyRequest): Lang {
  const header = request.headers['accept-language'];
  const first = (Array.isArray(header) ? header[0] : header)?.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh';
}
