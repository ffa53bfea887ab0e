/**
 * The Chinese font the PDF writer embeds: Noto Sans SC Regular (SIL Open Font License), installed with
 * the @expo-google-fonts/noto-sans-sc package, so a new user's first command needs nothing downloaded.
 * This is the one io module that reads a file (eslint.config.js exempts it, docs/decisions.md says why):
 * the font is part of the program, not user input. Callers that have the bytes (a browser) pass them
 * to the writer instead and never load this module.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const FONT = '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf';

let cached: Promise<Uint8Array> | null = null;

/** The bytes of the bundled font, read once per process. */
export function bundledFont(): Promise<Uint8Array> {
  cached ??= readFile(fileURLToPath(import.meta.resolve(FONT))).then((buffer) => new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength));
  cached.catch(() => {
    cached = null;
  });
  return cached;
}
