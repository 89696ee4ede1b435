import { Injectable, Logger } from '@nestjs/common';
import { DeliveryRepository } from '@shopfloor/notification/data-access';
import { MetricsRegistry } from '@shopfloor/observability';
import { Gauge } from 'prom-client';

/** `shopfloor_notification_deliveries{state}`: the outbox by state, read from the database when /metrics is scraped. */
@Injectable()
export class DeliveryMetrics {
  private readonly logger = new Logger(DeliveryMetrics.name);

  constructor(metrics: MetricsRegistry, deliveries: DeliveryRepository) {
    const logger = this.logger;
    new Gauge({
      name: 'shopfloor_notification_deliveries',
      help: 'E-mails and webhooks in the outbox, by state (pending, sending, sent, failed)',
      labelNames: ['state'] as const,
      registers: [metrics.registry],
      async collect() {
        try {
          for (const [state, count] of Object.entries(await deliveries.countByState())) this.set({ state }, count);
        } catch (error) {
          // A scrape must not fail because the database is briefly away: the last values stand.
          logger.warn({ message: 'Could not count the outbox for /metrics', reason: (error as Error).message });
        }
      },
    });
  }
}
