import { Injectable } from '@nestjs/common';
import {
  DomainError,
  ErrorCode,
  type DowntimeView,
  type HistoryPage,
  type JobView,
  type MachineHistoryRequest,
  type MachineReadingsRequest,
  type MachineStatesRequest,
  type ReadingSeriesView,
  type ReadingsView,
  type StateTimelineView,
} from '@shopfloor/contracts';
import {
  DowntimeRecordRepository,
  JobRepository,
  MachineEventRepository,
  MachineReadingRepository,
  MachineRepository,
  type HistoryWindow,
} from '@shopfloor/analytics/data-access';
import { toDowntimeView, toJobView } from './history-view.mapper';
import { stateIntervals } from './state-timeline';

/** Records per page when the caller names no limit (the request allows up to 5000). */
export const DEFAULT_HISTORY_LIMIT = 1000;
/** The longest period a state timeline or a readings chart covers: a month, as the dashboard zooms out to. */
export const MAX_TIMELINE_DAYS = 31;
/** State changes in one answer; a busier period ends early, flagged `truncated`. */
export const MAX_STATE_CHANGES = 20_000;
/** Buckets of a readings chart when the caller names none. */
export const DEFAULT_READING_BUCKETS = 200;
/** Points (metrics × buckets) in one readings answer: more metrics get wider buckets. */
export const MAX_READING_POINTS = 10_000;

/** A machine's jobs and stops overlapping a half-open period [from, to), oldest start first. */
@Injectable()
export class MachineHistoryService {
  constructor(
    private readonly machines: MachineRepository,
    private readonly jobRecords: JobRepository,
    private readonly downtimeRecords: DowntimeRecordRepository,
    private readonly events: MachineEventRepository,
    private readonly readings: MachineReadingRepository,
  ) {}

  async jobs(request: MachineHistoryRequest): Promise<HistoryPage<JobView>> {
    const window = await this.window(request);
    return page(window, (await this.jobRecords.findOverlapping(window)).map(toJobView));
  }

  async downtime(request: MachineHistoryRequest): Promise<HistoryPage<DowntimeView>> {
    const window = await this.window(request);
    return page(window, (await this.downtimeRecords.findOverlapping(window)).map(toDowntimeView));
  }

  /** The machine's recorded states in [from, to): one stretch per change of state, reason or job. */
  async states(request: MachineStatesRequest): Promise<StateTimelineView> {
    const { from, to } = await this.period(request);
    const knownUntil = new Date(Math.min(to.getTime(), Date.now()));
    const changes = knownUntil > from ? await this.events.stateChanges(request.machine_id, from, knownUntil, MAX_STATE_CHANGES) : [];
    // The first row is the state in effect at `from` when there is one; the rest are the changes after it.
    const truncated = changes.filter((c) => c.time > from).length >= MAX_STATE_CHANGES;
    const until = truncated ? changes[changes.length - 1].time : knownUntil;
    return {
      machine_id: request.machine_id,
      from: from.toISOString(),
      to: to.toISOString(),
      known_until: until.toISOString(),
      items: stateIntervals(truncated ? changes.slice(0, -1) : changes, from, until),
      truncated,
    };
  }

  /** The machine's readings in [from, to), per metric in equal time buckets (mean, min, max, count). */
  async readingSeries(request: MachineReadingsRequest): Promise<ReadingsView> {
    const { from, to } = await this.period(request);
    const metrics = request.metric !== undefined ? [request.metric] : await this.readings.metricsIn(request.machine_id, from, to);
    const spanSeconds = (to.getTime() - from.getTime()) / 1000;
    const buckets = Math.max(1, Math.min(request.buckets ?? DEFAULT_READING_BUCKETS, Math.floor(MAX_READING_POINTS / Math.max(1, metrics.length))));
    const bucketSeconds = Math.max(1, Math.ceil(spanSeconds / buckets));
    const rows = await this.readings.buckets(request.machine_id, from, to, bucketSeconds, metrics);
    const series = new Map<string, ReadingSeriesView>(metrics.map((m) => [m, { metric: m, unit: null, points: [] }]));
    for (const row of rows) {
      const entry = series.get(row.metric);
      if (!entry) continue;
      entry.unit = row.unit ?? entry.unit;
      entry.points.push({
        start: new Date(from.getTime() + row.bucket * bucketSeconds * 1000).toISOString(),
        mean: row.mean,
        min: row.min,
        max: row.max,
        count: row.count,
      });
    }
    return {
      machine_id: request.machine_id,
      from: from.toISOString(),
      to: to.toISOString(),
      bucket_seconds: bucketSeconds,
      series: [...series.values()].filter((s) => s.points.length > 0),
    };
  }

  /** Both bounds, in order, at most MAX_TIMELINE_DAYS apart, of a known machine. */
  private async period(request: { machine_id: string; from: string; to: string }): Promise<{ from: Date; to: Date }> {
    const from = parseTime('from', request.from) as Date;
    const to = parseTime('to', request.to) as Date;
    if (from.getTime() >= to.getTime()) {
      throw new DomainError(ErrorCode.ValidationFailed, 'Invalid request: from must be before to', null, [
        { field: 'from', message: 'from must be before to', invalid_value: request.from },
      ]);
    }
    if (to.getTime() - from.getTime() > MAX_TIMELINE_DAYS * 86_400_000) {
      throw new DomainError(ErrorCode.ValidationFailed, `Invalid request: the period is longer than ${MAX_TIMELINE_DAYS} days`, null, [
        { field: 'to', message: `to must be at most ${MAX_TIMELINE_DAYS} days after from`, invalid_value: request.to },
      ]);
    }
    if (!(await this.machines.existsActive(request.machine_id))) {
      throw new DomainError(ErrorCode.MachineNotFound, `Machine ${request.machine_id} is not known`, { machine_id: request.machine_id });
    }
    return { from, to };
  }

  private async window(request: MachineHistoryRequest): Promise<HistoryWindow> {
    const from = parseTime('from', request.from);
    const to = parseTime('to', request.to);
    if (from && to && from.getTime() >= to.getTime()) {
      throw new DomainError(ErrorCode.ValidationFailed, 'Invalid request: from must be before to', null, [
        { field: 'from', message: 'from must be before to', invalid_value: request.from },
      ]);
    }
    if (!(await this.machines.existsActive(request.machine_id))) {
      throw new DomainError(ErrorCode.MachineNotFound, `Machine ${request.machine_id} is not known`, { machine_id: request.machine_id });
    }
    return { machineId: request.machine_id, from, to, limit: request.limit ?? DEFAULT_HISTORY_LIMIT };
  }
}

/** A time of day needs its offset (API.md: times are ISO 8601 with offset); a bare date is midnight UTC. */
const HAS_OFFSET = /(Z|[+-]\d{2}(:?\d{2})?)$/i;

/**
 * Refuses what passes ISO 8601 validation but names no single instant: a local time without offset (it would be
 * read in this process's zone), a week or ordinal date.
 */
function parseTime(field: 'from' | 'to', value: string | undefined): Date | null {
  if (value === undefined) return null;
  const time = new Date(value);
  if (Number.isNaN(time.getTime()) || (value.includes('T') && !HAS_OFFSET.test(value))) {
    throw new DomainError(ErrorCode.ValidationFailed, `Invalid request: ${field}`, null, [
      { field, message: `${field} must be a date-time with offset, such as 2026-01-31T06:00:00Z`, invalid_value: value },
    ]);
  }
  return time;
}

function page<T>(window: HistoryWindow, items: T[]): HistoryPage<T> {
  return { machine_id: window.machineId, from: window.from?.toISOString() ?? null, to: window.to?.toISOString() ?? null, items };
}
