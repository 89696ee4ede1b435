import { Module } from '@nestjs/common';
import { DeliveryRepository } from '@shopfloor/notification/data-access';
import { Clock } from '../clock';
import { AlertNotifier } from './alert-notifier';
import { DeliveriesHandler } from './deliveries.handler';
import { DeliveryMetrics } from './delivery-metrics';
import { DeliveryOutbox } from './delivery-outbox';
import { DeliveryWorker } from './delivery-worker';
import { EmailSender } from './email-sender';
import { OutboxAlertNotifier } from './outbox-alert-notifier';
import { WebhookSender } from './webhook-sender';

/** The outbox of e-mails and webhooks and its workers; exports the alert engine's AlertNotifier, and the outbox and its repository for reports. */
@Module({
  controllers: [DeliveriesHandler],
  providers: [
    Clock,
    DeliveryRepository,
    EmailSender,
    WebhookSender,
    DeliveryWorker,
    DeliveryOutbox,
    DeliveryMetrics,
    { provide: AlertNotifier, useClass: OutboxAlertNotifier },
  ],
  exports: [AlertNotifier, DeliveryOutbox, DeliveryRepository, Clock],
})
export class DeliveryModule {}
