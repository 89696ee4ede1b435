import { Column, Entity, PrimaryColumn } from 'typeorm';

export type DeliveryChannel = 'email' | 'webhook';
/** `sending` is a claim with a lease: the worker holding it may be sending right now, or may have died doing so. */
export type StoredDeliveryState = 'pending' | 'sending' | 'sent' | 'failed';
export type DeliveryWebhookFormat = 'json' | 'slack' | 'teams';

/**
 * One e-mail or webhook call of the outbox, stored rendered, so that every attempt sends the same message under the
 * same message id and a receiver can drop repeats.
 */
@Entity({ name: 'deliveries' })
export class DeliveryEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'varchar', length: 20 })
  channel!: DeliveryChannel;

  /** E-mail: the recipients. */
  @Column({ type: 'text', array: true, nullable: true })
  recipients!: string[] | null;

  /** Webhook: the URL as configured (its query string may hold a token, so views show it without). */
  @Column({ type: 'text', nullable: true })
  url!: string | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  format!: DeliveryWebhookFormat | null;

  @Column({ type: 'text', nullable: true })
  subject!: string | null;

  /** E-mail: the plain-text body; webhook: the JSON body exactly as POSTed and signed. */
  @Column({ type: 'text' })
  body!: string;

  /** E-mail: the HTML alternative. */
  @Column({ type: 'text', nullable: true })
  htmlBody!: string | null;

  @Column({ type: 'bytea', nullable: true })
  attachment!: Buffer | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  attachmentName!: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  attachmentType!: string | null;

  @Column({ type: 'uuid', nullable: true })
  alertId!: string | null;

  /** Why the alert was notified: opened, escalated or resolved. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  alertEvent!: string | null;

  @Column({ type: 'uuid', nullable: true })
  scheduleId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  reportRunId!: string | null;

  @Column({ type: 'varchar', length: 20 })
  state!: StoredDeliveryState;

  /** Attempts started (a claim counts, so a message that kills its worker is still given up on eventually). */
  @Column({ type: 'integer' })
  attempts!: number;

  /** When a pending delivery is due (after a backoff, or when quiet hours end). */
  @Column({ type: 'timestamptz', nullable: true })
  nextAttemptAt!: Date | null;

  /** The claim of the worker sending it; a new claim gets a new token, so a stale worker cannot mark it. */
  @Column({ type: 'uuid', nullable: true })
  leaseToken!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  leaseOwner!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  leaseExpiresAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  lastError!: string | null;

  /** Message-ID of the e-mail / X-Delivery-Id of the webhook: the same on every attempt. */
  @Column({ type: 'varchar', length: 255 })
  messageId!: string;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt!: Date | null;
}
