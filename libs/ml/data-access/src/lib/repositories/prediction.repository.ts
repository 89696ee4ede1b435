import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface NewPrediction {
  predictionId: string;
  modelId: string;
  modelType: string;
  machineId: string | null;
  predictedValue: number;
  confidenceScore: number | null;
  horizonHours: number | null;
  input: Record<string, unknown>;
  factors: unknown[];
  predictedAt: Date;
  /** When the actual outcome will be known (end of the horizon); null when it never will be (a what-if input). */
  dueAt: Date | null;
}

/** A stored prediction as it is listed, with the version of the model that made it. */
export interface PredictionHistoryRow {
  prediction_id: string;
  model_id: string;
  model_version: number;
  model_type: string;
  machine_id: string | null;
  predicted_value: number;
  confidence_score: number | null;
  horizon_hours: number | null;
  factors: unknown[];
  predicted_at: Date;
  due_at: Date | null;
  actual_value: number | null;
  actual_at: Date | null;
}

/** A machine's latest prediction of one kind, as the risk view reads it. */
export interface LatestPredictionRow {
  prediction_id: string;
  model_id: string;
  model_version: number;
  model_type: string;
  predicted_value: number;
  horizon_hours: number | null;
  input: Record<string, unknown>;
  factors: unknown[];
  predicted_at: Date;
  due_at: Date | null;
}

/** Every prediction served, kept with what it was based on; the actual value is filled in once known. */
@Injectable()
export class PredictionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(p: NewPrediction): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO "ml"."model_predictions" ("prediction_id", "model_id", "model_type", "machine_id", "predicted_value", "confidence_score", "horizon_hours", "input", "factors", "predicted_at", "due_at")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        p.predictionId,
        p.modelId,
        p.modelType,
        p.machineId,
        p.predictedValue,
        p.confidenceScore,
        p.horizonHours,
        JSON.stringify(p.input),
        JSON.stringify(p.factors),
        p.predictedAt,
        p.dueAt,
      ],
    );
  }

  /**
   * Stored predictions newest first (by time, then id), filtered; `after` is the (time, id) the previous page ended
   * on. One row more than `limit` is read, so the caller knows whether a next page exists.
   */
  async history(filter: {
    machineId?: string;
    modelType?: string;
    from?: Date;
    to?: Date;
    after?: { at: Date; id: string };
    limit: number;
  }): Promise<PredictionHistoryRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.machineId !== undefined) add('"p"."machine_id" = ?', filter.machineId);
    if (filter.modelType !== undefined) add('"p"."model_type" = ?', filter.modelType);
    if (filter.from !== undefined) add('"p"."predicted_at" >= ?', filter.from);
    if (filter.to !== undefined) add('"p"."predicted_at" < ?', filter.to);
    if (filter.after) {
      params.push(filter.after.at, filter.after.id);
      where.push(`("p"."predicted_at", "p"."prediction_id") < ($${params.length - 1}, $${params.length})`);
    }
    params.push(filter.limit + 1);
    return this.dataSource.query<PredictionHistoryRow[]>(
      `SELECT "p"."prediction_id", "p"."model_id", "m"."version" AS "model_version", "p"."model_type", "p"."machine_id", "p"."predicted_value",
              "p"."confidence_score", "p"."horizon_hours", "p"."factors", "p"."predicted_at", "p"."due_at", "p"."actual_value", "p"."actual_at"
         FROM "ml"."model_predictions" "p" JOIN "ml"."models" "m" ON "m"."model_id" = "p"."model_id"
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY "p"."predicted_at" DESC, "p"."prediction_id" DESC
        LIMIT $${params.length}`,
      params,
    );
  }

  /** Each machine's latest prediction of a type since `since` (value and horizon), for machines that have one. */
  async latestByMachine(machineIds: string[], modelType: string, since: Date): Promise<Map<string, { value: number; horizonHours: number | null }>> {
    if (machineIds.length === 0) return new Map();
    const rows = await this.dataSource.query<{ machine_id: string; predicted_value: number; horizon_hours: number | null }[]>(
      `SELECT DISTINCT ON ("machine_id") "machine_id", "predicted_value", "horizon_hours" FROM "ml"."model_predictions"
       WHERE "machine_id" = ANY($1::varchar[]) AND "model_type" = $2 AND "predicted_at" >= $3 ORDER BY "machine_id", "predicted_at" DESC`,
      [machineIds, modelType, since],
    );
    return new Map(rows.map((r) => [r.machine_id, { value: r.predicted_value, horizonHours: r.horizon_hours }]));
  }

  /** The machine's latest prediction of a type (and horizon, null for none) before `before`: what a new one is compared to. */
  async previousValue(machineId: string, modelType: string, horizonHours: number | null, before: Date): Promise<number | null> {
    const rows = await this.dataSource.query<{ predicted_value: number }[]>(
      `SELECT "predicted_value" FROM "ml"."model_predictions"
       WHERE "machine_id" = $1 AND "model_type" = $2 AND "horizon_hours" IS NOT DISTINCT FROM $3::float8 AND "predicted_at" < $4
       ORDER BY "predicted_at" DESC LIMIT 1`,
      [machineId, modelType, horizonHours, before],
    );
    return rows.length > 0 ? rows[0].predicted_value : null;
  }

  /**
   * The machine's latest prediction of each (type, horizon) made since `since`, with its model's version and the input
   * it was stored with (the maintenance window, the anomaly's hour).
   */
  async latestForMachine(machineId: string, since: Date): Promise<LatestPredictionRow[]> {
    return this.dataSource.query<LatestPredictionRow[]>(
      `SELECT DISTINCT ON ("p"."model_type", "p"."horizon_hours")
              "p"."prediction_id", "p"."model_id", "m"."version" AS "model_version", "p"."model_type", "p"."predicted_value", "p"."horizon_hours",
              "p"."input", "p"."factors", "p"."predicted_at", "p"."due_at"
         FROM "ml"."model_predictions" "p" JOIN "ml"."models" "m" ON "m"."model_id" = "p"."model_id"
        WHERE "p"."machine_id" = $1 AND "p"."predicted_at" >= $2
        ORDER BY "p"."model_type", "p"."horizon_hours", "p"."predicted_at" DESC, "p"."prediction_id" DESC`,
      [machineId, since],
    );
  }

  /** Removes predictions made before `before`, at most `limit` at a time; returns how many went. */
  async prune(before: Date, limit: number): Promise<number> {
    const [, count] = await this.dataSource.query<[unknown[], number]>(
      `DELETE FROM "ml"."model_predictions" WHERE "prediction_id" IN (SELECT "prediction_id" FROM "ml"."model_predictions" WHERE "predicted_at" < $1 LIMIT $2)`,
      [before, limit],
    );
    return count;
  }

  /** Predictions whose outcome is due but not yet recorded, oldest first. */
  async due(
    now: Date,
    limit: number,
  ): Promise<{ predictionId: string; modelType: string; machineId: string; predictedAt: Date; dueAt: Date; threshold: number | null; stopTypes: string[] }[]> {
    const rows = await this.dataSource.query<
      {
        prediction_id: string;
        model_type: string;
        machine_id: string;
        predicted_at: Date;
        due_at: Date;
        threshold: number | null;
        stop_types: string[] | null;
      }[]
    >(
      `SELECT "prediction_id", "model_type", "machine_id", "predicted_at", "due_at", ("input"->>'threshold_minutes')::double precision AS "threshold",
              CASE WHEN jsonb_typeof("input"->'stop_types') = 'array' THEN ARRAY(SELECT jsonb_array_elements_text("input"->'stop_types')) END AS "stop_types"
       FROM "ml"."model_predictions" WHERE "actual_value" IS NULL AND "due_at" IS NOT NULL AND "due_at" <= $1 AND "machine_id" IS NOT NULL ORDER BY "due_at" LIMIT $2`,
      [now, limit],
    );
    return rows.map((r) => ({
      predictionId: r.prediction_id,
      modelType: r.model_type,
      machineId: r.machine_id,
      predictedAt: r.predicted_at,
      dueAt: r.due_at,
      threshold: r.threshold,
      stopTypes: r.stop_types ?? [],
    }));
  }

  async recordActual(predictionId: string, actual: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE "ml"."model_predictions" SET "actual_value" = $2, "actual_at" = now() WHERE "prediction_id" = $1 AND "actual_value" IS NULL`,
      [predictionId, actual],
    );
  }

  /** Predicted and actual values of a model's predictions whose outcome is known (newest 100,000), and how many are pending. */
  async outcomes(modelId: string): Promise<{ predicted: number[]; actual: number[]; total: number; pending: number }> {
    const rows = await this.dataSource.query<{ predicted_value: number; actual_value: number }[]>(
      `SELECT "predicted_value", "actual_value" FROM "ml"."model_predictions" WHERE "model_id" = $1 AND "actual_value" IS NOT NULL ORDER BY "predicted_at" DESC LIMIT 100000`,
      [modelId],
    );
    const [counts] = await this.dataSource.query<{ total: number; pending: number }[]>(
      `SELECT count(*)::int AS "total", count(*) FILTER (WHERE "actual_value" IS NULL AND "due_at" IS NOT NULL)::int AS "pending" FROM "ml"."model_predictions" WHERE "model_id" = $1`,
      [modelId],
    );
    return { predicted: rows.map((r) => r.predicted_value), actual: rows.map((r) => r.actual_value), total: counts.total, pending: counts.pending };
  }

  async count(modelId: string): Promise<number> {
    const rows = await this.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS "n" FROM "ml"."model_predictions" WHERE "model_id" = $1`, [modelId]);
    return rows[0].n;
  }
}
