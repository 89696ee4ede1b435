import { normaliseDowntimeType, stopCategory } from '@shopfloor/contracts';
import { EventTimeline } from './event-timeline';
import type { FeatureOptions } from './feature-options';
import type { MachineHistory } from './machine-history';
import { MachineFeatureExtractor } from './machine-feature-extractor';
import { isBreakdown } from './stop-types';

const HOUR_MS = 3_600_000;

export interface TrainingExampleOptions extends FeatureOptions {
  /** First instant (epoch ms, inclusive). */
  readonly from: number;
  /** Last instant (exclusive). */
  readonly to: number;
  /** Spacing of the instants (ms). */
  readonly step: number;
  /** The label looks this far ahead of each instant. */
  readonly horizonHours: number;
  /** A downtime label needs an unplanned stop longer than this. */
  readonly thresholdMinutes: number;
  /**
   * Only unplanned stops of these downtime types make a label (case-insensitive), e.g. ["BREAKDOWN"] for failures
   * alone; absent or empty: every unplanned type.
   */
  readonly stopTypes?: readonly string[];
}

export interface TrainingExample {
  readonly at: number;
  /** In the column order of featureNames(options). */
  readonly features: Float64Array;
  /** 1 when an unplanned stop (of the chosen types) longer than the threshold starts in [at, at + horizon). */
  readonly downtime: 0 | 1;
  /** Hours from `at` to the start of the next breakdown (at or after `at`); null when none follows in the history. */
  readonly hoursToFailure: number | null;
}

/**
 * Labelled feature rows at from, from + step, ... (before `to`) for the downtime classifier and the remaining-life
 * regression. The label window is half-open: a stop starting exactly at `at` counts (the features never see it),
 * one starting exactly at `at + horizon` does not. Planned stops and no-production time never make a label, however
 * long. Instants whose horizon runs past the history's `until` are dropped, not labelled 0: the stop that would
 * make them 1 may simply not be recorded yet.
 */
export function trainingExamples(input: MachineHistory, options: TrainingExampleOptions): TrainingExample[] {
  const { from, to, step, horizonHours, thresholdMinutes } = options;
  if (!Number.isFinite(from) || !Number.isFinite(to)) throw new RangeError('from and to must be epoch-ms instants');
  if (!(Number.isFinite(step) && step > 0)) throw new RangeError('step must be a positive number of ms');
  if (!(Number.isFinite(horizonHours) && horizonHours > 0)) throw new RangeError('horizonHours must be positive');
  if (!(Number.isFinite(thresholdMinutes) && thresholdMinutes >= 0)) throw new RangeError('thresholdMinutes must be ≥ 0');

  const extractor = new MachineFeatureExtractor(input, options);
  const microStopS = extractor.options.microStopThresholdS;
  const thresholdS = thresholdMinutes * 60;
  const types = options.stopTypes && options.stopTypes.length > 0 ? new Set(options.stopTypes.map(normaliseDowntimeType)) : null;
  const toInterval = (stop: MachineHistory['stops'][number]): { start: number; end: number } => ({
    start: stop.start,
    end: stop.start + stop.durationS * 1000,
  });
  const isDowntime = (s: MachineHistory['stops'][number]): boolean => {
    const category = stopCategory(s.type, s.durationS, microStopS);
    if (types !== null && !types.has(normaliseDowntimeType(s.type))) return false;
    return Number.isFinite(s.start) && s.durationS > thresholdS && (category === 'unplanned_stop' || category === 'small_stop');
  };
  const downtimes = new EventTimeline(input.stops.filter(isDowntime).map(toInterval));
  const breakdowns = new EventTimeline(input.stops.filter((s) => Number.isFinite(s.start) && isBreakdown(s.type)).map(toInterval));

  const horizonMs = horizonHours * HOUR_MS;
  const until = extractor.history.until;
  const rows: TrainingExample[] = [];
  for (let i = 0; ; i++) {
    // Multiplying, not accumulating, keeps the instants exact over long ranges.
    const at = from + i * step;
    if (at >= to || at + horizonMs > until) break;
    const nextDowntime = downtimes.firstStartFrom(at);
    const nextBreakdown = breakdowns.firstStartFrom(at);
    rows.push({
      at,
      features: extractor.values(at),
      downtime: nextDowntime < at + horizonMs ? 1 : 0,
      hoursToFailure: Number.isNaN(nextBreakdown) ? null : (nextBreakdown - at) / HOUR_MS,
    });
  }
  return rows;
}
