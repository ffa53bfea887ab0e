/**
 * Reading a form from a file's bytes, whatever its format: chosen by the file's extension, or by its
 * first bytes when the extension says nothing. Heavy format libraries are loaded only when needed, so
 * checking a text form stays fast.
 */
import type { FormDocument, Problem, WithProblems } from '@jixiao/core';
import { parseFormJson } from './json/parse-form-json.js';
import { importFormBytes } from './text/import-form-text.js';

/** What a file is read as. */
export type InputFormat = 'text' | 'json' | 'xlsx' | 'pdf';

/** Extensions read, with the format each means. */
export const READABLE_EXTENSIONS: Readonly<Record<string, InputFormat>> = { '.txt': 'text', '.text': 'text', '.json': 'json', '.xlsx': 'xlsx', '.pdf': 'pdf' };

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean => magic.every((b, i) => bytes[i] === b);

export interface InputFile {
  /** The file's name (only its extension is used). */
  fileName: string;
  bytes: Uint8Array;
}

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot <= 0 ? '' : fileName.slice(dot).toLowerCase();
}

/** The format of an input: by extension; with none, a zip is a workbook, %PDF a PDF, JSON if it starts like JSON, else text. */
export function formatOf(file: InputFile): InputFormat | null {
  const extension = extensionOf(file.fileName);
  if (extension === '') {
    if (startsWith(file.bytes, [0x50, 0x4b, 0x03, 0x04])) return 'xlsx';
    if (startsWith(file.bytes, [0x25, 0x50, 0x44, 0x46])) return 'pdf';
    let i = 0;
    while (i < file.bytes.length && (file.bytes[i] === 0x20 || file.bytes[i] === 0x0a || file.bytes[i] === 0x0d || file.bytes[i] === 0x09 || file.bytes[i] === 0xef || file.bytes[i] === 0xbb || file.bytes[i] === 0xbf)) i++;
    return file.bytes[i] === 0x7b ? 'json' : 'text';
  }
  return READABLE_EXTENSIONS[extension] ?? null;
}

/** Reads a form from a file's bytes; problems say what could not be read and where. */
export async function readForm(input: InputFile): Promise<WithProblems<FormDocument | null>> {
  // A Node Buffer is a Uint8Array that pdfjs-dist refuses: read every input through a plain view of its bytes.
  const file = Object.getPrototypeOf(input.bytes) === Uint8Array.prototype ? input : { ...input, bytes: new Uint8Array(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength) };
  const format = formatOf(file);
  switch (format) {
    case 'text':
      return importFormBytes(file.bytes);
    case 'json':
      return parseFormJson(new TextDecoder('utf-8').decode(file.bytes));
    // Loaded on demand: exceljs and pdfjs-dist take longer to load than a text form takes to check.
    case 'xlsx':
      return (await import('./xlsx/read-form-xlsx.js')).readFormXlsx(file.bytes);
    case 'pdf':
      return (await import('./pdf/read-form-pdf.js')).readFormPdf(file.bytes);
    case null: {
      const problem: Problem = {
        code: 'input.unknownFormat',
        severity: 'error',
        path: file.fileName,
        params: { extension: extensionOf(file.fileName), supported: Object.keys(READABLE_EXTENSIONS).join(' ') },
      };
      return { value: null, problems: [problem] };
    }
  }
}
