/** A published form, read without signing in. */
import type { ReactNode } from 'react';
import { FormPage } from '../editor/form-page.js';

/** The public view of one published form. */
export function PublicFormPage({ id }: { id: string }): ReactNode {
  return <FormPage id={id} published />;
}
