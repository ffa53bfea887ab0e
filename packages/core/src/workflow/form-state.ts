/**
 * 流程状态 (workflow states) of a department's form: draft → submitted → returned → … → approved → published.
 * Approved and published forms are locked: their content never changes again.
 */
export const FORM_STATES = ['draft', 'submitted', 'returned', 'approved', 'published'] as const;

/** A form's place in the review workflow. */
export type FormState = (typeof FORM_STATES)[number];

/** States in which the department may still change the form's content. */
export const EDITABLE_STATES: readonly FormState[] = ['draft', 'returned'];
