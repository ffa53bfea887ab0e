/**
 * Messages of the file formats beyond text and JSON (codes `import.xlsx.*`, `import.pdf.*`,
 * `import.grid.*`, `import.embedded.*`, `output.*`): workbooks and PDFs that cannot be read, and why,
 * in words a department's staff can act on.
 */
import type { MessageTemplate } from './message-template.js';
import { param as p } from './message-template.js';

export const FORMAT_MESSAGES = {
  'import.xlsx.notWorkbook': {
    zh: (x) => `这不是 Excel 工作簿（.xlsx）：文件开头是「${p(x, 'found')}」，而 .xlsx 文件是以「PK」开头的压缩包。`,
    en: (x) => `This is not an Excel workbook (.xlsx): the file begins with "${p(x, 'found')}", while an .xlsx file is a zip archive beginning with "PK".`,
  },
  'import.xlsx.legacyOrEncrypted': {
    zh: () => '这是旧版 Excel（.xls）文件或设置了打开密码的工作簿，无法读取：请在 Excel 中取消密码并另存为 .xlsx。',
    en: () => 'This is an old Excel (.xls) file or a password-protected workbook and cannot be read: remove the password in Excel and save it as .xlsx.',
  },
  'import.xlsx.damaged': {
    zh: (x) => `工作簿已损坏，无法读取（${p(x, 'detail')}）。`,
    en: (x) => `The workbook is damaged and cannot be read (${p(x, 'detail')}).`,
  },
  'import.xlsx.tooLarge': {
    zh: (x) => `工作簿解压后过大（${p(x, 'sizeMb')} MB，上限 ${p(x, 'limitMb')} MB），可能是“压缩炸弹”，已拒绝读取。一份自评表解压后通常不到 1 MB。`,
    en: (x) => `The workbook unpacks to too much data (${p(x, 'sizeMb')} MB; the limit is ${p(x, 'limitMb')} MB) and may be a zip bomb; it was not read. A form usually unpacks to less than 1 MB.`,
  },
  'import.grid.notForm': {
    zh: (x) =>
      `没有找到部门整体支出绩效自评表：应有标题「部门整体支出绩效自评表」和以「一级指标 分值 二级指标 分值 三级指标 分值 …」开头的指标表；实际找到的是：${p(x, 'found')}。`,
    en: (x) =>
      `No department overall expenditure performance self-evaluation was found: expected the title 部门整体支出绩效自评表 and an indicator table headed 一级指标 分值 二级指标 分值 三级指标 分值 …; found: ${p(x, 'found')}.`,
  },
  'import.grid.emptyWorkbook': {
    zh: () => '工作簿中没有任何可见的内容。',
    en: () => 'The workbook has no visible content at all.',
  },
  'import.embedded.invalid': {
    zh: (x) => `工作簿中 jixiao 保存的完整数据无法读取（${p(x, 'detail')}），已按表格内容读取：评分方法、不适用标记等表格上不显示的信息取默认值。`,
    en: (x) => `The complete data jixiao stored in the workbook cannot be read (${p(x, 'detail')}); the visible table was read, and what it does not show (scoring methods, not-applicable marks) takes default values.`,
  },
  'import.embedded.edited': {
    zh: () => '表格内容在 jixiao 导出后被修改过：以表格内容为准，评分方法、不适用标记等表格上不显示的信息按指标名称沿用导出时的数据。',
    en: () => 'The table was edited after jixiao exported it: the visible content is read, and what the table does not show (scoring methods, not-applicable marks) is carried over from the export by indicator name.',
  },
  'import.pdf.encrypted': {
    zh: () => 'PDF 已加密，需要密码才能打开，无法读取：请提供未加密的 PDF。',
    en: () => 'The PDF is encrypted and needs a password to open; it cannot be read. Please provide an unencrypted PDF.',
  },
  'import.pdf.damaged': {
    zh: (x) => `PDF 文件已损坏或不是 PDF，无法读取（${p(x, 'detail')}）。`,
    en: (x) => `The PDF is damaged or not a PDF and cannot be read (${p(x, 'detail')}).`,
  },
  'import.pdf.noText': {
    zh: (x) => `PDF 共 ${p(x, 'pages')} 页，没有文字层（可能是扫描件或图片），无法读取文字：请提供由 Excel、WPS 或 Word 导出的 PDF，或先做文字识别（OCR）。`,
    en: (x) => `The PDF's ${p(x, 'pages')} page(s) have no text layer (it may be a scan or an image); no text can be read. Please provide a PDF exported from Excel, WPS or Word, or run text recognition (OCR) first.`,
  },
  'import.pdf.tooManyPages': {
    zh: (x) => `PDF 有 ${p(x, 'pages')} 页，超过上限 ${p(x, 'limit')} 页：一份自评表通常不超过 20 页，已拒绝读取。`,
    en: (x) => `The PDF has ${p(x, 'pages')} pages, more than the limit of ${p(x, 'limit')}: a form rarely runs beyond 20 pages; it was not read.`,
  },
  'import.pdf.timeout': {
    zh: (x) => `读取 PDF 超过 ${p(x, 'seconds')} 秒仍未完成，已停止：文件可能异常复杂或已损坏。`,
    en: (x) => `Reading the PDF took more than ${p(x, 'seconds')} seconds and was stopped: the file may be unusually complex or damaged.`,
  },
  'import.pdf.pageUnreadable': {
    zh: (x) => `第 ${p(x, 'page')} 页无法读取（${p(x, 'detail')}），已跳过。`,
    en: (x) => `Page ${p(x, 'page')} cannot be read (${p(x, 'detail')}); it was skipped.`,
  },
  'import.pdf.noTable': {
    zh: () => 'PDF 中没有表格线，已按文字的阅读顺序读取：请核对读取结果。',
    en: () => 'The PDF has no table lines; its text was read in reading order. Please check the result.',
  },
  'output.pdf.font': {
    zh: (x) => `无法载入 PDF 所需的中文字体（${p(x, 'detail')}）：请重新运行 npm install。`,
    en: (x) => `The Chinese font the PDF needs cannot be loaded (${p(x, 'detail')}): run npm install again.`,
  },
} as const satisfies Record<string, MessageTemplate>;

export type FormatCode = keyof typeof FORMAT_MESSAGES;
