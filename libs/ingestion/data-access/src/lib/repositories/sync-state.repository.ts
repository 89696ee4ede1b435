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
}

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
    return new Map(rows.map((r) => [r.entity, { lastUpdatedAt: r.lastUpdatedAt, lastKey: r.lastKey, lastId: r.lastId === null ? null : Number(r.lastId) }]));
  }

  async commitBatch(outcome: BatchOutcome): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      if (outcome.watermark) await this.saveWatermark(tx, outcome.entity, outcome.watermark);
      if ('keys' in outcome.published && outcome.published.keys.length > 0) {
        await tx.query(
          `INSERT INTO "ingestion"."published_keys" ("entity", "key") SELECT $1, k FROM unnest($2::text[]) AS k ON CONFLICT DO NOTHING`,
          [outcome.entity, outcome.published.keys],
        );
      }
      if ('ids' in outcome.published && outcome.published.ids.length > 0) {
        for (const r of rangesOf(outcome.published.ids)) {
          await tx.query(`INSERT INTO "ingestion"."published_id_ranges" ("entity", "from_id", "to_id") VALUES ($1, $2, $3)`, [outcome.entity, r.from, r.to]);
        }
      }
      if (outcome.validKeys.length > 0) {
        await tx.query(`DELETE FROM "ingestion"."quarantined_rows" WHERE "entity" = $1 AND "primary_key" = ANY($2::text[])`, [outcome.entity, outcome.validKeys]);
      }
      for (const q of outcome.quarantined) {
        await tx.query(
          `INSERT INTO "ingestion"."quarantined_rows" ("entity", "source_table", "primary_key", "reasons", "raw", "first_seen_at", "last_seen_at", "last_sync_id")
           VALUES ($1, $2, $3, $4, $5, now(), now(), $6)
           ON CONFLICT ("entity", "primary_key") DO UPDATE SET
             "reasons" = EXCLUDED."reasons", "raw" = EXCLUDED."raw", "source_table" = EXCLUDED."source_table",
             "last_seen_at" = now(), "last_sync_id" = EXCLUDED."last_sync_id"`,
          [q.entity, q.sourceTable, q.primaryKey, JSON.stringify(q.reasons), JSON.stringify(q.raw), outcome.syncId],
        );
      }
    });
  }

  async publishedKeys(entity: string): Promise<string[]> {
    const rows = await this.dataSource.query<{ key: string }[]>(`SELECT "key" FROM "ingestion"."published_keys" WHERE "entity" = $1`, [entity]);
    return rows.map((r) => r.key);
  }

  /** The entity's published ids as merged ranges (the stored ranges are compacted on the way). */
  async publishedIdRanges(entity: string): Promise<IdRange[]> {
    return this.dataSource.transaction(async (tx) => {
      const rows = await tx.query<{ from_id: string; to_id: string }[]>(`SELECT "from_id", "to_id" FROM "ingestion"."published_id_ranges" WHERE "entity" = $1 FOR UPDATE`, [entity]);
      const merged = mergeRanges(rows.map((r) => ({ from: Number(r.from_id), to: Number(r.to_id) })));
      if (merged.length < rows.length) {
        await tx.query(`DELETE FROM "ingestion"."published_id_ranges" WHERE "entity" = $1`, [entity]);
        for (const r of merged) await tx.query(`INSERT INTO "ingestion"."published_id_ranges" ("entity", "from_id", "to_id") VALUES ($1, $2, $3)`, [entity, r.from, r.to]);
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
      const rows = await tx.query<{ from_id: string; to_id: string }[]>(`SELECT "from_id", "to_id" FROM "ingestion"."published_id_ranges" WHERE "entity" = $1 FOR UPDATE`, [entity]);
      const left = subtractRanges(mergeRanges(rows.map((r) => ({ from: Number(r.from_id), to: Number(r.to_id) }))), mergeRanges(removed.ranges));
      await tx.query(`DELETE FROM "ingestion"."published_id_ranges" WHERE "entity" = $1`, [entity]);
      for (const r of left) await tx.query(`INSERT INTO "ingestion"."published_id_ranges" ("entity", "from_id", "to_id") VALUES ($1, $2, $3)`, [entity, r.from, r.to]);
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
      [entity, w.lastUpdatedAt, w.lastKey, w.lastId],
    );
  }
}
