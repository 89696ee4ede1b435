import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateMachines1764450100000 implements MigrationInterface {
  name = 'CreateMachines1764450100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "analytics"."machines" (
        "machine_id" varchar(50) NOT NULL,
        "name" varchar(100) NOT NULL,
        "type" varchar(50) NOT NULL,
        "location" varchar(100) NULL,
        "installation_date" timestamptz NULL,
        "specifications" jsonb NULL,
        "source_updated_at" timestamptz NOT NULL,
        "synced_at" timestamptz NOT NULL DEFAULT now(),
        "deleted_at" timestamptz NULL,
        CONSTRAINT "pk_machines" PRIMARY KEY ("machine_id")
      )`);
    await queryRunner.query(`CREATE INDEX "ix_machines_type_location" ON "analytics"."machines" ("type", "location") WHERE "deleted_at" IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "analytics"."machines"`);
  }
}
