/** The stored integers (hundredths of a point, 分) back to the figures' numbers, exactly, rounded half-up once. */
import { fraction, mul, roundHalfUp, SCORE_DECIMALS } from '@jixiao/core';
import { AMOUNT_SCALE, SCORE_SCALE } from './form-facts.js';

/** Decimals of a rate in percent on the dashboard (98.27%). */
export const RATE_DECIMALS = 2;

/** Points from hundredths. */
export function points(units: number): number {
  return roundHalfUp(fraction(units, SCORE_SCALE), SCORE_DECIMALS);
}

/** The mean of a sum of hundredths over a count, in points; null for none. */
export function meanPoints(unitsSum: number, count: number): number | null {
  return count === 0 ? null : roundHalfUp(fraction(unitsSum, count * SCORE_SCALE), SCORE_DECIMALS);
}

/** 万元 from 分 (every stored amount is exact at six decimals). */
export function wan(units: number): number {
  return roundHalfUp(fraction(units, AMOUNT_SCALE), 6);
}

/** executed / budgeted in percent, or null when nothing was budgeted. */
export function ratePercent(executedUnits: number, budgetedUnits: number): number | null {
  return budgetedUnits === 0 ? null : roundHalfUp(mul(fraction(executedUnits, budgetedUnits), fraction(100, 1)), RATE_DECIMALS);
}

/** part / whole in percent, or null when the whole is 0. */
export function sharePercent(part: number, whole: number): number | null {
  return whole === 0 ? null : roundHalfUp(fraction(part * 100, whole), RATE_DECIMALS);
}
