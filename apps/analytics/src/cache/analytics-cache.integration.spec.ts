import { randomUUID } from 'node:crypto';
import { SUBJECTS, type AnswersChanged } from '@shopfloor/contracts';
import type { NatsConnectionHolder } from '@shopfloor/nats';
import type { CachedAnswer } from './cached-answer';
import type { MetricsRegistry } from '@shopfloor/observability';
import type { RedisClient } from '@shopfloor/runtime';
import type { AnalyticsCache } from './analytics-cache';
import { testCache } from './analytics-cache.spec-helper';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 30);
const monday = Date.UTC(2026, 10, 2);

/** The answer as a value, whether it came from the cache (stored JSON text) or was just computed. */
function plain<T>({ answer, cached }: { answer: CachedAnswer<T>; cached: boolean }): { value: T; cached: boolean } {
  return { value: answer.parse(), cached };
}

describe('AnalyticsCache', () => {
  let cache: AnalyticsCache;
  let client: RedisClient;
  let metrics: MetricsRegistry;
  let calls: number;

  const answer = async (request: unknown, scope: { machineId: string | null; from: number; to: number }) =>
    plain(
      await cache.getOrCompute('oee', request, scope, NOW, async () => {
        calls += 1;
        return { request, n: calls };
      }),
    );

  beforeEach(async () => {
    ({ cache, client, metrics } = await testCache(`postgres://u@127.0.0.1:5432/cache_${randomUUID().slice(0, 8)}`));
    calls = 0;
  });

  afterEach(async () => {
    await client.onApplicationShutdown();
  });

  it('computes once and then answers from the cache', async () => {
    const scope = { machineId: 'M-1', from: monday, to: monday + DAY };
    expect(await answer({ q: 1 }, scope)).toEqual({ value: { request: { q: 1 }, n: 1 }, cached: false });
    expect(await answer({ q: 1 }, scope)).toEqual({ value: { request: { q: 1 }, n: 1 }, cached: true });
    expect((await answer({ q: 2 }, scope)).cached).toBe(false);
  });

  it('counts hits and misses by kind of answer on /metrics', async () => {
    const scope = { machineId: 'M-1', from: monday, to: monday + DAY };
    await answer({ q: 1 }, scope);
    await answer({ q: 1 }, scope);
    await answer({ q: 1 }, scope);
    const text = await metrics.render();
    expect(text).toMatch(/^shopfloor_analytics_cache_requests_total\{kind="oee",result="hit"\} 2$/m);
    expect(text).toMatch(/^shopfloor_analytics_cache_requests_total\{kind="oee",result="miss"\} 1$/m);
    expect(text).toMatch(/^shopfloor_analytics_cache_requests_total\{kind="efficiency",result="hit"\} 0$/m);
  });

  it('drops exactly the entries of the touched machine and period, and the aggregates over that period', async () => {
    const mondayM1 = { machineId: 'M-1', from: monday, to: monday + DAY };
    const tuesdayM1 = { machineId: 'M-1', from: monday + DAY, to: monday + 2 * DAY };
    const mondayM2 = { machineId: 'M-2', from: monday, to: monday + DAY };
    const mondayAll = { machineId: null, from: monday, to: monday + DAY };
    const tuesdayAll = { machineId: null, from: monday + DAY, to: monday + 2 * DAY };
    for (const scope of [mondayM1, tuesdayM1, mondayM2, mondayAll, tuesdayAll]) await answer(scope, scope);

    // A stop on M-1 on Monday afternoon.
    await cache.invalidate([{ machineId: 'M-1', from: monday + 14 * 3_600_000, to: monday + 15 * 3_600_000 }]);
    const cached = async (scope: typeof mondayM1 | typeof mondayAll) => (await answer(scope, scope)).cached;
    expect(await cached(mondayM1)).toBe(false);
    expect(await cached(mondayAll)).toBe(false);
    expect(await cached(tuesdayM1)).toBe(true);
    expect(await cached(mondayM2)).toBe(true);
    expect(await cached(tuesdayAll)).toBe(true);
  });

  it('treats the end of a period as exclusive', async () => {
    const monday1 = { machineId: 'M-1', from: monday, to: monday + DAY };
    await answer(monday1, monday1);
    await cache.invalidate([{ machineId: 'M-1', from: monday + DAY, to: monday + DAY + 60_000 }]);
    expect((await answer(monday1, monday1)).cached).toBe(true);
  });

  it('drops every period of a machine whose calendar changed, and everything on a new generation', async () => {
    const long = { machineId: 'M-1', from: monday - 300 * DAY, to: monday };
    const other = { machineId: 'M-2', from: monday, to: monday + DAY };
    await answer(long, long);
    await answer(other, other);
    await cache.invalidateMachines(['M-1']);
    expect((await answer(long, long)).cached).toBe(false);
    expect((await answer(other, other)).cached).toBe(true);
    await cache.invalidateAll();
    expect((await answer(other, other)).cached).toBe(false);
  });

  it('does not store an answer computed while its scope was invalidated', async () => {
    const scope = { machineId: 'M-1', from: monday, to: monday + DAY };
    const slow = cache.getOrCompute('oee', 'race', scope, NOW, async () => {
      // New data arrives while the (older) answer is being computed.
      await cache.invalidate([{ machineId: 'M-1', from: monday, to: monday + 1000 }]);
      return 'computed from old data';
    });
    expect((await slow).cached).toBe(false);
    expect(plain(await cache.getOrCompute('oee', 'race', scope, NOW, async () => 'fresh')).value).toBe('fresh');
  });

  it('announces what it dropped, unbounded ends as null', async () => {
    const announced: { subject: string; changed: AnswersChanged }[] = [];
    const scope = { machineId: 'M-1', from: monday, to: monday + DAY };
    const holder = {
      connection: {
        publish: (subject: string, data: Uint8Array) => {
          announced.push({ subject, changed: JSON.parse(Buffer.from(data).toString('utf8')) as AnswersChanged });
        },
      },
    } as unknown as NatsConnectionHolder;
    const announcing = await testCache(`postgres://u@127.0.0.1:5432/cache_${randomUUID().slice(0, 8)}`, holder);
    try {
      await announcing.cache.getOrCompute('oee', scope, scope, NOW, async () => ({ n: 1 }));
      await announcing.cache.invalidate([{ machineId: 'M-1', from: monday + 3_600_000, to: monday + 7_200_000 }]);
      const after = await announcing.cache.getOrCompute('oee', scope, scope, NOW, async () => ({ n: 2 }));
      await announcing.cache.invalidateMachines(['M-2']);
      await announcing.cache.invalidateAll();

      expect(after.cached).toBe(false);
      expect(announced.map((a) => [a.subject, a.changed])).toEqual([
        [SUBJECTS.analytics.answersChanged, { all: false, ranges: [{ machine_id: 'M-1', from: monday + 3_600_000, to: monday + 7_200_000 }] }],
        [SUBJECTS.analytics.answersChanged, { all: false, ranges: [{ machine_id: 'M-2', from: null, to: null }] }],
        [SUBJECTS.analytics.answersChanged, { all: true, ranges: [] }],
      ]);
    } finally {
      await announcing.client.onApplicationShutdown();
    }
  });

  it('keeps separate namespaces for separate databases', async () => {
    const scope = { machineId: 'M-1', from: monday, to: monday + DAY };
    await answer('same question', scope);
    const other = await testCache(`postgres://u@127.0.0.1:5432/cache_other_${randomUUID().slice(0, 8)}`);
    try {
      const reply = plain(await other.cache.getOrCompute('oee', 'same question', scope, NOW, async () => 'from the other database'));
      expect(reply).toEqual({ value: 'from the other database', cached: false });
    } finally {
      await other.client.onApplicationShutdown();
    }
  });
});
