import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When any data of a machine last arrived — events or sensor readings. MDC sends events only on changes, so readings
 * are the heartbeat that tells a quiet machine from one whose data has stopped.
 */
export class AddLiveStatusLastData1764500000000 implements MigrationInterface {
  name = 'AddLiveStatusLastData1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "analytics"."machine_live_status" ADD COLUMN "last_data_at" timestamptz NULL`);
    await queryRunner.query(`UPDATE "analytics"."machine_live_status" SET "last_data_at" = "last_event_at"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "analytics"."machine_live_status" DROP COLUMN "last_data_at"`);
  }
}
