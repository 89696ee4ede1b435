import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { WebhookFormat } from '@shopfloor/contracts';
import { DeliveryRepository, type NewDelivery } from '@shopfloor/notification/data-access';
import type { EntityManager } from 'typeorm';
import { Clock } from '../clock';
import { NotificationEnv } from '../config/notification.env';
import { DeliveryWorker } from './delivery-worker';

/** What a delivery is about: an alert notice or a report run (both optional, for the list to show). */
export interface DeliveryOrigin {
  alertId?: string | null;
  alertEvent?: string | null;
  scheduleId?: string | null;
  reportRunId?: string | null;
}

export interface OutboxEmail extends DeliveryOrigin {
  id: string;
  channel: 'email';
  recipients: string[];
  subject: string;
  text: string;
  html: string;
  attachment?: { fileName: string; contentType: string; content: Buffer };
}

export interface OutboxWebhook extends DeliveryOrigin {
  id: string;
  channel: 'webhook';
  url: string;
  format: WebhookFormat;
  /** The JSON body, exactly as it will be signed and sent. */
  body: string;
}

export type OutboxMessage = OutboxEmail | OutboxWebhook;

/**
 * Puts rendered messages into the outbox: stored first (in the caller's transaction when one is given), sent by the
 * delivery workers afterwards. Each gets its message id here, once, for every attempt to carry.
 */
@Injectable()
export class DeliveryOutbox {
  private readonly messageDomain: string;

  constructor(
    private readonly deliveries: DeliveryRepository,
    private readonly worker: DeliveryWorker,
    private readonly clock: Clock,
    env: NotificationEnv,
  ) {
    // RFC 5322 §3.6.4: a Message-ID is globally unique as id@domain; the sender's domain is ours to use.
    this.messageDomain = env.SMTP_FROM.slice(env.SMTP_FROM.lastIndexOf('@') + 1).replace(/[^A-Za-z0-9.-]/g, '') || 'localhost';
  }

  /** A fresh delivery id (callers that put the id into the message itself, as webhook bodies do, take one first). */
  newId(): string {
    return randomUUID();
  }

  /** Stores the messages as pending, due at `notBefore` or now; returns their ids. */
  async enqueue(messages: OutboxMessage[], options: { notBefore?: Date | null; manager?: EntityManager } = {}): Promise<string[]> {
    if (messages.length === 0) return [];
    const now = this.clock.now();
    const due = options.notBefore && options.notBefore > now ? options.notBefore : now;
    const rows = messages.map((m): NewDelivery => {
      const origin = { alertId: m.alertId ?? null, alertEvent: m.alertEvent ?? null, scheduleId: m.scheduleId ?? null, reportRunId: m.reportRunId ?? null };
      return m.channel === 'email'
        ? {
            id: m.id,
            channel: 'email',
            recipients: m.recipients,
            url: null,
            format: null,
            subject: m.subject,
            body: m.text,
            htmlBody: m.html,
            attachment: m.attachment?.content ?? null,
            attachmentName: m.attachment?.fileName ?? null,
            attachmentType: m.attachment?.contentType ?? null,
            messageId: `${m.id}@${this.messageDomain}`,
            nextAttemptAt: due,
            createdAt: now,
            ...origin,
          }
        : {
            id: m.id,
            channel: 'webhook',
            recipients: null,
            url: m.url,
            format: m.format,
            subject: null,
            body: m.body,
            htmlBody: null,
            attachment: null,
            attachmentName: null,
            attachmentType: null,
            messageId: m.id,
            nextAttemptAt: due,
            createdAt: now,
            ...origin,
          };
    });
    await this.deliveries.insert(rows, options.manager);
    // Outside a transaction the rows are visible now; inside one they are once the caller commits, which signals every
    // replica's worker (DeliveryRepository.insert).
    if (!options.manager && due <= now) this.worker.wake();
    return rows.map((row) => row.id);
  }
}
