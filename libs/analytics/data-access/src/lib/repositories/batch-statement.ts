import type { DataSource } from 'typeorm';

/** Runs one statement and returns how many rows it inserted or updated (Postgres' row count). */
export async function executeCounting(dataSource: DataSource, sql: string, parameters: unknown[]): Promise<number> {
  const runner = dataSource.createQueryRunner();
  try {
    const result = await runner.query(sql, parameters, true);
    return result.affected ?? 0;
  } finally {
    await runner.release();
  }
}

/**
 * Tombstones rows of a mutable table that a full sync found gone from the source — unless the stored version is newer
 * than the deletion (the row came back at the source after the sync started). An older or repeated deletion changes
 * nothing; a later one moves the tombstone forward. Table and key column are this library's own constants.
 */
export async function tombstoneVersioned(dataSource: DataSource, table: string, keyColumn: string, keys: string[], deletedAt: Date): Promise<number> {
  return executeCounting(
    dataSource,
    `UPDATE "analytics"."${table}" SET "deleted_at" = $2, "synced_at" = now()
     WHERE "${keyColumn}" = ANY($1::text[]) AND "source_updated_at" <= $2 AND ("deleted_at" IS NULL OR "deleted_at" < $2)`,
    [keys, deletedAt],
  );
}

/** Tombstones append-only rows by source id; they have no version, so the deletion always applies, once. */
export async function tombstoneAppendOnly(dataSource: DataSource, table: string, keyColumn: string, ids: string[], deletedAt: Date): Promise<number> {
  return executeCounting(
    dataSource,
    `UPDATE "analytics"."${table}" SET "deleted_at" = $2, "synced_at" = now()
     WHERE "${keyColumn}" = ANY($1::bigint[]) AND "deleted_at" IS NULL`,
    [ids, deletedAt],
  );
}
