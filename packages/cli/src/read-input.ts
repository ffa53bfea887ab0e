/** Reading an input file for a command: size-capped, with a clear problem instead of a stack trace. */
import { readFile, stat } from 'node:fs/promises';
import type { InputCode, Problem } from '@jixiao/core';

/** Larger files are refused before reading: no published form comes near this. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

export type ReadResult = { ok: true; bytes: Uint8Array } | { ok: false; problem: Problem<InputCode> };

const problem = (code: InputCode, file: string, params: Record<string, string | number> = {}): ReadResult => ({
  ok: false,
  problem: { code, severity: 'error', path: file, params: { file, ...params } },
});

/** The bytes of a file, or why they cannot be had. */
export async function readInput(path: string): Promise<ReadResult> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) return problem('input.isDirectory', path);
    if (info.size > MAX_INPUT_BYTES) {
      return problem('input.tooLarge', path, { sizeMb: (info.size / 1024 / 1024).toFixed(1), limitMb: MAX_INPUT_BYTES / 1024 / 1024 });
    }
    return { ok: true, bytes: new Uint8Array(await readFile(path)) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return problem('input.notFound', path);
    return problem('input.unreadable', path, { reason: code ?? String(error) });
  }
}
