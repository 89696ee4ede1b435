import type { AlertView, ChannelView } from '@shopfloor/contracts';
import type { EntityManager } from 'typeorm';

/** Why people hear about an alert: it opened, it was not acknowledged in time, or it is over. */
export type AlertNoticeEvent = 'opened' | 'escalated' | 'resolved';

export interface AlertNotice {
  alert: AlertView;
  event: AlertNoticeEvent;
  ruleName: string;
  /** E-mail and webhook channels (websocket channels need no delivery: /ws/alerts carries every change). */
  channels: ChannelView[];
  /** Quiet hours: the deliveries wait until then; null sends at once. */
  notBefore: Date | null;
}

/**
 * How the alert engine hands notifications to the outbox: one delivery per channel is stored — in the caller's
 * transaction when one is given, so an alert and its notifications are stored together or not at all — and each is
 * then sent at least once, retried with backoff, under one message id for the receiver to drop repeats.
 */
export abstract class AlertNotifier {
  /** The ids of the deliveries stored. */
  abstract enqueue(notice: AlertNotice, manager?: EntityManager): Promise<string[]>;
}
