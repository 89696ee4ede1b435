import type { OeeFigures } from './machine-data';

export interface WaterfallStep {
  label: string;
  /** Seconds at the bottom of the bar. */
  base: number;
  /** Seconds the bar spans. */
  value: number;
  kind: 'total' | 'loss';
}

/**
 * The six big losses from planned production time down to fully productive time (ideal cycle time × good parts):
 * breakdowns (unplanned stops), setup and adjustments (planned stops), small stops, reduced speed (slow cycles),
 * and quality (production rejects). The losses add up to the difference exactly (API.md's OEE conventions).
 */
export function sixBigLosses(figures: OeeFigures): WaterfallStep[] {
  const planned = figures.time_model.planned_production_time;
  const losses: [string, number][] = [
    ['Breakdowns', figures.losses.unplanned_stops],
    ['Setup & adjustments', figures.losses.planned_stops],
    ['Small stops', figures.losses.small_stops],
    ['Reduced speed', figures.losses.slow_cycles],
    ['Quality losses', figures.losses.production_rejects],
  ];
  const steps: WaterfallStep[] = [{ label: 'Planned production time', base: 0, value: planned, kind: 'total' }];
  let level = planned;
  for (const [label, loss] of losses) {
    level -= loss;
    steps.push({ label, base: Math.min(level, level + loss), value: Math.abs(loss), kind: 'loss' });
  }
  steps.push({ label: 'Fully productive time', base: 0, value: Math.max(0, level), kind: 'total' });
  return steps;
}
