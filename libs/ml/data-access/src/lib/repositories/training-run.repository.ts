import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export type TrainingState = 'queued' | 'running' | 'succeeded' | 'failed';

export interface TrainingRunRecord {
  trainingId: string;
  modelType: string;
  datasetId: string | null;
  params: Record<string, unknown>;
  state: TrainingState;
  progress: number;
  modelId: string | null;
  metrics: Record<string, unknown> | null;
  error: string | null;
  worker: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

interface TrainingRunRow {
  training_id: string;
  model_type: string;
  dataset_id: string | null;
  params: Record<string, unknown>;
  state: TrainingState;
  progress: number;
  model_id: string | null;
  metrics: Record<string, unknown> | null;
  error: string | null;
  worker: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

const toRecord = (row: TrainingRunRow): TrainingRunRecord => ({
  trainingId: row.training_id,
  modelType: row.model_type,
  datasetId: row.dataset_id,
  params: row.params,
  state: row.state,
  progress: row.progress,
  modelId: row.model_id,
  metrics: row.metrics,
  error: row.error,
  worker: row.worker,
  createdAt: row.created_at,
  startedAt: row.started_at,
  finishedAt: row.finished_at,
});

/**
 * Training runs as a queue in Postgres: any replica may claim the oldest queued run (FOR UPDATE SKIP LOCKED, so each
 * run is trained once), keeps it alive with a heartbeat, and a run whose worker stopped beating is claimed again.
 */
@Injectable()
export class TrainingRunRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async enqueue(run: { trainingId: string; modelType: string; datasetId: string | null; params: Record<string, unknown> }): Promise<TrainingRunRecord> {
    const rows = await this.dataSource.query<TrainingRunRow[]>(
      `INSERT INTO "ml"."training_runs" ("training_id", "model_type", "dataset_id", "params", "state") VALUES ($1, $2, $3, $4, 'queued') RETURNING *`,
      [run.trainingId, run.modelType, run.datasetId, JSON.stringify(run.params)],
    );
    return toRecord(rows[0]);
  }

  /**
   * Queues a shop-floor training of the type unless one is queued or running, or one was queued within `everyHours`;
   * one replica at a time decides (advisory lock), so a schedule shared by every replica queues it once.
   */
  async enqueueIfDue(trainingId: string, modelType: string, params: Record<string, unknown>, everyHours: number): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const [lock] = await manager.query<{ ok: boolean }[]>(`SELECT pg_try_advisory_xact_lock(hashtext('ml.retrain:' || $1::text)) AS "ok"`, [modelType]);
      if (!lock.ok) return false;
      const rows = await manager.query<unknown[]>(
        `INSERT INTO "ml"."training_runs" ("training_id", "model_type", "dataset_id", "params", "state")
         SELECT $1, $2::varchar, NULL, $3::jsonb, 'queued'
         WHERE NOT EXISTS (SELECT 1 FROM "ml"."training_runs" WHERE "model_type" = $2::varchar AND "dataset_id" IS NULL
                           AND ("state" IN ('queued', 'running') OR "created_at" > now() - make_interval(hours => $4::int)))
         RETURNING "training_id"`,
        [trainingId, modelType, JSON.stringify(params), everyHours],
      );
      return rows.length > 0;
    });
  }

  async find(trainingId: string): Promise<TrainingRunRecord | null> {
    const rows = await this.dataSource.query<TrainingRunRow[]>(`SELECT * FROM "ml"."training_runs" WHERE "training_id" = $1`, [trainingId]);
    return rows.length > 0 ? toRecord(rows[0]) : null;
  }

  /** Runs newest first, of one state and type when given. */
  async list(filter: { state?: TrainingState; modelType?: string; limit: number }): Promise<TrainingRunRecord[]> {
    const rows = await this.dataSource.query<TrainingRunRow[]>(
      `SELECT * FROM "ml"."training_runs"
       WHERE ($1::varchar IS NULL OR "state" = $1) AND ($2::varchar IS NULL OR "model_type" = $2)
       ORDER BY "created_at" DESC, "training_id" LIMIT $3`,
      [filter.state ?? null, filter.modelType ?? null, filter.limit],
    );
    return rows.map(toRecord);
  }

  /** Claims the oldest queued run, or a running one whose worker has been silent for `staleSeconds`. */
  async claimNext(worker: string, staleSeconds: number): Promise<TrainingRunRecord | null> {
    const rows = await this.dataSource.query<[TrainingRunRow[], number]>(
      `UPDATE "ml"."training_runs" SET "state" = 'running', "worker" = $1, "progress" = 0, "started_at" = now(), "heartbeat_at" = now()
       WHERE "training_id" = (
         SELECT "training_id" FROM "ml"."training_runs"
         WHERE "state" = 'queued' OR ("state" = 'running' AND "heartbeat_at" < now() - make_interval(secs => $2))
         ORDER BY "created_at" LIMIT 1 FOR UPDATE SKIP LOCKED)
       RETURNING *`,
      [worker, staleSeconds],
    );
    return rows[0].length > 0 ? toRecord(rows[0][0]) : null;
  }

  /** Progress and heartbeat; false when the run is no longer this worker's (it was reclaimed). */
  async heartbeat(trainingId: string, worker: string, progress: number): Promise<boolean> {
    const [, count] = await this.dataSource.query<[unknown, number]>(
      `UPDATE "ml"."training_runs" SET "progress" = $3, "heartbeat_at" = now() WHERE "training_id" = $1 AND "worker" = $2 AND "state" = 'running'`,
      [trainingId, worker, progress],
    );
    return count > 0;
  }

  /** Hands a run this worker holds back to the queue (the worker is stopping); another replica takes it up. */
  async requeue(trainingId: string, worker: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE "ml"."training_runs" SET "state" = 'queued', "worker" = NULL, "progress" = 0, "started_at" = NULL, "heartbeat_at" = NULL WHERE "training_id" = $1 AND "worker" = $2 AND "state" = 'running'`,
      [trainingId, worker],
    );
  }

  async succeed(trainingId: string, worker: string, modelId: string, metrics: Record<string, unknown>): Promise<void> {
    await this.dataSource.query(
      `UPDATE "ml"."training_runs" SET "state" = 'succeeded', "progress" = 1, "model_id" = $3, "metrics" = $4, "finished_at" = now() WHERE "training_id" = $1 AND "worker" = $2`,
      [trainingId, worker, modelId, JSON.stringify(metrics)],
    );
  }

  async fail(trainingId: string, worker: string, error: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE "ml"."training_runs" SET "state" = 'failed', "error" = $3, "finished_at" = now() WHERE "training_id" = $1 AND "worker" = $2`,
      [trainingId, worker, error],
    );
  }
}
