import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { executeCounting, tombstoneAppendOnly } from './batch-statement';
import { instantArray, numberArray, textArray } from './pg-array';

export interface MachineReadingInsert {
  readingId: number;
  machineId: string;
  /** A Date or an ISO 8601 instant with its offset. */
  readingTime: Date | string;
  metric: string;
  value: number;
  unit: string | null;
}

/**
 * Append-only, like the events: stored ids are left alone (a tombstoned reading stays deleted); within the batch
 * the first occurrence of an id wins. Sorting by id also keeps the primary-key inserts close together.
 */
const INSERT_MACHINE_READINGS = `
  INSERT INTO "analytics"."machine_readings" ("reading_id", "machine_id", "reading_time", "metric", "value", "unit")
  SELECT DISTINCT ON (r.reading_id) r.reading_id, r.machine_id, r.reading_time, r.metric, r.value, r.unit
  FROM unnest($1::bigint[], $2::text[], $3::timestamptz[], $4::text[], $5::float8[], $6::text[]) WITH ORDINALITY
    AS r(reading_id, machine_id, reading_time, metric, value, unit, ord)
  ORDER BY r.reading_id, r.ord
  ON CONFLICT ("reading_id") DO NOTHING`;

/** The readings of one metric in one time bucket. */
export interface ReadingBucket {
  metric: string;
  unit: string | null;
  /** The bucket's index from the period's start. */
  bucket: number;
  mean: number;
  min: number;
  max: number;
  count: number;
}

const METRICS_IN_PERIOD = `
  SELECT DISTINCT "metric" FROM "analytics"."machine_readings"
  WHERE "machine_id" = $1 AND "deleted_at" IS NULL AND "reading_time" >= $2 AND "reading_time" < $3
  ORDER BY "metric"`;

const READING_BUCKETS = `
  SELECT "metric", max("unit") AS unit,
    floor(extract(epoch FROM ("reading_time" - $2::timestamptz)) / $4)::int AS bucket,
    avg("value")::float8 AS mean, min("value")::float8 AS min, max("value")::float8 AS max, count(*)::int AS count
  FROM "analytics"."machine_readings"
  WHERE "machine_id" = $1 AND "deleted_at" IS NULL AND "reading_time" >= $2 AND "reading_time" < $3 AND "metric" = ANY($5::text[])
  GROUP BY "metric", bucket
  ORDER BY "metric", bucket`;

@Injectable()
export class MachineReadingRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inserts the readings not stored yet. Returns how many were new. */
  async insertBatch(rows: MachineReadingInsert[]): Promise<number> {
    if (rows.length === 0) return 0;
    return executeCounting(this.dataSource, INSERT_MACHINE_READINGS, [
      numberArray(rows.map((r) => r.readingId)),
      textArray(rows.map((r) => r.machineId)),
      instantArray(rows.map((r) => r.readingTime)),
      textArray(rows.map((r) => r.metric)),
      numberArray(rows.map((r) => r.value)),
      textArray(rows.map((r) => r.unit)),
    ]);
  }

  /** The metrics a machine has readings of in [from, to), by name. */
  async metricsIn(machineId: string, from: Date, to: Date): Promise<string[]> {
    const rows: { metric: string }[] = await this.dataSource.query(METRICS_IN_PERIOD, [machineId, from, to]);
    return rows.map((r) => r.metric);
  }

  /** Mean, min, max and count of each metric's readings in [from, to), in buckets of `bucketSeconds` from `from`. */
  async buckets(machineId: string, from: Date, to: Date, bucketSeconds: number, metrics: string[]): Promise<ReadingBucket[]> {
    if (metrics.length === 0) return [];
    const rows: ReadingBucket[] = await this.dataSource.query(READING_BUCKETS, [machineId, from, to, bucketSeconds, metrics]);
    return rows.map((r) => ({ metric: r.metric, unit: r.unit, bucket: Number(r.bucket), mean: r.mean, min: r.min, max: r.max, count: Number(r.count) }));
  }

  /** Tombstones readings gone from the source (ids as decimal strings). Returns how many changed. */
  async markDeleted(readingIds: string[], deletedAt: Date): Promise<number> {
    if (readingIds.length === 0) return 0;
    return tombstoneAppendOnly(this.dataSource, 'machine_readings', 'reading_id', readingIds, deletedAt);
  }
}
