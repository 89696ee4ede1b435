import { createHash } from 'node:crypto';
import { Injectable, Logger, Optional, type OnModuleDestroy } from '@nestjs/common';
import { SUBJECTS, type AnswersChanged } from '@shopfloor/contracts';
import { NatsConnectionHolder } from '@shopfloor/nats';
import { JSONCodec } from 'nats';
import { RedisClient } from '@shopfloor/runtime';
import { AnalyticsEnv } from '../config/analytics.env';
import { AnalyticsCacheMetrics, type CachedAnswerKind } from './analytics-cache.metrics';
import { CachedAnswer } from './cached-answer';

/** A machine and the time range new data changed for it (epoch ms, end exclusive; Infinity = open-ended). */
export interface TouchedRange {
  machineId: string;
  from: number;
  to: number;
}

/** What a cached answer depends on: one machine's data or all machines', over [from, to). */
export interface CacheScope {
  /** null = every machine (an aggregate). */
  machineId: string | null;
  from: number;
  to: number;
}

const ALL = '*';
/** Answers about a past period stay until new data invalidates them; this only bounds what a lost invalidation can leave behind. */
const PAST_TTL_SECONDS = 3600;
/** A period reaching into the present changes with time alone (running jobs, "so far" today): kept briefly. */
const PRESENT_TTL_SECONDS = 10;
const RETRY_FLUSH_MS = 5000;
const answersChanged = JSONCodec<AnswersChanged>();

/**
 * One round trip for a read: the current generation, the entry under it, and the scope's version.
 * KEYS: none (a single Redis, not a cluster: the keys depend on the generation read here). ARGV: prefix, entry suffix, scope.
 */
const READ = `
  local generation = redis.call('GET', ARGV[1] .. ':generation') or '0'
  local base = ARGV[1] .. ':' .. generation
  return { generation, redis.call('GET', base .. ':entry:' .. ARGV[2]) or false, redis.call('GET', base .. ':version:' .. ARGV[3]) or '0' }`;

/**
 * Stores only if no invalidation of the scope happened since the request read its version — otherwise an answer
 * computed from data older than the invalidation could outlive it.
 * KEYS: version key, entry key, index key. ARGV: expected version, value, ttl, index field, range.
 */
const SET_IF_CURRENT = `
  if (redis.call('GET', KEYS[1]) or '0') ~= ARGV[1] then return 0 end
  redis.call('SET', KEYS[2], ARGV[2], 'EX', tonumber(ARGV[3]))
  redis.call('HSET', KEYS[3], ARGV[4], ARGV[5])
  redis.call('EXPIRE', KEYS[3], ${PAST_TTL_SECONDS * 2})
  return 1`;

/**
 * Redis cache of analytics answers (OEE, patterns, efficiency), invalidated for exactly the machines and periods new
 * data touches: every entry is listed in its scope's index with its period, and an invalidation deletes the entries
 * whose period overlaps the touched range — of that machine, and of the all-machine aggregates. A calendar change
 * drops a machine's entries whatever their period.
 *
 * Redis is optional: when it is down the answers are computed uncached. An invalidation that could not reach Redis
 * would leave stale entries behind when it comes back, so until the whole cache generation has been replaced this
 * process neither reads nor writes it.
 *
 * Every invalidation is also announced on `analytics.answers.changed`, after the entries are gone, for the gateways'
 * own copies of these answers. It goes out on the connection that answers requests, so a gateway hears it before any
 * answer this process sends later.
 */
@Injectable()
export class AnalyticsCache implements OnModuleDestroy {
  private readonly logger = new Logger(AnalyticsCache.name);
  private mustFlush = false;
  private flushTimer?: NodeJS.Timeout;
  /** One namespace per database, so deployments (or test runs) sharing a Redis never see each other's answers. */
  private readonly prefix: string;

  constructor(
    private readonly client: RedisClient,
    env: AnalyticsEnv,
    private readonly metrics: AnalyticsCacheMetrics,
    @Optional() private readonly nats?: NatsConnectionHolder,
  ) {
    const db = new URL(env.DATABASE_URL);
    this.prefix = `analytics:cache:${digest(`${db.hostname}:${db.port}${db.pathname}`).slice(0, 12)}`;
  }

  onModuleDestroy(): void {
    clearTimeout(this.flushTimer);
  }

  /**
   * The cached answer for `request` in `scope`, or the computed one (then stored), as JSON text: a cached answer is
   * passed on as stored, never parsed. `kind` separates the kinds of answer; `request` must hold everything the answer
   * depends on besides the data.
   */
  async getOrCompute<T>(
    kind: CachedAnswerKind,
    request: unknown,
    scope: CacheScope,
    now: number,
    compute: () => Promise<T>,
  ): Promise<{ answer: CachedAnswer<T>; cached: boolean }> {
    if (this.mustFlush) {
      this.metrics.count(kind, 'bypass');
      return { answer: CachedAnswer.of(await compute()), cached: false };
    }
    const redis = this.client.redis;
    const scopeId = scope.machineId ?? ALL;
    let generation: string;
    let version: string;
    let entryKey: string;
    try {
      const suffix = `${kind}:${scopeId}:${digest(request)}`;
      const [currentGeneration, hit, currentVersion] = (await redis.eval(READ, 0, this.prefix, suffix, scopeId)) as [string, string | null, string];
      if (hit) {
        this.metrics.count(kind, 'hit');
        return { answer: new CachedAnswer<T>(hit), cached: true };
      }
      generation = currentGeneration;
      entryKey = `${this.prefix}:${generation}:entry:${suffix}`;
      version = currentVersion;
    } catch (error) {
      this.logger.warn({ message: 'Cache not readable; answering uncached', reason: (error as Error).message });
      this.metrics.count(kind, 'bypass');
      return { answer: CachedAnswer.of(await compute()), cached: false };
    }
    this.metrics.count(kind, 'miss');
    const answer = CachedAnswer.of(await compute());
    const ttl = scope.to > now ? PRESENT_TTL_SECONDS : PAST_TTL_SECONDS;
    await redis
      .eval(
        SET_IF_CURRENT,
        3,
        this.versionKey(generation, scopeId),
        entryKey,
        this.indexKey(generation, scopeId),
        version,
        answer.json,
        ttl,
        entryKey,
        `${scope.from}:${scope.to}`,
      )
      .catch((error: Error) => this.logger.warn({ message: 'Could not store an answer in the cache', reason: error.message }));
    return { answer, cached: false };
  }

  /** Drops the entries whose period overlaps a touched range, for that machine and for the aggregates. */
  async invalidate(touched: TouchedRange[]): Promise<void> {
    if (touched.length === 0) return;
    await this.guarded(async () => {
      const generation = await this.generation();
      const byScope = new Map<string, TouchedRange[]>();
      for (const range of touched) {
        for (const scopeId of [range.machineId, ALL]) byScope.set(scopeId, [...(byScope.get(scopeId) ?? []), range]);
      }
      for (const [scopeId, ranges] of byScope) await this.dropOverlapping(generation, scopeId, ranges);
    });
    this.announce({
      all: false,
      ranges: touched.map((r) => ({ machine_id: r.machineId, from: Number.isFinite(r.from) ? r.from : null, to: Number.isFinite(r.to) ? r.to : null })),
    });
  }

  /** Drops every entry of the machines (and the aggregates), whatever their period: their calendar changed. */
  async invalidateMachines(machineIds: string[]): Promise<void> {
    await this.invalidate(machineIds.map((machineId) => ({ machineId, from: -Infinity, to: Infinity })));
  }

  /** Drops everything (the default calendar changed, or the set of machines did): a new generation. */
  async invalidateAll(): Promise<void> {
    await this.guarded(async () => {
      await this.client.redis.incr(`${this.prefix}:generation`);
    });
    this.announce({ all: true, ranges: [] });
  }

  /** Tells the gateways, whatever became of Redis: the data changed either way. */
  private announce(changed: AnswersChanged): void {
    if (!this.nats) return;
    try {
      this.nats.connection.publish(SUBJECTS.analytics.answersChanged, answersChanged.encode(changed));
    } catch (error) {
      // The gateways' copies expire on their own within a minute (see the gateway's AnalyticsAnswers).
      this.logger.warn({ message: 'Could not announce changed answers', reason: (error as Error).message });
    }
  }

  private async dropOverlapping(generation: string, scopeId: string, ranges: TouchedRange[]): Promise<void> {
    const redis = this.client.redis;
    // The version moves first: a request already computing for this scope will not store its (older) answer.
    await redis.incr(this.versionKey(generation, scopeId));
    const index = await redis.hgetall(this.indexKey(generation, scopeId));
    const stale = Object.entries(index)
      .filter(([, period]) => {
        const [from, to] = period.split(':').map(Number);
        return ranges.some((r) => r.from < to && from < r.to);
      })
      .map(([entryKey]) => entryKey);
    if (stale.length === 0) return;
    await redis
      .multi()
      .del(...stale)
      .hdel(this.indexKey(generation, scopeId), ...stale)
      .exec();
  }

  private async guarded(work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.logger.warn({ message: 'Cache invalidation failed; bypassing the cache until it is replaced', reason: (error as Error).message });
      this.mustFlush = true;
      this.scheduleFlush();
    }
  }

  private scheduleFlush(): void {
    if (this.flushTimer) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = undefined;
      this.client.redis
        .incr(`${this.prefix}:generation`)
        .then(() => {
          this.mustFlush = false;
          this.logger.log({ message: 'Cache replaced after a failed invalidation' });
        })
        .catch(() => this.scheduleFlush());
    }, RETRY_FLUSH_MS);
    this.flushTimer.unref();
  }

  private async generation(): Promise<string> {
    return (await this.client.redis.get(`${this.prefix}:generation`)) ?? '0';
  }

  private versionKey(generation: string, scopeId: string): string {
    return `${this.prefix}:${generation}:version:${scopeId}`;
  }

  private indexKey(generation: string, scopeId: string): string {
    return `${this.prefix}:${generation}:index:${scopeId}`;
  }
}

function digest(request: unknown): string {
  return createHash('sha1').update(JSON.stringify(request)).digest('hex');
}
