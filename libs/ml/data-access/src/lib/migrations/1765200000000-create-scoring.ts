import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Scheduled scoring and the promotion gate:
 * - `scoring_rounds`: one row per round, claimed by the first replica to insert it (so a round runs once across
 *   replicas), with what it did;
 * - `scoring_cursors`: per machine, the end of the hours whose readings have been scored for anomalies;
 * - `models.promotion`: why a trained version became active or waits for an admin;
 * - an index for a machine's latest prediction of each kind (risk view, threshold crossings).
 */
export class CreateScoring1765200000000 implements MigrationInterface {
  name = 'CreateScoring1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "ml"."scoring_rounds" (
        "round_key" varchar(100) NOT NULL,
        "worker" varchar(200) NOT NULL,
        "started_at" timestamptz NOT NULL DEFAULT now(),
        "finished_at" timestamptz,
        "machines" integer NOT NULL DEFAULT 0,
        "predictions" integer NOT NULL DEFAULT 0,
        "skipped" integer NOT NULL DEFAULT 0,
        "errors" integer NOT NULL DEFAULT 0,
        CONSTRAINT "pk_scoring_rounds" PRIMARY KEY ("round_key")
      )`);
    await queryRunner.query(`CREATE INDEX "ix_scoring_rounds_started" ON "ml"."scoring_rounds" ("started_at")`);
    await queryRunner.query(`
      CREATE TABLE "ml"."scoring_cursors" (
        "machine_id" varchar(50) NOT NULL,
        "anomalies_scored_to" timestamptz NOT NULL,
        CONSTRAINT "pk_scoring_cursors" PRIMARY KEY ("machine_id")
      )`);
    await queryRunner.query(`ALTER TABLE "ml"."models" ADD COLUMN "promotion" jsonb`);
    await queryRunner.query(
      `CREATE INDEX "ix_model_predictions_machine_latest" ON "ml"."model_predictions" ("machine_id", "model_type", "horizon_hours", "predicted_at" DESC)`,
    );
    await queryRunner.query(`CREATE INDEX "ix_model_predictions_predicted_at" ON "ml"."model_predictions" ("predicted_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ml"."ix_model_predictions_predicted_at"`);
    await queryRunner.query(`DROP INDEX "ml"."ix_model_predictions_machine_latest"`);
    await queryRunner.query(`ALTER TABLE "ml"."models" DROP COLUMN "promotion"`);
    await queryRunner.query(`DROP TABLE "ml"."scoring_cursors"`);
    await queryRunner.query(`DROP TABLE "ml"."scoring_rounds"`);
  }
}
