import { Injectable } from '@nestjs/common';
import {
  DEFAULT_CALENDAR_ID,
  DomainError,
  ErrorCode,
  type OeeBucketView,
  type OeeFiguresView,
  type OeeGranularity,
  type OeeMetricsView,
  type OeeQuery,
} from '@shopfloor/contracts';
import { DowntimeRecordRepository, JobRepository, MachineRepository, type JobFact, type StopFact } from '@shopfloor/analytics/data-access';
import { buckets, CalendarError, oeeFigures, oeeSeriesTotals, oeeTotals, sumTotals, type Bucket, type OeeInput, type OeeTotals, type ShiftCalendar } from '@shopfloor/analytics/oee';
import { AnalyticsCache } from '../cache/analytics-cache';
import { AnalyticsEnv } from '../config/analytics.env';
import { CalendarsService, type ApplyingCalendar } from '../calendars/calendars.service';

const DAY_MS = 86_400_000;
/** A year and a leap day, with room for a week either side. */
const MAX_PERIOD_MS = 380 * DAY_MS;
/** Keeps a series reply well inside NATS' 1 MB message limit (about 800 bytes a bucket). */
const MAX_BUCKETS = 1000;

/**
 * OEE of one machine or of all, for a period and optionally as a series of buckets. Each machine is computed with its
 * own calendar; machines and buckets are combined by summing their time models and counts (never by averaging
 * ratios), which is what the engine's totals are for.
 */
@Injectable()
export class OeeService {
  constructor(
    private readonly machines: MachineRepository,
    private readonly jobs: JobRepository,
    private readonly stops: DowntimeRecordRepository,
    private readonly calendars: CalendarsService,
    private readonly env: AnalyticsEnv,
    private readonly cache: AnalyticsCache,
  ) {}

  async get(query: OeeQuery, now: Date = new Date()): Promise<OeeMetricsView> {
    const { from, to } = period(query, now);
    const granularity: OeeGranularity = query.granularity ?? 'none';
    if (query.machine_id) await this.requireMachine(query.machine_id);
    const request = { machine_id: query.machine_id ?? null, from: from.getTime(), to: to.getTime(), granularity, micro: this.env.OEE_MICRO_STOP_SECONDS };
    const scope = { machineId: query.machine_id ?? null, from: from.getTime(), to: to.getTime() };
    const { value } = await this.cache.getOrCompute('oee', request, scope, now.getTime(), () => this.compute(query.machine_id ?? null, from, to, granularity, now));
    return value;
  }

  private async compute(machineId: string | null, from: Date, to: Date, granularity: OeeGranularity, now: Date): Promise<OeeMetricsView> {
    const machineIds = machineId ? [machineId] : await this.machines.activeIds();
    const applying = await this.calendars.resolve(machineId ? machineIds : [...machineIds, DEFAULT_CALENDAR_ID]);
    // Buckets follow the machine's calendar, or for all machines the shop default (UTC days when there is none).
    const bucketCalendar = applying.get(machineId ?? DEFAULT_CALENDAR_ID)?.calendar ?? null;
    const bucketList = granularity === 'none' ? [] : this.bucketsOf(from, to, granularity, bucketCalendar);

    const [stopFacts, jobFacts] = await Promise.all([this.stops.findFactsOverlapping(machineIds, from, to), this.jobs.findFactsOverlapping(machineIds, from, to)]);
    const stopsByMachine = groupBy(stopFacts);
    const jobsByMachine = groupBy(jobFacts);
    const microStopThresholdSeconds = this.env.OEE_MICRO_STOP_SECONDS;

    const whole: OeeTotals[] = [];
    const perBucket: OeeTotals[][] = bucketList.map(() => []);
    for (const id of machineIds) {
      const input: OeeInput = {
        from: from.getTime(),
        to: to.getTime(),
        calendar: applying.get(id)?.calendar ?? null,
        stops: (stopsByMachine.get(id) ?? []).map(({ start, durationSeconds, downtimeType, reasonCode }) => ({ start, durationSeconds, downtimeType, reasonCode })),
        jobs: (jobsByMachine.get(id) ?? []).map(({ start, end, idealCycleTime, partsProduced, partsScrapped }) => ({ start, end, idealCycleTime, partsProduced, partsScrapped })),
        now: now.getTime(),
        microStopThresholdSeconds,
      };
      whole.push(oeeTotals(input));
      oeeSeriesTotals(input, bucketList).forEach((totals, i) => perBucket[i].push(totals));
    }

    const series: OeeBucketView[] = bucketList.map((bucket, i) => ({
      period: { from: new Date(bucket.from).toISOString(), to: new Date(bucket.to).toISOString() },
      label: bucket.label,
      ...figuresView(sumTotals(perBucket[i])),
    }));
    return {
      machine_id: machineId,
      machine_count: machineIds.length,
      period: { from: from.toISOString(), to: to.toISOString() },
      granularity,
      calendar: calendarSource(machineIds.map((id) => applying.get(id))),
      timezone: bucketCalendar?.timezone ?? 'UTC',
      micro_stop_threshold_seconds: microStopThresholdSeconds,
      ...figuresView(sumTotals(whole)),
      series,
    };
  }

  private bucketsOf(from: Date, to: Date, granularity: Exclude<OeeGranularity, 'none'>, calendar: ShiftCalendar | null): Bucket[] {
    // Hours are counted before they are made, so that a year of them is refused without building it.
    if (granularity === 'hour' && (to.getTime() - from.getTime()) / 3_600_000 > MAX_BUCKETS + 2) throw tooMany(granularity);
    let list: Bucket[];
    try {
      list = buckets(from.getTime(), to.getTime(), granularity, calendar);
    } catch (error) {
      if (error instanceof CalendarError) throw invalid('granularity', error.message, granularity);
      throw error;
    }
    if (list.length > MAX_BUCKETS) throw tooMany(granularity);
    return list;
  }

  private async requireMachine(machineId: string): Promise<void> {
    if (!(await this.machines.existsActive(machineId))) {
      throw new DomainError(ErrorCode.MachineNotFound, `Machine ${machineId} is not known`, { machine_id: machineId });
    }
  }
}

function period(query: OeeQuery, now: Date): { from: Date; to: Date } {
  const to = query.to ? new Date(query.to) : now;
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - DAY_MS);
  if (from.getTime() >= to.getTime()) throw invalid('from', 'from must be before to', query.from ?? null);
  if (to.getTime() - from.getTime() > MAX_PERIOD_MS) throw invalid('to', 'the period may be at most 380 days', query.to ?? null);
  return { from, to };
}

function tooMany(granularity: string): DomainError {
  return invalid('granularity', `${granularity} buckets over this period would be more than ${MAX_BUCKETS}; choose a shorter period or a coarser granularity`, granularity);
}

function invalid(field: string, message: string, value: unknown): DomainError {
  return new DomainError(ErrorCode.ValidationFailed, `Invalid query: ${field}`, null, [{ field, message, invalid_value: value }]);
}

function groupBy<T extends StopFact | JobFact>(facts: T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const fact of facts) {
    const list = map.get(fact.machineId);
    if (list) list.push(fact);
    else map.set(fact.machineId, [fact]);
  }
  return map;
}

function calendarSource(applying: (ApplyingCalendar | undefined)[]): OeeMetricsView['calendar'] {
  const sources = new Set(applying.map((a) => a?.source ?? 'default_24x7'));
  if (sources.size === 0) return 'default_24x7';
  return sources.size === 1 ? [...sources][0] : 'mixed';
}

function figuresView(totals: OeeTotals): OeeFiguresView {
  const f = oeeFigures(totals);
  return {
    availability: f.availability,
    performance: f.performance,
    quality: f.quality,
    overall_oee: f.overall_oee,
    benchmark_comparison: f.benchmark_comparison,
    time_model: { ...f.time_model },
    counts: { ...f.counts },
    losses: { ...f.losses },
    kpis: { ...f.kpis },
  };
}
