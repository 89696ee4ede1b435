import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AlertEventEntity, type StoredAlertEventKind } from '../entities/alert-event.entity';
import { AlertEntity, type StoredAlertState } from '../entities/alert.entity';

const ALERTS = '"notification"."alerts"';
const EVENTS = '"notification"."alert_events"';
const RULES = '"notification"."alert_rules"';

export type NewAlert = Pick<
  AlertEntity,
  'id' | 'ruleId' | 'machineId' | 'condition' | 'severity' | 'message' | 'details' | 'openedAt' | 'conditionSeenAt' | 'noticeAt'
>;

export interface NewAlertEvent {
  alertId: string;
  at: Date;
  kind: StoredAlertEventKind;
  actor: string | null;
  comment: string | null;
  details: Record<string, unknown> | null;
}

export interface AlertPageRequest {
  state?: StoredAlertState;
  machineId?: string;
  severity?: string;
  /** Opened at or after. */
  from?: Date;
  /** Opened before. */
  to?: Date;
  /** Keyset position: alerts strictly after this one in the order (opened_at DESC, id DESC). */
  after?: { openedAt: Date; id: string };
  limit: number;
}

interface AlertRow {
  id: string;
  rule_id: string | null;
  machine_id: string;
  condition: string;
  severity: string;
  state: StoredAlertState;
  message: string;
  details: Record<string, unknown>;
  opened_at: Date;
  updated_at: Date;
  condition_seen_at: Date;
  notice_at: Date;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
  escalated_at: Date | null;
  resolved_at: Date | null;
  resolved_by: string | null;
}

interface EventRow {
  id: string;
  alert_id: string;
  at: Date;
  kind: StoredAlertEventKind;
  actor: string | null;
  comment: string | null;
  details: Record<string, unknown> | null;
}

function toAlert(row: AlertRow): AlertEntity {
  return Object.assign(new AlertEntity(), {
    id: row.id,
    ruleId: row.rule_id,
    machineId: row.machine_id,
    condition: row.condition,
    severity: row.severity,
    state: row.state,
    message: row.message,
    details: row.details,
    openedAt: row.opened_at,
    updatedAt: row.updated_at,
    conditionSeenAt: row.condition_seen_at,
    noticeAt: row.notice_at,
    acknowledgedAt: row.acknowledged_at,
    acknowledgedBy: row.acknowledged_by,
    escalatedAt: row.escalated_at,
    resolvedAt: row.resolved_at,
    resolvedBy: row.resolved_by,
  });
}

function toEvent(row: EventRow): AlertEventEntity {
  return Object.assign(new AlertEventEntity(), {
    id: row.id,
    alertId: row.alert_id,
    at: row.at,
    kind: row.kind,
    actor: row.actor,
    comment: row.comment,
    details: row.details,
  });
}

/** The first row of an UPDATE … RETURNING (pg answers [rows, count] for it), as an alert. */
function updated(result: [AlertRow[], number]): AlertEntity | null {
  return result[0].length > 0 ? toAlert(result[0][0]) : null;
}

/**
 * Alerts and their timelines. Every change of an alert is a conditional UPDATE on its state (open → acknowledged,
 * not resolved → resolved, not yet escalated → escalated), so that of two replicas or two people doing the same thing
 * at once exactly one succeeds, and the caller learns which.
 */
@Injectable()
export class AlertRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /**
   * Holds every decision about one rule on one machine (open, update, resolve) to this transaction until it ends, on
   * every replica: the partial unique index would refuse a second open alert anyway, but the cooldown and the update
   * of an alert just resolved elsewhere need the decisions in a row.
   */
  async lockEpisode(manager: EntityManager, ruleId: string, machineId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`notification.alert:${ruleId}:${machineId}`]);
  }

  async findUnresolved(manager: EntityManager, ruleId: string, machineId: string): Promise<AlertEntity | null> {
    const rows = await manager.query<AlertRow[]>(`SELECT * FROM ${ALERTS} WHERE "rule_id" = $1 AND "machine_id" = $2 AND "state" <> 'resolved'`, [
      ruleId,
      machineId,
    ]);
    return rows.length > 0 ? toAlert(rows[0]) : null;
  }

  /** When and by whom the rule's latest alert on the machine was resolved (for its cooldown), or null. */
  async lastResolution(manager: EntityManager, ruleId: string, machineId: string): Promise<{ resolvedAt: Date; resolvedBy: string | null } | null> {
    const rows = await manager.query<{ resolved_at: Date; resolved_by: string | null }[]>(
      `SELECT "resolved_at", "resolved_by" FROM ${ALERTS} WHERE "rule_id" = $1 AND "machine_id" = $2 AND "state" = 'resolved' ORDER BY "resolved_at" DESC LIMIT 1`,
      [ruleId, machineId],
    );
    return rows.length > 0 ? { resolvedAt: rows[0].resolved_at, resolvedBy: rows[0].resolved_by } : null;
  }

  /** Opens an alert; null when one of the rule on the machine is already open (the unique index says so). */
  async insert(manager: EntityManager, alert: NewAlert): Promise<AlertEntity | null> {
    const rows = await manager.query<AlertRow[]>(
      `INSERT INTO ${ALERTS} ("id", "rule_id", "machine_id", "condition", "severity", "state", "message", "details", "opened_at", "updated_at", "condition_seen_at", "notice_at")
       VALUES ($1, $2, $3, $4, $5, 'open', $6, $7::jsonb, $8, $8, $9, $10)
       ON CONFLICT ("rule_id", "machine_id") WHERE "state" <> 'resolved' DO NOTHING
       RETURNING *`,
      [
        alert.id,
        alert.ruleId,
        alert.machineId,
        alert.condition,
        alert.severity,
        alert.message,
        JSON.stringify(alert.details),
        alert.openedAt,
        alert.conditionSeenAt,
        alert.noticeAt,
      ],
    );
    return rows.length > 0 ? toAlert(rows[0]) : null;
  }

  /** New values of an alert that is not resolved; the evidence time only moves forward. */
  async updateValues(
    manager: EntityManager,
    id: string,
    change: { message: string; details: Record<string, unknown>; conditionSeenAt: Date; at: Date },
  ): Promise<AlertEntity | null> {
    return updated(
      await manager.query<[AlertRow[], number]>(
        `UPDATE ${ALERTS} SET "message" = $2, "details" = $3::jsonb, "condition_seen_at" = GREATEST("condition_seen_at", $4), "updated_at" = $5
         WHERE "id" = $1 AND "state" <> 'resolved' RETURNING *`,
        [id, change.message, JSON.stringify(change.details), change.conditionSeenAt, change.at],
      ),
    );
  }

  /** Open → acknowledged; null when it was not open. */
  async acknowledge(manager: EntityManager, id: string, at: Date, by: string): Promise<AlertEntity | null> {
    return updated(
      await manager.query<[AlertRow[], number]>(
        `UPDATE ${ALERTS} SET "state" = 'acknowledged', "acknowledged_at" = $2, "acknowledged_by" = $3, "updated_at" = $2 WHERE "id" = $1 AND "state" = 'open' RETURNING *`,
        [id, at, by],
      ),
    );
  }

  /** Resolves it (by a person, or by nobody when the condition cleared); null when it was resolved already. */
  async resolve(manager: EntityManager, id: string, at: Date, by: string | null): Promise<AlertEntity | null> {
    return updated(
      await manager.query<[AlertRow[], number]>(
        `UPDATE ${ALERTS} SET "state" = 'resolved', "resolved_at" = $2, "resolved_by" = $3, "updated_at" = $2 WHERE "id" = $1 AND "state" <> 'resolved' RETURNING *`,
        [id, at, by],
      ),
    );
  }

  /** Marks it escalated if it still is open and was not escalated; null otherwise (another replica did, or someone took it). */
  async markEscalated(manager: EntityManager, id: string, at: Date): Promise<AlertEntity | null> {
    return updated(
      await manager.query<[AlertRow[], number]>(
        `UPDATE ${ALERTS} SET "escalated_at" = $2, "updated_at" = $2 WHERE "id" = $1 AND "state" = 'open' AND "escalated_at" IS NULL RETURNING *`,
        [id, at],
      ),
    );
  }

  async addEvent(manager: EntityManager, event: NewAlertEvent): Promise<void> {
    await manager.query(`INSERT INTO ${EVENTS} ("alert_id", "at", "kind", "actor", "comment", "details") VALUES ($1, $2, $3, $4, $5, $6::jsonb)`, [
      event.alertId,
      event.at,
      event.kind,
      event.actor,
      event.comment,
      event.details === null ? null : JSON.stringify(event.details),
    ]);
  }

  async find(id: string, manager?: EntityManager): Promise<AlertEntity | null> {
    const rows = await (manager ?? this.dataSource).query<AlertRow[]>(`SELECT * FROM ${ALERTS} WHERE "id" = $1`, [id]);
    return rows.length > 0 ? toAlert(rows[0]) : null;
  }

  /** The alert's timeline, oldest first. */
  async timeline(alertId: string): Promise<AlertEventEntity[]> {
    const rows = await this.dataSource.query<EventRow[]>(`SELECT * FROM ${EVENTS} WHERE "alert_id" = $1 ORDER BY "at", "id"`, [alertId]);
    return rows.map(toEvent);
  }

  /** A page of alerts, newest first. */
  async page(request: AlertPageRequest): Promise<AlertEntity[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: (p: string) => string, ...values: unknown[]): void => {
      const placeholders = values.map((v) => {
        params.push(v);
        return `$${params.length}`;
      });
      where.push(sql(placeholders.join(', ')));
    };
    if (request.state) add((p) => `"state" = ${p}`, request.state);
    if (request.machineId) add((p) => `"machine_id" = ${p}`, request.machineId);
    if (request.severity) add((p) => `"severity" = ${p}`, request.severity);
    if (request.from) add((p) => `"opened_at" >= ${p}`, request.from);
    if (request.to) add((p) => `"opened_at" < ${p}`, request.to);
    if (request.after) add((p) => `("opened_at", "id") < (${p})`, request.after.openedAt, request.after.id);
    params.push(request.limit);
    const rows = await this.dataSource.query<AlertRow[]>(
      `SELECT * FROM ${ALERTS} ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY "opened_at" DESC, "id" DESC LIMIT $${params.length}`,
      params,
    );
    return rows.map(toAlert);
  }

  /** How many alerts are not resolved, by severity and state (open, acknowledged), for metrics. */
  async countUnresolved(): Promise<{ severity: string; state: StoredAlertState; count: number }[]> {
    const rows = await this.dataSource.query<{ severity: string; state: StoredAlertState; n: string }[]>(
      `SELECT "severity", "state", count(*) AS "n" FROM ${ALERTS} WHERE "state" <> 'resolved' GROUP BY "severity", "state"`,
    );
    return rows.map((r) => ({ severity: r.severity, state: r.state, count: Number(r.n) }));
  }

  /** The alerts not resolved yet: of one rule, of one machine, or of some conditions (all of those given). */
  async unresolved(filter: { ruleId?: string; machineId?: string; conditions?: readonly string[] }, manager?: EntityManager): Promise<AlertEntity[]> {
    const where = [`"state" <> 'resolved'`];
    const params: unknown[] = [];
    if (filter.ruleId !== undefined) where.push(`"rule_id" = $${params.push(filter.ruleId)}`);
    if (filter.machineId !== undefined) where.push(`"machine_id" = $${params.push(filter.machineId)}`);
    if (filter.conditions !== undefined) where.push(`"condition" = ANY($${params.push([...filter.conditions])}::varchar[])`);
    const rows = await (manager ?? this.dataSource).query<AlertRow[]>(
      `SELECT * FROM ${ALERTS} WHERE ${where.join(' AND ')} ORDER BY "opened_at", "id"`,
      params,
    );
    return rows.map(toAlert);
  }

  /** Open alerts whose rule escalates and whose delay has passed by `now`, not escalated yet (oldest notice first). */
  async dueForEscalation(now: Date, limit: number): Promise<AlertEntity[]> {
    const rows = await this.dataSource.query<AlertRow[]>(
      `SELECT "a".* FROM ${ALERTS} "a" JOIN ${RULES} "r" ON "r"."id" = "a"."rule_id"
       WHERE "a"."state" = 'open' AND "a"."escalated_at" IS NULL AND "r"."enabled" AND "r"."escalation" IS NOT NULL
         AND "a"."notice_at" + make_interval(mins => ("r"."escalation" ->> 'after_minutes')::int) <= $1
       ORDER BY "a"."notice_at" LIMIT $2`,
      [now, limit],
    );
    return rows.map(toAlert);
  }
}
