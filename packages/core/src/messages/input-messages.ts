/** Messages about getting at an input at all (codes `input.*`): files that are missing, too large, of an unknown kind. */
import type { MessageTemplate } from './message-template.js';
import { param as p } from './message-template.js';

export const INPUT_MESSAGES = {
  'input.notFound': { zh: (x) => `找不到文件 ${p(x, 'file')}。`, en: (x) => `No such file: ${p(x, 'file')}.` },
  'input.isDirectory': { zh: (x) => `${p(x, 'file')} 是目录，不是文件。`, en: (x) => `${p(x, 'file')} is a directory, not a file.` },
  'input.tooLarge': {
    zh: (x) => `${p(x, 'file')} 太大（${p(x, 'sizeMb')} MB，上限 ${p(x, 'limitMb')} MB）。`,
    en: (x) => `${p(x, 'file')} is too large (${p(x, 'sizeMb')} MB; the limit is ${p(x, 'limitMb')} MB).`,
  },
  'input.unreadable': { zh: (x) => `无法读取 ${p(x, 'file')}（${p(x, 'reason')}）。`, en: (x) => `Cannot read ${p(x, 'file')} (${p(x, 'reason')}).` },
  'input.unknownFormat': {
    zh: (x) => `不支持的文件类型“${p(x, 'extension')}”：可读取 ${p(x, 'supported')}。`,
    en: (x) => `Unsupported file type “${p(x, 'extension')}”: jixiao reads ${p(x, 'supported')}.`,
  },
  'output.unknownFormat': {
    zh: (x) => `不支持输出为“${p(x, 'extension')}”：可输出 ${p(x, 'supported')}。`,
    en: (x) => `Cannot write “${p(x, 'extension')}”: jixiao writes ${p(x, 'supported')}.`,
  },
  'input.timeLimit': {
    zh: (x) => `读取 ${p(x, 'file')} 超过 ${p(x, 'seconds')} 秒，已停止：文件可能过于复杂或已损坏，请检查后重新上传。`,
    en: (x) => `Reading ${p(x, 'file')} took longer than ${p(x, 'seconds')} s and was stopped: the file may be too complex or damaged; check it and upload it again.`,
  },
  'input.memoryLimit': {
    zh: (x) => `读取 ${p(x, 'file')} 需要超过 ${p(x, 'limitMb')} MB 内存，已停止：文件可能过于复杂或已损坏，请检查后重新上传。`,
    en: (x) => `Reading ${p(x, 'file')} needed more than ${p(x, 'limitMb')} MB of memory and was stopped: the file may be too complex or damaged; check it and upload it again.`,
  },
  'output.timeLimit': {
    zh: (x) => `生成 ${p(x, 'file')} 超过 ${p(x, 'seconds')} 秒，已停止，请稍后重试。`,
    en: (x) => `Writing ${p(x, 'file')} took longer than ${p(x, 'seconds')} s and was stopped; try again later.`,
  },
  'output.memoryLimit': {
    zh: (x) => `生成 ${p(x, 'file')} 需要超过 ${p(x, 'limitMb')} MB 内存，已停止。`,
    en: (x) => `Writing ${p(x, 'file')} needed more than ${p(x, 'limitMb')} MB of memory and was stopped.`,
  },
  'output.unwritable': { zh: (x) => `无法写入 ${p(x, 'file')}（${p(x, 'reason')}）。`, en: (x) => `Cannot write ${p(x, 'file')} (${p(x, 'reason')}).` },
} as const satisfies Record<string, MessageTemplate>;

export type InputCode = keyof typeof INPUT_MESSAGES;
