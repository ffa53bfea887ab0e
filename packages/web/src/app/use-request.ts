/**
 * A request the person starts with a button (sign in, save, create, move): busy while it runs, and the
 * server's refusal kept as the message to show. Anything but a refusal is a bug and is thrown on.
 */
import { useCallback, useState } from 'react';
import { ApiFailure } from '../api/api-client.js';

/** What a screen needs to run such a request. */
export interface Request {
  busy: boolean;
  /** The message to show (the server's refusal, or one the screen set itself), null when none. */
  error: string | null;
  setError: (message: string | null) => void;
  /** Runs `work`; a refusal becomes `error` unless `refused` takes care of it (returns true). */
  run: (work: () => Promise<void>, refused?: (failure: ApiFailure) => boolean) => Promise<void>;
}

/** The request's state and its runner. */
export function useRequest(): Request {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(async (work: () => Promise<void>, refused?: (failure: ApiFailure) => boolean): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      if (!(e instanceof ApiFailure)) throw e;
      if (refused?.(e) !== true) setError(e.message);
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, setError, run };
}
