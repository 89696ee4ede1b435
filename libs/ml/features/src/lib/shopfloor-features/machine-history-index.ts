import { stopCategory } from '@shopfloor/contracts';
import { EventTimeline } from './event-timeline';
import { type Interval, IntervalCoverage } from './interval-coverage';
import type { JobInput, MachineHistory } from './machine-history';
import { SensorSeries } from './sensor-series';
import { isBreakdown, isPlannedMaintenance } from './stop-types';

const HOUR_MS = 3_600_000;

/** A job finished before some instant: only those have final cycle times and part counts, whatever `at` is. */
export interface FinishedJob {
  readonly start: number;
  readonly end: number;
  readonly idealCycleTimeS: number | null;
  readonly cycleTimeS: number | null;
  readonly partsProduced: number;
  readonly partsScrapped: number;
}

/**
 * One machine's history indexed once (sorted arrays, cumulative sums) so features at any instant cost a handful of
 * binary searches. Record order in the input does not matter.
 */
export class MachineHistoryIndex {
  /** Windows are clipped to [since, ...): time before the records start is not known to be run time. */
  readonly since: number;
  /** Records are complete before this instant. */
  readonly until: number;
  /** Time covered per OEE category; where records overlap, no_production wins over planned over unplanned over small. */
  readonly noProduction: IntervalCoverage;
  readonly plannedStop: IntervalCoverage;
  readonly unplannedStop: IntervalCoverage;
  readonly smallStop: IntervalCoverage;
  /** Time under breakdown repair not also covered by no_production or a planned stop. */
  readonly breakdown: IntervalCoverage;
  readonly plannedStops: EventTimeline;
  readonly unplannedStops: EventTimeline;
  readonly smallStops: EventTimeline;
  readonly breakdowns: EventTimeline;
  readonly maintenance: EventTimeline;
  /** Finished jobs sorted by end, and their ends for binary search. */
  readonly finishedJobs: readonly FinishedJob[];
  readonly finishedJobEnds: Float64Array;
  /** Series of the configured metrics that have readings. */
  readonly sensors: ReadonlyMap<string, SensorSeries>;

  constructor(history: MachineHistory, microStopThresholdS: number, metrics: readonly string[]) {
    const byCategory = { no_production: [] as Interval[], planned_stop: [] as Interval[], unplanned_stop: [] as Interval[], small_stop: [] as Interval[] };
    const breakdowns: Interval[] = [];
    const maintenance: Interval[] = [];
    let first = Number.POSITIVE_INFINITY;
    let last = Number.NEGATIVE_INFINITY;
    for (const stop of history.stops) {
      if (!Number.isFinite(stop.start) || !Number.isFinite(stop.durationS)) continue;
      const interval = { start: stop.start, end: stop.start + Math.max(0, stop.durationS) * 1000 };
      byCategory[stopCategory(stop.type, stop.durationS, microStopThresholdS)].push(interval);
      if (isBreakdown(stop.type)) breakdowns.push(interval);
      if (isPlannedMaintenance(stop.type)) maintenance.push(interval);
      first = Math.min(first, interval.start);
      last = Math.max(last, interval.end);
    }
    [this.noProduction, this.plannedStop, this.unplannedStop, this.smallStop] = IntervalCoverage.byPriority([
      byCategory.no_production,
      byCategory.planned_stop,
      byCategory.unplanned_stop,
      byCategory.small_stop,
    ]);
    this.breakdown = IntervalCoverage.byPriority([byCategory.no_production, byCategory.planned_stop, breakdowns])[2];
    this.plannedStops = new EventTimeline(byCategory.planned_stop);
    this.unplannedStops = new EventTimeline(byCategory.unplanned_stop);
    this.smallStops = new EventTimeline(byCategory.small_stop);
    this.breakdowns = new EventTimeline(breakdowns);
    this.maintenance = new EventTimeline(maintenance);

    for (const job of history.jobs) {
      if (Number.isFinite(job.start)) first = Math.min(first, job.start);
      const latest = job.end ?? job.start;
      if (Number.isFinite(latest)) last = Math.max(last, latest);
    }
    this.finishedJobs = history.jobs
      .filter((job): job is JobInput & { end: number } => job.end !== null && Number.isFinite(job.end) && Number.isFinite(job.start))
      .map((job) => ({
        start: Math.min(job.start, job.end),
        end: job.end,
        idealCycleTimeS: job.idealCycleTimeS,
        cycleTimeS: job.cycleTimeS,
        partsProduced: job.partsProduced ?? 0,
        partsScrapped: job.partsScrapped ?? 0,
      }))
      .sort((a, b) => a.end - b.end || a.start - b.start);
    this.finishedJobEnds = Float64Array.from(this.finishedJobs, (job) => job.end);

    const [sensors, readingSpan] = MachineHistoryIndex.sensorSeries(history, metrics);
    this.sensors = sensors;
    this.since = history.since ?? Math.min(first, readingSpan[0]);
    this.until = history.until ?? Math.max(last, readingSpan[1]);
  }

  /** Run time in [a, b) (API.md: planned production time − planned stops − unplanned stops; small stops run). */
  runHours(a: number, b: number): number {
    if (!(b > a)) return 0;
    const stopped = this.noProduction.covered(a, b) + this.plannedStop.covered(a, b) + this.unplannedStop.covered(a, b);
    return Math.max(0, b - a - stopped) / HOUR_MS;
  }

  /** Readings grouped per configured metric in two passes (count, then fill typed arrays), and their time span. */
  private static sensorSeries(history: MachineHistory, metrics: readonly string[]): [Map<string, SensorSeries>, [number, number]] {
    const readings = history.readings ?? [];
    const slotOf = new Map(metrics.map((m, i) => [m, i]));
    const slots = new Int32Array(readings.length);
    const counts = new Int32Array(metrics.length);
    let first = Number.POSITIVE_INFINITY;
    let last = Number.NEGATIVE_INFINITY;
    // Readings mostly come in runs of one metric or in a fixed rotation: remember the last name looked up.
    let lastMetric: string | null = null;
    let lastSlot = -1;
    for (let i = 0; i < readings.length; i++) {
      const { metric, time } = readings[i];
      if (metric !== lastMetric) {
        lastMetric = metric;
        lastSlot = slotOf.get(metric) ?? -1;
      }
      const slot = Number.isFinite(time) ? lastSlot : -1;
      slots[i] = slot;
      if (!Number.isFinite(time)) continue;
      if (time < first) first = time;
      if (time > last) last = time;
      if (slot >= 0) counts[slot]++;
    }
    const times = metrics.map((_, i) => new Float64Array(counts[i]));
    const values = metrics.map((_, i) => new Float64Array(counts[i]));
    const filled = new Int32Array(metrics.length);
    for (let i = 0; i < readings.length; i++) {
      const slot = slots[i];
      if (slot < 0) continue;
      times[slot][filled[slot]] = readings[i].time;
      values[slot][filled[slot]++] = readings[i].value;
    }
    const sensors = new Map<string, SensorSeries>();
    metrics.forEach((metric, i) => {
      if (counts[i] > 0) sensors.set(metric, new SensorSeries(times[i], values[i]));
    });
    return [sensors, [first, last]];
  }
}
