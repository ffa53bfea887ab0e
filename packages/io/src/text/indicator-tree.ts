/**
 * The indicator tree (一级 / 二级 / 三级指标) read from the table stream, row by row. Rows are found by
 * their structure, never by position: a name is followed by its weight, a leaf ends with its score, a
 * level-1 name is one of the form's categories (管理效能, 履职效能, 加减分项), and the names a page top
 * repeats are recognised as repeats, not new groups. Each level-1 group's category decides its row
 * layout (the seed's duty page reprints the management header, so the header cannot).
 */
import { categoryOfLevel1, findTerm, matchKey } from '@jixiao/core';
import type { IndicatorCategory } from '@jixiao/core';
import type { ImportProblems } from './problems.js';
import { readLeaf, settleTargetsAndActuals } from './leaf-rows.js';
import { validWeight } from './within-limits.js';
import type { LeafDraft } from './leaf-rows.js';
import { decideAfterLevel1, decideRow } from './row-decision.js';
import { isDefinitionLike, runText } from './row-shape.js';
import { cellsAfterName, cellsBelowNumberedName, definitionAfterName, firstNumberedNameInside, isLevel1Piece, leafNameAfterGroupName } from './lost-numbers.js';
import { RunQueue } from './run-queue.js';
import type { Run, RepeatableGroup } from './table-cursor.js';
import { TableCursor } from './table-cursor.js';
import type { RowLayout } from './table-header.js';
import type { TableItem } from './table-items.js';

/** A group as read. */
export interface GroupDraft {
  name: string;
  line: number;
  weight: number | null;
  category: IndicatorCategory;
  children: (GroupDraft | LeafDraft)[];
}

/** True for a draft group (as opposed to a leaf). */
export function isGroupDraft(node: GroupDraft | LeafDraft): node is GroupDraft {
  return 'children' in node;
}

const MAX_LEVEL1_NAME = 10;

/**
 * True when a name is a level-1 category: 管理效能, 履职效能, 加减分项 or a variant exactly; or a short
 * name of another category than the current level-1 group ("一、管理效能"), since a level-2 name such
 * as 工作表现加减分 may well mention its own group's category.
 */
export function isLevel1Name(name: string, current: IndicatorCategory | null): boolean {
  const term = findTerm(name);
  if (term === 'management' || term === 'duty' || term === 'adjustment') return true;
  const key = matchKey(name).replace(/^(?:[一二三四五六七八九十]+[、.]|\d+[、.])/u, '');
  if (key.length > MAX_LEVEL1_NAME) return false;
  const category = categoryOfLevel1(key);
  return category !== 'other' && category !== current;
}

function layoutOf(category: IndicatorCategory, headerLayout: RowLayout): RowLayout {
  if (category === 'duty') return 'duty';
  if (category === 'management' || category === 'adjustment') return 'management';
  return headerLayout;
}

function repeatable(group: GroupDraft | null): RepeatableGroup[] {
  return group === null ? [] : [{ key: matchKey(group.name), weight: group.weight }];
}

/** Reads the level-1 groups from the table items. */
export function readIndicatorTree(items: readonly TableItem[], problems: ImportProblems): GroupDraft[] {
  const cursor = new RunQueue(new TableCursor(items));
  const tree: GroupDraft[] = [];
  let level1: GroupDraft | null = null;
  let level2: GroupDraft | null = null;
  let expect: 'any' | 'level2' | 'leaf' = 'any';
  const leaves: LeafDraft[] = [];
  // Every pass consumes at least one run, so the loop ends; the guard is for bugs, not for input.
  let guard = items.length + 10;
  while (!cursor.done() && guard > 0) {
    guard -= 1;
    cursor.repeatable = [...repeatable(level1), ...repeatable(level2)];
    const runs = cursor.peek(6);
    const [nameRun, numberRun] = runs;
    if (nameRun === undefined) break;
    if (nameRun.kind === 'number') {
      cursor.read();
      for (const n of nameRun.numbers) problems.add('import.unexpectedNumber', 'warning', { number: n.text, name: level2?.name ?? level1?.name ?? '' }, n.line);
      continue;
    }
    const name = runText(nameRun.pieces);
    const key = matchKey(name);
    const line = nameRun.pieces[0]?.line ?? cursor.line();
    const weights = numberRun?.kind === 'number' ? numberRun.numbers : [];
    // A negative number is no weight (scores may be negative, weights never): blank, with a warning.
    const weight = validWeight(weights[0]?.value ?? null, name, weights[0]?.line, problems);

    // A level-1 name that lost its weight runs on into the next name: split it off.
    const first = nameRun.pieces[0];
    if (nameRun.pieces.length > 1 && first !== undefined && isLevel1Piece(first) && first.line !== nameRun.pieces[1]?.line) {
      cursor.read();
      cursor.unread([{ kind: 'text', pieces: nameRun.pieces.slice(1) }]);
      if (level1 !== null && matchKey(first.text) === matchKey(level1.name)) continue;
      level1 = { name: first.text, line: first.line, weight: null, category: categoryOfLevel1(first.text), children: [] };
      tree.push(level1);
      level2 = null;
      expect = 'level2';
      problems.add('import.rowIncomplete', 'warning', { name: first.text, missing: 'weight' }, first.line);
      continue;
    }
    const named = isLevel1Name(name, level1?.category ?? null);
    if (named || level1 === null) {
      consume(cursor, runs);
      if (level1 !== null && key === matchKey(level1.name)) continue;
      const category = named ? categoryOfLevel1(name) : 'other';
      if (category === 'other') problems.add('import.unknownLevel1', 'warning', { name }, line);
      level1 = { name, line, weight, category, children: [] };
      tree.push(level1);
      level2 = null;
      expect = 'level2';
      warnExtraNumbers(weights, name, problems);
      continue;
    }
    const layout = layoutOf(level1.category, cursor.headerLayout);
    if (level2 !== null && expect === 'any' && key === matchKey(level2.name) && level2.children.length > 0 && weights.length === 1 && weight === level2.weight) {
      // The level-2 name reprinted at a page top without a header before it.
      consume(cursor, runs);
      continue;
    }
    // A row that lost its weight: its name ran on into its definition (management) or into its cells
    // printed beside it (duty). It is a leaf with a blank weight; the number after it is its score.
    const cellsStart =
      expect === 'level2'
        ? null
        : layout === 'management'
          ? definitionAfterName(nameRun.pieces)
          : (cellsAfterName(nameRun.pieces) ?? (level2 !== null && remainingWeight(level2) > 0 ? cellsBelowNumberedName(nameRun.pieces) : null));
    if (cellsStart !== null) {
      cursor.read();
      cursor.unread([{ kind: 'text', pieces: nameRun.pieces.slice(cellsStart) }]);
      const leaf = readLeaf(cursor, layout, { kind: 'text', pieces: nameRun.pieces.slice(0, cellsStart) }, [], problems);
      (level2 ?? level1).children.push(leaf);
      leaves.push(leaf);
      expect = 'any';
      continue;
    }
    let kind: 'leaf' | 'group';
    if (expect === 'leaf') kind = 'leaf';
    else if (expect === 'level2' || level2 === null) kind = decideAfterLevel1(layout, runs);
    else kind = decideRow(layout, { weight: level2.weight, childWeights: level2.children.map((c) => c.weight) }, runs);

    if (kind === 'group') {
      // A group that lost its weight runs on into its first leaf's name ("…产业" / "1.年产…"); in
      // management rows the definition right after the number gives it away.
      const next = runs[2];
      const leafStart =
        layout === 'duty'
          ? firstNumberedNameInside(nameRun.pieces)
          : next?.kind === 'text' && isDefinitionLike(next.pieces) && definitionAfterName(next.pieces) === null
            ? leafNameAfterGroupName(nameRun.pieces)
            : null;
      if (leafStart !== null) {
        cursor.read();
        cursor.unread([{ kind: 'text', pieces: nameRun.pieces.slice(leafStart) }]);
        const groupName = runText(nameRun.pieces.slice(0, leafStart));
        level2 = { name: groupName, line, weight: null, category: level1.category, children: [] };
        level1.children.push(level2);
        expect = 'leaf';
        problems.add('import.rowIncomplete', 'warning', { name: groupName, missing: 'weight' }, line);
        continue;
      }
      consume(cursor, runs);
      level2 = { name, line, weight, category: level1.category, children: [] };
      level1.children.push(level2);
      expect = 'leaf';
      warnExtraNumbers(weights, name, problems);
      continue;
    }
    cursor.read();
    if (numberRun?.kind === 'number') cursor.read();
    const completes = level2 !== null && weight !== null && Math.abs(remainingWeight(level2) - weight) < 1e-9;
    const leaf = readLeaf(cursor, layout, nameRun, weights, problems, completes);
    leaf.weight = weight;
    (level2 ?? level1).children.push(leaf);
    leaves.push(leaf);
    expect = 'any';
  }
  settleTargetsAndActuals(leaves);
  return tree;
}

/** What is left of a group's weight after its children's; NaN when a weight is blank. */
function remainingWeight(group: GroupDraft): number {
  if (group.weight === null) return Number.NaN;
  let sum = 0;
  for (const child of group.children) {
    if (child.weight === null) return Number.NaN;
    sum += child.weight;
  }
  return group.weight - sum;
}

/** Consumes a name run and the number run after it. */
function consume(cursor: RunQueue, runs: readonly Run[]): void {
  cursor.read();
  if (runs[1]?.kind === 'number') cursor.read();
}

function warnExtraNumbers(weights: readonly { text: string; line: number }[], name: string, problems: ImportProblems): void {
  for (const extra of weights.slice(1)) problems.add('import.unexpectedNumber', 'warning', { number: extra.text, name }, extra.line);
}
