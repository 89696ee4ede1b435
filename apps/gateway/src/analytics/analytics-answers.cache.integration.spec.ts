import { randomUUID } from 'node:crypto';
import { SUBJECTS, type AnswersChanged } from '@shopfloor/contracts';
import { NatsConnectionHolder, RpcClient } from '@shopfloor/nats';
import { MetricsRegistry } from '@shopfloor/observability';
import { TEST_INFRA } from '@shopfloor/testing';
import { connect, JSONCodec, type NatsConnection, type Subscription } from 'nats';
import { AnalyticsAnswersCache, pastPeriodScope, type AnswerScope } from './analytics-answers.cache';

const DAY = 86_400_000;
const monday = Date.UTC(2026, 10, 2);
const week: AnswerScope = { machineId: 'M-1', from: monday, to: monday + 7 * DAY };
const changes = JSONCodec<AnswersChanged>();

describe(AnalyticsAnswersCache.name, () => {
  let gatewaySide: NatsConnection;
  let analyticsSide: NatsConnection;
  let responder: Subscription;
  let cache: AnalyticsAnswersCache;
  let subject: string;
  /** What analytics answers now, and how often it was asked. */
  let version: number;
  let asked: number;
  let delayMs: number;

  const body = async (request: object, scope: AnswerScope | null = week) =>
    (await cache.requestJson<{ v: number }>(subject, request, scope)).body.toString('utf8');
  const announce = async (changed: AnswersChanged) => {
    analyticsSide.publish(SUBJECTS.analytics.answersChanged, changes.encode(changed));
    await analyticsSide.flush();
    await gatewaySide.flush();
  };

  beforeEach(async () => {
    gatewaySide = await connect({ servers: TEST_INFRA.natsUrl });
    analyticsSide = await connect({ servers: TEST_INFRA.natsUrl });
    subject = `test.answers.${randomUUID()}`;
    version = 1;
    asked = 0;
    delayMs = 0;
    responder = analyticsSide.subscribe(subject, {
      callback: (_error, msg) => {
        asked += 1;
        const answer = `{"ok":true,"data":{"v":${version}}}`;
        if (delayMs === 0) msg.respond(Buffer.from(answer));
        else setTimeout(() => msg.respond(Buffer.from(answer)), delayMs);
      },
    });
    await analyticsSide.flush();
    const holder = new NatsConnectionHolder(gatewaySide);
    cache = new AnalyticsAnswersCache(new RpcClient(holder, { url: TEST_INFRA.natsUrl, name: 'test', rpcTimeoutMs: 2000 }), holder, {
      ttlMs: 60_000,
      maxBytes: 1024,
    });
    await cache.onApplicationBootstrap();
  });

  afterEach(async () => {
    cache.onModuleDestroy();
    responder.unsubscribe();
    await gatewaySide.close();
    await analyticsSide.close();
  });

  it('answers a repeated request from its copy, whatever the order of the query keys', async () => {
    expect(await body({ machine_id: 'M-1', granularity: 'day' })).toBe('{"v":1}');
    version = 2;
    expect(await body({ granularity: 'day', machine_id: 'M-1' })).toBe('{"v":1}');
    expect(asked).toBe(1);
    expect(await body({ machine_id: 'M-1', granularity: 'hour' })).toBe('{"v":2}');
    expect(asked).toBe(2);
  });

  it('always asks analytics for an answer without a scope (an open period)', async () => {
    await body({ a: 1 }, null);
    version = 2;
    expect(await body({ a: 1 }, null)).toBe('{"v":2}');
    expect(asked).toBe(2);
  });

  it("drops the copies a change stales: its machine's and the all-machine answers over its period", async () => {
    const other: AnswerScope = { machineId: 'M-2', from: monday, to: monday + 7 * DAY };
    const all: AnswerScope = { machineId: null, from: monday, to: monday + 7 * DAY };
    const earlier: AnswerScope = { machineId: 'M-1', from: monday - 7 * DAY, to: monday };
    for (const [name, scope] of [
      ['m1', week],
      ['m2', other],
      ['all', all],
      ['earlier', earlier],
    ] as const)
      await body({ name }, scope);
    version = 2;

    await announce({ all: false, ranges: [{ machine_id: 'M-1', from: monday + DAY, to: monday + 2 * DAY }] });

    expect(await body({ name: 'm1' }, week)).toBe('{"v":2}');
    expect(await body({ name: 'all' }, all)).toBe('{"v":2}');
    // Another machine, and a period ending where the change begins (ends are exclusive), are not touched.
    expect(await body({ name: 'm2' }, other)).toBe('{"v":1}');
    expect(await body({ name: 'earlier' }, earlier)).toBe('{"v":1}');

    await announce({ all: false, ranges: [{ machine_id: 'M-2', from: null, to: null }] });
    expect(await body({ name: 'm2' }, other)).toBe('{"v":2}');
    await announce({ all: true, ranges: [] });
    expect(await body({ name: 'earlier' }, earlier)).toBe('{"v":2}');
  });

  it('does not keep an answer that was on its way while a change of its scope was announced, nor hand it to later requests', async () => {
    delayMs = 200;
    const before = body({ q: 1 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    version = 2;
    await announce({ all: false, ranges: [{ machine_id: 'M-1', from: null, to: null }] });
    const after = body({ q: 1 });

    expect(await before).toBe('{"v":1}');
    expect(await after).toBe('{"v":2}');
    delayMs = 0;
    version = 3;
    expect(await body({ q: 1 })).toBe('{"v":2}');
    expect(asked).toBe(2);
  });

  it('shares one round trip among identical requests in flight together', async () => {
    delayMs = 50;
    const answers = await Promise.all([body({ q: 1 }), body({ q: 1 }), body({ q: 1 })]);

    expect(answers).toEqual(['{"v":1}', '{"v":1}', '{"v":1}']);
    expect(asked).toBe(1);
  });

  it('keeps at most its byte budget, dropping the least recently used first', async () => {
    for (let i = 0; i < 200; i += 1) await body({ i });

    expect(cache.size().bytes).toBeLessThanOrEqual(1024);
    expect(cache.size().entries).toBeGreaterThan(50);
    version = 2;
    expect(await body({ i: 0 })).toBe('{"v":2}');
    expect(await body({ i: 199 })).toBe('{"v":1}');
  });

  it('counts on /metrics how each answer was had', async () => {
    const metrics = new MetricsRegistry();
    const holder = new NatsConnectionHolder(gatewaySide);
    const counted = new AnalyticsAnswersCache(new RpcClient(holder, { url: TEST_INFRA.natsUrl, name: 'test', rpcTimeoutMs: 2000 }), holder, {}, metrics);
    delayMs = 30;
    await Promise.all([counted.requestJson(subject, { q: 1 }, week), counted.requestJson(subject, { q: 1 }, week)]);
    await counted.requestJson(subject, { q: 1 }, week);
    await counted.requestJson(subject, { q: 2 }, null);

    const text = await metrics.registry.metrics();
    expect(text).toContain('shopfloor_gateway_analytics_answers_total{kept="true",outcome="asked"} 1');
    expect(text).toContain('shopfloor_gateway_analytics_answers_total{kept="true",outcome="joined"} 1');
    expect(text).toContain('shopfloor_gateway_analytics_answers_total{kept="true",outcome="hit"} 1');
    expect(text).toContain('shopfloor_gateway_analytics_answers_total{kept="false",outcome="asked"} 1');
  });

  it('asks again once a copy has outlived its time', async () => {
    const holder = new NatsConnectionHolder(gatewaySide);
    const shortLived = new AnalyticsAnswersCache(new RpcClient(holder, { url: TEST_INFRA.natsUrl, name: 'test', rpcTimeoutMs: 2000 }), holder, { ttlMs: 30 });
    await shortLived.requestJson(subject, { q: 1 }, week);
    version = 2;
    await new Promise((resolve) => setTimeout(resolve, 60));

    expect((await shortLived.requestJson(subject, { q: 1 }, week)).body.toString('utf8')).toBe('{"v":2}');
  });
});

describe(pastPeriodScope.name, () => {
  const now = Date.UTC(2026, 11, 5, 12);

  it('scopes an explicit period that has ended', () => {
    expect(pastPeriodScope('M-1', '2026-11-01T00:00:00Z', '2026-12-01T00:00:00Z', now)).toEqual({
      machineId: 'M-1',
      from: Date.UTC(2026, 10, 1),
      to: Date.UTC(2026, 11, 1),
    });
    expect(pastPeriodScope(undefined, '2026-11-01T00:00:00+01:00', '2026-12-05T12:00:00Z', now)?.machineId).toBeNull();
  });

  it('leaves out a period that is open, still running or invalid', () => {
    expect(pastPeriodScope('M-1', undefined, '2026-12-01T00:00:00Z', now)).toBeNull();
    expect(pastPeriodScope('M-1', '2026-11-01T00:00:00Z', undefined, now)).toBeNull();
    expect(pastPeriodScope('M-1', '2026-11-01T00:00:00Z', '2026-12-05T12:00:00.001Z', now)).toBeNull();
    expect(pastPeriodScope('M-1', '2026-12-01T00:00:00Z', '2026-11-01T00:00:00Z', now)).toBeNull();
    // Without an offset (or a time) the instant depends on the zone of whoever reads it.
    expect(pastPeriodScope('M-1', '2026-11-01T00:00:00', '2026-12-01T00:00:00Z', now)).toBeNull();
    expect(pastPeriodScope('M-1', '2026-11-01', '2026-12-01', now)).toBeNull();
  });
});
