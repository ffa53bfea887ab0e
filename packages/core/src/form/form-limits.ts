/**
 * The limits of the canonical document (docs/form.schema.json is generated with them): the
 * JSON reader enforces them and the text importer keeps within them, so whatever an import produces
 * can be saved and read back.
 */

/** Longest unit or indicator name. */
export const NAME_MAX = 2_000;
/** Longest free text (narratives, definitions, targets, actuals, bases, remarks). */
export const TEXT_MAX = 100_000;
/** Longest id. */
export const ID_MAX = 100;
/** Most children of a group. */
export const CHILDREN_MAX = 500;
/** Most level-1 groups. */
export const LEVEL1_MAX = 50;
/** Most bands of a bands scoring method. */
export const BANDS_MAX = 20;
/** The years a form may be for. */
export const YEAR_MIN = 1949;
export const YEAR_MAX = 2200;
