import { Inject, Injectable, Logger, Optional, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { SUBJECTS, type AnswersChanged } from '@shopfloor/contracts';
import { NatsConnectionHolder, RpcClient, type JsonBytes } from '@shopfloor/nats';
import { MetricsRegistry } from '@shopfloor/observability';
import { Events, JSONCodec, type Subscription } from 'nats';
import { Counter } from 'prom-client';
import { CoalescedRequests } from './coalesced-requests';

/** What an answer depends on besides its request: one machine's data or all machines' (null), over [from, to) in epoch ms. */
export interface AnswerScope {
  machineId: string | null;
  from: number;
  to: number;
}

/** An answer as sent: its bytes, and the ETag made from them the first time they were sent (then reused). */
export interface AnswerBytes<T> {
  readonly body: JsonBytes<T>;
  etag?: string;
}

export interface AnalyticsAnswersOptions {
  /** How long a copy is kept at most: bounds what a lost announcement can leave behind. */
  ttlMs: number;
  /** Bytes of answers kept at most; the least recently used go first. */
  maxBytes: number;
}

export const ANALYTICS_ANSWERS_OPTIONS = Symbol('ANALYTICS_ANSWERS_OPTIONS');
const DEFAULTS: AnalyticsAnswersOptions = { ttlMs: 60_000, maxBytes: 32 * 1024 * 1024 };
/** Announcements remembered for the requests in flight (each checks those heard since it started). */
const HEARD_KEPT = 256;

interface Entry {
  answer: AnswerBytes<unknown>;
  scope: AnswerScope;
  expiresAt: number;
}

type Change = { seq: number; changed: AnswersChanged };
/** hit: from this replica's copy; joined: shared a round trip in flight; asked: a round trip of its own. */
type Outcome = 'hit' | 'joined' | 'asked';
const OUTCOMES: readonly Outcome[] = ['hit', 'joined', 'asked'];
const EVERYTHING: AnswersChanged = { all: true, ranges: [] };
const codec = JSONCodec<AnswersChanged>();
const WITH_OFFSET = /T.*(Z|[+-]\d{2}(:?\d{2})?)$/i;

/**
 * The scope of an answer about an explicit period that has ended: it then depends only on the data (and calendars),
 * which change only with what analytics announces. An open period (no `to`, or one still running) changes with the
 * clock, so it is not kept here (analytics keeps it briefly); nor is an invalid one (analytics refuses it).
 */
export function pastPeriodScope(machineId: string | null | undefined, from: string | undefined, to: string | undefined, now = Date.now()): AnswerScope | null {
  // A time without an offset is read in the reading process's zone: the scope could differ from analytics' period.
  if (from === undefined || to === undefined || !WITH_OFFSET.test(from) || !WITH_OFFSET.test(to)) return null;
  const start = Date.parse(from);
  const end = Date.parse(to);
  if (!(start < end) || !(end <= now)) return null;
  return { machineId: machineId ?? null, from: start, to: end };
}

/**
 * This replica's copies of analytics' answers about past periods (OEE, downtime patterns, efficiency), so that a
 * repeated read is answered without a round trip to analytics. Kept after auth and validation (the controllers call
 * it), and the answers are the same for every caller allowed to read them.
 *
 * Correct by invalidation: analytics announces on `analytics.answers.changed` what new data or a calendar change made
 * stale, after dropping its own cached answers, and on the connection that answers requests — so a copy is dropped
 * before any later answer arrives. An answer that was on its way while an announcement covering its scope arrived is
 * not kept. Announcements are not stored anywhere, so while the connection is down nothing is kept and everything is
 * dropped when it is back; the TTL bounds what a lost one could leave behind. Identical requests in flight together
 * share one round trip, until an announcement: requests after it ask anew.
 *
 * Answers that are not kept (about the present: the live list, the current shift, an open period) are asked for
 * together: identical requests arriving while one is on its way wait for the next round trip, which starts after they
 * all arrived and serves them all. Each answer is thus as fresh as if it had been asked for alone — computed after
 * its request came — but under load analytics computes it once per round trip instead of once per request.
 */
@Injectable()
export class AnalyticsAnswersCache implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(AnalyticsAnswersCache.name);
  private readonly options: AnalyticsAnswersOptions;
  /** In order of last use: the first is evicted first. */
  private readonly entries = new Map<string, Entry>();
  private readonly inFlight = new Map<string, Promise<AnswerBytes<unknown>>>();
  private readonly together = new CoalescedRequests();
  private readonly heard: Change[] = [];
  private seq = 0;
  private bytes = 0;
  private connected = true;
  private subscription?: Subscription;
  private readonly outcomes?: Counter<'kept' | 'outcome'>;

  constructor(
    private readonly rpc: RpcClient,
    private readonly nats: NatsConnectionHolder,
    @Optional() @Inject(ANALYTICS_ANSWERS_OPTIONS) options?: Partial<AnalyticsAnswersOptions>,
    @Optional() metrics?: MetricsRegistry,
  ) {
    this.options = { ...DEFAULTS, ...options };
    if (metrics) {
      // The hit ratio is computed in Prometheus, so that it adds up across replicas and time.
      this.outcomes = new Counter({
        name: 'shopfloor_gateway_analytics_answers_total',
        help: "Analytics answers asked of the gateway, by whether they may be kept (a past period) and how they were had (this replica's copy, a round trip shared, one of their own)",
        labelNames: ['kept', 'outcome'] as const,
        registers: [metrics.registry],
      });
      for (const kept of ['true', 'false']) for (const outcome of OUTCOMES) this.outcomes.inc({ kept, outcome }, 0);
    }
  }

  async onApplicationBootstrap(): Promise<void> {
    this.subscription = this.nats.connection.subscribe(SUBJECTS.analytics.answersChanged, {
      // A callback, not an iterator: applied as the message is read, before any answer that follows it.
      callback: (error, msg) => {
        if (error) return;
        let changed: AnswersChanged;
        try {
          changed = codec.decode(msg.data);
        } catch {
          changed = EVERYTHING;
        }
        this.apply(Array.isArray(changed?.ranges) ? changed : EVERYTHING);
      },
    });
    void this.watchConnection();
    // Subscribed before the HTTP port opens, so no replica keeps answers while deaf to their changes.
    await this.nats.connection.flush();
  }

  onModuleDestroy(): void {
    if (this.subscription && !this.subscription.isClosed()) this.subscription.unsubscribe();
  }

  /** The answer to `request` on `subject`: this replica's copy when `scope` allows one and it has it, else analytics'. */
  async requestJson<T>(subject: string, request: object, scope: AnswerScope | null): Promise<AnswerBytes<T>> {
    const key = `${subject} ${stableJson(request)}`;
    if (scope === null) {
      return this.together.run(
        key,
        async () => ({ body: await this.rpc.requestJson<T>(subject, request) }),
        (joined) => this.count(false, joined ? 'joined' : 'asked'),
      );
    }
    const entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
      if (entry.expiresAt > Date.now()) {
        this.entries.set(key, entry);
        this.count(true, 'hit');
        return entry.answer as AnswerBytes<T>;
      }
      this.bytes -= entry.answer.body.length;
    }
    let pending = this.inFlight.get(key);
    if (pending) {
      this.count(true, 'joined');
    } else {
      this.count(true, 'asked');
      const started = this.fetch(key, subject, request, scope);
      pending = started.finally(() => {
        if (this.inFlight.get(key) === pending) this.inFlight.delete(key);
      });
      this.inFlight.set(key, pending);
    }
    return pending as Promise<AnswerBytes<T>>;
  }

  /** How many answers and bytes are kept (for tests and metrics). */
  size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  private count(kept: boolean, outcome: Outcome): void {
    this.outcomes?.inc({ kept: String(kept), outcome });
  }

  private async fetch(key: string, subject: string, request: object, scope: AnswerScope): Promise<AnswerBytes<unknown>> {
    const since = this.seq;
    const answer: AnswerBytes<unknown> = { body: await this.rpc.requestJson<unknown>(subject, request) };
    if (this.connected && !this.changedSince(since, scope) && answer.body.length <= this.options.maxBytes / 8) {
      this.entries.set(key, { answer, scope, expiresAt: Date.now() + this.options.ttlMs });
      this.bytes += answer.body.length;
      for (const [oldKey, old] of this.entries) {
        if (this.bytes <= this.options.maxBytes) break;
        this.entries.delete(oldKey);
        this.bytes -= old.answer.body.length;
      }
    }
    return answer;
  }

  private apply(changed: AnswersChanged): void {
    this.seq += 1;
    this.heard.push({ seq: this.seq, changed });
    if (this.heard.length > HEARD_KEPT) this.heard.shift();
    // Requests from now on must not join one that may carry an answer from before the change.
    this.inFlight.clear();
    for (const [key, entry] of this.entries) {
      if (!affects(changed, entry.scope)) continue;
      this.entries.delete(key);
      this.bytes -= entry.answer.body.length;
    }
  }

  /** Whether an announcement heard after `since` covers the scope (or too many came to tell). */
  private changedSince(since: number, scope: AnswerScope): boolean {
    if (since === this.seq) return false;
    if (this.heard.length === 0 || this.heard[0].seq > since + 1) return true;
    return this.heard.some((change) => change.seq > since && affects(change.changed, scope));
  }

  private async watchConnection(): Promise<void> {
    for await (const status of this.nats.connection.status()) {
      if (status.type === Events.Disconnect) {
        this.connected = false;
        this.apply(EVERYTHING);
      } else if (status.type === Events.Reconnect) {
        // Announcements sent while away are lost: nothing kept from before is trusted.
        this.apply(EVERYTHING);
        this.connected = true;
        this.logger.log({ message: 'Reconnected to NATS; analytics answers are asked anew' });
      }
    }
  }
}

/** Whether a change stales an answer: its machine's (or any machine's, for an all-machine answer) data in its period. */
function affects(changed: AnswersChanged, scope: AnswerScope): boolean {
  if (changed.all) return true;
  return changed.ranges.some(
    (range) =>
      (scope.machineId === null || range.machine_id === scope.machineId) &&
      (range.from === null || range.from < scope.to) &&
      (range.to === null || scope.from < range.to),
  );
}

/** A request's JSON with its keys in order, so that the same query written in another order is the same key. */
function stableJson(request: object): string {
  return JSON.stringify(request, Object.keys(request).sort());
}
