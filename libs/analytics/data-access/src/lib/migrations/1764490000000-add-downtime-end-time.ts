import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The end of each stop, stored: "stops overlapping [from, to)" becomes an index range on the end instead of a scan of
 * the machine's whole history before `to` (a year of a machine is thousands of stops).
 */
export class AddDowntimeEndTime1764490000000 implements MigrationInterface {
  name = 'AddDowntimeEndTime1764490000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "analytics"."downtime_records" ADD COLUMN "end_time" timestamptz NULL`);
    await queryRunner.query(`UPDATE "analytics"."downtime_records" SET "end_time" = "start_time" + "duration" * interval '1 second'`);
    await queryRunner.query(`ALTER TABLE "analytics"."downtime_records" ALTER COLUMN "end_time" SET NOT NULL`);
    await queryRunner.query(`CREATE INDEX "ix_downtime_records_machine_end" ON "analytics"."downtime_records" ("machine_id", "end_time")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "analytics"."ix_downtime_records_machine_end"`);
    await queryRunner.query(`ALTER TABLE "analytics"."downtime_records" DROP COLUMN "end_time"`);
  }
}
