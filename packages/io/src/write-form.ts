/**
 * Writing a form in the format an output file's extension names. The Excel and PDF writers (and their
 * libraries) are loaded only when asked for, so that commands on text and JSON stay fast.
 */
import type { FormDocument, Lang, Problem } from '@jixiao/core';
import { writeIndicatorsCsv } from './csv/write-indicators-csv.js';
import { writeFormHtml } from './html/write-form-html.js';
import { serializeForm } from './json/serialize-form.js';

/** Extensions written. */
export const WRITABLE_EXTENSIONS = ['.json', '.xlsx', '.pdf', '.html', '.csv'] as const;

export interface WriteOptions {
  lang: Lang;
  /** The font the PDF embeds (a TrueType/OpenType font with Chinese glyphs); the bundled Noto Sans SC when absent. */
  font?: Uint8Array;
}

async function pdfFont(options: WriteOptions): Promise<{ ok: true; font: Uint8Array } | { ok: false; problem: Problem }> {
  if (options.font !== undefined) return { ok: true, font: options.font };
  try {
    return { ok: true, font: await (await import('./pdf/bundled-font.js')).bundledFont() };
  } catch (error) {
    const detail = (error as NodeJS.ErrnoException).code ?? String(error);
    return { ok: false, problem: { code: 'output.pdf.font', severity: 'error', path: '', params: { detail } } };
  }
}

export type WriteResult = { ok: true; bytes: Uint8Array } | { ok: false; problem: Problem };

/** The bytes of the form in the format of `extension` (".json" …), or the problem of an unknown one. */
export async function writeForm(form: FormDocument, extension: string, options: WriteOptions): Promise<WriteResult> {
  switch (extension) {
    case '.json':
      return { ok: true, bytes: new TextEncoder().encode(serializeForm(form)) };
    case '.xlsx':
      return { ok: true, bytes: await (await import('./xlsx/write-form-xlsx.js')).writeFormXlsx(form) };
    case '.pdf': {
      const font = await pdfFont(options);
      if (!font.ok) return font;
      return { ok: true, bytes: await (await import('./pdf/write-form-pdf.js')).writeFormPdf(form, { font: font.font }) };
    }
    case '.html':
      return { ok: true, bytes: new TextEncoder().encode(writeFormHtml(form)) };
    case '.csv':
      return { ok: true, bytes: new TextEncoder().encode(writeIndicatorsCsv(form)) };
    default:
      return {
        ok: false,
        problem: { code: 'output.unknownFormat', severity: 'error', path: extension, params: { extension, supported: WRITABLE_EXTENSIONS.join(' ') } },
      };
  }
}
