import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { QuarantinedRowEntity } from '../entities/quarantined-row.entity';
import { WatermarkEntity } from '../entities/watermark.entity';
import { mergeRanges, rangesOf, subtractRanges, type IdRange } from './id-ranges';

export interface Watermark {
  lastUpdatedAt: string | null;
  lastKey: string | null;
  lastId: number | null;
}

export interface QuarantineEntry {
  entity: string;
  sourceTable: string;
  primaryKey: string;
  reasons: string[];
  raw: Record<string, unknown>;
  /** 'ingestion', or the durable name of the consumer that rejected the record. */
  rejectedBy: string;
}

/** Sync id recorded for a rejection whose batch did not come from a sync run of this service. */
const NO_SYNC = '00000000-0000-0000-0000-000000000000';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface BatchOutcome {
  entity: string;
  syncId: string;
  /** Where incremental sync continues; null leaves it as it is (a full sync does not move it backwards). */
  watermark: Watermark | null;
  quarantined: QuarantineEntry[];
  /** Keys of rows that passed validation this time: any earlier quarantine entry for them is resolved. */
  validKeys: string[];
  /** What this batch published, for the deletion check of full syncs: keys (mutable tables) or ids (append-only). */
  published: { keys: string[] } | { ids: number[] };
}

const LOCK_KEY = 'shopfloor:ingestion:sync';

/** Watermarks and quarantine, written together per batch so a crash leaves them consistent. */
@Injectable()
export class SyncStateRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async watermarks(): Promise<Map<string, Watermark>> {
    const rows = await this.dataSource.getRepository(WatermarkEntity).find();
    return new Map(
      rows.map((r) => [
        r.entity,
        {
          lastUpdatedAt: r.lastUpdatedAt,
          lastKey: r.lastKey === null ? null : (JSON.parse(r.lastKey) as string),
          lastId: r.lastId === null ? null : Number(r.lastId),
        },
      ]),
    );
  }

  async commitBatch(outcome: BatchOutcome): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      if (outcome.watermark) await this.saveWatermark(tx, outcome.entity, outcome.watermark);
      if ('keys' in outcome.published && outcome.published.keys.length > 0) {
        await tx.query(`INSERT INTO "ingestion"."published_keys" ("entity", "key") SELECT $1, k FROM unnest($2::text[]) AS k ON CONFLICT DO NOTHING`, [
          outcome.entity,
          outcome.published.keys,
        ]);
      }
      if ('ids' in outcome.published && outcome.published.ids.length > 0) {
        for (const r of rangesOf(outcome.published.ids)) {
          await tx.query(`INSERT INTO "ingestion"."published_id_ranges" ("entity", "from_id", "to_id") VALUES ($1, $2, $3)`, [outcome.entity, r.from, r.to]);
        }
      }
      if (outcome.validKeys.length > 0) {
        // The row passed this time. A consumer's rejection of it stays if the consumer already rejected this very
        // publication (reported under this sync); an older one is answered by the record just published.
        await tx.query(
          `DELETE FROM "ingestion"."quarantined_rows" WHERE "entity" = $1 AND "primary_key" = ANY($2::text[]) AND ("rejected_by" = 'ingestion' OR "last_sync_id" <> $3)`,
          [outcome.entity, outcome.validKeys, outcome.syncId],
        );
      }
      await this.quarantine(tx, outcome.quarantined, outcome.syncId);
    });
  }

  /** Keeps rejected rows (ingestion's or a consumer's) in the quarantine: one entry per entity, key and rejecter. */
  async recordRejections(entries: QuarantineEntry[], syncId: string): Promise<void> {
    await this.dataSource.transaction((tx) => this.quarantine(tx, entries, syncId));
  }

  private async quarantine(tx: EntityManager, entries: QuarantineEntry[], syncId: string): Promise<void> {
    if (entries.length === 0) return;
    await tx.query(
      `INSERT INTO "ingestion"."quarantined_rows" ("entity", "source_table", "primary_key", "reasons", "raw", "first_seen_at", "last_seen_at", "last_sync_id", "rejected_by")
       SELECT q.entity, q.source_table, q.primary_key, q.reasons, q.raw, now(), now(), $2::uuid, q.rejected_by
       FROM jsonb_to_recordset($1::jsonb) AS q(entity text, source_table text, primary_key text, reasons jsonb, raw jsonb, rejected_by text)
       ON CONFLICT ("entity", "primary_key", "rejected_by") DO UPDATE SET
         "reasons" = EXCLUDED."reasons", "raw" = EXCLUDED."raw", "source_table" = EXCLUDED."source_table",
         "last_seen_at" = now(), "last_sync_id" = EXCLUDED."last_sync_id"`,
      [
        JSON.stringify(
          // One entry per key in one statement (ON CONFLICT cannot touch a row twice).
          [...new Map(entries.map((q) => [`${q.rejectedBy}\u0000${q.primaryKey}`, q])).values()].map((q) => ({
            entity: q.entity,
            source_table: q.sourceTable,
            primary_key: q.primaryKey,
            reasons: q.reasons,
            raw: q.raw,
            rejected_by: q.rejectedBy,
          })),
        ),
        UUID.test(syncId) ? syncId : NO_SYNC,
      ],
    );
  }

  /** Removes the entity's quarantine entries whose row a full sync no longer found at the source. Returns how many. */
  async forgetQuarantined(entity: string, stillAtSource: (primaryKey: string) => boolean): Promise<number> {
    const rows = await this.dataSource.query<{ primary_key: string }[]>(
      `SELECT DISTINCT "primary_key" FROM "ingestion"."quarantined_rows" WHERE "entity" = $1`,
      [entity],
    );
    const gone = rows.map((r) => r.primary_key).filter((key) => !stillAtSource(key));
    for (let i = 0; i < gone.length; i += 1000) {
      await this.dataSource.query(`DELETE FROM "ingestion"."quarantined_rows" WHERE "entity" = $1 AND "primary_key" = ANY($2::text[])`, [
        entity,
        gone.slice(i, i + 1000),
      ]);
    }
    return gone.length;
  }

  /** Rows quarantined per entity and rejecter (ingestion or a consumer). */
  async quarantineCounts(): Promise<{ entity: string; rejectedBy: string; count: number }[]> {
    const rows = await this.dataSource.query<{ entity: string; rejected_by: string; n: string }[]>(
      `SELECT "entity", "rejected_by", count(*) AS n FROM "ingestion"."quarantined_rows" GROUP BY "entity", "rejected_by"`,
    );
    return rows.map((r) => ({ entity: r.entity, rejectedBy: r.rejected_by, count: Number(r.n) }));
  }

  /** Records of one sync run that consumers rejected, per consumer. */
  async downstreamRejections(syncId: string): Promise<Record<string, number>> {
    if (!UUID.test(syncId)) return {};
    const rows = await this.dataSource.query<{ rejected_by: string; n: string }[]>(
      `SELECT "rejected_by", count(*) AS n FROM "ingestion"."quarantined_rows" WHERE "last_sync_id" = $1 AND "rejected_by" <> 'ingestion' GROUP BY "rejected_by"`,
      [syncId],
    );
    return Object.fromEntries(rows.map((r) => [r.rejected_by, Number(r.n)]));
  }

  async publishedKeys(entity: string): Promise<string[]> {
    const rows = await this.dataSource.query<{ key: string }[]>(`SELECT "key" FROM "ingestion"."published_keys" WHERE "entity" = $1`, [entity]);
    return rows.map((r) => r.key);
  }

  /** The entity's published ids as merged ranges (the stored ranges are compacted on the way). */
  async publishedIdRanges(entity: string): Promise<IdRange[]> {
    return this.dataSource.transaction(async (tx) => {
      const rows = await tx.query<{ from_id: string; to_id: string }[]>(
        `SELECT "from_id", "to_id" FROM "ingestion"."published_id_ranges" WHERE "entity" = $1 FOR UPDATE`,
        [entity],
      );
      const merged = mergeRanges(rows.map((r) => ({ from: Number(r.from_id), to: Number(r.to_id) })));
      if (merged.length < rows.length) {
        await tx.query(`DELETE FROM "ingestion"."published_id_ranges" WHERE "entity" = $1`, [entity]);
        for (const r of merged)
          await tx.query(`INSERT INTO "ingestion"."published_id_ranges" ("entity", "from_id", "to_id") VALUES ($1, $2, $3)`, [entity, r.from, r.to]);
      }
      return merged;
    });
  }

  /** Forgets published rows once their deletion is published. */
  async forgetPublished(entity: string, removed: { keys: string[] } | { ranges: IdRange[] }): Promise<void> {
    if ('keys' in removed) {
      await this.dataSource.query(`DELETE FROM "ingestion"."published_keys" WHERE "entity" = $1 AND "key" = ANY($2::text[])`, [entity, removed.keys]);
      return;
    }
    await this.dataSource.transaction(async (tx) => {
      const rows = await tx.query<{ from_id: string; to_id: string }[]>(
        `SELECT "from_id", "to_id" FROM "ingestion"."published_id_ranges" WHERE "entity" = $1 FOR UPDATE`,
        [entity],
      );
      const left = subtractRanges(mergeRanges(rows.map((r) => ({ from: Number(r.from_id), to: Number(r.to_id) }))), mergeRanges(removed.ranges));
      await tx.query(`DELETE FROM "ingestion"."published_id_ranges" WHERE "entity" = $1`, [entity]);
      for (const r of left)
        await tx.query(`INSERT INTO "ingestion"."published_id_ranges" ("entity", "from_id", "to_id") VALUES ($1, $2, $3)`, [entity, r.from, r.to]);
    });
  }

  async quarantinePage(limit: number, afterId: string | null): Promise<QuarantinedRowEntity[]> {
    const qb = this.dataSource.getRepository(QuarantinedRowEntity).createQueryBuilder('q').orderBy('q.id', 'ASC').limit(limit);
    if (afterId) qb.where('q.id > :afterId', { afterId });
    return qb.getMany();
  }

  async quarantineCount(): Promise<number> {
    return this.dataSource.getRepository(QuarantinedRowEntity).count();
  }

  /**
   * Takes the platform-wide sync lock (a Postgres session advisory lock on a connection of its own, released by the
   * server if this process dies) and returns its release, or null at once when another replica holds it.
   */
  async tryAcquireSyncLock(): Promise<(() => Promise<void>) | null> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const rows = (await runner.query('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [LOCK_KEY])) as { locked: boolean }[];
      if (!rows[0]?.locked) {
        await runner.release();
        return null;
      }
    } catch (error) {
      await runner.release();
      throw error;
    }
    return async () => {
      try {
        await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [LOCK_KEY]);
      } finally {
        await runner.release();
      }
    };
  }

  /**
   * Runs `work` while holding the platform-wide sync lock (a Postgres session advisory lock, released by the server
   * if this process dies). Returns false at once, without running it, when another replica holds the lock.
   */
  async withSyncLock(work: () => Promise<void>): Promise<boolean> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const rows = (await runner.query('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [LOCK_KEY])) as { locked: boolean }[];
      if (!rows[0]?.locked) return false;
      try {
        await work();
      } finally {
        await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [LOCK_KEY]);
      }
      return true;
    } finally {
      await runner.release();
    }
  }

  private async saveWatermark(tx: EntityManager, entity: string, w: Watermark): Promise<void> {
    await tx.query(
      `INSERT INTO "ingestion"."watermarks" ("entity", "last_updated_at", "last_key", "last_id", "updated_at")
       VALUES ($1, $2, $3, $4, now())
       ON CONFLICT ("entity") DO UPDATE SET "last_updated_at" = EXCLUDED."last_updated_at", "last_key" = EXCLUDED."last_key",
         "last_id" = EXCLUDED."last_id", "updated_at" = now()`,
      [entity, w.lastUpdatedAt, w.lastKey === null ? null : JSON.stringify(w.lastKey), w.lastId],
    );
  }
}
