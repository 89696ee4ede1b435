import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Jobs, downtime records, machine events and readings of the read model. Keys are the source's own (natural key or
 * auto-increment id), so a redelivered record lands on the row it already wrote. No foreign keys to machines: records
 * may arrive before their machine, and orphans are reported by the integrity check instead of being refused.
 */
export class CreateShopfloorRecords1764460000000 implements MigrationInterface {
  name = 'CreateShopfloorRecords1764460000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "analytics"."jobs" (
        "job_id" varchar(50) NOT NULL,
        "machine_id" varchar(50) NOT NULL,
        "part_number" varchar(100) NULL,
        "start_time" timestamptz NOT NULL,
        "end_time" timestamptz NULL,
        "state" varchar(20) NOT NULL,
        "operator_id" varchar(50) NULL,
        "setup_time" double precision NULL,
        "cycle_time" double precision NULL,
        "ideal_cycle_time" double precision NULL,
        "parts_produced" integer NULL,
        "parts_scrapped" integer NULL,
        "source_updated_at" timestamptz NOT NULL,
        "synced_at" timestamptz NOT NULL DEFAULT now(),
        "deleted_at" timestamptz NULL,
        CONSTRAINT "pk_jobs" PRIMARY KEY ("job_id")
      )`);
    await queryRunner.query(`CREATE INDEX "ix_jobs_machine_start" ON "analytics"."jobs" ("machine_id", "start_time")`);

    await queryRunner.query(`
      CREATE TABLE "analytics"."downtime_records" (
        "record_id" varchar(50) NOT NULL,
        "job_id" varchar(50) NULL,
        "machine_id" varchar(50) NOT NULL,
        "downtime_type" varchar(50) NOT NULL,
        "start_time" timestamptz NOT NULL,
        "duration" double precision NOT NULL,
        "reason_code" varchar(20) NULL,
        "description" text NULL,
        "source_updated_at" timestamptz NOT NULL,
        "synced_at" timestamptz NOT NULL DEFAULT now(),
        "deleted_at" timestamptz NULL,
        CONSTRAINT "pk_downtime_records" PRIMARY KEY ("record_id")
      )`);
    await queryRunner.query(`CREATE INDEX "ix_downtime_records_machine_start" ON "analytics"."downtime_records" ("machine_id", "start_time")`);

    await queryRunner.query(`
      CREATE TABLE "analytics"."machine_events" (
        "event_id" bigint NOT NULL,
        "machine_id" varchar(50) NOT NULL,
        "event_time" timestamptz NOT NULL,
        "state" varchar(20) NOT NULL,
        "reason_code" varchar(20) NULL,
        "job_id" varchar(50) NULL,
        "part_count" integer NULL,
        "synced_at" timestamptz NOT NULL DEFAULT now(),
        "deleted_at" timestamptz NULL,
        CONSTRAINT "pk_machine_events" PRIMARY KEY ("event_id")
      )`);
    await queryRunner.query(`CREATE INDEX "ix_machine_events_machine_time" ON "analytics"."machine_events" ("machine_id", "event_time")`);

    // The largest table by far (one row per value per collection interval): the primary key and the two indexes the
    // queries need, nothing more — every extra index is paid on each of millions of inserts.
    await queryRunner.query(`
      CREATE TABLE "analytics"."machine_readings" (
        "reading_id" bigint NOT NULL,
        "machine_id" varchar(50) NOT NULL,
        "reading_time" timestamptz NOT NULL,
        "metric" varchar(50) NOT NULL,
        "value" double precision NOT NULL,
        "unit" varchar(20) NULL,
        "synced_at" timestamptz NOT NULL DEFAULT now(),
        "deleted_at" timestamptz NULL,
        CONSTRAINT "pk_machine_readings" PRIMARY KEY ("reading_id")
      )`);
    // One secondary index only: readings are by far the largest table and every index costs each of millions of
    // inserts. Features and anomaly windows read one machine's metric over time; a machine-wide window reads its
    // few metrics through the same index (metric = ANY(...)).
    await queryRunner.query(
      `CREATE INDEX "ix_machine_readings_machine_metric_time" ON "analytics"."machine_readings" ("machine_id", "metric", "reading_time")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "analytics"."machine_readings"`);
    await queryRunner.query(`DROP TABLE "analytics"."machine_events"`);
    await queryRunner.query(`DROP TABLE "analytics"."downtime_records"`);
    await queryRunner.query(`DROP TABLE "analytics"."jobs"`);
  }
}
