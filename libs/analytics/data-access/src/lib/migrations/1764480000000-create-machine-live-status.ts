import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each machine's current status, kept from its state events. `previous_state` is written by the same statement that
 * changes `state`, so a change is seen (and published) exactly once whichever replica makes it;
 * `long_stop_alerted_since` does the same for the long-stop alert of one stop.
 */
export class CreateMachineLiveStatus1764480000000 implements MigrationInterface {
  name = 'CreateMachineLiveStatus1764480000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "analytics"."machine_live_status" (
        "machine_id" varchar(50) NOT NULL,
        "state" varchar(20) NOT NULL,
        "previous_state" varchar(20) NULL,
        "since" timestamptz NULL,
        "reason_code" varchar(20) NULL,
        "current_job_id" varchar(50) NULL,
        "part_count" integer NULL,
        "last_event_at" timestamptz NULL,
        "long_stop_alerted_since" timestamptz NULL,
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_machine_live_status" PRIMARY KEY ("machine_id")
      )`);
    await queryRunner.query(`CREATE INDEX "ix_machine_live_status_last_event" ON "analytics"."machine_live_status" ("last_event_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "analytics"."machine_live_status"`);
  }
}
