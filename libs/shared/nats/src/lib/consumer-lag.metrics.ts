import { Logger } from '@nestjs/common';
import { Gauge, type Registry } from 'prom-client';

/** What JetStream's consumer info says about one durable consumer's backlog. */
export interface ConsumerLag {
  stream: string;
  consumer: string;
  /** Messages in the stream the consumer has not been given yet (`num_pending`). */
  pending: number;
  /** Messages given out and not acknowledged yet (`num_ack_pending`). */
  ackPending: number;
  /** Messages given out more than once and not acknowledged yet (`num_redelivered`). */
  redelivered: number;
}

export type ConsumerLagSource = () => Promise<ConsumerLag[]>;

/** Longer than this and a scrape keeps the last values instead of waiting on NATS. */
const READ_TIMEOUT_MS = 2000;

const logger = new Logger('ConsumerLagMetrics');
const sourcesByRegistry = new WeakMap<Registry, Set<ConsumerLagSource>>();

/**
 * `nats_consumer_pending_messages`, `nats_consumer_ack_pending_messages` and `nats_consumer_redelivered_messages`
 * `{stream, consumer}`: read from JetStream's consumer info when /metrics is scraped, for the durable consumers this
 * process runs (a handful, so one small request each). Every replica of a service reports the same numbers for the
 * consumer they share: aggregate them with max, not sum.
 */
export function trackConsumerLag(registry: Registry, source: ConsumerLagSource): void {
  const known = sourcesByRegistry.get(registry);
  if (known) {
    known.add(source);
    return;
  }
  const sources = new Set<ConsumerLagSource>([source]);
  sourcesByRegistry.set(registry, sources);
  const labelNames = ['stream', 'consumer'] as const;
  const pending = new Gauge({
    name: 'nats_consumer_pending_messages',
    help: 'Messages of the stream a durable consumer has not been given yet',
    labelNames,
    registers: [registry],
    collect: () => refresh(),
  });
  const ackPending = new Gauge({
    name: 'nats_consumer_ack_pending_messages',
    help: 'Messages a durable consumer was given and has not acknowledged yet',
    labelNames,
    registers: [registry],
    collect: () => refresh(),
  });
  const redelivered = new Gauge({
    name: 'nats_consumer_redelivered_messages',
    help: 'Unacknowledged messages a durable consumer was given more than once',
    labelNames,
    registers: [registry],
    collect: () => refresh(),
  });

  // The three gauges are collected at once for one scrape: they share one read.
  let inFlight: Promise<void> | null = null;
  const refresh = (): Promise<void> =>
    (inFlight ??= read()
      .then((lags) => {
        for (const lag of lags) {
          const labels = { stream: lag.stream, consumer: lag.consumer };
          pending.set(labels, lag.pending);
          ackPending.set(labels, lag.ackPending);
          redelivered.set(labels, lag.redelivered);
        }
      })
      .catch((error: unknown) => {
        // A scrape must not fail because NATS is briefly away: the last values stand.
        logger.warn({ message: 'Could not read consumer info for /metrics', reason: error instanceof Error ? error.message : String(error) });
      })
      .finally(() => {
        inFlight = null;
      }));

  const read = async (): Promise<ConsumerLag[]> => {
    let timer: NodeJS.Timeout | undefined;
    try {
      const all = Promise.all([...sources].map((s) => s())).then((lists) => lists.flat());
      return await Promise.race([
        all,
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${READ_TIMEOUT_MS} ms`)), READ_TIMEOUT_MS);
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  };
}
