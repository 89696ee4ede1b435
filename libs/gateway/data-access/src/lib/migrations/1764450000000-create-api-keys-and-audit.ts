import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateApiKeysAndAudit1764450000000 implements MigrationInterface {
  name = 'CreateApiKeysAndAudit1764450000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "gateway"."api_keys" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "name" varchar(100) NOT NULL,
        "role" varchar(20) NOT NULL CHECK ("role" IN ('viewer', 'operator', 'admin')),
        "key_prefix" varchar(16) NOT NULL,
        "key_hash" char(64) NOT NULL,
        "created_by" varchar(100) NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "last_used_at" timestamptz NULL,
        "revoked_at" timestamptz NULL,
        CONSTRAINT "pk_api_keys" PRIMARY KEY ("id"),
        CONSTRAINT "uq_api_keys_key_hash" UNIQUE ("key_hash")
      )`);
    await queryRunner.query(`
      CREATE TABLE "gateway"."audit_log" (
        "id" bigserial NOT NULL,
        "occurred_at" timestamptz NOT NULL DEFAULT now(),
        "actor" varchar(120) NOT NULL,
        "action" varchar(80) NOT NULL,
        "target" varchar(200) NULL,
        "details" jsonb NULL,
        "request_id" varchar(128) NULL,
        CONSTRAINT "pk_audit_log" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "ix_audit_log_occurred_at" ON "gateway"."audit_log" ("occurred_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "gateway"."audit_log"`);
    await queryRunner.query(`DROP TABLE "gateway"."api_keys"`);
  }
}
