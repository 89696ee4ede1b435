import { Injectable, Logger } from '@nestjs/common';
import { context as otelContext, trace } from '@opentelemetry/api';
import { DomainError, ErrorCode, HEADERS, isDependencyOutage, SUBJECTS, type ConsumerDefinition } from '@shopfloor/contracts';
import { acceptOrCreateRequestId, MetricsRegistry, requestContext } from '@shopfloor/observability';
import { retryBackoffMs } from '@shopfloor/util';
import {
  AckPolicy,
  DeliverPolicy,
  JSONCodec,
  headers as natsHeaders,
  nanos,
  type ConsumerConfig,
  type ConsumerMessages,
  type JsMsg,
  type MsgHdrs,
  type Subscription,
} from 'nats';
import { trackConsumerLag, type ConsumerLag } from './consumer-lag.metrics';
import { isNotFound, JetStreamService } from './jetstream';
import { incomingContext } from './message-headers';
import { NatsConnectionHolder } from './nats-connection';

const codec = JSONCodec<unknown>();
const tracer = trace.getTracer('shopfloor-nats');

export interface EventContext {
  subject: string;
  /** 1 on the first attempt; counts retries in place and redeliveries by the server alike. */
  deliveryCount: number;
  streamSequence: number;
  requestId: string;
}

export type EventHandler = (payload: unknown, context: EventContext) => Promise<void>;

/** Thrown by a handler for a message that can never succeed (malformed, invalid): it goes to the dead letters at once. */
export class PoisonMessageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = PoisonMessageError.name;
  }
}

export interface ParallelOptions {
  subjects: readonly string[];
  limit: number;
}

export interface RunningConsumer {
  /** Stops pulling, lets the message in hand finish, and returns once it has. */
  stop(): Promise<void>;
}

const MAX_BACKOFF_MS = 30_000;

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done);
  });
}

/** Redelivery delay after the n-th failed delivery: exponential from 500 ms, capped, with equal jitter (never under half the step). */
export function redeliveryDelayMs(deliveryCount: number, random: () => number = Math.random): number {
  return retryBackoffMs(deliveryCount, 500, MAX_BACKOFF_MS, 'equal', random);
}

/**
 * Durable pull consumers with explicit ack. A failing message is retried in place, with backoff, up to the consumer's
 * `maxDeliver` attempts (a dependency's outage counts none: it is waited out) — its ack deadline kept alive
 * meanwhile — so no later message overtakes it: a deletion can never be applied before the upsert it follows, even
 * when that upsert failed once. Then (or at once, if it is
 * poison) it is copied to `dlq.<stream>.<consumer>` with the reason in its headers and terminated — never dropped
 * silently. A process that stops naks what it holds; one that dies leaves it to the server's redelivery, and if that
 * was the last delivery the server's max-deliveries advisory is turned into a dead letter too. Every replica pulls
 * from the same durable consumer, so the replicas share the work.
 */
@Injectable()
export class DurableConsumerFactory {
  private readonly logger = new Logger(DurableConsumerFactory.name);
  /** The consumers this process runs, by stream and durable name: their backlog is reported on /metrics. */
  private readonly running = new Map<string, ConsumerDefinition>();

  constructor(
    private readonly jetStream: JetStreamService,
    private readonly nats: NatsConnectionHolder,
    private readonly metrics: MetricsRegistry,
  ) {
    trackConsumerLag(metrics.registry, () => this.lagOfRunning());
  }

  /** The backlog of each consumer this process runs, from JetStream's consumer info. */
  async lagOfRunning(): Promise<ConsumerLag[]> {
    const jsm = await this.jetStream.jsm();
    return Promise.all(
      [...this.running.values()].map(async (def) => {
        const info = await jsm.consumers.info(def.stream.name, def.durableName);
        return {
          stream: def.stream.name,
          consumer: def.durableName,
          pending: info.num_pending,
          ackPending: info.num_ack_pending,
          redelivered: info.num_redelivered,
        };
      }),
    );
  }

  async ensureConsumer(def: ConsumerDefinition): Promise<void> {
    const jsm = await this.jetStream.jsm();
    const config: Partial<ConsumerConfig> = {
      durable_name: def.durableName,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: def.startsAtCreation ? DeliverPolicy.New : DeliverPolicy.All,
      filter_subject: def.filterSubject,
      max_deliver: def.maxDeliver,
      ack_wait: nanos(def.ackWaitSeconds * 1000),
      max_ack_pending: 1000,
    };
    const existing = await jsm.consumers.info(def.stream.name, def.durableName).catch((error: unknown) => {
      if (isNotFound(error)) return undefined;
      throw error;
    });
    if (!existing) {
      await jsm.consumers.add(def.stream.name, config);
    } else if (
      existing.config.max_deliver !== config.max_deliver ||
      existing.config.ack_wait !== config.ack_wait ||
      existing.config.filter_subject !== config.filter_subject
    ) {
      await jsm.consumers.update(def.stream.name, def.durableName, config);
    }
  }

  /**
   * Starts consuming. Messages are handled one at a time in stream order, except those on `parallel.subjects`, of
   * which up to `parallel.limit` run at once — for handlers whose effect does not depend on order (inserting
   * append-only records); any other message first waits for those in flight.
   */
  async start(def: ConsumerDefinition, handler: EventHandler, parallel: ParallelOptions = { subjects: [], limit: 1 }): Promise<RunningConsumer> {
    await this.ensureConsumer(def);
    const consumer = await this.jetStream.client.consumers.get(def.stream.name, def.durableName);
    const messages: ConsumerMessages = await consumer.consume({ max_messages: 64 });
    const advisory = this.watchMaxDeliveries(def);
    const key = `${def.stream.name}/${def.durableName}`;
    this.running.set(key, def);
    // From 0, so that the first dead letter is an increase Prometheus sees (a series born at 1 shows none).
    this.metrics.natsDeadLettered.inc({ stream: def.stream.name, consumer: def.durableName }, 0);
    const stopping = new AbortController();
    const parallelSubjects = new Set(parallel.subjects);
    const inFlight = new Set<Promise<void>>();
    const loop = (async () => {
      for await (const msg of messages) {
        if (stopping.signal.aborted) {
          msg.nak();
          continue;
        }
        if (parallelSubjects.has(msg.subject) && parallel.limit > 1) {
          while (inFlight.size >= parallel.limit) await Promise.race(inFlight);
          const work: Promise<void> = this.process(def, handler, msg, stopping.signal).finally(() => inFlight.delete(work));
          inFlight.add(work);
        } else {
          await Promise.all(inFlight);
          await this.process(def, handler, msg, stopping.signal);
        }
      }
      await Promise.all(inFlight);
    })().catch((error: unknown) => this.logger.error({ message: `Consumer ${def.durableName} stopped`, err: error }));
    return {
      stop: async () => {
        this.running.delete(key);
        advisory.unsubscribe();
        stopping.abort();
        await messages.close();
        await loop;
      },
    };
  }

  /** Handles one message to its end: acked, dead-lettered, or (when stopping) handed back to the server. */
  private async process(def: ConsumerDefinition, handler: EventHandler, msg: JsMsg, stopping: AbortSignal): Promise<void> {
    // Keeps the ack deadline from passing while the handler or a retry takes long; it never holds the process open.
    const heartbeat = setInterval(() => msg.working(), Math.max(1000, (def.ackWaitSeconds * 1000) / 3));
    heartbeat.unref();
    let outages = 0;
    try {
      for (let attempt = Math.max(1, msg.info.redeliveryCount); ; attempt += 1) {
        const error = await this.attempt(handler, msg, attempt);
        if (error === undefined) {
          msg.ack();
          return;
        }
        const poison = error instanceof PoisonMessageError || (error instanceof DomainError && error.code === ErrorCode.ValidationFailed);
        const reason = error instanceof Error ? error.message : typeof error === 'string' ? error : (JSON.stringify(error) ?? 'unknown error');
        // The database (or another dependency) being unreachable says nothing about the message: it is retried in
        // place until the dependency is back, however long a failover takes, and no attempt is counted against it —
        // otherwise an outage longer than the retries would leave the read model short until someone replayed it.
        const outage = !poison && isDependencyOutage(error);
        if (outage) {
          outages += 1;
          attempt -= 1;
        }
        if (poison || attempt >= def.maxDeliver) {
          await this.toDeadLetters(def, msg, poison ? `rejected: ${reason}` : `failed ${attempt} times: ${reason}`, attempt);
          return;
        }
        if (stopping.aborted) {
          msg.nak();
          return;
        }
        const delay = redeliveryDelayMs(outage ? outages : attempt);
        if (outage) this.logger.warn({ message: 'A dependency is unavailable, will retry', subject: msg.subject, reason, outages, retry_in_ms: delay });
        else this.logger.warn({ message: 'Handler failed, will retry', subject: msg.subject, reason, attempt, retry_in_ms: delay });
        await abortableSleep(delay, stopping);
        if (stopping.aborted) {
          msg.nak();
          return;
        }
      }
    } finally {
      clearInterval(heartbeat);
    }
  }

  /** One run of the handler; returns the error it failed with, or undefined. */
  private async attempt(handler: EventHandler, msg: JsMsg, attempt: number): Promise<unknown> {
    const incoming = incomingContext(msg.headers);
    const requestId = acceptOrCreateRequestId(incoming.requestId);
    const ctx: EventContext = { subject: msg.subject, deliveryCount: attempt, streamSequence: msg.seq, requestId };
    const stop = this.metrics.natsHandlerDuration.startTimer({ subject: msg.subject, kind: 'event' });
    return requestContext.run({ requestId }, () =>
      otelContext.with(incoming.traceContext, () =>
        tracer.startActiveSpan(`consume ${msg.subject}`, async (span) => {
          try {
            let payload: unknown;
            try {
              payload = codec.decode(msg.data);
            } catch {
              throw new PoisonMessageError('message body is not valid JSON');
            }
            await handler(payload, ctx);
            stop({ outcome: 'ok' });
            return undefined;
          } catch (error) {
            stop({ outcome: 'error' });
            return error;
          } finally {
            span.end();
          }
        }),
      ),
    );
  }

  private async toDeadLetters(def: ConsumerDefinition, msg: JsMsg, reason: string, attempts: number): Promise<void> {
    try {
      await this.deadLetter(def, msg.seq, msg.subject, msg.data, msg.headers, reason, attempts);
      msg.term();
      this.logger.error({ message: `Dead-lettered message ${msg.seq} of ${def.stream.name}`, subject: msg.subject, reason, deliveries: attempts });
    } catch (dlqError) {
      this.logger.error({ message: 'Could not dead-letter a message; it will be redelivered', err: dlqError });
      msg.nak(redeliveryDelayMs(attempts));
    }
  }

  private async deadLetter(
    def: ConsumerDefinition,
    sequence: number,
    subject: string,
    data: Uint8Array,
    original: MsgHdrs | undefined,
    reason: string,
    deliveries: number,
  ): Promise<void> {
    const h = natsHeaders();
    if (original) for (const key of original.keys()) if (!key.startsWith('Nats-')) h.set(key, original.get(key));
    h.set(HEADERS.deadLetterReason, reason.slice(0, 1000));
    h.set(HEADERS.deadLetterStream, def.stream.name);
    h.set(HEADERS.deadLetterConsumer, def.durableName);
    h.set(HEADERS.deadLetterDeliveries, String(deliveries));
    h.set(HEADERS.deadLetterOriginalSubject, subject);
    // The id makes the dead letter idempotent: the handler's copy and the advisory's copy are stored once.
    const ack = await this.jetStream.client.publish(SUBJECTS.deadLetter.of(def.stream.name, def.durableName), data, {
      headers: h,
      msgID: `dlq:${def.stream.name}:${def.durableName}:${sequence}`,
    });
    if (!ack.duplicate) this.metrics.natsDeadLettered.inc({ stream: def.stream.name, consumer: def.durableName });
  }

  private watchMaxDeliveries(def: ConsumerDefinition): Subscription {
    const subject = `$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES.${def.stream.name}.${def.durableName}`;
    return this.nats.connection.subscribe(subject, {
      queue: def.durableName,
      callback: (error, msg) => {
        if (error) return;
        const advisory = codec.decode(msg.data) as { stream_seq?: number; deliveries?: number };
        if (typeof advisory.stream_seq !== 'number') return;
        const sequence = advisory.stream_seq;
        void (async () => {
          try {
            const jsm = await this.jetStream.jsm();
            const stored = await jsm.streams.getMessage(def.stream.name, { seq: sequence });
            await this.deadLetter(
              def,
              sequence,
              stored.subject,
              stored.data,
              stored.header,
              'delivery limit reached without an ack',
              advisory.deliveries ?? def.maxDeliver,
            );
          } catch (dlqError) {
            this.logger.error({ message: `Could not dead-letter message ${sequence} after max deliveries`, err: dlqError });
          }
        })();
      },
    });
  }
}
