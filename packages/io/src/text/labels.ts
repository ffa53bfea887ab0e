/**
 * Finding the form's printed labels (年度整体绩效目标, 未能完成原因, 年度部门整体支出规模（万元） …) in the
 * text. Labels sit in narrow cells, so they arrive wrapped over several short lines ("年度整体" /
 * "绩效目标"); some extractors put the cell's content on the label's own line instead.
 */
import { GLOSSARY, matchKey } from '@jixiao/core';
import type { Term, TermId } from '@jixiao/core';
import type { SourceLine } from './source-lines.js';

/** Where a label was found. */
export interface LabelHit {
  readonly term: TermId;
  /** Index of the label's first line. */
  readonly start: number;
  /** Index after the label's last line. */
  readonly end: number;
  /** Text after the label on its last line (the content spliced onto it), or ''. */
  readonly rest: string;
}

const KEYS = new Map<TermId, readonly string[]>();

/** The keys of a term's label and variants (computed once per term). */
export function termKeys(term: TermId): readonly string[] {
  let keys = KEYS.get(term);
  if (keys === undefined) {
    const t: Term = GLOSSARY[term];
    keys = [t.label, ...t.variants].map(matchKey);
    KEYS.set(term, keys);
  }
  return keys;
}

/** Longest label line in a wrapped label; longer lines are content. */
const MAX_LABEL_LINE = 16;
/** Lines a wrapped label may span. */
const MAX_SPAN = 6;

/**
 * The label of one of `terms` starting at line `i`, or null: a label followed by content on the same
 * line, or a label alone on up to `MAX_SPAN` short lines. The longest label wins, so the wrapped
 * 整体绩效目标 / 完成情况 is 整体绩效目标完成情况, not the shorter variant of 年度整体绩效目标.
 */
export function labelAt(lines: readonly SourceLine[], terms: readonly TermId[], i: number, to: number): LabelHit | null {
  const keys = terms.map((term) => ({ term, keys: termKeys(term) }));
  const matchExact = (key: string): TermId | null => keys.find((k) => k.keys.includes(key))?.term ?? null;
  const isPrefix = (key: string): boolean => keys.some((k) => k.keys.some((candidate) => candidate.startsWith(key)));
  const line = lines[i];
  if (line === undefined || line.kind !== 'text' || line.text === '') return null;
  const words = line.text.slice(0, 400).split(/\s+/u);
  let head = '';
  let best: LabelHit | null = null;
  for (let w = 0; w < words.length - 1 && w < 4; w += 1) {
    head += matchKey(words[w] ?? '');
    const term = matchExact(head);
    if (term !== null) best = { term, start: i, end: i + 1, rest: words.slice(w + 1).join(' ') };
    if (!isPrefix(head)) break;
  }
  if (best !== null) return best;
  if (line.text.length > MAX_LABEL_LINE || !isPrefix(matchKey(line.text))) return null;
  let key = '';
  let j = i;
  let span = 0;
  while (j < to && span < MAX_SPAN) {
    const next = lines[j];
    if (next === undefined) break;
    if (next.kind === 'text' && next.text === '') {
      j += 1;
      continue;
    }
    if (next.kind !== 'text' || next.text.length > MAX_LABEL_LINE) break;
    key += matchKey(next.text);
    span += 1;
    j += 1;
    const term = matchExact(key);
    if (term !== null) best = { term, start: i, end: j, rest: '' };
    if (!isPrefix(key)) break;
  }
  return best;
}

/** Every label of `terms` in lines [from, to), in order, each term at most once (its first occurrence). */
export function findLabels(lines: readonly SourceLine[], terms: readonly TermId[], from: number, to: number): LabelHit[] {
  const hits: LabelHit[] = [];
  const remaining = new Set(terms);
  let i = from;
  while (i < to && remaining.size > 0) {
    const hit = labelAt(lines, [...remaining], i, to);
    if (hit === null) {
      i += 1;
      continue;
    }
    hits.push(hit);
    remaining.delete(hit.term);
    i = hit.end;
  }
  return hits;
}

/**
 * `text` without a leading label (one of `keys`) and the separators after it: "单位名称：番禺…" →
 * "番禺…". Matching goes through `matchKey`, so traditional and full-width labels are found too.
 */
export function stripLabel(text: string, keys: readonly string[]): string | null {
  const limit = Math.min(text.length, 24);
  for (let i = 1; i <= limit; i += 1) {
    if (keys.includes(matchKey(text.slice(0, i)))) return text.slice(i).replace(/^[\s:：]+/u, '');
  }
  return null;
}
