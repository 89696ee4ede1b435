import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The quarantine also keeps records a consumer of SHOPFLOOR rejected (`rejected_by` names who: ingestion or the
 * consumer), a failed sync run keeps an error code beside its message, and a watermark's last key is kept as JSON
 * text, so any key a source may hold (a NUL character, any length) can be stored and resumed from.
 */
export class QuarantinePerConsumer1764480000000 implements MigrationInterface {
  name = 'QuarantinePerConsumer1764480000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "ingestion"."quarantined_rows" ADD COLUMN "rejected_by" varchar(100) NOT NULL DEFAULT 'ingestion'`);
    await queryRunner.query(`ALTER TABLE "ingestion"."quarantined_rows" DROP CONSTRAINT "uq_quarantined_rows_entity_key"`);
    await queryRunner.query(
      `ALTER TABLE "ingestion"."quarantined_rows" ADD CONSTRAINT "uq_quarantined_rows_entity_key_by" UNIQUE ("entity", "primary_key", "rejected_by")`,
    );
    await queryRunner.query(`CREATE INDEX "ix_quarantined_rows_last_sync" ON "ingestion"."quarantined_rows" ("last_sync_id")`);
    await queryRunner.query(`ALTER TABLE "ingestion"."sync_runs" ADD COLUMN "error_code" varchar(50) NULL`);
    await queryRunner.query(`ALTER TABLE "ingestion"."watermarks" ALTER COLUMN "last_key" TYPE text`);
    await queryRunner.query(`UPDATE "ingestion"."watermarks" SET "last_key" = to_json("last_key")::text WHERE "last_key" IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE "ingestion"."watermarks" SET "last_key" = ("last_key"::json #>> '{}') WHERE "last_key" IS NOT NULL`);
    await queryRunner.query(`ALTER TABLE "ingestion"."watermarks" ALTER COLUMN "last_key" TYPE varchar(200)`);
    await queryRunner.query(`ALTER TABLE "ingestion"."sync_runs" DROP COLUMN "error_code"`);
    await queryRunner.query(`DROP INDEX "ingestion"."ix_quarantined_rows_last_sync"`);
    await queryRunner.query(`DELETE FROM "ingestion"."quarantined_rows" WHERE "rejected_by" <> 'ingestion'`);
    await queryRunner.query(`ALTER TABLE "ingestion"."quarantined_rows" DROP CONSTRAINT "uq_quarantined_rows_entity_key_by"`);
    await queryRunner.query(`ALTER TABLE "ingestion"."quarantined_rows" ADD CONSTRAINT "uq_quarantined_rows_entity_key" UNIQUE ("entity", "primary_key")`);
    await queryRunner.query(`ALTER TABLE "ingestion"."quarantined_rows" DROP COLUMN "rejected_by"`);
  }
}
