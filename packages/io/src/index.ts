/** @jixiao/io — form formats in and out. Takes bytes and strings; never touches the file system. */
export { importFormText, importFormBytes } from './text/import-form-text.js';
export { decodeText } from './text/decode-text.js';
export { serializeForm, canonicalForm } from './json/serialize-form.js';
export { parseFormJson } from './json/parse-form-json.js';
export * from './read-form.js';
export * from './write-form.js';
