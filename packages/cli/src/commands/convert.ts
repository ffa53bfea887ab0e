/** `jixiao convert <in> <out>`: read a form in one format and write it in another (formats by extension). */
import { writeFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { Lang, Problem } from '@jixiao/core';
import { hasErrors, problemMessage } from '@jixiao/core';
import { readForm, writeForm } from '@jixiao/io';
import type { CliIo } from '../cli-io.js';
import type { ExitCode } from '../exit-codes.js';
import { EXIT } from '../exit-codes.js';
import { readInput } from '../read-input.js';

function printProblems(problems: readonly Problem[], lang: Lang, io: CliIo): void {
  for (const p of problems) io.err(`${p.severity === 'error' ? '✗' : '!'} [${p.code}] ${p.path}: ${problemMessage(p, lang)}\n`);
}

export async function runConvert(input: string, output: string, lang: Lang, io: CliIo): Promise<ExitCode> {
  const read = await readInput(input);
  if (!read.ok) {
    printProblems([read.problem], lang, io);
    return EXIT.unreadable;
  }
  const { value: form, problems } = await readForm({ fileName: basename(input), bytes: read.bytes });
  printProblems(problems, lang, io);
  if (form === null || hasErrors(problems)) return EXIT.unreadable;
  const written = await writeForm(form, extname(output).toLowerCase(), { lang });
  if (!written.ok) {
    printProblems([{ ...written.problem, path: output }], lang, io);
    return EXIT.unreadable;
  }
  try {
    await writeFile(output, written.bytes);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    printProblems([{ code: 'output.unwritable', severity: 'error', path: output, params: { file: output, reason } }], lang, io);
    return EXIT.unreadable;
  }
  io.err(lang === 'zh' ? `已写入 ${output}\n` : `Wrote ${output}\n`);
  return EXIT.ok;
}
