import { Injectable, Logger } from '@nestjs/common';
import { MetricsRegistry } from '@shopfloor/observability';
import { Gauge } from 'prom-client';
import { DeadLetterStore } from './dead-letter.store';

/**
 * `shopfloor_dead_letters{consumer}` and `shopfloor_dead_lettered_records{consumer}`: what lies in DEAD_LETTERS for
 * each SHOPFLOOR consumer now. Read when /metrics is scraped, from a summary at most SUMMARY_MAX_AGE_MS old.
 */
@Injectable()
export class DeadLetterMetrics {
  private readonly logger = new Logger(DeadLetterMetrics.name);
  private readonly batches: Gauge<'consumer'>;
  private readonly records: Gauge<'consumer'>;

  constructor(metrics: MetricsRegistry, store: DeadLetterStore) {
    const refresh = async (): Promise<void> => {
      try {
        const summary = await store.summary();
        this.batches.reset();
        this.records.reset();
        for (const [consumer, counts] of Object.entries(summary)) {
          this.batches.set({ consumer }, counts.batches);
          this.records.set({ consumer }, counts.records);
        }
      } catch (error) {
        // A scrape must not fail because NATS is briefly away: the last values stand.
        this.logger.warn({ message: 'Could not read the dead letters for /metrics', err: error });
      }
    };
    this.batches = new Gauge({
      name: 'shopfloor_dead_letters',
      help: 'SHOPFLOOR batches in DEAD_LETTERS, by the durable consumer that gave up on them',
      labelNames: ['consumer'] as const,
      registers: [metrics.registry],
      collect: refresh,
    });
    this.records = new Gauge({
      name: 'shopfloor_dead_lettered_records',
      help: 'Records (or deletion keys) held by the SHOPFLOOR batches in DEAD_LETTERS, by durable consumer',
      labelNames: ['consumer'] as const,
      registers: [metrics.registry],
      collect: refresh,
    });
  }
}
