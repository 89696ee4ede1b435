import { Injectable } from '@nestjs/common';
import type { OeeBucketView, OeeFiguresView, OeeGranularity, OeeMetricsView, OeeQuery } from '@shopfloor/contracts';
import { buckets, CalendarError, oeeFigures, oeeSeriesTotals, oeeTotals, sumTotals, type Bucket, type OeeTotals, type ShiftCalendar } from '@shopfloor/analytics/oee';
import type { JsonText } from '@shopfloor/nats';
import { AnalyticsCache } from '../cache/analytics-cache';
import { AnalyticsEnv } from '../config/analytics.env';
import { calendarSource, invalidQuery, PeriodFactsLoader, periodOf } from '../period-facts/period-facts.loader';

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
    private readonly facts: PeriodFactsLoader,
    private readonly env: AnalyticsEnv,
    private readonly cache: AnalyticsCache,
  ) {}

  /** The answer as JSON text, straight from the cache when it is there. */
  async get(query: OeeQuery, now: Date = new Date()): Promise<JsonText<OeeMetricsView>> {
    const { from, to } = periodOf(query, now);
    const granularity: OeeGranularity = query.granularity ?? 'none';
    const request = { machine_id: query.machine_id ?? null, from: from.getTime(), to: to.getTime(), granularity, micro: this.env.OEE_MICRO_STOP_SECONDS };
    const scope = { machineId: query.machine_id ?? null, from: from.getTime(), to: to.getTime() };
    const { answer } = await this.cache.getOrCompute('oee', request, scope, now.getTime(), () => this.compute(query.machine_id ?? null, from, to, granularity, now));
    return answer;
  }

  private async compute(machineId: string | null, from: Date, to: Date, granularity: OeeGranularity, now: Date): Promise<OeeMetricsView> {
    // Only here, not before the cache: a cached answer's machine existed, and removing a machine drops its answers.
    if (machineId) await this.facts.requireMachine(machineId);
    const facts = await this.facts.load({ machineId: machineId ?? undefined }, from, to, now);
    const bucketList = granularity === 'none' ? [] : bucketsOf(from, to, granularity, facts.displayCalendar);
    const whole: OeeTotals[] = [];
    const perBucket: OeeTotals[][] = bucketList.map(() => []);
    for (const input of facts.inputs.values()) {
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
      machine_count: facts.machineIds.length,
      period: { from: from.toISOString(), to: to.toISOString() },
      granularity,
      calendar: calendarSource(facts.machineIds.map((id) => facts.applying.get(id))),
      timezone: facts.displayCalendar?.timezone ?? 'UTC',
      micro_stop_threshold_seconds: facts.microStopThresholdSeconds,
      ...figuresView(sumTotals(whole)),
      series,
    };
  }
}

function bucketsOf(from: Date, to: Date, granularity: Exclude<OeeGranularity, 'none'>, calendar: ShiftCalendar | null): Bucket[] {
  // Hours are counted before they are made, so that a year of them is refused without building it.
  if (granularity === 'hour' && (to.getTime() - from.getTime()) / 3_600_000 > MAX_BUCKETS + 2) throw tooMany(granularity);
  let list: Bucket[];
  try {
    list = buckets(from.getTime(), to.getTime(), granularity, calendar);
  } catch (error) {
    if (error instanceof CalendarError) throw invalidQuery('granularity', error.message, granularity);
    throw error;
  }
  if (list.length > MAX_BUCKETS) throw tooMany(granularity);
  return list;
}

function tooMany(granularity: string): ReturnType<typeof invalidQuery> {
  return invalidQuery('granularity', `${granularity} buckets over this period would be more than ${MAX_BUCKETS}; choose a shorter period or a coarser granularity`, granularity);
}

/** The engine's figures in the contract's shape. */
export function figuresView(totals: OeeTotals): OeeFiguresView {
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
