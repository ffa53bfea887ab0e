/**
 * Reading the table stream run by run: a text run is the pieces between two numbers (one or more
 * cells), a number run the numbers between two texts. Page breaks are stepped over here, together with
 * what a page top reprints: the current level-1 and level-2 names (with their weights) — even when the
 * break falls inside a cell, so a definition split over two pages reads as one.
 */
import { matchKey } from '@jixiao/core';
import type { Segment } from './segments.js';
import type { RowLayout } from './table-header.js';
import type { NumberSegment, TableItem } from './table-items.js';

/** A text run or a number run. */
export type Run = { readonly kind: 'text'; readonly pieces: Segment[] } | { readonly kind: 'number'; readonly numbers: NumberSegment[] };

/** A group a page top may repeat. */
export interface RepeatableGroup {
  readonly key: string;
  readonly weight: number | null;
}

/** Runs longer than this are cut (a hostile input cannot make one run hold the whole stream). */
const MAX_RUN = 400;

/** A cursor over the table items. */
export class TableCursor {
  private pos = 0;
  /** The groups a page top may repeat, outermost first; set by the tree builder as it goes. */
  repeatable: RepeatableGroup[] = [];
  /** The layout announced by the last header passed. */
  headerLayout: RowLayout = 'management';

  constructor(private readonly items: readonly TableItem[]) {}

  /** True when nothing but breaks and repeats remains. */
  done(): boolean {
    return this.skip(this.pos, false) >= this.items.length;
  }

  /** Line of the next item, for messages. */
  line(): number {
    const item = this.items[this.skip(this.pos, false)] ?? this.items[this.items.length - 1];
    if (item === undefined) return 0;
    return item.kind === 'break' ? item.line : item.segment.line;
  }

  /** The next run, consumed. */
  read(): Run | null {
    const { run, next } = this.runAt(this.pos, true);
    this.pos = next;
    return run;
  }

  /** The next `count` runs, not consumed. */
  peek(count: number): Run[] {
    const runs: Run[] = [];
    let pos = this.pos;
    while (runs.length < count) {
      const { run, next } = this.runAt(pos, false);
      if (run === null) break;
      runs.push(run);
      pos = next;
    }
    return runs;
  }

  /**
   * The text pieces printed on `line` right after the current position (cells after a score: 评分依据,
   * 备注), consumed — unless a number follows on the same line, which makes them the next row's name.
   */
  takeSameLine(line: number): Segment[] {
    const pieces: Segment[] = [];
    let pos = this.pos;
    while (pos < this.items.length) {
      const item = this.items[pos] as TableItem;
      if (item.kind !== 'text' || item.segment.line !== line) break;
      pieces.push(item.segment);
      pos += 1;
    }
    const after = this.items[pos];
    if (pieces.length === 0 || (after?.kind === 'number' && after.segment.line === line)) return [];
    this.pos = pos;
    return pieces;
  }

  /** Position after any breaks at `pos` and the group names a page top repeats after them. */
  private skip(pos: number, apply: boolean): number {
    let p = pos;
    while (this.items[p]?.kind === 'break') {
      while (this.items[p]?.kind === 'break') {
        const item = this.items[p];
        if (apply && item?.kind === 'break' && item.layout !== null) this.headerLayout = item.layout;
        p += 1;
      }
      for (const group of this.repeatable) p = this.skipRepeat(p, group);
    }
    return p;
  }

  /** Position after `group`'s name (and its weight, when the same number follows), or `pos` unchanged. */
  private skipRepeat(pos: number, group: RepeatableGroup): number {
    if (group.key === '') return pos;
    let key = '';
    let p = pos;
    while (p < this.items.length && key.length < group.key.length) {
      const item = this.items[p];
      if (item?.kind !== 'text') return pos;
      key += matchKey(item.segment.text);
      if (!group.key.startsWith(key)) return pos;
      p += 1;
    }
    if (key !== group.key) return pos;
    // The reprinted weight: the group's own, or any number beside the name when the group's weight was
    // never read (it is not a score: rows do not start with numbers).
    const weight = this.items[p];
    const name = this.items[p - 1];
    if (weight?.kind === 'number' && (group.weight !== null ? weight.segment.value === group.weight : name?.kind === 'text' && name.segment.line === weight.segment.line)) p += 1;
    return p;
  }

  /** The run at `pos` and the position after it. */
  private runAt(start: number, apply: boolean): { run: Run | null; next: number } {
    let pos = this.skip(start, apply);
    const first = this.items[pos];
    if (first === undefined || first.kind === 'break') return { run: null, next: pos };
    const kind = first.kind;
    const pieces: Segment[] = [];
    const numbers: NumberSegment[] = [];
    while (pos < this.items.length && pieces.length + numbers.length < MAX_RUN) {
      const item = this.items[pos] as TableItem;
      if (item.kind === 'break') {
        const after = this.skip(pos, apply);
        if (this.items[after]?.kind !== kind) break;
        pos = after;
        continue;
      }
      if (item.kind !== kind) break;
      if (item.kind === 'text') pieces.push(item.segment);
      else numbers.push(item.segment);
      pos += 1;
    }
    return { run: kind === 'text' ? { kind, pieces } : { kind: 'number', numbers }, next: pos };
  }
}
