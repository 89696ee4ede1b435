import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ml service's own records: uploaded datasets (stored by column, numbers as float64 so a 50,000 × 30 dataset is a
 * dozen MB, not a JSON document per row), training runs (a queue that replicas claim with SKIP LOCKED), the model
 * registry (every trained version with its artifact; at most one active per model type) and every prediction made,
 * with the actual value filled in once it is known.
 */
export class CreateMlRegistry1764600000000 implements MigrationInterface {
  name = 'CreateMlRegistry1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "ml"."datasets" (
        "dataset_id" uuid NOT NULL,
        "name" varchar(100) NOT NULL,
        "label" varchar(100) NOT NULL,
        "excluded" jsonb NOT NULL DEFAULT '[]',
        "group_column" varchar(100),
        "order_column" varchar(100),
        "row_count" integer NOT NULL,
        "columns" jsonb NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_datasets" PRIMARY KEY ("dataset_id")
      )`);
    await queryRunner.query(`
      CREATE TABLE "ml"."dataset_columns" (
        "dataset_id" uuid NOT NULL REFERENCES "ml"."datasets" ("dataset_id") ON DELETE CASCADE,
        "position" integer NOT NULL,
        "name" varchar(100) NOT NULL,
        "kind" varchar(8) NOT NULL CHECK ("kind" IN ('number', 'text')),
        "data" bytea NOT NULL,
        CONSTRAINT "pk_dataset_columns" PRIMARY KEY ("dataset_id", "position")
      )`);
    await queryRunner.query(`
      CREATE TABLE "ml"."training_runs" (
        "training_id" uuid NOT NULL,
        "model_type" varchar(32) NOT NULL,
        "dataset_id" uuid REFERENCES "ml"."datasets" ("dataset_id") ON DELETE SET NULL,
        "params" jsonb NOT NULL DEFAULT '{}',
        "state" varchar(16) NOT NULL CHECK ("state" IN ('queued', 'running', 'succeeded', 'failed')),
        "progress" double precision NOT NULL DEFAULT 0,
        "model_id" uuid,
        "metrics" jsonb,
        "error" text,
        "worker" varchar(100),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "started_at" timestamptz,
        "heartbeat_at" timestamptz,
        "finished_at" timestamptz,
        CONSTRAINT "pk_training_runs" PRIMARY KEY ("training_id")
      )`);
    await queryRunner.query(`CREATE INDEX "ix_training_runs_open" ON "ml"."training_runs" ("created_at") WHERE "state" IN ('queued', 'running')`);
    await queryRunner.query(`
      CREATE TABLE "ml"."models" (
        "model_id" uuid NOT NULL,
        "model_type" varchar(32) NOT NULL,
        "version" integer NOT NULL,
        "active" boolean NOT NULL DEFAULT false,
        "training_id" uuid NOT NULL,
        "dataset_id" uuid,
        "data_from" timestamptz,
        "data_to" timestamptz,
        "data_rows" integer NOT NULL,
        "hyperparameters" jsonb NOT NULL,
        "metrics" jsonb NOT NULL,
        "feature_names" jsonb NOT NULL,
        "artifact" bytea NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "activated_at" timestamptz,
        CONSTRAINT "pk_models" PRIMARY KEY ("model_id"),
        CONSTRAINT "uq_models_version" UNIQUE ("model_type", "version")
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_models_active" ON "ml"."models" ("model_type") WHERE "active"`);
    await queryRunner.query(`
      CREATE TABLE "ml"."model_predictions" (
        "prediction_id" uuid NOT NULL,
        "model_id" uuid NOT NULL REFERENCES "ml"."models" ("model_id") ON DELETE CASCADE,
        "model_type" varchar(32) NOT NULL,
        "machine_id" varchar(50),
        "predicted_value" double precision NOT NULL,
        "confidence_score" double precision,
        "horizon_hours" double precision,
        "input" jsonb NOT NULL,
        "factors" jsonb NOT NULL,
        "predicted_at" timestamptz NOT NULL,
        "due_at" timestamptz,
        "actual_value" double precision,
        "actual_at" timestamptz,
        CONSTRAINT "pk_model_predictions" PRIMARY KEY ("prediction_id")
      )`);
    await queryRunner.query(`CREATE INDEX "ix_model_predictions_model" ON "ml"."model_predictions" ("model_id", "predicted_at")`);
    await queryRunner.query(
      `CREATE INDEX "ix_model_predictions_pending" ON "ml"."model_predictions" ("due_at") WHERE "actual_value" IS NULL AND "due_at" IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "ml"."model_predictions"`);
    await queryRunner.query(`DROP TABLE "ml"."models"`);
    await queryRunner.query(`DROP TABLE "ml"."training_runs"`);
    await queryRunner.query(`DROP TABLE "ml"."dataset_columns"`);
    await queryRunner.query(`DROP TABLE "ml"."datasets"`);
  }
}
