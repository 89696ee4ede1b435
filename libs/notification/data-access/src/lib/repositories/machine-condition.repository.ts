import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MachineConditionEntity } from '../entities/machine-condition.entity';

const CONDITIONS = '"notification"."machine_conditions"';

interface ConditionRow {
  machine_id: string;
  kind: string;
  since: Date;
  observed_at: Date;
  details: Record<string, unknown>;
  cleared_at: Date | null;
  updated_at: Date;
}

function toCondition(row: ConditionRow): MachineConditionEntity {
  return Object.assign(new MachineConditionEntity(), {
    machineId: row.machine_id,
    kind: row.kind,
    since: row.since,
    observedAt: row.observed_at,
    details: row.details,
    clearedAt: row.cleared_at,
    updatedAt: row.updated_at,
  });
}

export interface RaisedCondition {
  machineId: string;
  kind: string;
  since: Date;
  observedAt: Date;
  details: Record<string, unknown>;
  /** The engine's clock, for updated_at. */
  now: Date;
}

export interface ClearedCondition {
  machineId: string;
  kind: string;
  at: Date;
  now: Date;
  /** Only a condition whose details.state is this (a long stop that is a breakdown); nothing is recorded otherwise. */
  whenState?: string;
}

/**
 * Conditions as episodes, written so that any order of arrival ends in the same state: a raise names when its
 * episode began and only a later beginning replaces an episode; a clearing ends the episode that began before it
 * (strictly: an episode that begins at the instant another ends is the next one) and is remembered, so a raise of
 * that same episode arriving after it (another replica, a redelivery) stays ended.
 */
@Injectable()
export class MachineConditionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Records a condition as holding; false when nothing is new: the same news again, a later episode, or this one ended. */
  async raise(c: RaisedCondition): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>(
      `INSERT INTO ${CONDITIONS} AS "mc" ("machine_id", "kind", "since", "observed_at", "details", "cleared_at", "updated_at")
       VALUES ($1, $2, $3, $4, $5::jsonb, NULL, $6)
       ON CONFLICT ("machine_id", "kind") DO UPDATE SET
         "since" = EXCLUDED."since",
         "observed_at" = GREATEST("mc"."observed_at", EXCLUDED."observed_at"),
         "details" = EXCLUDED."details",
         "cleared_at" = CASE WHEN "mc"."cleared_at" > EXCLUDED."since" THEN "mc"."cleared_at" END,
         "updated_at" = EXCLUDED."updated_at"
       WHERE EXCLUDED."since" > "mc"."since" OR (EXCLUDED."since" = "mc"."since" AND "mc"."cleared_at" IS NULL AND "mc"."details" IS DISTINCT FROM EXCLUDED."details")
       RETURNING "machine_id"`,
      [c.machineId, c.kind, c.since, c.observedAt, JSON.stringify(c.details), c.now],
    );
    return rows.length > 0;
  }

  /**
   * Ends the episode that began before `at`. With no row yet, one is kept that says the condition ended then
   * (the raise may still be on its way). False when nothing changed.
   */
  async clear(c: ClearedCondition): Promise<boolean> {
    if (c.whenState !== undefined) {
      const [, count] = await this.dataSource.query<[unknown, number]>(
        `UPDATE ${CONDITIONS} SET "cleared_at" = $3, "updated_at" = $4
         WHERE "machine_id" = $1 AND "kind" = $2 AND "cleared_at" IS NULL AND "since" < $3 AND "details" ->> 'state' = $5`,
        [c.machineId, c.kind, c.at, c.now, c.whenState],
      );
      return count > 0;
    }
    const rows = await this.dataSource.query<unknown[]>(
      `INSERT INTO ${CONDITIONS} AS "mc" ("machine_id", "kind", "since", "observed_at", "details", "cleared_at", "updated_at")
       VALUES ($1, $2, $3, $3, '{}'::jsonb, $3, $4)
       ON CONFLICT ("machine_id", "kind") DO UPDATE SET
         "cleared_at" = EXCLUDED."cleared_at",
         "observed_at" = GREATEST("mc"."observed_at", EXCLUDED."observed_at"),
         "updated_at" = EXCLUDED."updated_at"
       WHERE "mc"."cleared_at" IS NULL AND "mc"."since" < EXCLUDED."cleared_at"
       RETURNING "machine_id"`,
      [c.machineId, c.kind, c.at, c.now],
    );
    return rows.length > 0;
  }

  /** Keeps the newest reading of a kind (a prediction): an older one arriving late changes nothing. */
  async recordLatest(c: Omit<RaisedCondition, 'observedAt'>): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>(
      `INSERT INTO ${CONDITIONS} AS "mc" ("machine_id", "kind", "since", "observed_at", "details", "cleared_at", "updated_at")
       VALUES ($1, $2, $3, $3, $4::jsonb, NULL, $5)
       ON CONFLICT ("machine_id", "kind") DO UPDATE SET
         "since" = EXCLUDED."since", "observed_at" = EXCLUDED."observed_at", "details" = EXCLUDED."details", "updated_at" = EXCLUDED."updated_at"
       WHERE EXCLUDED."since" >= "mc"."since"
       RETURNING "machine_id"`,
      [c.machineId, c.kind, c.since, JSON.stringify(c.details), c.now],
    );
    return rows.length > 0;
  }

  async forMachine(machineId: string): Promise<MachineConditionEntity[]> {
    return (await this.dataSource.query<ConditionRow[]>(`SELECT * FROM ${CONDITIONS} WHERE "machine_id" = $1`, [machineId])).map(toCondition);
  }

  async ofKinds(kinds: readonly string[]): Promise<MachineConditionEntity[]> {
    if (kinds.length === 0) return [];
    return (await this.dataSource.query<ConditionRow[]>(`SELECT * FROM ${CONDITIONS} WHERE "kind" = ANY($1::varchar[])`, [[...kinds]])).map(toCondition);
  }
}
