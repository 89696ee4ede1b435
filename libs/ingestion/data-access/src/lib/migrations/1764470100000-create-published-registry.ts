import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What ingestion has published, so a full sync can tell which rows disappeared from the source. */
export class CreatePublishedRegistry1764470100000 implements MigrationInterface {
  name = 'CreatePublishedRegistry1764470100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "ingestion"."published_keys" (
        "entity" varchar(50) NOT NULL,
        "key" varchar(200) NOT NULL,
        CONSTRAINT "pk_published_keys" PRIMARY KEY ("entity", "key")
      )`);
    await queryRunner.query(`
      CREATE TABLE "ingestion"."published_id_ranges" (
        "id" bigserial NOT NULL,
        "entity" varchar(50) NOT NULL,
        "from_id" bigint NOT NULL,
        "to_id" bigint NOT NULL,
        CONSTRAINT "pk_published_id_ranges" PRIMARY KEY ("id"),
        CONSTRAINT "ck_published_id_ranges_order" CHECK ("from_id" <= "to_id")
      )`);
    await queryRunner.query(`CREATE INDEX "ix_published_id_ranges_entity" ON "ingestion"."published_id_ranges" ("entity", "from_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "ingestion"."published_id_ranges"`);
    await queryRunner.query(`DROP TABLE "ingestion"."published_keys"`);
  }
}
