/** 单位基本情况 and the three narratives of the form. */
import type { FormDocument, Lang } from '@jixiao/core';
import { termLabel } from '@jixiao/core';
import { Col, Input, InputNumber, Row } from 'antd';
import type { ReactNode } from 'react';
import { memo } from 'react';
import { setNarrative, setUnit } from '../model/form-edits.js';

type Edit = (change: (d: FormDocument) => FormDocument) => void;

/** Unit name, number of units and year. */
export const UnitSection = memo(function UnitSection({ unit, editable, lang, edit }: { unit: FormDocument['unit']; editable: boolean; lang: Lang; edit: Edit }): ReactNode {
  return (
    <Row gutter={12}>
      <Col span={12}>
        <label>
          {termLabel('unitName', lang)}
          <Input value={unit.name} disabled={!editable} onChange={(e) => { const v = e.target.value; edit((d) => setUnit(d, 'name', v)); }} />
        </label>
      </Col>
      <Col span={6}>
        <label>
          {termLabel('unitCount', lang)}
          <InputNumber className="full-width" min={0} precision={0} value={unit.unitCount} disabled={!editable} onChange={(v) => edit((d) => setUnit(d, 'unitCount', v))} />
        </label>
      </Col>
      <Col span={6}>
        <label>
          {termLabel('year', lang)}
          <InputNumber className="full-width" min={1949} max={2200} precision={0} value={unit.year} disabled={!editable} onChange={(v) => edit((d) => setUnit(d, 'year', v))} />
        </label>
      </Col>
    </Row>
  );
});

/** 年度整体绩效目标, 整体绩效目标完成情况, 未能完成原因. */
export const NarrativesSection = memo(function NarrativesSection({ narratives, editable, lang, edit }: { narratives: FormDocument['narratives']; editable: boolean; lang: Lang; edit: Edit }): ReactNode {
  return (
    <>
      {(['goals', 'completion', 'shortfallReasons'] as const).map((field) => (
        <label key={field} className="full-width" style={{ display: 'block', marginTop: 8 }}>
          {termLabel(field, lang)}
          <Input.TextArea id={`narrative-${field}`} autoSize={{ minRows: 2, maxRows: 10 }} value={narratives[field]} disabled={!editable} onChange={(e) => { const v = e.target.value; edit((d) => setNarrative(d, field, v)); }} />
        </label>
      ))}
    </>
  );
});
