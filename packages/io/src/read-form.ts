/**
 * Reading a form from a file's bytes, whatever its format: chosen by the file's extension, or by its
 * first bytes when the extension says nothing. Heavy format libraries are loaded only when needed, so
 * checking a text form stays fast.
 */
import type { FormDocument, Problem, WithProblems } from '@jixiao/core';
import { parseFormJson } from './json/parse-form-json.js';
import { importFormBytes } from './text/import-form-text.js';

/** What a file is read as. */
export type InputFormat = 'text' | 'json';

/** Extensions read, with the format each means. */
export const READABLE_EXTENSIONS: Readonly<Record<string, InputFormat>> = { '.txt': 'text', '.text': 'text', '.json': 'json' };

export interface InputFile {
  /** The file's name (only its extension is used). */
  fileName: string;
  bytes: Uint8Array;
}

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot <= 0 ? '' : fileName.slice(dot).toLowerCase();
}

/** The format of an input: by extension; with none, JSON if it starts like JSON, else text. */
export function formatOf(file: InputFile): InputFormat | null {
  const extension = extensionOf(file.fileName);
  if (extension === '') {
    let i = 0;
    while (i < file.bytes.length && (file.bytes[i] === 0x20 || file.bytes[i] === 0x0a || file.bytes[i] === 0x0d || file.bytes[i] === 0x09 || file.bytes[i] === 0xef || file.bytes[i] === 0xbb || file.bytes[i] === 0xbf)) i++;
    return file.bytes[i] === 0x7b ? 'json' : 'text';
  }
  return READABLE_EXTENSIONS[extension] ?? null;
}

/** Reads a form from a file's bytes; problems say what could not be read and where. */
export async function readForm(file: InputFile): Promise<WithProblems<FormDocument | null>> {
  const format = formatOf(file);
  switch (format) {
    case 'text':
      return importFormBytes(file.bytes);
    case 'json':
      return parseFormJson(new TextDecoder('utf-8').decode(file.bytes));
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
