import type { RedisServiceEnv } from '@shopfloor/config';
import type { NatsConnectionHolder } from '@shopfloor/nats';
import { HealthRegistry, MetricsRegistry } from '@shopfloor/observability';
import { RedisClient } from '@shopfloor/runtime';
import { TEST_INFRA } from '@shopfloor/testing';
import type { AnalyticsEnv } from '../config/analytics.env';
import { AnalyticsCache } from './analytics-cache';
import { AnalyticsCacheMetrics } from './analytics-cache.metrics';

/**
 * A cache on the machine's Redis, in the namespace of `databaseUrl`, for tests, with the metrics registry it counts
 * in; with `nats`, it announces what it drops. Close it with `client.onApplicationShutdown()`.
 */
export async function testCache(
  databaseUrl: string,
  nats?: NatsConnectionHolder,
): Promise<{ cache: AnalyticsCache; client: RedisClient; metrics: MetricsRegistry }> {
  const client = new RedisClient({ REDIS_URL: TEST_INFRA.redisUrl } as RedisServiceEnv, new HealthRegistry());
  await client.onModuleInit();
  const metrics = new MetricsRegistry();
  return { cache: new AnalyticsCache(client, { DATABASE_URL: databaseUrl } as AnalyticsEnv, new AnalyticsCacheMetrics(metrics), nats), client, metrics };
}
