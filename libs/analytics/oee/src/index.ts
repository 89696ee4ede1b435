/**
 * OEE engine: pure functions from one machine's stops and jobs (and its shift calendar) to the numbers of API.md
 * "Analytics" / "OEE conventions". Compute additive totals per machine and bucket (`oeeTotals`, `oeeSeriesTotals`),
 * add them up (`sumTotals`), and derive ratios only at the end (`oeeFigures`).
 */
export * from './lib/oee.types';
export * from './lib/oee.constants';
export * from './lib/calendar.error';
export * from './lib/calendar-problems';
export * from './lib/setup-downtime';
export * from './lib/buckets';
export * from './lib/oee-totals';
export * from './lib/oee-figures';
export * from './lib/oee-series';
export * from './lib/current-shift';
export { sumTotals } from './lib/sum-totals';
export * from './lib/downtime-patterns';
