import type { FormDocument, Level1Group } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import { CONTENT_BOTTOM, lineHeight, MARGIN_TOP, PAD_Y } from '../src/pdf/page-geometry.js';
import { planPages } from '../src/pdf/print-plan.js';
import type { PrintPlan } from '../src/pdf/print-plan.js';
import { visualWidth } from '../src/text/text-join.js';
import { leafNamed, seedForm } from './helpers/forms.js';

// A stand-in for the font's widths: full-width characters one em, the rest about half.
const widthAt = (size: number) => (ch: string): number => (visualWidth(ch) === 2 ? size : 0.55 * size);

function longForm(): FormDocument {
  const form = seedForm();
  leafNamed(form, '工作受表彰或批评').basis = Array.from({ length: 40 }, (_, i) => `${i + 1}.部门预算编制及执行工作较好，受到财政部门表扬，决算工作按时完成，审计未发现违规问题。`).join('\n');
  const duty = form.indicators[1] as Level1Group;
  duty.children = [0, 1, 2, 3].flatMap((n) => duty.children.map((group) => ({ ...structuredClone(group), name: `${group.name}（${n}）` })));
  return form;
}

/** The properties every plan must have: on the page, text whole, every line printed, headers repeated. */
function expectSound(plan: PrintPlan): void {
  const printed = new Map<number, number>();
  plan.pages.forEach((page, p) => {
    for (const placed of page.cells) {
      expect(placed.y).toBeGreaterThanOrEqual(MARGIN_TOP - 0.01);
      expect(placed.y + placed.height).toBeLessThanOrEqual(CONTENT_BOTTOM + 0.01);
      if (placed.lines.length > 0) expect(placed.lines.length * lineHeight(placed.cell.style) + 2 * PAD_Y, `${placed.cell.text.slice(0, 10)} fits`).toBeLessThanOrEqual(placed.height + 0.5);
      const index = plan.layout.cells.indexOf(placed.cell);
      if (placed.cell.rowSpan === 1) printed.set(index, (printed.get(index) ?? 0) + placed.lines.length);
      else if (placed.lines.length > 0) printed.set(index, placed.lines.length);
    }
    // No page starts inside the indicator table without its header.
    const top = Math.min(...page.cells.filter((c) => c.framed).map((c) => c.y));
    const first = page.cells.filter((c) => c.y === top && c.cell.rowSpan === 1).map((c) => plan.layout.rows[c.cell.row]?.kind);
    expect(first.some((k) => k === 'indicator' || k === 'total'), `page ${p + 1} starts with indicator rows`).toBe(false);
  });
  // Every line printed once (header rows again on each page they head).
  plan.layout.cells.forEach((cell, index) => {
    const want = plan.lines[index]?.length ?? 0;
    if (plan.layout.rows[cell.row]?.kind === 'indicatorHeader') expect(printed.get(index) ?? 0).toBeGreaterThanOrEqual(want);
    else expect(printed.get(index) ?? 0, cell.text.slice(0, 12)).toBe(want);
  });
}

describe('PDF pagination', () => {
  it('the seed: every cell on its page, every text whole, the header on top of every page of indicators, no row split', () => {
    const plan = planPages(seedForm(), widthAt);
    expectSound(plan);
    expect(plan.pages.length).toBeGreaterThanOrEqual(4);
    expect(plan.pages.flatMap((p) => p.cells).some((c) => c.valign === 'top')).toBe(false);
  });

  it('a long form: a row taller than a page is split with its lines continued, groups run over pages', () => {
    const plan = planPages(longForm(), widthAt);
    expectSound(plan);
    expect(plan.pages.flatMap((p) => p.cells).filter((c) => c.valign === 'top').length).toBeGreaterThan(0);
    // The duty level-1 name is printed on every page its rows reach.
    const dutyPages = plan.pages.filter((page) => page.cells.some((c) => c.cell.text === '履职效能' && c.lines.length > 0));
    expect(dutyPages.length).toBeGreaterThanOrEqual(4);
  });

  it('keeps the expenditure block and each table header with what follows them', () => {
    const plan = planPages(seedForm(), widthAt);
    for (const page of plan.pages) {
      const rows = [...new Set(page.cells.map((c) => c.cell.row))].sort((a, b) => a - b);
      const last = rows[rows.length - 1] as number;
      expect(plan.layout.rows[last]?.keepWithNext, `page ends with a row kept with the next`).toBe(false);
    }
  });
});
