import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager, type Repository } from 'typeorm';
import { ReportRunEntity } from '../entities/report-run.entity';

/**
 * Runs of report schedules. A run being made is held by one replica under a lease; one waiting for a retry, or whose
 * replica died, is claimed again once its lease time has passed. Its e-mail enters the outbox in the same
 * transaction that marks it queued, so a run never sends twice and never finishes without its e-mail.
 */
@Injectable()
export class ReportRunRepository {
  private readonly repo: Repository<ReportRunEntity>;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.repo = dataSource.getRepository(ReportRunEntity);
  }

  async find(id: string): Promise<ReportRunEntity | null> {
    return this.repo.findOneBy({ id });
  }

  /** Runs whose retry time has come or whose replica stopped holding them, claimed for `runner`, each an attempt. */
  async claimOpen(now: Date, runner: string, leaseMs: number, limit: number): Promise<ReportRunEntity[]> {
    const [rows] = await this.dataSource.query<[{ id: string }[], number]>(
      `UPDATE "notification"."report_runs" AS r
       SET "runner" = $2, "attempts" = r."attempts" + 1, "lease_expires_at" = $1::timestamptz + make_interval(secs => $3::double precision / 1000)
       WHERE r."id" IN (
         SELECT "id" FROM "notification"."report_runs"
         WHERE "state" = 'running' AND "lease_expires_at" <= $1
         ORDER BY "lease_expires_at" LIMIT $4 FOR UPDATE SKIP LOCKED)
       RETURNING r."id"`,
      [now, runner, leaseMs, limit],
    );
    if (rows.length === 0) return [];
    return this.repo.findBy({ id: In(rows.map((row) => row.id)), runner });
  }

  /**
   * Marks a run queued with its file, and in the same transaction lets `enqueue` store its e-mail (returning the
   * delivery id). False, with nothing stored, when the run is no longer this runner's (it was taken over or deleted).
   */
  async finishWithDelivery(id: string, runner: string, now: Date, fileName: string, enqueue: (manager: EntityManager) => Promise<string>): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const [, count] = await manager.query<[unknown, number]>(
        `UPDATE "notification"."report_runs" SET "state" = 'queued', "file_name" = $3, "finished_at" = $4, "error" = NULL, "lease_expires_at" = NULL
         WHERE "id" = $1 AND "runner" = $2 AND "state" = 'running'`,
        [id, runner, fileName, now],
      );
      if (count === 0) return false;
      const deliveryId = await enqueue(manager);
      await manager.update(ReportRunEntity, { id }, { deliveryId });
      return true;
    });
  }

  /** A failed attempt to be tried again from `retryAt` by any replica. */
  async retryLater(id: string, runner: string, error: string, retryAt: Date): Promise<boolean> {
    const [, count] = await this.dataSource.query<[unknown, number]>(
      `UPDATE "notification"."report_runs" SET "runner" = NULL, "error" = $3, "lease_expires_at" = $4 WHERE "id" = $1 AND "runner" = $2 AND "state" = 'running'`,
      [id, runner, error, retryAt],
    );
    return count > 0;
  }

  async fail(id: string, runner: string, now: Date, error: string): Promise<boolean> {
    const [, count] = await this.dataSource.query<[unknown, number]>(
      `UPDATE "notification"."report_runs" SET "state" = 'failed', "error" = $3, "finished_at" = $4, "lease_expires_at" = NULL WHERE "id" = $1 AND "runner" = $2 AND "state" = 'running'`,
      [id, runner, error, now],
    );
    return count > 0;
  }

  /** A schedule's runs, latest cron time first. */
  async listForSchedule(scheduleId: string, limit: number): Promise<ReportRunEntity[]> {
    return this.repo.find({ where: { scheduleId }, order: { scheduledFor: 'DESC' }, take: limit });
  }
}
