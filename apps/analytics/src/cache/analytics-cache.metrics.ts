import { Injectable } from '@nestjs/common';
import { MetricsRegistry } from '@shopfloor/observability';
import { Counter } from 'prom-client';

/** The kinds of answer the cache keeps (the `kind` of AnalyticsCache.getOrCompute). */
export const CACHED_ANSWER_KINDS = ['oee', 'efficiency', 'downtime-patterns'] as const;
export type CachedAnswerKind = (typeof CACHED_ANSWER_KINDS)[number];

/** hit: answered from Redis; miss: computed and offered to Redis; bypass: computed without Redis (down, or being replaced). */
export type CacheResult = 'hit' | 'miss' | 'bypass';
const RESULTS: readonly CacheResult[] = ['hit', 'miss', 'bypass'];

/**
 * `shopfloor_analytics_cache_requests_total{kind, result}`: the hit ratio is computed in Prometheus
 * (hits / (hits + misses + bypasses)), never here, so it aggregates correctly across replicas and time.
 */
@Injectable()
export class AnalyticsCacheMetrics {
  private readonly requests: Counter<'kind' | 'result'>;

  constructor(metrics: MetricsRegistry) {
    this.requests = new Counter({
      name: 'shopfloor_analytics_cache_requests_total',
      help: 'Analytics answers asked of the Redis cache, by kind of answer and result (hit, miss, bypass)',
      labelNames: ['kind', 'result'] as const,
      registers: [metrics.registry],
    });
    for (const kind of CACHED_ANSWER_KINDS) for (const result of RESULTS) this.requests.inc({ kind, result }, 0);
  }

  count(kind: CachedAnswerKind, result: CacheResult): void {
    this.requests.inc({ kind, result });
  }
}
