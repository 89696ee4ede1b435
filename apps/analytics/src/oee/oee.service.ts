import { Injectable } from '@nestjs/common';
import type { OeeBucketView, OeeFiguresView, OeeGranularity, OeeMetricsView, OeeQuery } from '@shopfloor/contracts';
import { oeeFigures, oeeTotals, sumTotals, type OeeTotals } from '@shopfloor/analytics/oee';
import { AnalyticsCache } from '../cache/analytics-cache';
import type { CachedAnswer } from '../cache/cached-answer';
import { AnalyticsEnv } from '../config/analytics.env';
import { bucketTotals, periodBuckets, type BucketLimit } from '../period-facts/period-buckets';
import { calendarSource, PeriodFactsLoader, periodOf } from '../period-facts/period-facts.loader';

/** Keeps a series reply well inside NATS' 1 MB message limit (about 800 bytes a bucket). */
const MAX_BUCKETS = 1000;
const BUCKET_LIMIT: BucketLimit = {
  field: 'granularity',
  max: MAX_BUCKETS,
  maxHours: MAX_BUCKETS + 2,
  tooMany: (granularity) => `${granularity} buckets over this period would be more than ${MAX_BUCKETS}; choose a shorter period or a coarser granularity`,
};

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
  async get(query: OeeQuery, now: Date = new Date()): Promise<CachedAnswer<OeeMetricsView>> {
    const { from, to } = periodOf(query, now);
    const granularity: OeeGranularity = query.granularity ?? 'none';
    const request = { machine_id: query.machine_id ?? null, from: from.getTime(), to: to.getTime(), granularity, micro: this.env.OEE_MICRO_STOP_SECONDS };
    const scope = { machineId: query.machine_id ?? null, from: from.getTime(), to: to.getTime() };
    const { answer } = await this.cache.getOrCompute('oee', request, scope, now.getTime(), () =>
      this.compute(query.machine_id ?? null, from, to, granularity, now),
    );
    return answer;
  }

  private async compute(machineId: string | null, from: Date, to: Date, granularity: OeeGranularity, now: Date): Promise<OeeMetricsView> {
    const facts = await this.facts.loadMachineOrAll(machineId, from, to, now);
    const bucketList = granularity === 'none' ? [] : periodBuckets(from, to, granularity, facts.displayCalendar, BUCKET_LIMIT);
    const perBucket = bucketTotals(facts.inputs.values(), bucketList);
    const series: OeeBucketView[] = bucketList.map((bucket, i) => ({
      period: { from: new Date(bucket.from).toISOString(), to: new Date(bucket.to).toISOString() },
      label: bucket.label,
      ...figuresView(perBucket[i]),
    }));
    return {
      machine_id: machineId,
      machine_count: facts.machineIds.length,
      period: { from: from.toISOString(), to: to.toISOString() },
      granularity,
      calendar: calendarSource(facts.machineIds.map((id) => facts.applying.get(id))),
      timezone: facts.displayCalendar?.timezone ?? 'UTC',
      micro_stop_threshold_seconds: facts.microStopThresholdSeconds,
      ...figuresView(sumTotals([...facts.inputs.values()].map((input) => oeeTotals(input)))),
      series,
    };
  }
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
