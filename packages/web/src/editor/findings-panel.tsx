/**
 * 审核发现: the findings of core's checks on the document as it stands, grouped by severity; a click
 * scrolls to the cell concerned and makes it flash. For those who may raise follow-ups, 创建整改 beside each.
 */
import type { Finding, FormDocument, Lang, Severity } from '@jixiao/core';
import { problemMessage, SEVERITIES } from '@jixiao/core';
import { Badge, Button, Card, Empty } from 'antd';
import type { ReactNode } from 'react';
import { memo } from 'react';
import { uiText } from '../i18n/ui-text.js';
import type { UiKey } from '../i18n/ui-text.js';
import { anchorElementId, anchorOf } from '../model/finding-anchor.js';

const TITLES = { error: 'errors', warning: 'warnings', info: 'infos' } as const satisfies Record<Severity, UiKey>;
const COLORS = { error: 'red', warning: 'orange', info: 'blue' } as const satisfies Record<Severity, string>;

/** Scrolls to an element and makes it flash; focuses it when it is a field. */
export function flashElement(id: string): void {
  const el = document.getElementById(id);
  if (!el) return;
  el.scrollIntoView({ block: 'center', behavior: 'smooth' });
  const cell = el.closest('td') ?? el;
  cell.classList.remove('flash');
  void cell.getBoundingClientRect();
  cell.classList.add('flash');
  window.setTimeout(() => cell.classList.remove('flash'), 2_000);
  if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) el.focus({ preventScroll: true });
}

/** The findings panel. */
export const FindingsPanel = memo(function FindingsPanel({ findings, doc, lang, onRaise }: { findings: readonly Finding[]; doc: FormDocument; lang: Lang; onRaise?: ((f: Finding) => void) | undefined }): ReactNode {
  const jump = (f: Finding): void => {
    const anchor = anchorOf(f, doc);
    if (anchor) flashElement(anchorElementId(anchor));
  };
  return (
    <Card size="small" title={uiText('findings', lang)} data-testid="findings">
      {findings.length === 0 && <Empty description={uiText('noFindings', lang)} image={Empty.PRESENTED_IMAGE_SIMPLE} />}
      {SEVERITIES.map((severity) => {
        const list = findings.filter((f) => f.severity === severity);
        if (list.length === 0) return null;
        return (
          <section key={severity} data-severity={severity}>
            <div className="section-title">
              <Badge color={COLORS[severity]} text={`${uiText(TITLES[severity], lang)} (${list.length})`} />
            </div>
            {list.map((f, i) => (
              <div key={`${f.code}-${f.path}-${i}`}>
                <button type="button" className="finding" data-code={f.code} onClick={() => jump(f)}>
                  {problemMessage(f, lang)}
                  <span className="finding-path">{f.path}</span>
                </button>
                {onRaise && (
                  <Button size="small" type="link" data-testid="raise-follow-up" data-finding={f.code} onClick={() => onRaise(f)}>
                    {uiText('raiseFollowUp', lang)}
                  </Button>
                )}
              </div>
            ))}
          </section>
        );
      })}
    </Card>
  );
});
