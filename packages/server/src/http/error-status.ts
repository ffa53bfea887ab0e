/** The one table from an API error code to its HTTP status. */
import type { ServerCode } from '@jixiao/core';

/** HTTP status of each API error code. */
export const ERROR_STATUS: Readonly<Record<ServerCode, number>> = {
  'api.badRequest': 400,
  'api.unauthenticated': 401,
  'api.invalidCredentials': 401,
  'api.wrongPassword': 403,
  'api.weakPassword': 400,
  'api.csrf': 403,
  'api.forbidden': 403,
  'api.notFound': 404,
  'api.rateLimited': 429,
  'api.signInPaused': 429,
  'api.preconditionRequired': 428,
  'api.versionConflict': 409,
  'api.transitionNotAllowed': 409,
  'api.commentRequired': 400,
  'api.locked': 409,
  'api.unknownIndicator': 400,
  'api.formInvalid': 422,
  'api.unreadableUpload': 422,
  'api.uploadExpired': 410,
  'api.fileTooLarge': 413,
  'api.fileType': 415,
  'api.fileContent': 415,
  'api.noFile': 400,
  'api.exportFailed': 400,
  'api.conflict': 409,
  'api.demoInProduction': 400,
  'api.internal': 500,
};
