import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface ScoringRoundRecord {
  roundKey: string;
  worker: string;
  startedAt: Date;
  finishedAt: Date | null;
  machines: number;
  predictions: number;
  skipped: number;
  errors: number;
}

/** Scheduled scoring's bookkeeping: which rounds ran (each once across replicas) and how far anomalies are scored. */
@Injectable()
export class ScoringRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Claims a round for `worker`: true for the one replica whose insert made the row, false for every other. */
  async claimRound(roundKey: string, worker: string): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>(
      `INSERT INTO "ml"."scoring_rounds" ("round_key", "worker") VALUES ($1, $2) ON CONFLICT ("round_key") DO NOTHING RETURNING "round_key"`,
      [roundKey, worker],
    );
    return rows.length > 0;
  }

  async finishRound(roundKey: string, counts: { machines: number; predictions: number; skipped: number; errors: number }): Promise<void> {
    await this.dataSource.query(
      `UPDATE "ml"."scoring_rounds" SET "finished_at" = now(), "machines" = $2, "predictions" = $3, "skipped" = $4, "errors" = $5 WHERE "round_key" = $1`,
      [roundKey, counts.machines, counts.predictions, counts.skipped, counts.errors],
    );
  }

  /** The newest rounds, newest first. */
  async recentRounds(limit: number): Promise<ScoringRoundRecord[]> {
    const rows = await this.dataSource.query<
      {
        round_key: string;
        worker: string;
        started_at: Date;
        finished_at: Date | null;
        machines: number;
        predictions: number;
        skipped: number;
        errors: number;
      }[]
    >(`SELECT * FROM "ml"."scoring_rounds" ORDER BY "started_at" DESC LIMIT $1`, [limit]);
    return rows.map((r) => ({
      roundKey: r.round_key,
      worker: r.worker,
      startedAt: r.started_at,
      finishedAt: r.finished_at,
      machines: r.machines,
      predictions: r.predictions,
      skipped: r.skipped,
      errors: r.errors,
    }));
  }

  /** Rounds older than `before` go (the table is a log, not a history). */
  async pruneRounds(before: Date): Promise<void> {
    await this.dataSource.query(`DELETE FROM "ml"."scoring_rounds" WHERE "started_at" < $1`, [before]);
  }

  /** Per machine, the end of the hours already scored for anomalies. */
  async anomalyCursors(): Promise<Map<string, number>> {
    const rows = await this.dataSource.query<{ machine_id: string; to_ms: number }[]>(
      `SELECT "machine_id", (extract(epoch FROM "anomalies_scored_to") * 1000)::float8 AS "to_ms" FROM "ml"."scoring_cursors"`,
    );
    return new Map(rows.map((r) => [r.machine_id, r.to_ms]));
  }

  /** Moves a machine's anomaly cursor forward (never back: a slower replica's older round cannot rewind it). */
  async advanceAnomalyCursor(machineId: string, to: number): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO "ml"."scoring_cursors" ("machine_id", "anomalies_scored_to") VALUES ($1, $2)
       ON CONFLICT ("machine_id") DO UPDATE SET "anomalies_scored_to" = GREATEST("scoring_cursors"."anomalies_scored_to", EXCLUDED."anomalies_scored_to")`,
      [machineId, new Date(to)],
    );
  }
}
