import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type Repository } from 'typeorm';
import { versionedUpsertSql } from '@shopfloor/database';
import { JobEntity } from '../entities/job.entity';
import { executeCounting, tombstoneVersioned } from './batch-statement';
import type { HistoryWindow } from './history-window';

export interface JobUpsert {
  jobId: string;
  machineId: string;
  partNumber: string | null;
  startTime: Date;
  endTime: Date | null;
  state: string;
  operatorId: string | null;
  setupTime: number | null;
  cycleTime: number | null;
  idealCycleTime: number | null;
  partsProduced: number | null;
  partsScrapped: number | null;
  sourceUpdatedAt: Date;
}

/** Same version rule as the machines' upsert: newest in the batch wins; stored rows change only for a newer version. */
const UPSERT_JOBS = versionedUpsertSql({
  schema: 'analytics',
  table: 'jobs',
  key: 'job_id',
  inputs: [
    { name: 'job_id', type: 'text' },
    { name: 'machine_id', type: 'text' },
    { name: 'part_number', type: 'text' },
    { name: 'start_time', type: 'timestamptz' },
    { name: 'end_time', type: 'timestamptz' },
    { name: 'state', type: 'text' },
    { name: 'operator_id', type: 'text' },
    { name: 'setup_time', type: 'float8' },
    { name: 'cycle_time', type: 'float8' },
    { name: 'ideal_cycle_time', type: 'float8' },
    { name: 'parts_produced', type: 'int' },
    { name: 'parts_scrapped', type: 'int' },
    { name: 'source_updated_at', type: 'timestamptz' },
  ],
  columns: [
    'machine_id',
    'part_number',
    'start_time',
    'end_time',
    'state',
    'operator_id',
    'setup_time',
    'cycle_time',
    'ideal_cycle_time',
    'parts_produced',
    'parts_scrapped',
  ].map((name) => ({ name })),
  version: { input: 'source_updated_at' },
  syncedAt: true,
});

/** A job as the OEE engine reads it: times in epoch milliseconds, end null while it runs. */
export interface JobFact {
  machineId: string;
  start: number;
  end: number | null;
  idealCycleTime: number | null;
  partsProduced: number | null;
  partsScrapped: number | null;
}

@Injectable()
export class JobRepository {
  private readonly repo: Repository<JobEntity>;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.repo = dataSource.getRepository(JobEntity);
  }

  /** Inserts or updates a batch by job id if newer. Returns how many rows changed. */
  async upsertBatch(rows: JobUpsert[]): Promise<number> {
    if (rows.length === 0) return 0;
    return executeCounting(this.dataSource, UPSERT_JOBS, [
      rows.map((j) => j.jobId),
      rows.map((j) => j.machineId),
      rows.map((j) => j.partNumber),
      rows.map((j) => j.startTime),
      rows.map((j) => j.endTime),
      rows.map((j) => j.state),
      rows.map((j) => j.operatorId),
      rows.map((j) => j.setupTime),
      rows.map((j) => j.cycleTime),
      rows.map((j) => j.idealCycleTime),
      rows.map((j) => j.partsProduced),
      rows.map((j) => j.partsScrapped),
      rows.map((j) => j.sourceUpdatedAt),
    ]);
  }

  /** Tombstones jobs gone from the source, unless stored newer than the deletion. Returns how many changed. */
  async markDeleted(jobIds: string[], deletedAt: Date): Promise<number> {
    if (jobIds.length === 0) return 0;
    return tombstoneVersioned(this.dataSource, 'jobs', 'job_id', jobIds, deletedAt);
  }

  /** Jobs of one machine overlapping [from, to): started before `to` and not ended by `from` (a running job has no end). */
  async findOverlapping(window: HistoryWindow): Promise<JobEntity[]> {
    const query = this.repo.createQueryBuilder('j').where('j.machineId = :machineId', { machineId: window.machineId }).andWhere('j.deletedAt IS NULL');
    if (window.to) query.andWhere('j.startTime < :to', { to: window.to });
    if (window.from) query.andWhere('(j.endTime IS NULL OR j.endTime > :from)', { from: window.from });
    return query.orderBy('j.startTime', 'ASC').addOrderBy('j.jobId', 'ASC').limit(window.limit).getMany();
  }

  /** Jobs of the machines overlapping [from, to) (a running job overlaps everything after its start), lean. */
  async findFactsOverlapping(machineIds: string[], from: Date, to: Date): Promise<JobFact[]> {
    if (machineIds.length === 0) return [];
    const rows: {
      machine_id: string;
      start_ms: number;
      end_ms: number | null;
      ideal_cycle_time: number | null;
      parts_produced: number | null;
      parts_scrapped: number | null;
    }[] = await this.dataSource.query(
      `SELECT "machine_id", (extract(epoch FROM "start_time") * 1000)::float8 AS start_ms, (extract(epoch FROM "end_time") * 1000)::float8 AS end_ms,
              "ideal_cycle_time"::float8 AS ideal_cycle_time, "parts_produced", "parts_scrapped"
       FROM "analytics"."jobs"
       WHERE "machine_id" = ANY($1::text[]) AND "deleted_at" IS NULL
         AND "start_time" < $3 AND ("end_time" IS NULL OR "end_time" > $2)
       ORDER BY "machine_id", "start_time", "job_id"`,
      [machineIds, from, to],
    );
    return rows.map((r) => ({
      machineId: r.machine_id,
      start: Math.round(r.start_ms),
      end: r.end_ms === null ? null : Math.round(r.end_ms),
      idealCycleTime: r.ideal_cycle_time,
      partsProduced: r.parts_produced,
      partsScrapped: r.parts_scrapped,
    }));
  }

  /** Machine, [start, end) and counts of the stored jobs among `jobIds` (end null while running): what a batch changes. */
  async storedRanges(
    jobIds: string[],
  ): Promise<{ jobId: string; machineId: string; start: Date; end: Date | null; partsProduced: number | null; partsScrapped: number | null }[]> {
    if (jobIds.length === 0) return [];
    const rows: {
      job_id: string;
      machine_id: string;
      start_time: Date;
      end_time: Date | null;
      parts_produced: number | null;
      parts_scrapped: number | null;
    }[] = await this.dataSource.query(
      `SELECT "job_id", "machine_id", "start_time", "end_time", "parts_produced", "parts_scrapped" FROM "analytics"."jobs" WHERE "job_id" = ANY($1::text[])`,
      [jobIds],
    );
    return rows.map((r) => ({
      jobId: r.job_id,
      machineId: r.machine_id,
      start: r.start_time,
      end: r.end_time,
      partsProduced: r.parts_produced,
      partsScrapped: r.parts_scrapped,
    }));
  }
}
