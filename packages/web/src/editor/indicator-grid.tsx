/**
 * 绩效指标 as a grid laid out like the 附件3 form: level-1 and level-2 cells merged over their rows,
 * one row per level-3 indicator with weight, definition or target and actual, self-score (with the
 * computed score beside it where they differ), basis, remark, scoring method and 不适用. Duty
 * indicators can be added, removed and reordered. Tab/Enter move like a spreadsheet; a column pasted
 * from Excel fills down from the focused cell.
 */
import type { FormDocument, IndicatorLeaf, Lang, LeafScore, Level1Group, Level2Group, ScoreSuggestion } from '@jixiao/core';
import { formatFixed, methodLabel, termLabel } from '@jixiao/core';
import { App } from 'antd';
import type { ClipboardEvent, KeyboardEvent, ReactNode } from 'react';
import { memo, useCallback, useMemo } from 'react';
import type { ReviewAnswer } from '../api/api-types.js';
import { useText } from '../app/app-context.js';
import { formatScore } from '../app/labels.js';
import { uiText } from '../i18n/ui-text.js';
import { cellId } from '../model/finding-anchor.js';
import type { LeafPatch } from '../model/form-edits.js';
import { addLeaf, addLevel2Group, moveLeaf, newDutyLeaf, removeLeaf, unusedId, updateGroup, updateLeaf } from '../model/form-edits.js';
import { gridRows } from '../model/grid-rows.js';
import { moveKeyOf, nextCell } from '../model/grid-navigation.js';
import type { PastableField } from '../model/paste-column.js';
import { clipboardColumn, pasteColumn } from '../model/paste-column.js';
import { NumberCell, TextCell } from './cells.js';

/** The editable columns, in keyboard order. */
const COLUMNS = ['name', 'weight', 'target', 'actual', 'selfScore', 'basis', 'remark', 'reviewScore', 'reviewComment'] as const;
type Column = (typeof COLUMNS)[number];
const col = (c: Column): number => COLUMNS.indexOf(c);

type Edit = (change: (doc: FormDocument) => FormDocument) => void;

/** A review being typed by the reviewer. */
export type ReviewInput = { score: number | null; comment: string };

/** The computed score beside the entered one, when they differ. */
function suggestionText(suggestion: ScoreSuggestion | undefined, selfScore: number | null, lang: Lang): string | null {
  if (!suggestion) return null;
  const label = uiText('computed', lang);
  if (suggestion.kind === 'exact') return suggestion.score === selfScore ? null : `${label} ${formatFixed(suggestion.score, 2)}`;
  if (suggestion.kind === 'range') {
    if (selfScore !== null && selfScore >= suggestion.min && selfScore <= suggestion.max) return null;
    return `${label} ${formatFixed(suggestion.min, 2)}–${formatFixed(suggestion.max, 2)}`;
  }
  return null;
}

interface RowProps {
  index: number;
  leaf: IndicatorLeaf;
  duty: boolean;
  first: boolean;
  last: boolean;
  suggestion: string | null;
  editable: boolean;
  reviewMode: boolean;
  showReview: boolean;
  review: ReviewAnswer | undefined;
  lang: Lang;
  edit: Edit;
  onReview: (leafId: string, review: ReviewInput) => void;
  /** The level-1 group whose merged cell starts on this row (null on its other rows). */
  level1: Level1Group | null;
  level1Span: number;
  level1Sum: number;
  /** The level-2 group whose merged cell starts on this row; `directSpan` for a level 1 without level 2. */
  level2: Level2Group | null;
  level2Span: number;
  level2Sum: number;
  directSpan: number;
}

/** 一级指标 cell, merged over its rows: name, weight, the sum of its scores; a new duty goal. */
function Level1Cell({ group: g, span, sum, editable, lang, edit }: { group: Level1Group; span: number; sum: number; editable: boolean; lang: Lang; edit: Edit }): ReactNode {
  const duty = g.category === 'duty';
  return (
    <td rowSpan={span} className="group-cell" id={`group-${g.id}`} style={{ width: 90 }}>
      <div>{g.name}</div>
      <div className="num">{formatScore(g.weight)}</div>
      <div className="num" title={uiText('computedTotal', lang)}>({formatScore(sum)})</div>
      {editable && duty && (
        <button
          type="button"
          onClick={() =>
            edit((d) => {
              const gid = unusedId(d, 'g');
              return addLevel2Group(d, g.id, gid, uiText('newGoalName', lang), newDutyLeaf(unusedId(d, 'd'), uiText('newIndicatorName', lang)));
            })
          }
        >
          + {uiText('addGoal', lang)}
        </button>
      )}
    </td>
  );
}

/** 二级指标 cell, merged over its rows; duty goals can be renamed and given indicators. */
function Level2Cell({ group: g, span, sum, editable, lang, edit }: { group: Level2Group; span: number; sum: number; editable: boolean; lang: Lang; edit: Edit }): ReactNode {
  const duty = g.category === 'duty';
  return (
    <td rowSpan={span} className="group-cell" id={`group-${g.id}`} style={{ width: 150 }}>
      {editable && duty ? (
        <textarea aria-label={termLabel('level2Indicator', lang)} value={g.name} rows={Math.min(5, Math.max(1, Math.ceil(g.name.length / 10)))} onChange={(e) => { const name = e.target.value; edit((d) => updateGroup(d, g.id, { name })); }} />
      ) : (
        <div>{g.name}</div>
      )}
      <div className="num">{formatScore(g.weight)} ({formatScore(sum)})</div>
      {editable && duty && (
        <button type="button" onClick={() => edit((d) => addLeaf(d, g.id, newDutyLeaf(unusedId(d, 'd'), uiText('newIndicatorName', lang))))}>+ {uiText('addIndicator', lang)}</button>
      )}
    </td>
  );
}

const LeafRow = memo(function LeafRow(p: RowProps): ReactNode {
  const { leaf, index, editable, lang } = p;
  const patch = useCallback((change: LeafPatch) => p.edit((d) => updateLeaf(d, leaf.id, change)), [p.edit, leaf.id]);
  const place = (c: Column, label: string): { id: string; row: number; col: number; field: string; label: string } => ({ id: cellId(leaf.id, c), row: index, col: col(c), field: c, label: `${leaf.name} ${label}` });
  const structural = editable && p.duty;
  const review = p.review;
  return (
    <tr className={leaf.notApplicable ? 'na' : undefined} data-leaf={leaf.id}>
      {p.level1 && <Level1Cell group={p.level1} span={p.level1Span} sum={p.level1Sum} editable={editable} lang={lang} edit={p.edit} />}
      {p.directSpan > 0 && <td rowSpan={p.directSpan} className="group-cell" />}
      {p.level2 && <Level2Cell group={p.level2} span={p.level2Span} sum={p.level2Sum} editable={editable} lang={lang} edit={p.edit} />}
      <td className="leaf-name">
        <TextCell place={place('name', termLabel('level3Indicator', lang))} value={leaf.name} onValue={(name) => patch({ name })} disabled={!structural} />
      </td>
      <td className="num" style={{ width: 64 }}>
        <NumberCell place={place('weight', termLabel('weight', lang))} value={leaf.weight} onValue={(weight) => patch({ weight })} disabled={!structural} />
      </td>
      {p.duty ? (
        <>
          <td className="text-col">
            <TextCell place={place('target', termLabel('target', lang))} value={leaf.target} onValue={(target) => patch({ target })} disabled={!editable} />
          </td>
          <td className="text-col">
            <TextCell place={place('actual', termLabel('actual', lang))} value={leaf.actual} onValue={(actual) => patch({ actual })} disabled={!editable} />
          </td>
        </>
      ) : (
        <td colSpan={2} className="text-col">
          <TextCell place={place('target', termLabel('definition', lang))} value={leaf.definition} onValue={(definition) => patch({ definition })} disabled={!editable} rows={2} />
        </td>
      )}
      <td className="num" style={{ width: 84 }}>
        <NumberCell place={place('selfScore', termLabel('selfScore', lang))} value={leaf.selfScore} onValue={(selfScore) => patch({ selfScore })} disabled={!editable} />
        {p.suggestion !== null && <span className="suggestion" data-testid={`suggestion-${leaf.id}`}>{p.suggestion}</span>}
      </td>
      <td className="text-col">
        <TextCell place={place('basis', termLabel('basis', lang))} value={leaf.basis} onValue={(basis) => patch({ basis })} disabled={!editable} />
      </td>
      <td className="remark-col">
        <TextCell place={place('remark', termLabel('remark', lang))} value={leaf.remark} onValue={(remark) => patch({ remark })} disabled={!editable} />
      </td>
      <td style={{ width: 84, fontSize: 12 }}>{methodLabel(leaf.method.kind, lang)}</td>
      <td style={{ width: 48, textAlign: 'center' }}>
        <input type="checkbox" aria-label={`${leaf.name} ${termLabel('notApplicable', lang)}`} checked={leaf.notApplicable} disabled={!editable} onChange={(e) => patch({ notApplicable: e.target.checked })} />
      </td>
      {p.showReview && (
        <>
          <td className="num" style={{ width: 84 }}>
            {p.reviewMode ? (
              <NumberCell place={place('reviewScore', termLabel('reviewScore', lang))} value={review?.score ?? null} onValue={(score) => p.onReview(leaf.id, { score, comment: review?.comment ?? '' })} />
            ) : (
              formatScore(review?.score ?? null)
            )}
          </td>
          <td>
            {p.reviewMode ? (
              <TextCell place={place('reviewComment', uiText('reviewComment', lang))} value={review?.comment ?? ''} onValue={(comment) => p.onReview(leaf.id, { score: review?.score ?? null, comment })} />
            ) : (
              <span className="review-note" data-testid={`review-comment-${leaf.id}`}>{review?.comment ?? ''}</span>
            )}
          </td>
        </>
      )}
      {editable && (
        <td style={{ width: 76, whiteSpace: 'nowrap' }}>
          {p.duty && (
            <>
              <button type="button" title={uiText('moveUp', lang)} disabled={p.first} onClick={() => p.edit((d) => moveLeaf(d, leaf.id, -1))}>↑</button>
              <button type="button" title={uiText('moveDown', lang)} disabled={p.last} onClick={() => p.edit((d) => moveLeaf(d, leaf.id, 1))}>↓</button>
              <button type="button" title={uiText('remove', lang)} onClick={() => p.edit((d) => removeLeaf(d, leaf.id))}>✕</button>
            </>
          )}
        </td>
      )}
    </tr>
  );
});

/** Props of the grid. */
export interface IndicatorGridProps {
  doc: FormDocument;
  leafScores: readonly LeafScore[];
  groupSums: ReadonlyMap<string, number>;
  editable: boolean;
  reviewMode: boolean;
  reviews: ReadonlyMap<string, ReviewAnswer>;
  lang: Lang;
  edit: Edit;
  onReview: (leafId: string, review: ReviewInput) => void;
}

/** The indicator grid. */
export function IndicatorGrid({ doc, leafScores, groupSums, editable, reviewMode, reviews, lang, edit, onReview }: IndicatorGridProps): ReactNode {
  const t = useText();
  const { message } = App.useApp();
  const rows = useMemo(() => gridRows(doc), [doc]);
  const suggestions = useMemo(() => new Map(leafScores.map((l) => [l.leaf.id, l.suggestion])), [leafScores]);
  const showReview = reviewMode || reviews.size > 0;

  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>): void => {
    const target = e.target as HTMLElement;
    const row = Number(target.dataset['row']);
    const colIndex = Number(target.dataset['col']);
    if (target.dataset['row'] === undefined || Number.isNaN(row)) return;
    const key = moveKeyOf(e);
    if (key === null) return;
    let pos = nextCell({ row, col: colIndex }, key, rows.length, COLUMNS.length);
    while (pos !== null) {
      const el = e.currentTarget.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[data-row="${pos.row}"][data-col="${pos.col}"]:not([disabled])`);
      if (el) {
        e.preventDefault();
        el.focus();
        el.select();
        return;
      }
      pos = nextCell(pos, key, rows.length, COLUMNS.length);
    }
  };

  const onPaste = (e: ClipboardEvent<HTMLTableElement>): void => {
    const target = e.target as HTMLElement;
    const field = target.dataset['field'];
    const row = Number(target.dataset['row']);
    const text = e.clipboardData.getData('text/plain');
    if (field === undefined || Number.isNaN(row) || !/[\n\t]/u.test(text.replace(/\r?\n$/u, ''))) return;
    const pastable: readonly string[] = ['selfScore', 'weight', 'target', 'actual', 'basis', 'remark', 'name'];
    if (!pastable.includes(field) || !editable) return;
    e.preventDefault();
    const leafIds = rows.slice(row).map((r) => r.leaf.id);
    const values = clipboardColumn(text);
    const realField: PastableField = field === 'target' && rows[row]?.category !== 'duty' ? 'definition' : (field as PastableField);
    const result = pasteColumn(doc, leafIds, realField, values);
    edit(() => result.form);
    void message.info(t('pasteDone', { n: result.applied }));
    if (result.refused.length > 0) void message.warning(t('pasteRefused', { n: result.refused.length }));
  };

  return (
    <table className="sheet" id="indicator-grid" onKeyDown={onKeyDown} onPaste={onPaste}>
      <thead>
        <tr>
          <th>{termLabel('level1Indicator', lang)}</th>
          <th>{termLabel('level2Indicator', lang)}</th>
          <th>{termLabel('level3Indicator', lang)}</th>
          <th>{termLabel('weight', lang)}</th>
          <th>{termLabel('target', lang)} / {termLabel('definition', lang)}</th>
          <th>{termLabel('actual', lang)}</th>
          <th>{termLabel('selfScore', lang)}</th>
          <th>{termLabel('basis', lang)}</th>
          <th>{termLabel('remark', lang)}</th>
          <th>{termLabel('scoringMethod', lang)}</th>
          <th>{termLabel('notApplicable', lang)}</th>
          {showReview && (
            <>
              <th>{termLabel('reviewScore', lang)}</th>
              <th>{t('reviewComment')}</th>
            </>
          )}
          {editable && <th>{t('actions')}</th>}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <LeafRow
            key={r.leaf.id}
            index={i}
            leaf={r.leaf}
            duty={r.category === 'duty'}
            first={r.first}
            last={r.last}
            suggestion={suggestionText(suggestions.get(r.leaf.id), r.leaf.selfScore, lang)}
            editable={editable}
            reviewMode={reviewMode}
            showReview={showReview}
            review={reviews.get(r.leaf.id)}
            lang={lang}
            edit={edit}
            onReview={onReview}
            level1={r.level1Span > 0 ? r.level1 : null}
            level1Span={r.level1Span}
            level1Sum={r.level1Span > 0 ? (groupSums.get(r.level1.id) ?? 0) : 0}
            level2={r.level2 !== null && r.level2Span > 0 ? r.level2 : null}
            level2Span={r.level2Span}
            level2Sum={r.level2 !== null && r.level2Span > 0 ? (groupSums.get(r.level2.id) ?? 0) : 0}
            directSpan={r.level2 === null && r.level1Span > 0 ? r.level1Span : 0}
          />
        ))}
      </tbody>
    </table>
  );
}
