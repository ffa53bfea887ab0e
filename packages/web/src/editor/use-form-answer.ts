/** Loading a form by id through the signed-in API or the public one: its answer, or the server's refusal. */
import { useEffect, useState } from 'react';
import { api, ApiFailure } from '../api/api-client.js';
import type { FormAnswer } from '../api/api-types.js';

/** The form's answer once loaded (null until then), or the refusal (null unless refused). */
export function useFormAnswer(id: string, published: boolean): { answer: FormAnswer | null; failure: ApiFailure | null } {
  const [answer, setAnswer] = useState<FormAnswer | null>(null);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  useEffect(() => {
    api<FormAnswer>(`/api/${published ? 'public/' : ''}forms/${encodeURIComponent(id)}`)
      .then(setAnswer)
      .catch((e: unknown) => {
        if (!(e instanceof ApiFailure)) throw e;
        setFailure(e);
      });
  }, [id, published]);
  return { answer, failure };
}
