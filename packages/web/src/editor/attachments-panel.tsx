/** 佐证材料: evidence files attached to indicators, listed with download links; upload while editable. */
import { App, Button, Card, List, Select, Space, Upload } from 'antd';
import type { ReactNode } from 'react';
import { memo, useEffect, useState } from 'react';
import { api, ApiFailure, uploadFile } from '../api/api-client.js';
import type { AttachmentAnswer } from '../api/api-types.js';
import { useText } from '../app/app-context.js';

/** The evidence panel of a form. */
export const AttachmentsPanel = memo(function AttachmentsPanel({ formId, leafOptions, canAttach }: { formId: string; leafOptions: readonly { value: string; label: string }[]; canAttach: boolean }): ReactNode {
  const t = useText();
  const { message } = App.useApp();
  const [list, setList] = useState<AttachmentAnswer[]>([]);
  const [indicatorId, setIndicatorId] = useState<string | undefined>(undefined);
  const base = `/api/forms/${encodeURIComponent(formId)}/attachments`;
  const nameOf = new Map(leafOptions.map((o) => [o.value, o.label]));

  useEffect(() => {
    api<{ attachments: AttachmentAnswer[] }>(base)
      .then((a) => setList(a.attachments))
      .catch(() => setList([]));
  }, [base]);

  return (
    <Card size="small" title={t('attachments')} data-testid="attachments">
      {canAttach && (
        <Space wrap className="gap-bottom">
          <Select style={{ width: 260 }} placeholder={t('attachTo')} showSearch={{ optionFilterProp: 'label' }} value={indicatorId} onChange={setIndicatorId} options={[...leafOptions]} />
          <Upload
            showUploadList={false}
            disabled={indicatorId === undefined}
            customRequest={({ file, onProgress, onSuccess, onError }) => {
              if (!(file instanceof File) || indicatorId === undefined) return;
              uploadFile<AttachmentAnswer>(`${base}?indicatorId=${encodeURIComponent(indicatorId)}`, file, (f) => onProgress?.({ percent: f * 100 }))
                .then((a) => {
                  setList((l) => [...l, a]);
                  onSuccess?.(a);
                })
                .catch((e: unknown) => {
                  void message.error(e instanceof ApiFailure ? e.message : String(e));
                  onError?.(e instanceof Error ? e : new Error(String(e)));
                });
            }}
          >
            <Button disabled={indicatorId === undefined}>{t('upload')}</Button>
          </Upload>
        </Space>
      )}
      <List
        size="small"
        dataSource={list}
        locale={{ emptyText: t('noAttachments') }}
        renderItem={(a) => (
          <List.Item>
            <a href={`${base}/${encodeURIComponent(a.id)}`} download={a.fileName}>{a.fileName}</a>
            <span className="finding-path">{nameOf.get(a.indicatorId) ?? a.indicatorId} · {Math.ceil(a.size / 1024)} KB</span>
          </List.Item>
        )}
      />
    </Card>
  );
});
