/**
 * Time bounds of the refusal tests: guards against catastrophic slowness (a quadratic walk, a bomb unpacked,
 * a hang), not benchmarks — the measured times are milliseconds to a few hundred, and speed is measured in
 * bench/. Generous, so that a loaded 2-core machine running the suites in parallel does not fail them, while
 * the failures they guard against take minutes.
 */

/** A refusal of any one input, in milliseconds. */
export const REFUSED_WITHIN_MS = 10_000;
