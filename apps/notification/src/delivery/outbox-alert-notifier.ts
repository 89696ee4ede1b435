import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../clock';
import { NotificationEnv } from '../config/notification.env';
import { renderAlertEmail } from './alert-email';
import { AlertNotifier, type AlertNotice } from './alert-notifier';
import { renderAlertWebhook } from './alert-webhook';
import { wordNotice } from './alert-wording';
import { DeliveryOutbox, type OutboxMessage } from './delivery-outbox';

/**
 * The alert engine's way into the outbox: one delivery per e-mail or webhook channel, rendered now (in the shop's
 * zone, with the dashboard link) and stored with the caller's transaction. WebSocket channels need none: every
 * alert change reaches /ws/alerts anyway.
 */
@Injectable()
export class OutboxAlertNotifier extends AlertNotifier {
  constructor(
    private readonly outbox: DeliveryOutbox,
    private readonly clock: Clock,
    private readonly env: NotificationEnv,
  ) {
    super();
  }

  async enqueue(notice: AlertNotice, manager?: EntityManager): Promise<string[]> {
    const now = this.clock.now();
    const wording = wordNotice(notice, { dashboardUrl: this.env.DASHBOARD_URL, timezone: this.env.SHOP_TIMEZONE }, now);
    const origin = { alertId: notice.alert.id, alertEvent: notice.event };
    const messages: OutboxMessage[] = [];
    for (const channel of notice.channels) {
      if (channel.type === 'email' && channel.to && channel.to.length > 0) {
        messages.push({
          id: this.outbox.newId(),
          channel: 'email',
          recipients: channel.to,
          ...renderAlertEmail(wording, notice.alert.severity, notice.event === 'resolved'),
          ...origin,
        });
      } else if (channel.type === 'webhook' && channel.url) {
        const id = this.outbox.newId();
        const format = channel.format ?? 'json';
        const body = renderAlertWebhook(
          format,
          { deliveryId: id, event: notice.event, ruleName: notice.ruleName, alert: notice.alert, createdAt: now },
          wording,
        );
        messages.push({ id, channel: 'webhook', url: channel.url, format, body, ...origin });
      }
    }
    return this.outbox.enqueue(messages, { notBefore: notice.notBefore, manager });
  }
}
