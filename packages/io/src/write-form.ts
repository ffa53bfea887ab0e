/** Writing a form in the format an output file's extension names. */
import type { FormDocument, Lang, Problem } from '@jixiao/core';
import { serializeForm } from './json/serialize-form.js';

/** Extensions written. */
export const WRITABLE_EXTENSIONS = ['.json'] as const;

export interface WriteOptions {
  lang: Lang;
}

export type WriteResult = { ok: true; bytes: Uint8Array } | { ok: false; problem: Problem };

/** The bytes of the form in the format of `extension` (".json" …), or the problem of an unknown one. */
export async function writeForm(form: FormDocument, extension: string, _options: WriteOptions): Promise<WriteResult> {
  switch (extension) {
    case '.json':
      return { ok: true, bytes: new TextEncoder().encode(serializeForm(form)) };
    default:
      return {
        ok: false,
        problem: { code: 'output.unknownFormat', severity: 'error', path: extension, params: { extension, supported: WRITABLE_EXTENSIONS.join(' ') } },
      };
  }
}
