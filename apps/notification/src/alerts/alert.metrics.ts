import { Injectable, Logger } from '@nestjs/common';
import { ALERT_SEVERITIES } from '@shopfloor/contracts';
import { AlertRepository } from '@shopfloor/notification/data-access';
import { MetricsRegistry } from '@shopfloor/observability';
import { Gauge } from 'prom-client';

const UNRESOLVED_STATES = ['open', 'acknowledged'] as const;

/** `shopfloor_alerts_open{severity, state}`: alerts not resolved yet, counted in the database when /metrics is scraped. */
@Injectable()
export class AlertMetrics {
  private readonly logger = new Logger(AlertMetrics.name);

  constructor(metrics: MetricsRegistry, alerts: AlertRepository) {
    const logger = this.logger;
    new Gauge({
      name: 'shopfloor_alerts_open',
      help: 'Alerts not resolved yet, by severity (info, warning, critical) and state (open, acknowledged)',
      labelNames: ['severity', 'state'] as const,
      registers: [metrics.registry],
      async collect() {
        try {
          const counts = await alerts.countUnresolved();
          for (const severity of ALERT_SEVERITIES) for (const state of UNRESOLVED_STATES) this.set({ severity, state }, 0);
          for (const c of counts) this.set({ severity: c.severity, state: c.state }, c.count);
        } catch (error) {
          // A scrape must not fail because the database is briefly away: the last values stand.
          logger.warn({ message: 'Could not count the alerts for /metrics', reason: (error as Error).message });
        }
      },
    });
  }
}
