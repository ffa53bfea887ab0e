/**
 * Is this text the 附件3 form at all, or another region's layout that must be refused by name rather
 * than mis-read? Only the beginning of the text is examined (a bounded number of lines and characters),
 * so a huge input that is not a form is turned away quickly.
 */
import { findTerm, matchKey } from '@jixiao/core';
import type { SourceLine } from './source-lines.js';
import { isFilled } from './source-lines.js';
import { opensHeader } from './table-header.js';

/** Lines and characters examined for recognition. */
const SCAN_LINES = 4000;
const SCAN_CHARS = 400_000;
const LINE_CHARS = 400;

/** A layout recognised and refused. */
export type ForeignLayout = 'projectSelfEvaluation' | 'chongqingCoefficients' | 'hunanFramework';

/** What recognition found. */
export type Recognition =
  | { kind: 'form'; titleIndex: number | null; headerIndex: number }
  | { kind: 'foreign'; layout: ForeignLayout; line: number; evidence: string }
  | { kind: 'titleOnly'; titleIndex: number }
  | { kind: 'notForm'; found: string };

const PROJECT_LEVEL1 = new Set(['产出指标', '效益指标', '满意度指标']);
const HUNAN_LEVEL1 = new Set(['投入', '过程', '产出', '效果', '效益']);

interface Evidence {
  line: number;
  text: string;
}

/** Recognises the layout from the first lines of the text. */
export function recognizeLayout(lines: readonly SourceLine[]): Recognition {
  let titleIndex: number | null = null;
  let headerIndex: number | null = null;
  let projectTitle: Evidence | null = null;
  let coefficients: Evidence | null = null;
  const projectLevel1 = new Map<string, Evidence>();
  const hunanLevel1 = new Map<string, Evidence>();
  let formLevel1 = false;
  let chars = 0;
  const limit = Math.min(lines.length, SCAN_LINES);
  for (let i = 0; i < limit && chars < SCAN_CHARS; i += 1) {
    const line = lines[i];
    if (line === undefined || !isFilled(line)) continue;
    const text = line.text.slice(0, LINE_CHARS);
    chars += text.length;
    const key = matchKey(text);
    const evidence = { line: line.number, text: text.slice(0, 60) };
    if (key.includes('项目支出绩效自评')) projectTitle ??= evidence;
    else if (titleIndex === null && key.includes('部门整体支出绩效自评')) titleIndex = i;
    if (headerIndex === null && opensHeader(line)) headerIndex = i;
    if (key.includes('得分系数')) coefficients ??= evidence;
    for (const word of text.split(/\s+/u)) {
      if (word === '') continue;
      // "一、投入（20分）" → 投入: numbering and a printed weight do not change what a level-1 name is.
      const wordKey = matchKey(word).replace(/^[一二三四五六七八九十\d]+[、.]/u, '').replace(/\(.*$/u, '').replace(/\d+(?:\.\d+)?分?$/u, '');
      if (PROJECT_LEVEL1.has(wordKey) && !projectLevel1.has(wordKey)) projectLevel1.set(wordKey, evidence);
      const hunanKey = wordKey.endsWith('指标') && !PROJECT_LEVEL1.has(wordKey) ? wordKey.slice(0, -2) : wordKey;
      if (HUNAN_LEVEL1.has(hunanKey) && !hunanLevel1.has(hunanKey)) hunanLevel1.set(hunanKey, evidence);
      const term = findTerm(word);
      if (term === 'management' || term === 'duty') formLevel1 = true;
    }
  }
  if (projectTitle !== null) return { kind: 'foreign', layout: 'projectSelfEvaluation', line: projectTitle.line, evidence: projectTitle.text };
  if (coefficients !== null) return { kind: 'foreign', layout: 'chongqingCoefficients', line: coefficients.line, evidence: coefficients.text };
  if (!formLevel1) {
    if (projectLevel1.size >= 2) {
      const first = [...projectLevel1.values()][0] as Evidence;
      return { kind: 'foreign', layout: 'projectSelfEvaluation', line: first.line, evidence: [...projectLevel1.keys()].join('/') };
    }
    if (hunanLevel1.size >= 3 && hunanLevel1.has('投入') && hunanLevel1.has('过程')) {
      const first = hunanLevel1.get('投入') as Evidence;
      return { kind: 'foreign', layout: 'hunanFramework', line: first.line, evidence: [...hunanLevel1.keys()].join('/') };
    }
  }
  if (headerIndex !== null && (titleIndex !== null || formLevel1)) return { kind: 'form', titleIndex, headerIndex };
  if (titleIndex !== null) return { kind: 'titleOnly', titleIndex };
  return { kind: 'notForm', found: firstWords(lines) };
}

/** The first non-blank characters of the text, for the message of a refusal. */
function firstWords(lines: readonly SourceLine[]): string {
  for (let i = 0; i < lines.length && i < SCAN_LINES; i += 1) {
    const line = lines[i];
    if (line !== undefined && isFilled(line)) return line.text.slice(0, 40);
  }
  return '';
}
