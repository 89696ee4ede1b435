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

/** Every prediction served, kept with what it was based on; the actual value is filled in once known. */
@Injectable()
export class PredictionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(p: NewPrediction): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO "ml"."model_predictions" ("prediction_id", "model_id", "model_type", "machine_id", "predicted_value", "confidence_score", "horizon_hours", "input", "factors", "predicted_at", "due_at")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [p.predictionId, p.modelId, p.modelType, p.machineId, p.predictedValue, p.confidenceScore, p.horizonHours, JSON.stringify(p.input), JSON.stringify(p.factors), p.predictedAt, p.dueAt],
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

  /** Predictions whose outcome is due but not yet recorded, oldest first. */
  async due(now: Date, limit: number): Promise<{ predictionId: string; modelType: string; machineId: string; predictedAt: Date; dueAt: Date; threshold: number | null; stopTypes: string[] }[]> {
    const rows = await this.dataSource.query<{ prediction_id: string; model_type: string; machine_id: string; predicted_at: Date; due_at: Date; threshold: number | null; stop_types: string[] | null }[]>(
      `SELECT "prediction_id", "model_type", "machine_id", "predicted_at", "due_at", ("input"->>'threshold_minutes')::double precision AS "threshold",
              CASE WHEN jsonb_typeof("input"->'stop_types') = 'array' THEN ARRAY(SELECT jsonb_array_elements_text("input"->'stop_types')) END AS "stop_types"
       FROM "ml"."model_predictions" WHERE "actual_value" IS NULL AND "due_at" IS NOT NULL AND "due_at" <= $1 AND "machine_id" IS NOT NULL ORDER BY "due_at" LIMIT $2`,
      [now, limit],
    );
    return rows.map((r) => ({ predictionId: r.prediction_id, modelType: r.model_type, machineId: r.machine_id, predictedAt: r.predicted_at, dueAt: r.due_at, threshold: r.threshold, stopTypes: r.stop_types ?? [] }));
  }

  async recordActual(predictionId: string, actual: number): Promise<void> {
    await this.dataSource.query(`UPDATE "ml"."model_predictions" SET "actual_value" = $2, "actual_at" = now() WHERE "prediction_id" = $1 AND "actual_value" IS NULL`, [predictionId, actual]);
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
