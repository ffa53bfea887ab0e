/** 打印视图: the form read-only in the 附件3 layout, for the browser's print dialog. */
import type { ExpenditureColumn } from '@jixiao/core';
import { asPercent, EXPENDITURE_COLUMNS, executionRate, formatFixed, termLabel } from '@jixiao/core';
import { Alert, Button, Space, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useApp, useText } from '../app/app-context.js';
import { formatScore, gradeText } from '../app/labels.js';
import { navigate } from '../app/navigation.js';
import { gridRows } from '../model/grid-rows.js';
import { useFormAnswer } from './use-form-answer.js';

/** The print view. */
export function PrintPage({ id, published }: { id: string; published: boolean }): ReactNode {
  const { lang } = useApp();
  const t = useText();
  const { answer, failure } = useFormAnswer(id, published);
  if (failure !== null) return <Alert type="error" title={failure.message} showIcon />;
  if (!answer) return <Spin />;
  const doc = answer.document;
  const L = (id2: Parameters<typeof termLabel>[0]): string => termLabel(id2, lang);
  const rate = (c: ExpenditureColumn): string => {
    const r = executionRate(doc.expenditure.executed[c], doc.expenditure.budgeted[c]);
    return r === null ? '' : `${formatFixed(asPercent(r), 1)}%`;
  };
  return (
    <div className="print-page" style={{ background: '#fff', padding: 24, maxWidth: 1100, margin: '0 auto' }}>
      <Space className="no-print gap-bottom">
        <Button onClick={() => navigate(published ? { name: 'publicForm', id } : { name: 'form', id })}>{t('back')}</Button>
        <Button type="primary" onClick={() => window.print()}>{t('printNow')}</Button>
      </Space>
      <div>{L('appendix')}</div>
      <h2 style={{ textAlign: 'center' }}>{L('form')}</h2>
      <div style={{ textAlign: 'center' }}>（{doc.unit.year ?? ''}年度）</div>
      <table className="sheet">
        <tbody>
          <tr><td>{L('unitName')}</td><td colSpan={5}>{doc.unit.name}</td><td>{L('unitCount')}</td><td>{doc.unit.unitCount ?? ''}</td></tr>
          {(['goals', 'completion', 'shortfallReasons'] as const).map((f) => (
            <tr key={f}><td>{L(f)}</td><td colSpan={7} style={{ whiteSpace: 'pre-wrap' }}>{doc.narratives[f]}</td></tr>
          ))}
          <tr><td rowSpan={4}>{L('expenditure')}</td><td />{EXPENDITURE_COLUMNS.map((c) => <td key={c}>{L(c)}</td>)}</tr>
          {(['budgeted', 'executed'] as const).map((row) => (
            <tr key={row}><td>{L(row)}</td>{EXPENDITURE_COLUMNS.map((c) => <td key={c} className="num">{doc.expenditure[row][c] ?? ''}</td>)}</tr>
          ))}
          <tr><td>{L('executionRate')}</td>{EXPENDITURE_COLUMNS.map((c) => <td key={c} className="num">{doc.expenditure.printedRatePercent[c] === null ? rate(c) : `${doc.expenditure.printedRatePercent[c] ?? ''}%`}</td>)}</tr>
        </tbody>
      </table>
      <table className="sheet" style={{ marginTop: 8 }}>
        <thead>
          <tr><th>{L('level1Indicator')}</th><th>{L('level2Indicator')}</th><th>{L('level3Indicator')}</th><th>{L('weight')}</th><th>{L('definition')} / {L('target')}</th><th>{L('actual')}</th><th>{L('selfScore')}</th><th>{L('basis')}</th><th>{L('remark')}</th></tr>
        </thead>
        <tbody>
          {gridRows(doc).map((r) => (
            <tr key={r.leaf.id}>
              {r.level1Span > 0 && <td rowSpan={r.level1Span}>{r.level1.name}（{formatScore(r.level1.weight)}）</td>}
              {r.level2 === null ? (r.level1Span > 0 ? <td rowSpan={r.level1Span} /> : null) : r.level2Span > 0 && <td rowSpan={r.level2Span}>{r.level2.name}（{formatScore(r.level2.weight)}）</td>}
              <td>{r.leaf.name}</td>
              <td className="num">{formatScore(r.leaf.weight)}</td>
              <td style={{ whiteSpace: 'pre-wrap' }}>{r.category === 'duty' ? r.leaf.target : r.leaf.definition}</td>
              <td style={{ whiteSpace: 'pre-wrap' }}>{r.leaf.actual}</td>
              <td className="num">{r.leaf.notApplicable ? L('notApplicable') : formatScore(r.leaf.selfScore)}</td>
              <td style={{ whiteSpace: 'pre-wrap' }}>{r.leaf.basis}</td>
              <td style={{ whiteSpace: 'pre-wrap' }}>{r.leaf.remark}</td>
            </tr>
          ))}
          <tr>
            <td colSpan={6}>{L('total')}</td>
            <td className="num">{formatScore(doc.printedTotal)}</td>
            <td colSpan={2}>{L('grade')}：{doc.printedGrade ? gradeText(doc.printedGrade, lang) : ''}</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}
