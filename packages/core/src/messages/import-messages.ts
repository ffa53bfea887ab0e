/** Messages of importer issues (codes `import.*`): what could not be read, and where. */
import type { MessageParams } from '../problem.js';
import type { MessageTemplate } from './message-template.js';
import { param } from './message-template.js';

/** "第12行：" / "line 12: " when the problem has a line, nothing otherwise. */
function at(p: MessageParams, lang: 'zh' | 'en'): string {
  const line = p['line'];
  if (line === undefined) return '';
  return lang === 'zh' ? `第${line}行：` : `line ${line}: `;
}

/** Other regional layouts the text importer recognises and refuses, by the `layout` param. */
const LAYOUT_NAMES: Readonly<Record<string, { zh: string; en: string }>> = {
  projectSelfEvaluation: {
    zh: '项目支出绩效自评表（财预〔2020〕10号，一级指标为产出指标/效益指标/满意度指标）',
    en: 'project expenditure self-evaluation table (项目支出绩效自评表, Caiyu [2020] No. 10, with 产出/效益/满意度 indicators)',
  },
  chongqingCoefficients: {
    zh: '重庆的得分系数平铺表',
    en: 'Chongqing flat list with scoring coefficients (得分系数)',
  },
  hunanFramework: {
    zh: '湖南的投入/过程/产出/效果指标体系',
    en: 'Hunan input/process/output/effect framework (投入/过程/产出/效果)',
  },
};

function layoutName(p: MessageParams, lang: 'zh' | 'en'): string {
  const names = LAYOUT_NAMES[param(p, 'layout')];
  return names ? names[lang] : param(p, 'layout');
}

/** Parts of a row the importer may miss, by the `missing` param. */
const ROW_PARTS: Readonly<Record<string, { zh: string; en: string }>> = {
  weight: { zh: '分值', en: 'weight' },
  score: { zh: '得分', en: 'score' },
  weightAndScore: { zh: '分值和得分', en: 'weight and score' },
};

function rowPart(p: MessageParams, lang: 'zh' | 'en'): string {
  const names = ROW_PARTS[param(p, 'missing')];
  return names ? names[lang] : param(p, 'missing');
}

/** JSON value kinds a field may expect, by the `expected` param. */
const JSON_KINDS: Readonly<Record<string, { zh: string; en: string }>> = {
  object: { zh: '对象', en: 'an object' },
  array: { zh: '数组', en: 'an array' },
  string: { zh: '字符串', en: 'a string' },
  number: { zh: '有限数字', en: 'a finite number' },
  numberOrNull: { zh: '有限数字或 null', en: 'a finite number or null' },
  integerOrNull: { zh: '整数或 null', en: 'an integer or null' },
  boolean: { zh: '布尔值', en: 'a boolean' },
};

function jsonKind(p: MessageParams, lang: 'zh' | 'en'): string {
  const names = JSON_KINDS[param(p, 'expected')];
  return names ? names[lang] : param(p, 'expected');
}

export const IMPORT_MESSAGES = {
  'import.empty': {
    zh: () => '文件为空，没有可读取的内容。',
    en: () => 'The file is empty: there is nothing to read.',
  },
  'import.notText': {
    zh: (p) => `文件不是文本（${param(p, 'detail')}），无法按自评表文本读取。`,
    en: (p) => `The file is not text (${param(p, 'detail')}) and cannot be read as a form's text.`,
  },
  'import.encoding': {
    zh: (p) => `文件按 ${param(p, 'encoding')} 编码读取。`,
    en: (p) => `The file was read as ${param(p, 'encoding')}.`,
  },
  'import.notForm': {
    zh: (p) =>
      `这不是部门整体支出绩效自评表的文本：没有找到标题「部门整体支出绩效自评表」，也没有找到以「一级指标 分值 二级指标 …」开头的指标表。文本开头是「${param(p, 'found')}」。`,
    en: (p) =>
      `This is not the text of a department overall expenditure performance self-evaluation: neither the title 部门整体支出绩效自评表 nor an indicator table headed 一级指标 分值 二级指标 … was found. The text begins with "${param(p, 'found')}".`,
  },
  'import.unsupportedLayout': {
    zh: (p) => `${at(p, 'zh')}这是${layoutName(p, 'zh')}的版式（「${param(p, 'evidence')}」），暂不支持导入；目前只能读取部门整体支出绩效自评表（附件3）。`,
    en: (p) =>
      `${at(p, 'en')}this is the layout of the ${layoutName(p, 'en')} ("${param(p, 'evidence')}"), which cannot be imported yet; only the department overall self-evaluation form (附件3) is read.`,
  },
  'import.noTitle': {
    zh: (p) => `没有找到标题「部门整体支出绩效自评表」；已按第${param(p, 'line')}行起的指标表读取。`,
    en: (p) => `The title 部门整体支出绩效自评表 was not found; the indicator table from line ${param(p, 'line')} was read.`,
  },
  'import.noIndicatorTable': {
    zh: (p) => `${at(p, 'zh')}找到了标题，但没有找到指标表（「一级指标 分值 二级指标 …」）：文本可能不完整。`,
    en: (p) => `${at(p, 'en')}the title was found but no indicator table (一级指标 分值 二级指标 …): the text may be incomplete.`,
  },
  'import.noNumbers': {
    zh: (p) => `${at(p, 'zh')}指标表中没有任何分值或得分数字，无法读取指标。`,
    en: (p) => `${at(p, 'en')}the indicator table holds no weights or scores at all; its indicators cannot be read.`,
  },
  'import.noIndicators': {
    zh: (p) => `${at(p, 'zh')}指标表中没有读到任何指标。`,
    en: (p) => `${at(p, 'en')}no indicator could be read from the indicator table.`,
  },
  'import.missingUnitName': {
    zh: () => '没有找到「单位名称」。',
    en: () => 'The unit name (单位名称) was not found.',
  },
  'import.missingUnitCount': {
    zh: (p) => `${at(p, 'zh')}没有读到「单位数」。`,
    en: (p) => `${at(p, 'en')}the number of units (单位数) could not be read.`,
  },
  'import.missingYear': {
    zh: () => '没有找到年度（如「（2021年度）」）。',
    en: () => 'The year (e.g. （2021年度）) was not found.',
  },
  'import.missingSection': {
    zh: (p) => `没有找到「${param(p, 'section')}」一栏。`,
    en: (p) => `The ${param(p, 'sectionEn')} section (${param(p, 'section')}) was not found.`,
  },
  'import.expenditureMissing': {
    zh: () => '没有找到「年度部门整体支出规模」表，支出数据为空。',
    en: () => 'The expenditure table (年度部门整体支出规模) was not found; its cells are left blank.',
  },
  'import.expenditureColumnsAssumed': {
    zh: (p) => `${at(p, 'zh')}没有读全支出表的六个列名，按标准顺序（财政拨款、其他资金、基本支出、项目支出、区本级支出、转移支付）读取。`,
    en: (p) =>
      `${at(p, 'en')}the six column names of the expenditure table were not all found; the standard order (财政拨款, 其他资金, 基本支出, 项目支出, 区本级支出, 转移支付) is assumed.`,
  },
  'import.expenditureRowMissing': {
    zh: (p) => `支出表中没有「${param(p, 'row')}」一行，该行为空。`,
    en: (p) => `The expenditure table has no ${param(p, 'rowEn')} row (${param(p, 'row')}); it is left blank.`,
  },
  'import.expenditureRowIncomplete': {
    zh: (p) => `${at(p, 'zh')}支出表「${param(p, 'row')}」一行只读到${param(p, 'found')}个数（应为6个），其余为空。`,
    en: (p) => `${at(p, 'en')}the expenditure ${param(p, 'rowEn')} row (${param(p, 'row')}) has ${param(p, 'found')} of its 6 numbers; the rest are left blank.`,
  },
  'import.noTotal': {
    zh: () => '没有找到「总分」一行：文本可能不完整，指标表可能缺少末尾部分。',
    en: () => 'No total (总分) line was found: the text may be incomplete and the end of the indicator table missing.',
  },
  'import.totalMissing': {
    zh: (p) => `${at(p, 'zh')}「总分」一行只有分值${param(p, 'number')}，没有总得分，总分留空。`,
    en: (p) => `${at(p, 'en')}the total (总分) line has only the weight ${param(p, 'number')} and no total score; the total is left blank.`,
  },
  'import.truncatedLine': {
    zh: (p) => `${at(p, 'zh')}文本在一行中间结束（「${param(p, 'text')}」），可能被截断。`,
    en: (p) => `${at(p, 'en')}the text ends in the middle of a line ("${param(p, 'text')}"); it may have been cut off.`,
  },
  'import.rowIncomplete': {
    zh: (p) => `${at(p, 'zh')}指标「${param(p, 'name')}」缺少${rowPart(p, 'zh')}，已留空。`,
    en: (p) => `${at(p, 'en')}the indicator ${param(p, 'name')} has no ${rowPart(p, 'en')}; it is left blank.`,
  },
  'import.weightsDisagree': {
    zh: (p) => `「${param(p, 'name')}」的下级指标分值合计为${param(p, 'sum')}，与其分值${param(p, 'weight')}不符：指标表可能读取有误或不完整。`,
    en: (p) =>
      `The weights under ${param(p, 'name')} add up to ${param(p, 'sum')}, not its weight ${param(p, 'weight')}: the indicator table may be misread or incomplete.`,
  },
  'import.level1WeightsNot100': {
    zh: (p) => `一级指标分值合计为${param(p, 'sum')}，不是100：指标表可能不完整。`,
    en: (p) => `The level-1 weights add up to ${param(p, 'sum')}, not 100: the indicator table may be incomplete.`,
  },
  'import.unexpectedText': {
    zh: (p) => `${at(p, 'zh')}无法归入指标表的文字「${param(p, 'text')}」，已忽略。`,
    en: (p) => `${at(p, 'en')}text that fits nowhere in the indicator table ("${param(p, 'text')}") was ignored.`,
  },
  'import.unexpectedNumber': {
    zh: (p) => `${at(p, 'zh')}多余的数字 ${param(p, 'number')}（指标「${param(p, 'name')}」一行），已忽略。`,
    en: (p) => `${at(p, 'en')}an extra number ${param(p, 'number')} (in the row of ${param(p, 'name')}) was ignored.`,
  },
  'import.unknownLevel1': {
    zh: (p) => `${at(p, 'zh')}一级指标「${param(p, 'name')}」不是管理效能、履职效能或加减分项，按其他类处理。`,
    en: (p) => `${at(p, 'en')}the level-1 indicator ${param(p, 'name')} is not 管理效能, 履职效能 or 加减分项; it is treated as other.`,
  },
  'import.tooLong': {
    zh: (p) => `文本过长，只读取了前${param(p, 'lines')}行（至多${param(p, 'chars')}个字符），其余部分已忽略。`,
    en: (p) => `The text is too long: only its first ${param(p, 'lines')} lines (${param(p, 'chars')} characters at most) were read; the rest was ignored.`,
  },
  'import.bytesCut': {
    zh: (p) => `文件有${param(p, 'size')}字节，只读取了前${param(p, 'max')}字节。`,
    en: (p) => `The file has ${param(p, 'size')} bytes; only the first ${param(p, 'max')} were read.`,
  },
  'import.textCut': {
    zh: (p) => `「${param(p, 'name')}」的${param(p, 'field')}长达${param(p, 'length')}个字符，只保留了前${param(p, 'max')}个。`,
    en: (p) => `The ${param(p, 'fieldEn')} of ${param(p, 'name')} is ${param(p, 'length')} characters long; only the first ${param(p, 'max')} were kept.`,
  },
  'import.tooManyRows': {
    zh: (p) => `「${param(p, 'name')}」下读到${param(p, 'count')}项，超过上限${param(p, 'max')}项，其余已忽略。`,
    en: (p) => `${param(p, 'count')} rows were read under ${param(p, 'name')}, more than the limit of ${param(p, 'max')}; the rest were ignored.`,
  },
  'import.negativeWeight': {
    zh: (p) => `${at(p, 'zh')}指标「${param(p, 'name')}」的分值 ${param(p, 'number')} 为负数，已留空。`,
    en: (p) => `${at(p, 'en')}the weight ${param(p, 'number')} of ${param(p, 'name')} is negative; it is left blank.`,
  },
  'import.tooManyProblems': {
    zh: (p) => `问题过多，另有${param(p, 'count')}条未列出。`,
    en: (p) => `Too many problems: ${param(p, 'count')} more are not listed.`,
  },
  'import.json.syntax': {
    zh: (p) => `不是合法的 JSON：${param(p, 'detail')}`,
    en: (p) => `Not valid JSON: ${param(p, 'detail')}`,
  },
  'import.json.schemaVersion': {
    zh: (p) => `不支持的 schemaVersion「${param(p, 'found')}」：只能读取第${param(p, 'expected')}版的自评表 JSON。`,
    en: (p) => `Unsupported schemaVersion "${param(p, 'found')}": only version ${param(p, 'expected')} form documents can be read.`,
  },
  'import.json.type': {
    zh: (p) => `${param(p, 'path')} 应为${jsonKind(p, 'zh')}，实际是 ${param(p, 'found')}。`,
    en: (p) => `${param(p, 'path')} must be ${jsonKind(p, 'en')}, found ${param(p, 'found')}.`,
  },
  'import.json.missing': {
    zh: (p) => `缺少字段 ${param(p, 'path')}。`,
    en: (p) => `The field ${param(p, 'path')} is missing.`,
  },
  'import.json.unknownField': {
    zh: (p) => `未知字段 ${param(p, 'path')}。`,
    en: (p) => `Unknown field ${param(p, 'path')}.`,
  },
  'import.json.invalidValue': {
    zh: (p) => `${param(p, 'path')} 的值 ${param(p, 'found')} 无效，应为：${param(p, 'allowed')}。`,
    en: (p) => `${param(p, 'path')} has the invalid value ${param(p, 'found')}; allowed: ${param(p, 'allowed')}.`,
  },
} as const satisfies Record<string, MessageTemplate>;

export type ImportCode = keyof typeof IMPORT_MESSAGES;
