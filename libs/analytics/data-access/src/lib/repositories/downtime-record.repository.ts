import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type Repository } from 'typeorm';
import { versionedUpsertSql } from '@shopfloor/database';
import { DowntimeRecordEntity } from '../entities/downtime-record.entity';
import { executeCounting, tombstoneVersioned } from './batch-statement';
import type { HistoryWindow } from './history-window';

export interface DowntimeRecordUpsert {
  recordId: string;
  jobId: string | null;
  machineId: string;
  downtimeType: string;
  startTime: Date;
  duration: number;
  reasonCode: string | null;
  description: string | null;
  sourceUpdatedAt: Date;
}

/** Same version rule as the machines' upsert: newest in the batch wins; stored rows change only for a newer version. */
const UPSERT_DOWNTIME_RECORDS = versionedUpsertSql({
  schema: 'analytics',
  table: 'downtime_records',
  key: 'record_id',
  inputs: [
    { name: 'record_id', type: 'text' },
    { name: 'job_id', type: 'text' },
    { name: 'machine_id', type: 'text' },
    { name: 'downtime_type', type: 'text' },
    { name: 'start_time', type: 'timestamptz' },
    { name: 'duration', type: 'float8' },
    { name: 'reason_code', type: 'text' },
    { name: 'description', type: 'text' },
    { name: 'source_updated_at', type: 'timestamptz' },
  ],
  columns: [
    ...['job_id', 'machine_id', 'downtime_type', 'start_time', 'duration', 'reason_code', 'description'].map((name) => ({ name })),
    { name: 'end_time', value: `r."start_time" + r."duration" * interval '1 second'`, compared: false },
  ],
  version: { input: 'source_updated_at' },
  syncedAt: true,
});

/** A stop as the OEE engine reads it: times in epoch milliseconds. */
export interface StopFact {
  machineId: string;
  start: number;
  durationSeconds: number;
  downtimeType: string;
  reasonCode: string | null;
}

@Injectable()
export class DowntimeRecordRepository {
  private readonly repo: Repository<DowntimeRecordEntity>;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.repo = dataSource.getRepository(DowntimeRecordEntity);
  }

  /** Inserts or updates a batch by record id if newer. Returns how many rows changed. */
  async upsertBatch(rows: DowntimeRecordUpsert[]): Promise<number> {
    if (rows.length === 0) return 0;
    return executeCounting(this.dataSource, UPSERT_DOWNTIME_RECORDS, [
      rows.map((d) => d.recordId),
      rows.map((d) => d.jobId),
      rows.map((d) => d.machineId),
      rows.map((d) => d.downtimeType),
      rows.map((d) => d.startTime),
      rows.map((d) => d.duration),
      rows.map((d) => d.reasonCode),
      rows.map((d) => d.description),
      rows.map((d) => d.sourceUpdatedAt),
    ]);
  }

  /** Tombstones records gone from the source, unless stored newer than the deletion. Returns how many changed. */
  async markDeleted(recordIds: string[], deletedAt: Date): Promise<number> {
    if (recordIds.length === 0) return 0;
    return tombstoneVersioned(this.dataSource, 'downtime_records', 'record_id', recordIds, deletedAt);
  }

  /** Stops of one machine overlapping [from, to): started before `to` and lasting past `from`. */
  async findOverlapping(window: HistoryWindow): Promise<DowntimeRecordEntity[]> {
    const query = this.repo.createQueryBuilder('d').where('d.machineId = :machineId', { machineId: window.machineId }).andWhere('d.deletedAt IS NULL');
    if (window.to) query.andWhere('d.startTime < :to', { to: window.to });
    if (window.from) query.andWhere('d.endTime > :from', { from: window.from });
    return query.orderBy('d.startTime', 'ASC').addOrderBy('d.recordId', 'ASC').limit(window.limit).getMany();
  }

  /** Stops of the machines overlapping [from, to), lean (no entities), ordered by machine and start. */
  async findFactsOverlapping(machineIds: string[], from: Date, to: Date): Promise<StopFact[]> {
    if (machineIds.length === 0) return [];
    const rows: { machine_id: string; start_ms: number; duration: number; downtime_type: string; reason_code: string | null }[] = await this.dataSource.query(
      `SELECT "machine_id", (extract(epoch FROM "start_time") * 1000)::float8 AS start_ms, "duration", "downtime_type", "reason_code"
       FROM "analytics"."downtime_records"
       WHERE "machine_id" = ANY($1::text[]) AND "deleted_at" IS NULL
         AND "start_time" < $3 AND "end_time" > $2
       ORDER BY "machine_id", "start_time", "record_id"`,
      [machineIds, from, to],
    );
    return rows.map((r) => ({
      machineId: r.machine_id,
      start: Math.round(r.start_ms),
      durationSeconds: Number(r.duration),
      downtimeType: r.downtime_type,
      reasonCode: r.reason_code,
    }));
  }

  /** Machine, start and duration of the stored records among `recordIds`, for cache invalidation. */
  async storedRanges(recordIds: string[]): Promise<{ machineId: string; start: Date; durationSeconds: number }[]> {
    if (recordIds.length === 0) return [];
    const rows: { machine_id: string; start_time: Date; duration: number }[] = await this.dataSource.query(
      `SELECT "machine_id", "start_time", "duration" FROM "analytics"."downtime_records" WHERE "record_id" = ANY($1::text[])`,
      [recordIds],
    );
    return rows.map((r) => ({ machineId: r.machine_id, start: r.start_time, durationSeconds: Number(r.duration) }));
  }
}
