import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateDeliveriesAndReportSchedules1765000100000 implements MigrationInterface {
  name = 'CreateDeliveriesAndReportSchedules1765000100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "notification"."deliveries" (
        "id" uuid NOT NULL,
        "channel" varchar(20) NOT NULL CHECK ("channel" IN ('email', 'webhook')),
        "recipients" text[] NULL,
        "url" text NULL,
        "format" varchar(10) NULL CHECK ("format" IN ('json', 'slack', 'teams')),
        "subject" text NULL,
        "body" text NOT NULL,
        "html_body" text NULL,
        "attachment" bytea NULL,
        "attachment_name" varchar(255) NULL,
        "attachment_type" varchar(255) NULL,
        "alert_id" uuid NULL,
        "alert_event" varchar(20) NULL,
        "schedule_id" uuid NULL,
        "report_run_id" uuid NULL,
        "state" varchar(20) NOT NULL CHECK ("state" IN ('pending', 'sending', 'sent', 'failed')),
        "attempts" integer NOT NULL DEFAULT 0,
        "next_attempt_at" timestamptz NULL,
        "lease_token" uuid NULL,
        "lease_owner" varchar(200) NULL,
        "lease_expires_at" timestamptz NULL,
        "last_error" text NULL,
        "message_id" varchar(255) NOT NULL,
        "created_at" timestamptz NOT NULL,
        "updated_at" timestamptz NOT NULL,
        "sent_at" timestamptz NULL,
        CONSTRAINT "pk_deliveries" PRIMARY KEY ("id"),
        CONSTRAINT "uq_deliveries_message_id" UNIQUE ("message_id"),
        CONSTRAINT "ck_deliveries_target" CHECK (("channel" = 'email' AND "recipients" IS NOT NULL) OR ("channel" = 'webhook' AND "url" IS NOT NULL))
      )`);
    // What the workers poll: due pending deliveries, and claims whose lease ran out (their worker died).
    await queryRunner.query(`CREATE INDEX "ix_deliveries_due" ON "notification"."deliveries" ("next_attempt_at") WHERE "state" = 'pending'`);
    await queryRunner.query(`CREATE INDEX "ix_deliveries_leased" ON "notification"."deliveries" ("lease_expires_at") WHERE "state" = 'sending'`);
    // The admin list: newest first, optionally by state.
    await queryRunner.query(`CREATE INDEX "ix_deliveries_created" ON "notification"."deliveries" ("created_at" DESC, "id" DESC)`);
    await queryRunner.query(`CREATE INDEX "ix_deliveries_state_created" ON "notification"."deliveries" ("state", "created_at" DESC, "id" DESC)`);
    await queryRunner.query(`CREATE INDEX "ix_deliveries_alert" ON "notification"."deliveries" ("alert_id") WHERE "alert_id" IS NOT NULL`);

    await queryRunner.query(`
      CREATE TABLE "notification"."report_schedules" (
        "id" uuid NOT NULL,
        "name" varchar(100) NOT NULL,
        "cron" varchar(100) NOT NULL,
        "timezone" varchar(64) NOT NULL,
        "report" jsonb NOT NULL,
        "format" varchar(10) NOT NULL,
        "recipients" text[] NOT NULL,
        "enabled" boolean NOT NULL DEFAULT true,
        "next_run_at" timestamptz NULL,
        "created_at" timestamptz NOT NULL,
        "updated_at" timestamptz NOT NULL,
        CONSTRAINT "pk_report_schedules" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "ix_report_schedules_due" ON "notification"."report_schedules" ("next_run_at") WHERE "enabled"`);

    await queryRunner.query(`
      CREATE TABLE "notification"."report_runs" (
        "id" uuid NOT NULL,
        "schedule_id" uuid NOT NULL,
        "scheduled_for" timestamptz NOT NULL,
        "state" varchar(20) NOT NULL CHECK ("state" IN ('running', 'queued', 'failed')),
        "attempts" integer NOT NULL DEFAULT 0,
        "runner" varchar(200) NULL,
        "lease_expires_at" timestamptz NULL,
        "started_at" timestamptz NOT NULL,
        "finished_at" timestamptz NULL,
        "delivery_id" uuid NULL,
        "file_name" varchar(255) NULL,
        "error" text NULL,
        CONSTRAINT "pk_report_runs" PRIMARY KEY ("id"),
        CONSTRAINT "uq_report_runs_schedule_time" UNIQUE ("schedule_id", "scheduled_for"),
        CONSTRAINT "fk_report_runs_schedule" FOREIGN KEY ("schedule_id") REFERENCES "notification"."report_schedules" ("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX "ix_report_runs_open" ON "notification"."report_runs" ("lease_expires_at") WHERE "state" = 'running'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "notification"."report_runs"`);
    await queryRunner.query(`DROP TABLE "notification"."report_schedules"`);
    await queryRunner.query(`DROP TABLE "notification"."deliveries"`);
  }
}
