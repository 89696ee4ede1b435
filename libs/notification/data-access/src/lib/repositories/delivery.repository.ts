import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Pool } from 'pg';
import { DataSource, In, type EntityManager, type Repository } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { DeliveryEntity, type StoredDeliveryState } from '../entities/delivery.entity';

/** The Postgres NOTIFY channel on which stored deliveries are announced, so that workers need not wait for their next poll. */
export const OUTBOX_CHANNEL = 'notification_outbox';

/** A delivery as the outbox stores it: rendered, pending, due at `nextAttemptAt`. */
export type NewDelivery = Pick<
  DeliveryEntity,
  | 'id'
  | 'channel'
  | 'recipients'
  | 'url'
  | 'format'
  | 'subject'
  | 'body'
  | 'htmlBody'
  | 'attachment'
  | 'attachmentName'
  | 'attachmentType'
  | 'alertId'
  | 'alertEvent'
  | 'scheduleId'
  | 'reportRunId'
  | 'messageId'
  | 'nextAttemptAt'
  | 'createdAt'
>;

export interface DeliveryPageRequest {
  /** `pending` includes deliveries being sent right now. */
  state?: 'pending' | 'sent' | 'failed';
  /** Keyset position: deliveries created strictly before this (created_at, id). */
  before?: { createdAt: Date; id: string };
  limit: number;
}

/** What a list shows: everything but the rendered message and attachment, which only the sender needs. */
export type DeliverySummary = Omit<DeliveryEntity, 'body' | 'htmlBody' | 'attachment'>;

const SUMMARY_COLUMNS: (keyof DeliverySummary)[] = [
  'id',
  'channel',
  'recipients',
  'url',
  'format',
  'subject',
  'attachmentName',
  'attachmentType',
  'alertId',
  'alertEvent',
  'scheduleId',
  'reportRunId',
  'state',
  'attempts',
  'nextAttemptAt',
  'leaseToken',
  'leaseOwner',
  'leaseExpiresAt',
  'lastError',
  'messageId',
  'createdAt',
  'updatedAt',
  'sentAt',
];

/**
 * The outbox. Workers on any number of replicas claim due deliveries with FOR UPDATE SKIP LOCKED and a lease: each
 * claim is one attempt under a fresh lease token, and only the holder of the current token can mark the outcome.
 * A claim whose lease ran out (its worker died between sending and marking) is due again, so a message is never
 * lost; it is sent again under the same message id for the receiver to drop.
 */
@Injectable()
export class DeliveryRepository {
  private readonly repo: Repository<DeliveryEntity>;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.repo = dataSource.getRepository(DeliveryEntity);
  }

  /**
   * Stores deliveries as pending, in the caller's transaction when a manager is given, and signals OUTBOX_CHANNEL:
   * Postgres delivers the signal when the transaction commits (never for one rolled back), to every replica listening.
   */
  async insert(deliveries: NewDelivery[], manager?: EntityManager): Promise<void> {
    if (deliveries.length === 0) return;
    const target = manager ?? this.dataSource.manager;
    await target.getRepository(DeliveryEntity).insert(
      deliveries.map((d) => ({
        ...d,
        state: 'pending' as const,
        attempts: 0,
        updatedAt: d.createdAt,
        lastError: null,
        sentAt: null,
        leaseToken: null,
        leaseOwner: null,
        leaseExpiresAt: null,
      })),
    );
    await target.query(`SELECT pg_notify($1, '')`, [OUTBOX_CHANNEL]);
  }

  /**
   * Holds one pooled connection LISTENing on OUTBOX_CHANNEL and calls `onSignal` for each signal, `onLost` if the
   * connection breaks (listen again later). Returns how to stop; the connection is closed, not put back in the pool.
   */
  async listen(onSignal: () => void, onLost: (error: Error) => void): Promise<() => void> {
    const pool = (this.dataSource.driver as PostgresDriver).master as Pool;
    const client = await pool.connect();
    let released = false;
    const release = (error?: Error): void => {
      if (released) return;
      released = true;
      client.removeAllListeners('notification');
      client.release(error ?? true);
    };
    client.on('notification', (message) => {
      if (message.channel === OUTBOX_CHANNEL) onSignal();
    });
    client.on('error', (error) => {
      release(error);
      onLost(error);
    });
    try {
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
    } catch (error) {
      release(error as Error);
      throw error;
    }
    return () => release();
  }

  async find(id: string): Promise<DeliveryEntity | null> {
    return this.repo.findOneBy({ id });
  }

  /**
   * Claims up to `limit` deliveries that are due at `now` — pending ones whose time has come, and claims whose lease
   * has run out — for `owner` until `now + leaseMs`, counting an attempt for each. Rows another worker is claiming
   * at this moment are skipped, not waited for, so two workers never get the same delivery under a live lease.
   */
  async claimDue(owner: string, leaseToken: string, now: Date, leaseMs: number, limit: number, maxAttempts: number): Promise<DeliveryEntity[]> {
    const [rows] = await this.dataSource.query<[{ id: string }[], number]>(
      `UPDATE "notification"."deliveries" AS d
       SET "state" = 'sending', "attempts" = d."attempts" + 1, "lease_token" = $2, "lease_owner" = $1,
           "lease_expires_at" = $3::timestamptz + make_interval(secs => $4::double precision / 1000), "updated_at" = $3
       WHERE d."id" IN (
         SELECT "id" FROM "notification"."deliveries"
         WHERE (("state" = 'pending' AND "next_attempt_at" <= $3) OR ("state" = 'sending' AND "lease_expires_at" <= $3))
           AND "attempts" < $6
         ORDER BY COALESCE("next_attempt_at", "lease_expires_at")
         LIMIT $5
         FOR UPDATE SKIP LOCKED)
       RETURNING d."id"`,
      [owner, leaseToken, now, leaseMs, limit, maxAttempts],
    );
    if (rows.length === 0) return [];
    return this.repo.findBy({ id: In(rows.map((row) => row.id)), leaseToken });
  }

  /**
   * Gives up on claims that ran out of their lease on the last allowed attempt: the worker stopped before it could
   * say how the attempt went, and no attempt is left. Returns how many.
   */
  async failAbandoned(now: Date, maxAttempts: number): Promise<number> {
    const [, count] = await this.dataSource.query<[unknown, number]>(
      `UPDATE "notification"."deliveries"
       SET "state" = 'failed', "last_error" = COALESCE("last_error" || '; ', '') || 'the last attempt stopped before it finished (it may have been sent)',
           "lease_token" = NULL, "lease_owner" = NULL, "lease_expires_at" = NULL, "next_attempt_at" = NULL, "updated_at" = $1
       WHERE "id" IN (SELECT "id" FROM "notification"."deliveries" WHERE "state" = 'sending' AND "lease_expires_at" <= $1 AND "attempts" >= $2 FOR UPDATE SKIP LOCKED)`,
      [now, maxAttempts],
    );
    return count;
  }

  /** Marks a claimed delivery sent; false when the claim is no longer this worker's (another took it over). */
  async markSent(id: string, leaseToken: string, now: Date): Promise<boolean> {
    const [, count] = await this.dataSource.query<[unknown, number]>(
      `UPDATE "notification"."deliveries"
       SET "state" = 'sent', "sent_at" = $3, "last_error" = NULL, "next_attempt_at" = NULL,
           "lease_token" = NULL, "lease_owner" = NULL, "lease_expires_at" = NULL, "updated_at" = $3
       WHERE "id" = $1 AND "lease_token" = $2 AND "state" = 'sending'`,
      [id, leaseToken, now],
    );
    return count > 0;
  }

  /**
   * Records a failed attempt of a claimed delivery: pending again from `retryAt`, or failed for good when `retryAt`
   * is null. False when the claim is no longer this worker's.
   */
  async markAttemptFailed(id: string, leaseToken: string, now: Date, error: string, retryAt: Date | null): Promise<boolean> {
    const [, count] = await this.dataSource.query<[unknown, number]>(
      `UPDATE "notification"."deliveries"
       SET "state" = $5, "last_error" = $4, "next_attempt_at" = $6,
           "lease_token" = NULL, "lease_owner" = NULL, "lease_expires_at" = NULL, "updated_at" = $3
       WHERE "id" = $1 AND "lease_token" = $2 AND "state" = 'sending'`,
      [id, leaseToken, now, error, retryAt ? 'pending' : 'failed', retryAt],
    );
    return count > 0;
  }

  /** Newest first; `limit + 1` rows are read so the caller knows whether another page follows. */
  async page(request: DeliveryPageRequest): Promise<DeliverySummary[]> {
    const query = this.repo.createQueryBuilder('d').select(SUMMARY_COLUMNS.map((column) => `d.${column}`));
    if (request.state === 'pending') query.where(`d.state IN ('pending', 'sending')`);
    else if (request.state) query.where('d.state = :state', { state: request.state });
    if (request.before) query.andWhere('(d.createdAt, d.id) < (:createdAt, :id)', { createdAt: request.before.createdAt, id: request.before.id });
    return query
      .orderBy('d.createdAt', 'DESC')
      .addOrderBy('d.id', 'DESC')
      .limit(request.limit + 1)
      .getMany();
  }

  /** The states of some deliveries (a report run shows how its e-mail went). */
  async summaries(ids: string[]): Promise<Map<string, DeliverySummary>> {
    if (ids.length === 0) return new Map();
    const rows = await this.repo.find({ select: Object.fromEntries(SUMMARY_COLUMNS.map((column) => [column, true])), where: { id: In(ids) } });
    return new Map(rows.map((row) => [row.id, row]));
  }

  /** How many deliveries are in each state (for metrics). */
  async countByState(): Promise<Record<StoredDeliveryState, number>> {
    const rows = await this.dataSource.query<{ state: StoredDeliveryState; count: string }[]>(
      `SELECT "state", count(*) AS "count" FROM "notification"."deliveries" GROUP BY "state"`,
    );
    const counts: Record<StoredDeliveryState, number> = { pending: 0, sending: 0, sent: 0, failed: 0 };
    for (const row of rows) counts[row.state] = Number(row.count);
    return counts;
  }
}
