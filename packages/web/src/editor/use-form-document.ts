/**
 * The document being edited, its last saved version, and saving: explicit saves and an autosave a
 * moment after the last edit, always with the version in If-Match. A 409 is never resolved silently:
 * it becomes a `SaveConflict` the user settles (keep mine → saved over the new version; take theirs).
 */
import type { FormDocument } from '@jixiao/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiFailure } from '../api/api-client.js';
import type { FormAnswer } from '../api/api-types.js';
import type { SaveConflict } from '../model/save-conflict.js';
import { describeConflict } from '../model/save-conflict.js';

/** Where saving stands. */
export type SaveStatus = 'saved' | 'dirty' | 'saving' | 'error';

/** A conflict with the version that caused it. */
export interface PendingConflict extends SaveConflict {
  current: FormAnswer;
}

/** What the editor gets from the hook. */
export interface FormDocumentState {
  doc: FormDocument;
  edit: (change: (doc: FormDocument) => FormDocument) => void;
  status: SaveStatus;
  errorMessage: string | null;
  /** The answer of the last save or load (version, abilities, server findings). */
  saved: FormAnswer;
  /** Saves now if there are changes; resolves with the saved answer (or null on a conflict or failure). */
  saveNow: () => Promise<FormAnswer | null>;
  conflict: PendingConflict | null;
  resolveConflict: (choice: 'mine' | 'theirs') => void;
  /** Replaces everything with a new answer from the server (after a transition or an import). */
  reset: (answer: FormAnswer) => void;
}

const AUTOSAVE_MS = 2_500;

/** Holds and saves the document of a form answer. */
export function useFormDocument(initial: FormAnswer, editable: boolean): FormDocumentState {
  const [doc, setDoc] = useState(initial.document);
  const [saved, setSaved] = useState(initial);
  const [status, setStatus] = useState<SaveStatus>('saved');
  const [errorMessage, setErrorMessage] = useState<string | null>(null);
  const [conflict, setConflict] = useState<PendingConflict | null>(null);
  // The document as last saved (what the server's version holds), read by saves without re-rendering.
  const savedDoc = useRef(initial.document);
  const docRef = useRef(doc);
  const savedRef = useRef(saved);
  const inFlight = useRef<Promise<FormAnswer | null> | null>(null);
  docRef.current = doc;
  savedRef.current = saved;

  const edit = useCallback((change: (d: FormDocument) => FormDocument) => {
    setDoc((d) => {
      const next = change(d);
      if (next !== d) setStatus('dirty');
      return next;
    });
  }, []);

  const put = useCallback(async (document: FormDocument, version: number): Promise<FormAnswer | null> => {
    setStatus('saving');
    try {
      const answer = await api<FormAnswer>(`/api/forms/${encodeURIComponent(savedRef.current.id)}`, { method: 'PUT', body: document, headers: { 'If-Match': `"${version}"` } });
      savedDoc.current = document;
      setSaved(answer);
      setErrorMessage(null);
      setStatus(docRef.current === document ? 'saved' : 'dirty');
      return answer;
    } catch (e) {
      if (!(e instanceof ApiFailure)) throw e;
      if (e.status === 409 && e.code === 'api.versionConflict') {
        const current = await api<FormAnswer>(`/api/forms/${encodeURIComponent(savedRef.current.id)}`);
        setConflict({ ...describeConflict(savedDoc.current, document, current.document), current });
        setStatus('error');
        setErrorMessage(e.message);
        return null;
      }
      setStatus('error');
      setErrorMessage(e.message);
      return null;
    }
  }, []);

  const saveNow = useCallback(async (): Promise<FormAnswer | null> => {
    if (inFlight.current) await inFlight.current;
    if (docRef.current === savedDoc.current) return savedRef.current;
    const run = put(docRef.current, savedRef.current.version);
    inFlight.current = run;
    try {
      return await run;
    } finally {
      inFlight.current = null;
    }
  }, [put]);

  useEffect(() => {
    if (!editable || status !== 'dirty' || conflict !== null) return undefined;
    const timer = window.setTimeout(() => void saveNow(), AUTOSAVE_MS);
    return () => window.clearTimeout(timer);
  }, [doc, editable, status, conflict, saveNow]);

  const reset = useCallback((answer: FormAnswer) => {
    savedDoc.current = answer.document;
    setSaved(answer);
    setDoc(answer.document);
    setStatus('saved');
    setErrorMessage(null);
    setConflict(null);
  }, []);

  const resolveConflict = useCallback(
    (choice: 'mine' | 'theirs') => {
      if (!conflict) return;
      const { current } = conflict;
      setConflict(null);
      if (choice === 'theirs') {
        reset(current);
        return;
      }
      savedDoc.current = current.document;
      setSaved(current);
      void put(docRef.current, current.version);
    },
    [conflict, put, reset],
  );

  return { doc, edit, status, errorMessage, saved, saveNow, conflict, resolveConflict, reset };
}
