/**
 * Messages of a bulk import's per-file report (codes `bulkImport.*`): what became of each file, and why a
 * file was refused or waits for the operator's confirmation.
 */
import type { MessageTemplate } from './message-template.js';
import { param as p } from './message-template.js';

/** A form's workflow state as the Chinese sentence says it (已提交, 已审核通过 …). */
const STATE_ZH: Readonly<Record<string, string>> = { draft: '保存为草稿', submitted: '提交', returned: '退回', approved: '审核通过', published: '公开' };

export const BULK_IMPORT_MESSAGES = {
  'bulkImport.imported': { zh: (x) => `已导入：${p(x, 'department')} ${p(x, 'year')} 年。`, en: (x) => `Imported: ${p(x, 'department')}, ${p(x, 'year')}.` },
  'bulkImport.importedWithFindings': {
    zh: (x) => `已导入（有审核问题：${p(x, 'errors')} 个错误，${p(x, 'warnings')} 个警告）：${p(x, 'department')} ${p(x, 'year')} 年。`,
    en: (x) => `Imported with findings (${p(x, 'errors')} errors, ${p(x, 'warnings')} warnings): ${p(x, 'department')}, ${p(x, 'year')}.`,
  },
  'bulkImport.updated': {
    zh: (x) => `已更新草稿为第 ${p(x, 'version')} 版：${p(x, 'department')} ${p(x, 'year')} 年。`,
    en: (x) => `Draft updated to version ${p(x, 'version')}: ${p(x, 'department')}, ${p(x, 'year')}.`,
  },
  'bulkImport.unchanged': {
    zh: (x) => `未变化（此前已导入相同内容）：${p(x, 'department')} ${p(x, 'year')} 年。`,
    en: (x) => `Unchanged (the same document was imported before): ${p(x, 'department')}, ${p(x, 'year')}.`,
  },
  'bulkImport.departmentCreated': { zh: (x) => `已新建部门“${p(x, 'department')}”。`, en: (x) => `Department “${p(x, 'department')}” created.` },
  'bulkImport.newDepartment': {
    zh: (x) => `需确认：地区内没有部门“${p(x, 'name')}”；请核对名称，或确认新建（命令行加 --create-departments）。`,
    en: (x) => `Needs confirmation: the region has no department “${p(x, 'name')}”; check the name, or confirm creating it (at the command line, add --create-departments).`,
  },
  'bulkImport.ambiguousDepartment': {
    zh: (x) => `需确认：单位名称“${p(x, 'name')}”同时对应多个部门（${p(x, 'candidates')}）；请先统一部门名称。`,
    en: (x) => `Needs confirmation: the unit name “${p(x, 'name')}” matches several departments (${p(x, 'candidates')}); make the department names distinct first.`,
  },
  'bulkImport.unreadable': { zh: () => '已拒绝：文件无法读取为自评表（见下列问题）。', en: () => 'Refused: the file could not be read as a form (see the problems below).' },
  'bulkImport.fileType': {
    zh: (x) => `已拒绝：不接受此类文件“${p(x, 'extension')}”，可导入 ${p(x, 'supported')}。`,
    en: (x) => `Refused: files of type “${p(x, 'extension')}” are not imported; import ${p(x, 'supported')}.`,
  },
  'bulkImport.noUnitName': { zh: () => '已拒绝：表中没有单位名称，无法对应部门。', en: () => 'Refused: the form names no unit, so no department can be matched.' },
  'bulkImport.yearMismatch': {
    zh: (x) => `已拒绝：表中年度为 ${p(x, 'formYear')}，与导入年度 ${p(x, 'year')} 不符。`,
    en: (x) => `Refused: the form is for ${p(x, 'formYear')}, not for the import's year ${p(x, 'year')}.`,
  },
  'bulkImport.noYear': {
    zh: () => '已拒绝：表中没有年度，请指定导入年度（命令行 --year）。',
    en: () => "Refused: the form names no year; give the import's year (at the command line, --year).",
  },
  'bulkImport.empty': { zh: () => '已拒绝：文件为空。', en: () => 'Refused: the file is empty.' },
  'bulkImport.skipped': { zh: (x) => `已跳过（按您的选择）：${p(x, 'name')}。`, en: (x) => `Skipped (as you chose): ${p(x, 'name')}.` },
  'bulkImport.createNotAllowed': {
    zh: (x) => `已拒绝：您无权新建部门“${p(x, 'name')}”；请选择已有部门，或请管理员新建。`,
    en: (x) => `Refused: you may not create the department “${p(x, 'name')}”; pick an existing department, or ask an administrator to create it.`,
  },
  'bulkImport.departmentElsewhere': {
    zh: () => '已拒绝：所选部门不在本次导入的地区内。',
    en: () => "Refused: the department chosen is not in the import's region.",
  },
  'bulkImport.uploadExpired': {
    zh: () => '已拒绝：预览已过期或已导入，请重新上传该文件。',
    en: () => 'Refused: the preview has expired or was already imported; upload the file again.',
  },
  'bulkImport.tooMany': {
    zh: (x) => `已拒绝：一次最多导入 ${p(x, 'limit')} 个文件，超出的未读取。`,
    en: (x) => `Refused: at most ${p(x, 'limit')} files are imported at once; the rest were not read.`,
  },
  'bulkImport.locked': {
    zh: (x) => `已拒绝：${p(x, 'department')} ${p(x, 'year')} 年的自评表已${STATE_ZH[p(x, 'state')] ?? p(x, 'state')}（不再是草稿），内容不同的文件不能覆盖它。`,
    en: (x) => `Refused: the ${p(x, 'year')} form of ${p(x, 'department')} is ${p(x, 'state')} (no longer a draft); a different file cannot replace it.`,
  },
  'bulkImport.zipInvalid': { zh: (x) => `已拒绝：ZIP 文件无效（${p(x, 'detail')}）。`, en: (x) => `Refused: not a valid ZIP file (${p(x, 'detail')}).` },
  'bulkImport.zipUnsafe': {
    zh: (x) => `已拒绝：ZIP 中的条目“${p(x, 'entry')}”不安全（${p(x, 'detail')}）。`,
    en: (x) => `Refused: the ZIP entry “${p(x, 'entry')}” is unsafe (${p(x, 'detail')}).`,
  },
  'bulkImport.summary': {
    zh: (x) => `共 ${p(x, 'files')} 个文件：导入 ${p(x, 'imported')}，更新 ${p(x, 'updated')}，未变化 ${p(x, 'unchanged')}，需确认 ${p(x, 'needsConfirmation')}，拒绝 ${p(x, 'refused')}。`,
    en: (x) => `${p(x, 'files')} files: ${p(x, 'imported')} imported, ${p(x, 'updated')} updated, ${p(x, 'unchanged')} unchanged, ${p(x, 'needsConfirmation')} need confirmation, ${p(x, 'refused')} refused.`,
  },
} as const satisfies Record<string, MessageTemplate>;

/** A stable code of a bulk import's report. */
export type BulkImportCode = keyof typeof BULK_IMPORT_MESSAGES;
