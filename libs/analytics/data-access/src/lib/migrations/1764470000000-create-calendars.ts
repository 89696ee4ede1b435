import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Shift calendars: one row for the shop default ('default') and one per machine that has its own. Shifts are kept as
 * the JSON document clients PUT (validated by the service), since they are always read and written whole.
 */
export class CreateCalendars1764470000000 implements MigrationInterface {
  name = 'CreateCalendars1764470000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "analytics"."calendars" (
        "calendar_id" varchar(50) NOT NULL,
        "timezone" varchar(64) NOT NULL,
        "shifts" jsonb NOT NULL,
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_calendars" PRIMARY KEY ("calendar_id")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "analytics"."calendars"`);
  }
}
