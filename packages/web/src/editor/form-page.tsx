/** Opening a form by id: the editor, or a plain "cannot open" when the server says it is not the caller's. */
import { Button, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useText } from '../app/app-context.js';
import { navigate } from '../app/navigation.js';
import { FormEditor } from './form-editor.js';
import { useFormAnswer } from './use-form-answer.js';

/** Loads a form through the signed-in API (or the public one) and shows it. */
export function FormPage({ id, published = false }: { id: string; published?: boolean }): ReactNode {
  const t = useText();
  const { answer, failure } = useFormAnswer(id, published);

  if (failure) {
    const refused = failure.status === 404 || failure.status === 403;
    return (
      <Result
        status={refused ? '403' : 'error'}
        title={t('notFoundTitle')}
        subTitle={<span data-testid="form-refused">{refused ? t('notFoundText') : failure.message}</span>}
        extra={<Button onClick={() => navigate({ name: published ? 'publicList' : 'queue' })}>{t('back')}</Button>}
      />
    );
  }
  if (!answer) return <Spin tip={t('loading')}><div className="spin-box" /></Spin>;
  return <FormEditor answer={answer} published={published} />;
}
