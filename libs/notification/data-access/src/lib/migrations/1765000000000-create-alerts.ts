import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Alert rules, alerts with their timelines, what the engine knows of each machine between events, and the periodic
 * checks that run once across replicas. A new installation starts with two rules (API.md: breakdowns and data gaps)
 * so that alerts flow before anyone configures anything.
 */
export class CreateAlerts1765000000000 implements MigrationInterface {
  name = 'CreateAlerts1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "notification"."alert_rules" (
        "id" uuid NOT NULL,
        "name" varchar(100) NOT NULL,
        "condition" varchar(40) NOT NULL CHECK ("condition" IN ('machine_down_longer_than', 'data_gap_longer_than', 'oee_below', 'scrap_rate_above', 'failure_risk_above', 'maintenance_due_within', 'anomaly_detected')),
        "params" jsonb NOT NULL,
        "scope" jsonb NOT NULL,
        "severity" varchar(10) NOT NULL CHECK ("severity" IN ('info', 'warning', 'critical')),
        "cooldown_minutes" integer NOT NULL CHECK ("cooldown_minutes" >= 0),
        "quiet_hours" jsonb NULL,
        "escalation" jsonb NULL,
        "channels" jsonb NOT NULL,
        "enabled" boolean NOT NULL DEFAULT true,
        "is_default" boolean NOT NULL DEFAULT false,
        "created_at" timestamptz NOT NULL,
        "updated_at" timestamptz NOT NULL,
        CONSTRAINT "pk_alert_rules" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "ix_alert_rules_condition" ON "notification"."alert_rules" ("condition") WHERE "enabled"`);

    await queryRunner.query(`
      CREATE TABLE "notification"."alerts" (
        "id" uuid NOT NULL,
        "rule_id" uuid NULL,
        "machine_id" varchar(50) NOT NULL,
        "condition" varchar(40) NOT NULL,
        "severity" varchar(10) NOT NULL CHECK ("severity" IN ('info', 'warning', 'critical')),
        "state" varchar(20) NOT NULL CHECK ("state" IN ('open', 'acknowledged', 'resolved')),
        "message" varchar(500) NOT NULL,
        "details" jsonb NOT NULL,
        "opened_at" timestamptz NOT NULL,
        "updated_at" timestamptz NOT NULL,
        "condition_seen_at" timestamptz NOT NULL,
        "notice_at" timestamptz NOT NULL,
        "acknowledged_at" timestamptz NULL,
        "acknowledged_by" varchar(200) NULL,
        "escalated_at" timestamptz NULL,
        "resolved_at" timestamptz NULL,
        "resolved_by" varchar(200) NULL,
        CONSTRAINT "pk_alerts" PRIMARY KEY ("id"),
        CONSTRAINT "fk_alerts_rule" FOREIGN KEY ("rule_id") REFERENCES "notification"."alert_rules" ("id") ON DELETE SET NULL,
        CONSTRAINT "ck_alerts_resolved" CHECK (("state" = 'resolved') = ("resolved_at" IS NOT NULL)),
        CONSTRAINT "ck_alerts_acknowledged" CHECK ("state" <> 'acknowledged' OR "acknowledged_at" IS NOT NULL)
      )`);
    // One episode at a time per rule and machine: the database, not a replica's memory, decides that an alert is new.
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_alerts_unresolved" ON "notification"."alerts" ("rule_id", "machine_id") WHERE "state" <> 'resolved'`);
    // The list: newest first, and by machine.
    await queryRunner.query(`CREATE INDEX "ix_alerts_opened" ON "notification"."alerts" ("opened_at" DESC, "id" DESC)`);
    await queryRunner.query(`CREATE INDEX "ix_alerts_machine_opened" ON "notification"."alerts" ("machine_id", "opened_at" DESC, "id" DESC)`);
    // The cooldown: the latest resolution of a rule on a machine.
    await queryRunner.query(
      `CREATE INDEX "ix_alerts_rule_machine_resolved" ON "notification"."alerts" ("rule_id", "machine_id", "resolved_at" DESC) WHERE "state" = 'resolved'`,
    );
    // The escalation check: open alerts nobody has taken yet.
    await queryRunner.query(`CREATE INDEX "ix_alerts_unescalated" ON "notification"."alerts" ("notice_at") WHERE "state" = 'open' AND "escalated_at" IS NULL`);

    await queryRunner.query(`
      CREATE TABLE "notification"."alert_events" (
        "id" bigserial NOT NULL,
        "alert_id" uuid NOT NULL,
        "at" timestamptz NOT NULL,
        "kind" varchar(20) NOT NULL CHECK ("kind" IN ('opened', 'updated', 'acknowledged', 'resolved', 'escalated', 'notified')),
        "actor" varchar(200) NULL,
        "comment" varchar(1000) NULL,
        "details" jsonb NULL,
        CONSTRAINT "pk_alert_events" PRIMARY KEY ("id"),
        CONSTRAINT "fk_alert_events_alert" FOREIGN KEY ("alert_id") REFERENCES "notification"."alerts" ("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX "ix_alert_events_alert" ON "notification"."alert_events" ("alert_id", "at", "id")`);

    await queryRunner.query(`
      CREATE TABLE "notification"."machine_conditions" (
        "machine_id" varchar(50) NOT NULL,
        "kind" varchar(40) NOT NULL,
        "since" timestamptz NOT NULL,
        "observed_at" timestamptz NOT NULL,
        "details" jsonb NOT NULL,
        "cleared_at" timestamptz NULL,
        "updated_at" timestamptz NOT NULL,
        CONSTRAINT "pk_machine_conditions" PRIMARY KEY ("machine_id", "kind")
      )`);
    await queryRunner.query(`CREATE INDEX "ix_machine_conditions_kind" ON "notification"."machine_conditions" ("kind")`);

    await queryRunner.query(`
      CREATE TABLE "notification"."alert_checks" (
        "name" varchar(50) NOT NULL,
        "due_at" timestamptz NOT NULL,
        CONSTRAINT "pk_alert_checks" PRIMARY KEY ("name")
      )`);

    // The rules of a new installation: every breakdown at once (critical), and data that stops for 15 minutes.
    await queryRunner.query(`
      INSERT INTO "notification"."alert_rules"
        ("id", "name", "condition", "params", "scope", "severity", "cooldown_minutes", "quiet_hours", "escalation", "channels", "enabled", "is_default", "created_at", "updated_at")
      VALUES
        (gen_random_uuid(), 'Machine breakdown', 'machine_down_longer_than', '{"minutes": 0}', '{"machine_ids": [], "machine_types": [], "locations": []}', 'critical', 30, NULL, NULL, '[{"type": "websocket"}]', true, true, now(), now()),
        (gen_random_uuid(), 'Data gap', 'data_gap_longer_than', '{"minutes": 15}', '{"machine_ids": [], "machine_types": [], "locations": []}', 'warning', 30, NULL, NULL, '[{"type": "websocket"}]', true, true, now(), now())`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "notification"."alert_checks"`);
    await queryRunner.query(`DROP TABLE "notification"."machine_conditions"`);
    await queryRunner.query(`DROP TABLE "notification"."alert_events"`);
    await queryRunner.query(`DROP TABLE "notification"."alerts"`);
    await queryRunner.query(`DROP TABLE "notification"."alert_rules"`);
  }
}
