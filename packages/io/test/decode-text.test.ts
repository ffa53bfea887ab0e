import { problemMessage } from '@jixiao/core';
import type { FormDocument, Problem } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import { decodeText, importFormBytes, importFormText } from '../src/index.js';
import { SEED_TEXT } from './helpers/seed.js';

/** GB18030 bytes of a text, written by hand for the characters used (no encoder exists in the platform). */
const GB_BYTES: Readonly<Record<string, number[]>> = {
  部: [0xb2, 0xbf],
  门: [0xc3, 0xc5],
  整: [0xd5, 0xfb],
  体: [0xcc, 0xe5],
};

function utf16(text: string, littleEndian: boolean): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  const view = new DataView(bytes.buffer);
  view.setUint16(0, 0xfeff, littleEndian);
  for (let i = 0; i < text.length; i += 1) view.setUint16(2 + i * 2, text.charCodeAt(i), littleEndian);
  return bytes;
}

const seed = importFormText(SEED_TEXT).value as FormDocument;

describe('decodeText', () => {
  it('reads UTF-8 with and without a byte-order mark', () => {
    const bytes = new TextEncoder().encode('部门整体');
    expect(decodeText(bytes)).toEqual({ value: '部门整体', problems: [] });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes])).value).toBe('部门整体');
  });

  it('reads UTF-16LE and UTF-16BE with a byte-order mark, and says so', () => {
    for (const [littleEndian, name] of [[true, 'UTF-16LE'], [false, 'UTF-16BE']] as const) {
      const result = decodeText(utf16('部门整体 2021', littleEndian));
      expect(result.value).toBe('部门整体 2021');
      expect(result.problems.map((p) => [p.code, p.severity, p.params['encoding']])).toEqual([['import.encoding', 'info', name]]);
    }
  });

  it('reads GB18030/GBK when the bytes are not UTF-8', () => {
    const bytes = new Uint8Array(['部', '门', '整', '体'].flatMap((ch) => GB_BYTES[ch] ?? []));
    const result = decodeText(bytes);
    expect(result.value).toBe('部门整体');
    expect(result.problems.map((p) => p.params['encoding'])).toEqual(['GB18030']);
  });

  it('refuses binary: NUL bytes, many control characters, invalid UTF-8 after a UTF-8 mark', () => {
    const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a, 0x00, 0x01, 0xff]);
    for (const bytes of [pdf, new Uint8Array(200).fill(0x01), new Uint8Array([0xef, 0xbb, 0xbf, 0xff, 0xfe, 0xfd])]) {
      const result = decodeText(bytes);
      expect(result.value).toBeNull();
      expect(result.problems.map((p) => [p.code, p.severity])).toEqual([['import.notText', 'error']]);
      expect(problemMessage(result.problems[0] as Problem, 'en')).toContain('not text');
    }
  });

  it('decodes at most maxBytes, even cut inside a character, and says so', () => {
    const bytes = new TextEncoder().encode('部门整体');
    const result = decodeText(bytes, { maxBytes: 4 });
    expect(result.value).toBe('部');
    expect(result.problems.map((p) => [p.code, p.params['size'], p.params['max']])).toEqual([['import.bytesCut', 12, 4]]);
    expect(decodeText(utf16('部门整体', true), { maxBytes: 7 }).value).toBe('部门');
  });

  it('refuses no bytes at all as empty', () => {
    expect(decodeText(new Uint8Array()).problems.map((p) => p.code)).toEqual(['import.empty']);
  });
});

describe('importFormBytes', () => {
  it('imports the seed from UTF-8 bytes with a BOM and from UTF-16LE bytes alike', () => {
    const utf8 = importFormBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(SEED_TEXT)]));
    expect(utf8).toEqual({ value: seed, problems: [] });
    const wide = importFormBytes(utf16(SEED_TEXT, true));
    expect(wide.value).toEqual(seed);
    expect(wide.problems.map((p) => p.code)).toEqual(['import.encoding']);
  });

  it('passes a refusal of the bytes through without reading further', () => {
    expect(importFormBytes(new Uint8Array([0x00, 0x01, 0x02])).problems.map((p) => p.code)).toEqual(['import.notText']);
  });
});
