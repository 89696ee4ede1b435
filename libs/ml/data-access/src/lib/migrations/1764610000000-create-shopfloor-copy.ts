import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ml service's own copy of the shop floor, fed by its durable consumer of the SHOPFLOOR stream: only the fields
 * the feature pipeline reads (`MachineHistory` of @shopfloor/ml/features) and the machine list. Keys are the source's
 * own, so a redelivered record lands on the row it already wrote. A deletion leaves a tombstone (`deleted_at`) rather
 * than removing the row: with several replicas a late, older upsert may arrive after it, and must not bring the row
 * back. No foreign keys: records may arrive before their machine.
 */
export class CreateShopfloorCopy1764610000000 implements MigrationInterface {
  name = 'CreateShopfloorCopy1764610000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "ml"."machines" (
        "machine_id" varchar(50) NOT NULL,
        "type" varchar(50) NOT NULL,
        "location" varchar(100),
        "installation_date" timestamptz,
        "source_updated_at" timestamptz NOT NULL,
        "deleted_at" timestamptz,
        CONSTRAINT "pk_machines" PRIMARY KEY ("machine_id")
      )`);

    await queryRunner.query(`
      CREATE TABLE "ml"."jobs" (
        "job_id" varchar(50) NOT NULL,
        "machine_id" varchar(50) NOT NULL,
        "start_time" timestamptz NOT NULL,
        "end_time" timestamptz,
        "ideal_cycle_time" double precision,
        "cycle_time" double precision,
        "parts_produced" integer,
        "parts_scrapped" integer,
        "source_updated_at" timestamptz NOT NULL,
        "deleted_at" timestamptz,
        CONSTRAINT "pk_jobs" PRIMARY KEY ("job_id")
      )`);
    await queryRunner.query(`CREATE INDEX "ix_jobs_machine_start" ON "ml"."jobs" ("machine_id", "start_time")`);

    // end_time is start_time + duration, written with the row (timestamptz + interval is not immutable, so it cannot
    // be a generated column). Indexed both ways: windows near the end of the data are bounded by the end, counts of
    // stops starting in a window and the next breakdown by the start.
    await queryRunner.query(`
      CREATE TABLE "ml"."stops" (
        "record_id" varchar(50) NOT NULL,
        "machine_id" varchar(50) NOT NULL,
        "downtime_type" varchar(50) NOT NULL,
        "start_time" timestamptz NOT NULL,
        "duration" double precision NOT NULL,
        "end_time" timestamptz NOT NULL,
        "source_updated_at" timestamptz NOT NULL,
        "deleted_at" timestamptz,
        CONSTRAINT "pk_stops" PRIMARY KEY ("record_id")
      )`);
    await queryRunner.query(`CREATE INDEX "ix_stops_machine_start" ON "ml"."stops" ("machine_id", "start_time")`);
    await queryRunner.query(`CREATE INDEX "ix_stops_machine_end" ON "ml"."stops" ("machine_id", "end_time")`);

    // By far the largest table: the primary key and the one index a machine's window reads, nothing more — every
    // extra index is paid on each of millions of inserts.
    await queryRunner.query(`
      CREATE TABLE "ml"."readings" (
        "reading_id" bigint NOT NULL,
        "machine_id" varchar(50) NOT NULL,
        "reading_time" timestamptz NOT NULL,
        "metric" varchar(50) NOT NULL,
        "value" double precision NOT NULL,
        "deleted_at" timestamptz,
        CONSTRAINT "pk_readings" PRIMARY KEY ("reading_id")
      )`);
    await queryRunner.query(`CREATE INDEX "ix_readings_machine_time" ON "ml"."readings" ("machine_id", "reading_time")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "ml"."readings"`);
    await queryRunner.query(`DROP TABLE "ml"."stops"`);
    await queryRunner.query(`DROP TABLE "ml"."jobs"`);
    await queryRunner.query(`DROP TABLE "ml"."machines"`);
  }
}
