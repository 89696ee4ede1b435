import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateSyncState1764470000000 implements MigrationInterface {
  name = 'CreateSyncState1764470000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "ingestion"."sync_runs" (
        "id" uuid NOT NULL,
        "mode" varchar(20) NOT NULL CHECK ("mode" IN ('incremental', 'full')),
        "state" varchar(20) NOT NULL CHECK ("state" IN ('running', 'succeeded', 'failed')),
        "trigger" varchar(20) NOT NULL,
        "started_at" timestamptz NOT NULL,
        "finished_at" timestamptz NULL,
        "heartbeat_at" timestamptz NOT NULL,
        "progress" double precision NOT NULL DEFAULT 0,
        "counts" jsonb NOT NULL,
        "deleted" jsonb NOT NULL,
        "rejected" integer NOT NULL DEFAULT 0,
        "error" text NULL,
        "runner" varchar(200) NOT NULL,
        CONSTRAINT "pk_sync_runs" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "ix_sync_runs_started_at" ON "ingestion"."sync_runs" ("started_at" DESC)`);
    await queryRunner.query(`CREATE INDEX "ix_sync_runs_running" ON "ingestion"."sync_runs" ("state") WHERE "state" = 'running'`);
    await queryRunner.query(`
      CREATE TABLE "ingestion"."watermarks" (
        "entity" varchar(50) NOT NULL,
        "last_updated_at" varchar(40) NULL,
        "last_key" varchar(200) NULL,
        "last_id" bigint NULL,
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_watermarks" PRIMARY KEY ("entity")
      )`);
    await queryRunner.query(`
      CREATE TABLE "ingestion"."quarantined_rows" (
        "id" bigserial NOT NULL,
        "entity" varchar(50) NOT NULL,
        "source_table" varchar(100) NOT NULL,
        "primary_key" varchar(200) NOT NULL,
        "reasons" jsonb NOT NULL,
        "raw" jsonb NOT NULL,
        "first_seen_at" timestamptz NOT NULL,
        "last_seen_at" timestamptz NOT NULL,
        "last_sync_id" uuid NOT NULL,
        CONSTRAINT "pk_quarantined_rows" PRIMARY KEY ("id"),
        CONSTRAINT "uq_quarantined_rows_entity_key" UNIQUE ("entity", "primary_key")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "ingestion"."quarantined_rows"`);
    await queryRunner.query(`DROP TABLE "ingestion"."watermarks"`);
    await queryRunner.query(`DROP TABLE "ingestion"."sync_runs"`);
  }
}
