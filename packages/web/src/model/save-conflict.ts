/**
 * A save refused with 409: someone else saved first. The user sees what they changed and what the
 * other person changed since the version both started from, and the cells both changed, then keeps
 * theirs (saved over the new version) or takes the other.
 */
import type { DocumentChange, FormDocument } from '@jixiao/core';
import { documentChanges } from '@jixiao/core';

/** Both sides of a conflict, measured from the common base. */
export interface SaveConflict {
  mine: DocumentChange[];
  theirs: DocumentChange[];
  /** Paths both sides changed to different values. */
  clashes: string[];
}

/** Compares my document and the current one against the version I loaded. */
export function describeConflict(base: FormDocument, mine: FormDocument, theirs: FormDocument): SaveConflict {
  const a = documentChanges(base, mine);
  const b = documentChanges(base, theirs);
  const theirsByPath = new Map(b.map((c) => [c.path, c]));
  const clashes = a.filter((c) => {
    const other = theirsByPath.get(c.path);
    return other !== undefined && other.after !== c.after;
  }).map((c) => c.path);
  return { mine: a, theirs: b, clashes };
}
