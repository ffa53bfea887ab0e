/**
 * A folder's worth of forms for the bulk-import tests (server, command line, bench), made from the seed:
 * fifty forms of twenty-five departments over the years 2019–2021, as text, xlsx and PDF, some with a
 * planted problem, plus a few files that must be refused. Each form says what was planted, so a test can
 * expect the findings without asking the checker.
 */
import type { FormDocument } from '@jixiao/core';
import { leavesOf } from '@jixiao/core';
import { importFormText, writeForm } from '@jixiao/io';

/** The unit name and year printed in the seed text. */
const SEED_NAME = '广州市番禺区科技工业商务和信息化局';
const SEED_YEAR_LINE = '（2021年度）';

/** The region's departments the forms belong to. */
export const FOLDER_DEPARTMENTS = [
  '教育局', '民政局', '司法局', '财政局', '人力资源和社会保障局', '自然资源局', '住房和城乡建设局', '交通运输局', '农业农村局', '商务局',
  '文化广电旅游体育局', '卫生健康局', '退役军人事务局', '应急管理局', '审计局', '市场监督管理局', '统计局', '医疗保障局', '城市管理和综合执法局', '水务局',
  '林业和园林局', '政务服务数据管理局', '信访局', '档案局', '机关事务管理局',
].map((n) => `广州市番禺区${n}`);

/** What a form had planted in it, by the finding code it must raise. */
export const PLANTS = ['score-above-weight', 'deduction-without-basis', 'executed-above-budgeted'] as const;
export type Plant = (typeof PLANTS)[number];

/** One good form of the folder. */
export interface FolderForm {
  file: string;
  department: string;
  year: number;
  plant: Plant | null;
  /** Points taken off one full-mark indicator with its reason (the score varies without a finding); 0 for none. */
  lowered: number;
  /** Points taken off in all (the lowered ones and a deduction planted without reason). */
  pointsOff: number;
}

/** One bad file and the report code it must be refused with. */
export interface FolderRefusal {
  file: string;
  code: string;
}

export interface Folder {
  files: { name: string; bytes: Uint8Array }[];
  forms: FolderForm[];
  refusals: FolderRefusal[];
}

function seedForm(seedText: string): FormDocument {
  const form = importFormText(seedText).value;
  if (!form) throw new Error('the seed did not import');
  return form;
}

/** Plants in distinct full-mark indicators, so that no plant undoes another's finding or the seed's. */
function plant(form: FormDocument, what: Plant | null, lowered: number): void {
  const full = leavesOf(form)
    .filter((l) => l.category !== 'adjustment' && l.leaf.weight !== null && l.leaf.selfScore === l.leaf.weight && l.leaf.weight >= 1)
    .map((l) => l.leaf);
  const [above, lower, last] = [full[0], full[1], full[2]];
  if (!above?.weight || !lower?.selfScore || !last?.selfScore || full.length < 3) throw new Error('the seed has too few full-mark indicators');
  if (lowered > 0) {
    lower.selfScore -= lowered;
    // Points lost with their reason given, so lowering alone raises no finding.
    lower.basis = '年中调整目标，扣1分。';
  }
  if (what === 'score-above-weight') {
    above.selfScore = above.weight + 1;
  } else if (what === 'deduction-without-basis') {
    // A missing reason: an indicator loses a point and says nothing about why.
    last.selfScore -= 1;
    last.basis = '';
  } else if (what === 'executed-above-budgeted') {
    form.expenditure.executed.basicExpenditure = (form.expenditure.budgeted.basicExpenditure ?? 0) + 1000;
  }
}

async function written(form: FormDocument, extension: '.xlsx' | '.pdf'): Promise<Uint8Array> {
  const out = await writeForm(form, extension, { lang: 'zh' });
  if (!out.ok) throw new Error(out.problem.code);
  return out.bytes;
}

/**
 * The folder: form k belongs to department ⌊k/2⌋ (two years each), is written as text, xlsx or PDF in
 * turn, and (but for the text files, which stay as printed) carries the k-th plant in turn. `count` forms
 * (at most fifty) and the bad files.
 */
export async function bulkImportFolder(seedText: string, count = 50): Promise<Folder> {
  const forms: FolderForm[] = [];
  const files: Folder['files'] = [];
  for (let k = 0; k < count; k++) {
    const d = Math.floor(k / 2);
    const department = FOLDER_DEPARTMENTS[d];
    if (department === undefined) throw new Error(`at most ${FOLDER_DEPARTMENTS.length * 2} forms`);
    const year = 2019 + ((d + (k % 2)) % 3);
    const format = (['.txt', '.xlsx', '.pdf'] as const)[k % 3] ?? '.txt';
    // Unit names as departments write them: a full-width space now and then (matched all the same).
    const unitName = k % 7 === 3 ? department.replace('番禺区', '番禺区　') : department;
    const file = `${String(k).padStart(2, '0')}-${department.slice(6)}-${year}${format}`;
    if (format === '.txt') {
      forms.push({ file, department, year, plant: null, lowered: 0, pointsOff: 0 });
      files.push({ name: file, bytes: new TextEncoder().encode(seedText.replace(SEED_NAME, unitName).replace(SEED_YEAR_LINE, `（${year}年度）`)) });
      continue;
    }
    const what = [null, ...PLANTS][k % 4] ?? null;
    const lowered = k % 5 === 1 ? 1 : 0;
    const form = seedForm(seedText);
    form.unit.name = unitName;
    form.unit.year = year;
    plant(form, what, lowered);
    forms.push({ file, department, year, plant: what, lowered, pointsOff: lowered + (what === 'deduction-without-basis' ? 1 : 0) });
    files.push({ name: file, bytes: await written(form, format) });
  }
  const sample = seedForm(seedText);
  sample.unit.name = FOLDER_DEPARTMENTS[0] ?? '';
  const pdf = await written(sample, '.pdf');
  // Scrambled past its header: pdfjs opens it and finds pages it cannot read.
  const scrambled = pdf.slice();
  for (let i = 2000; i < scrambled.length - 2000; i += 7) scrambled[i] = (scrambled[i] ?? 0) ^ 0x5a;
  const xlsx = await written(sample, '.xlsx');
  // Another region's form: a project-expenditure table (附件2), not the 附件3 整体支出 form.
  const otherLayout = [
    '附件2', '', '项目支出绩效自评表', '（2021年度）', '', '项目名称 智慧城市建设项目', '主管部门 广州市番禺区教育局 实施单位 区信息中心',
    '项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分', '年度资金总额 100 100 90 10 90% 9',
    '一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因', '产出指标 数量指标 建设站点 10个 9个 20 18 天气', '总分 100 90', '',
  ].join('\n');
  const bad = [
    { name: 'bad-scrambled.pdf', bytes: scrambled, code: 'bulkImport.unreadable' },
    { name: 'bad-truncated.xlsx', bytes: xlsx.slice(0, Math.floor(xlsx.length / 2)), code: 'bulkImport.unreadable' },
    { name: 'bad-other-region.txt', bytes: new TextEncoder().encode(otherLayout), code: 'bulkImport.unreadable' },
    { name: 'bad-empty.txt', bytes: new Uint8Array(0), code: 'bulkImport.empty' },
  ];
  for (const b of bad) files.push({ name: b.name, bytes: b.bytes });
  return { files, forms, refusals: bad.map((b) => ({ file: b.name, code: b.code })) };
}
