/**
 * The table cursor with runs that can be put back: when a row turns out to have lost a number, the
 * text it swallowed (the next row's name) and the number it took (the next row's weight) are returned
 * to the stream, so one missing number costs one blank cell instead of shifting every row after it.
 */
import type { Segment } from './segments.js';
import type { RepeatableGroup, Run, TableCursor } from './table-cursor.js';
import type { RowLayout } from './table-header.js';

/** Runs to read before the cursor's own. */
export class RunQueue {
  private readonly front: Run[] = [];

  constructor(private readonly cursor: TableCursor) {}

  /** True when nothing remains. */
  done(): boolean {
    return this.front.length === 0 && this.cursor.done();
  }

  /** The next `count` runs, not consumed. */
  peek(count: number): Run[] {
    const runs = this.front.slice(0, count);
    if (runs.length < count) runs.push(...this.cursor.peek(count - runs.length));
    return runs;
  }

  /** The next run, consumed. */
  read(): Run | null {
    return this.front.shift() ?? this.cursor.read();
  }

  /** Puts runs back in front of the stream, in order. */
  unread(runs: readonly Run[]): void {
    this.front.unshift(...runs);
  }

  /** Text printed on `line` right after the current position (see `TableCursor.takeSameLine`). */
  takeSameLine(line: number): Segment[] {
    return this.front.length > 0 ? [] : this.cursor.takeSameLine(line);
  }

  /** Line of the next item, for messages. */
  line(): number {
    const first = this.front[0];
    if (first?.kind === 'text') return first.pieces[0]?.line ?? this.cursor.line();
    if (first?.kind === 'number') return first.numbers[0]?.line ?? this.cursor.line();
    return this.cursor.line();
  }

  set repeatable(groups: RepeatableGroup[]) {
    this.cursor.repeatable = groups;
  }

  get headerLayout(): RowLayout {
    return this.cursor.headerLayout;
  }
}
