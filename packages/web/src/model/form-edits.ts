/**
 * Edits of a form document, each returning a new document that shares every untouched part with the
 * old one (so the grid re-renders only the rows that changed). Pure: the editor, paste and the tests
 * all go through these.
 */
import type { ExpenditureColumn, ExpenditureRow, FormDocument, IndicatorLeaf, Level1Group, Level2Group, Narratives, UnitInfo } from '@jixiao/core';

/** The fields of a leaf the grid edits. */
export type LeafPatch = Partial<Omit<IndicatorLeaf, 'kind' | 'id' | 'level'>>;

/** The fields of a group the grid edits. */
export type GroupPatch = Partial<Pick<Level2Group, 'name' | 'weight'>>;

function mapLeaves(form: FormDocument, fn: (leaf: IndicatorLeaf) => IndicatorLeaf): FormDocument {
  let changed = false;
  const mapLeaf = (leaf: IndicatorLeaf): IndicatorLeaf => {
    const next = fn(leaf);
    if (next !== leaf) changed = true;
    return next;
  };
  const indicators = form.indicators.map((top): Level1Group => {
    let topChanged = false;
    const children = top.children.map((child) => {
      if (child.kind === 'leaf') {
        const next = mapLeaf(child);
        if (next !== child) topChanged = true;
        return next;
      }
      const leaves = child.children.map(mapLeaf);
      if (leaves.every((l, i) => l === child.children[i])) return child;
      topChanged = true;
      return { ...child, children: leaves };
    });
    return topChanged ? { ...top, children } : top;
  });
  return changed ? { ...form, indicators } : form;
}

/** Changes some fields of one leaf. */
export function updateLeaf(form: FormDocument, leafId: string, patch: LeafPatch): FormDocument {
  return mapLeaves(form, (leaf) => (leaf.id === leafId ? { ...leaf, ...patch } : leaf));
}

/** Changes the name or weight of a group of either level. */
export function updateGroup(form: FormDocument, groupId: string, patch: GroupPatch): FormDocument {
  const indicators = form.indicators.map((top): Level1Group => {
    if (top.id === groupId) return { ...top, ...patch };
    if (!top.children.some((c) => c.kind === 'group' && c.id === groupId)) return top;
    return { ...top, children: top.children.map((c) => (c.kind === 'group' && c.id === groupId ? { ...c, ...patch } : c)) };
  });
  return { ...form, indicators };
}

/** Sets one cell of the expenditure table. */
export function setExpenditureCell(form: FormDocument, row: ExpenditureRow, column: ExpenditureColumn, value: number | null): FormDocument {
  return { ...form, expenditure: { ...form.expenditure, [row]: { ...form.expenditure[row], [column]: value } } };
}

/** Sets one narrative. */
export function setNarrative(form: FormDocument, field: keyof Narratives, value: string): FormDocument {
  return { ...form, narratives: { ...form.narratives, [field]: value } };
}

/** Sets a field of the unit block. */
export function setUnit<K extends keyof UnitInfo>(form: FormDocument, field: K, value: UnitInfo[K]): FormDocument {
  return { ...form, unit: { ...form.unit, [field]: value } };
}

/** Sets the printed total and grade (what the printed form will say). */
export function setPrinted(form: FormDocument, printedTotal: number | null, printedGrade: FormDocument['printedGrade']): FormDocument {
  return { ...form, printedTotal, printedGrade };
}

/** A new, empty duty indicator (履职效能 leaves are compared with their target). */
export function newDutyLeaf(id: string, name: string): IndicatorLeaf {
  return { kind: 'leaf', id, level: 3, name, weight: null, definition: '', target: '', actual: '', selfScore: null, basis: '', remark: '', method: { kind: 'target' }, notApplicable: false };
}

/** Adds a duty leaf at the end of a level-2 group (or of a level-1 group that holds leaves directly). */
export function addLeaf(form: FormDocument, groupId: string, leaf: IndicatorLeaf): FormDocument {
  const indicators = form.indicators.map((top): Level1Group => {
    if (top.id === groupId) return { ...top, children: [...top.children, leaf] };
    if (!top.children.some((c) => c.kind === 'group' && c.id === groupId)) return top;
    return { ...top, children: top.children.map((c) => (c.kind === 'group' && c.id === groupId ? { ...c, children: [...c.children, leaf] } : c)) };
  });
  return { ...form, indicators };
}

/** Adds a level-2 group (a new duty goal) with one empty leaf under a level-1 group. */
export function addLevel2Group(form: FormDocument, level1Id: string, groupId: string, name: string, leaf: IndicatorLeaf): FormDocument {
  const indicators = form.indicators.map((top): Level1Group => {
    if (top.id !== level1Id) return top;
    const group: Level2Group = { kind: 'group', id: groupId, level: 2, name, weight: null, category: top.category, children: [leaf] };
    return { ...top, children: [...top.children, group] };
  });
  return { ...form, indicators };
}

/** Removes a leaf; a level-2 group left empty is removed with it. */
export function removeLeaf(form: FormDocument, leafId: string): FormDocument {
  const indicators = form.indicators.map((top): Level1Group => {
    const children: Level1Group['children'] = [];
    for (const c of top.children) {
      if (c.kind === 'leaf') {
        if (c.id !== leafId) children.push(c);
        continue;
      }
      const rest = c.children.filter((l) => l.id !== leafId);
      if (rest.length === c.children.length) children.push(c);
      else if (rest.length > 0) children.push({ ...c, children: rest });
    }
    return children.length === top.children.length && children.every((c, i) => c === top.children[i]) ? top : { ...top, children };
  });
  return { ...form, indicators };
}

function moved<T>(list: readonly T[], index: number, delta: number): T[] | null {
  const to = index + delta;
  if (index < 0 || to < 0 || to >= list.length) return null;
  const out = [...list];
  const [item] = out.splice(index, 1);
  if (item === undefined) return null;
  out.splice(to, 0, item);
  return out;
}

/** Moves a leaf up (−1) or down (+1) among its siblings; unchanged at either end. */
export function moveLeaf(form: FormDocument, leafId: string, delta: -1 | 1): FormDocument {
  let changed = false;
  const indicators = form.indicators.map((top): Level1Group => {
    const direct = moved(top.children, top.children.findIndex((c) => c.kind === 'leaf' && c.id === leafId), delta);
    if (direct) {
      changed = true;
      return { ...top, children: direct };
    }
    const children = top.children.map((c) => {
      if (c.kind === 'leaf') return c;
      const list = moved(c.children, c.children.findIndex((l) => l.id === leafId), delta);
      if (!list) return c;
      changed = true;
      return { ...c, children: list };
    });
    return children.every((c, i) => c === top.children[i]) ? top : { ...top, children };
  });
  return changed ? { ...form, indicators } : form;
}

/** An id not used by any node of the form, for new indicators (`d1`, `d2` …). */
export function unusedId(form: FormDocument, prefix = 'n'): string {
  const used = new Set<string>();
  for (const top of form.indicators) {
    used.add(top.id);
    for (const c of top.children) {
      used.add(c.id);
      if (c.kind === 'group') for (const l of c.children) used.add(l.id);
    }
  }
  let i = 1;
  while (used.has(`${prefix}${i}`)) i += 1;
  return `${prefix}${i}`;
}
