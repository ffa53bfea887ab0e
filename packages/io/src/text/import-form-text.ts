/**
 * The text importer: a 部门整体支出绩效自评表 (附件3 layout) as PDF-to-text tools print it, read into the
 * canonical form document. The work is split by concept: lines (source-lines), layout recognition and
 * refusal of other regions' layouts (recognize-layout), labels and sections (labels, unit-info,
 * narratives), the expenditure table, and the indicator table (table-items → indicator-tree →
 * assemble-indicators). Printed numbers are kept as printed; what cannot be read is left blank and
 * reported, and a text that is not this form is refused with what was expected.
 */
import { emptyExpenditureTable, EXPENDITURE_BREAKDOWN_NAMES, EXPENDITURE_COLUMNS, findTerm, GLOSSARY, leavesOf, SCHEMA_VERSION, sumOf, toNumber } from '@jixiao/core';
import type { FormDocument, ImportCode, Level1Group, Narratives, TermId, WithProblems } from '@jixiao/core';
import { assembleIndicators } from './assemble-indicators.js';
import { decodeText, textBinaryReason } from './decode-text.js';
import { readExpenditure } from './expenditure-table.js';
import { isGroupDraft, readIndicatorTree } from './indicator-tree.js';
import type { GroupDraft } from './indicator-tree.js';
import { findLabels } from './labels.js';
import type { LabelHit } from './labels.js';
import { narrativeText } from './narratives.js';
import { ImportProblems } from './problems.js';
import { recognizeLayout } from './recognize-layout.js';
import { segmentsOf } from './segments.js';
import type { SourceLine } from './source-lines.js';
import { isFilled, splitLines } from './source-lines.js';
import { tableItems } from './table-items.js';
import { findTotalLine, readTotal } from './total-line.js';
import { findUnitLine, findYear, readUnitInfo } from './unit-info.js';
import { withinNameLength, withinTextLength } from './within-limits.js';

type Result = WithProblems<FormDocument | null, ImportCode>;

/**
 * What is read at most: a form is a few hundred lines and some 15 000 characters; past these limits
 * the input is something else (appended or hostile), and reading it would only cost time.
 */
const MAX_LINES = 20_000;
const MAX_CHARS = 2_000_000;
/** What recognition looks at before anything else is read. */
const RECOGNITION_LINES = 4_000;
const RECOGNITION_CHARS = 400_000;

const NARRATIVES: readonly { term: TermId; field: keyof Narratives }[] = [
  { term: 'goals', field: 'goals' },
  { term: 'completion', field: 'completion' },
  { term: 'shortfallReasons', field: 'shortfallReasons' },
];

/** Terms that open the expenditure table when its own label is missing. */
const EXPENDITURE_TERMS: ReadonlySet<TermId> = new Set<TermId>([...EXPENDITURE_BREAKDOWN_NAMES, ...EXPENDITURE_COLUMNS, 'budgeted', 'executed']);

function firstExpenditureLine(lines: readonly SourceLine[], from: number, to: number): number | null {
  for (let i = from; i < to; i += 1) {
    const line = lines[i];
    if (line === undefined || !isFilled(line) || line.text.length > 200) continue;
    if (segmentsOf(line).some((s) => {
      const term = findTerm(s.text);
      return term !== null && EXPENDITURE_TERMS.has(term);
    })) return i;
  }
  return null;
}

function countLeaves(drafts: readonly GroupDraft[]): number {
  let count = 0;
  const visit = (node: GroupDraft): void => {
    for (const child of node.children) {
      if (isGroupDraft(child)) visit(child);
      else count += 1;
    }
  };
  drafts.forEach(visit);
  return count;
}

/** Reads a form from its text (see the module comment). Never throws on any input. */
export function importFormText(text: string): Result {
  const problems = new ImportProblems();
  const fail = (): Result => ({ value: null, problems: problems.all() });
  if (!/\S/u.test(text)) {
    problems.add('import.empty', 'error');
    return fail();
  }
  const binary = textBinaryReason(text);
  if (binary !== null) {
    problems.add('import.notText', 'error', { detail: binary === 'NUL' ? 'NUL characters' : 'many control characters' });
    return fail();
  }
  // Recognition reads only the beginning; the same lines, split again in full below, keep their indices.
  const head = splitLines(text, RECOGNITION_LINES, RECOGNITION_CHARS).lines;
  const recognition = recognizeLayout(head);
  if (recognition.kind === 'foreign') {
    problems.add('import.unsupportedLayout', 'error', { layout: recognition.layout, evidence: recognition.evidence }, recognition.line);
    return fail();
  }
  if (recognition.kind === 'notForm') {
    problems.add('import.notForm', 'error', { found: recognition.found });
    return fail();
  }
  if (recognition.kind === 'titleOnly') {
    problems.add('import.noIndicatorTable', 'error', {}, head[recognition.titleIndex]?.number);
    return fail();
  }
  const { lines, more } = splitLines(text, MAX_LINES, MAX_CHARS);
  if (more) problems.add('import.tooLong', 'warning', { lines: lines.length, chars: MAX_CHARS });
  const { headerIndex } = recognition;
  const headerLine = (lines[headerIndex] as SourceLine).number;
  if (recognition.titleIndex === null) problems.add('import.noTitle', 'warning', { line: headerLine });
  const top = recognition.titleIndex ?? 0;

  // 单位基本情况 and the year above it.
  const unitIndex = findUnitLine(lines, top, headerIndex);
  const year = findYear(lines, 0, unitIndex ?? headerIndex);
  const read = readUnitInfo(lines, unitIndex, year, problems);
  const unit = { ...read, name: withinNameLength(read.name, 'unitName', problems) };

  // The narrative cells and the expenditure table, between the unit line and the indicator table.
  const from = (unitIndex ?? top) + 1;
  const hits = findLabels(lines, ['goals', 'completion', 'shortfallReasons', 'expenditure'], from, headerIndex);
  const lastNarrativeEnd = Math.max(from, ...hits.filter((h) => h.term !== 'expenditure').map((h) => h.end));
  const expenditureHit = hits.find((h) => h.term === 'expenditure');
  const expenditureStart = expenditureHit?.start ?? firstExpenditureLine(lines, lastNarrativeEnd, headerIndex);
  const narratives: Narratives = { goals: '', completion: '', shortfallReasons: '' };
  for (const { term, field } of NARRATIVES) {
    const hit = hits.find((h) => h.term === term);
    if (hit === undefined) {
      problems.add('import.missingSection', 'warning', { section: GLOSSARY[term].label, sectionEn: GLOSSARY[term].en });
      continue;
    }
    const text = narrativeText(lines, hit.end, sectionEnd(hit, hits, expenditureStart, headerIndex), hit.rest, (lines[hit.end - 1] as SourceLine).number);
    narratives[field] = withinTextLength(text, term, GLOSSARY[term].label, problems);
  }
  let expenditure = emptyExpenditureTable();
  if (expenditureStart === null) problems.add('import.expenditureMissing', 'warning');
  else expenditure = readExpenditure(lines.slice(expenditureHit === undefined ? expenditureStart : expenditureHit.end, headerIndex), problems);

  // The indicator table, up to 总分.
  const totalIndex = findTotalLine(lines, headerIndex, lines.length);
  const items = tableItems(lines, headerIndex, totalIndex ?? lines.length);
  if (!items.some((item) => item.kind === 'number')) {
    problems.add('import.noNumbers', 'error', {}, headerLine);
    return fail();
  }
  const drafts = readIndicatorTree(items, problems);
  if (countLeaves(drafts) === 0) {
    problems.add('import.noIndicators', 'error', {}, headerLine);
    return fail();
  }
  const indicators = assembleIndicators(drafts, problems);
  const total = totalIndex === null ? { total: null, grade: null, numbers: 0 } : readTotal(lines, totalIndex);
  if (totalIndex !== null && total.numbers === 1 && total.total !== null && isWeightTotal(total.total, indicators) && !totalAgrees(total.total, indicators)) {
    // "总分 100" alone is the column of weights, not a score: the printed total is missing.
    problems.add('import.totalMissing', 'warning', { number: total.total }, (lines[totalIndex] as SourceLine).number);
    total.total = null;
  }
  if (totalIndex === null) problems.add('import.noTotal', 'warning');
  // A text that stops mid-line may have lost the end of a number ("总分 100 95.7"): say so when the
  // table is unfinished or the total, if it is the last line, disagrees with the scores.
  const last = lastFilled(lines);
  const endsMidLine = last !== null && !/[\r\n\f]\s*$/u.test(text.slice(-200));
  const totalIsLast = totalIndex !== null && lines[totalIndex] === last;
  if (endsMidLine && last !== null && (totalIndex === null || (totalIsLast && !totalAgrees(total.total, indicators)))) {
    problems.add('import.truncatedLine', 'warning', { text: last.text.slice(-30) }, last.number);
  }
  if (problems.hasErrors()) return fail();
  return {
    value: {
      schemaVersion: SCHEMA_VERSION,
      unit,
      narratives,
      expenditure,
      indicators,
      printedTotal: total.total,
      printedGrade: total.grade,
    },
    problems: problems.all(),
  };
}

/** Where a narrative's content ends: the next label, the expenditure table or the indicator table. */
function sectionEnd(hit: LabelHit, hits: readonly LabelHit[], expenditureStart: number | null, headerIndex: number): number {
  let end = headerIndex;
  for (const other of hits) if (other.start >= hit.end && other.start < end) end = other.start;
  if (expenditureStart !== null && expenditureStart >= hit.end && expenditureStart < end) end = expenditureStart;
  return end;
}

/** True when a number is the sum of the level-1 weights (the 总分 line's 分值 column, 100). */
function isWeightTotal(value: number, indicators: Level1Group[]): boolean {
  const weights = indicators.map((g) => g.weight);
  return weights.every((w) => w !== null) && Math.abs(toNumber(sumOf(weights)) - value) < 1e-9;
}

/** True when a printed total is the sum of the leaves' scores (to the cent). */
function totalAgrees(total: number | null, indicators: Level1Group[]): boolean {
  if (total === null) return false;
  const scores = leavesOf({ indicators }).map((l) => l.leaf.selfScore);
  return Math.abs(toNumber(sumOf(scores)) - total) <= 0.005;
}

function lastFilled(lines: readonly SourceLine[]): SourceLine | null {
  for (let i = lines.length - 1; i >= 0; i -= 1) {
    const line = lines[i];
    if (line !== undefined && isFilled(line)) return line;
  }
  return null;
}

/** Bytes decoded at most: enough for `MAX_CHARS` characters in any encoding. */
const MAX_BYTES = MAX_CHARS * 4;

/** Reads a form from a text file's bytes: `decodeText`, then `importFormText`, problems of both. */
export function importFormBytes(bytes: Uint8Array): Result {
  const decoded = decodeText(bytes, { maxBytes: MAX_BYTES });
  if (decoded.value === null) return { value: null, problems: decoded.problems };
  const imported = importFormText(decoded.value);
  return { value: imported.value, problems: [...decoded.problems, ...imported.problems] };
}
