/** Exit codes of `jixiao`, as scripts and CI read them. */
export const EXIT = {
  /** Every form was read and has no errors (warnings and info allowed). */
  ok: 0,
  /** A form has errors. */
  formHasErrors: 1,
  /** An input could not be read, or the command was used wrongly. */
  unreadable: 2,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
