import type { OeeTotals } from './oee.types';

/** Totals of nothing: no time, no parts. */
export function zeroTotals(): OeeTotals {
  return {
    calendarMs: 0,
    noProductionMs: 0,
    plannedProductionMs: 0,
    plannedStopMs: 0,
    setupMs: 0,
    unplannedStopMs: 0,
    smallStopMs: 0,
    runMs: 0,
    failures: 0,
    partsProduced: 0,
    partsScrapped: 0,
    idealProducedSeconds: 0,
    idealScrappedSeconds: 0,
    partsWithoutIdealTime: 0,
  };
}

/**
 * The totals of several machines or buckets: every field is a sum of time or counts, so figures derived from the
 * sum are the aggregate's own (an OEE of 50 machines is not the mean of their 50 OEEs).
 */
export function sumTotals(parts: readonly OeeTotals[]): OeeTotals {
  const sum = zeroTotals();
  const keys = Object.keys(sum) as (keyof OeeTotals)[];
  for (const part of parts) {
    for (const key of keys) sum[key] += part[key];
  }
  return sum;
}
