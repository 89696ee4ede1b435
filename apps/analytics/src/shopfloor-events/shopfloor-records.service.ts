import { Injectable, Logger } from '@nestjs/common';
import {
  checkRecordsDeleted,
  checkShopfloorBatch,
  CONSUMERS,
  sourceIdKeys,
  SUBJECTS,
  type CheckedBatch,
  type RecordsDeleted,
  type ShopfloorEntity,
  type ShopfloorRecords,
} from '@shopfloor/contracts';
import { DowntimeRecordRepository, JobRepository, MachineEventRepository, MachineReadingRepository, MachineRepository } from '@shopfloor/analytics/data-access';
import { PoisonMessageError, RecordRejections, writeIsolating, type RecordFailure } from '@shopfloor/nats';
import { AnalyticsCache, type TouchedRange } from '../cache/analytics-cache';
import { LiveStatusService } from '../live/live-status.service';
import { toDowntimeRecordUpsert, toJobUpsert, toMachineEventInsert, toMachineReadingInsert, toMachineUpsert } from './shopfloor-records.mapper';

/**
 * Applies SHOPFLOOR batches to the read model, one statement per batch. Every write is idempotent (upsert by key and
 * source version, insert-if-absent for append-only records), so a redelivered or replayed batch changes nothing.
 * Records are judged one by one: an invalid record, or one the database refuses for its data, is reported to the
 * quarantine (RecordRejections) and the rest of its batch is applied. Only a broken envelope (VALIDATION_FAILED) or
 * an unknown subject (poison) sends a whole message to the dead letters.
 */
@Injectable()
export class ShopfloorRecordsService {
  private readonly logger = new Logger(ShopfloorRecordsService.name);

  constructor(
    private readonly machines: MachineRepository,
    private readonly jobs: JobRepository,
    private readonly downtime: DowntimeRecordRepository,
    private readonly events: MachineEventRepository,
    private readonly readings: MachineReadingRepository,
    private readonly cache: AnalyticsCache,
    private readonly live: LiveStatusService,
    private readonly rejections: RecordRejections,
  ) {}

  /** Returns how many rows the batch changed. */
  async apply(subject: string, payload: unknown): Promise<number> {
    switch (subject) {
      case SUBJECTS.shopfloor.machinesUpserted: {
        const batch = checkShopfloorBatch('machines', payload);
        const { changed, failed } = await writeIsolating(batch.valid, (rs) => this.machines.upsertBatch(rs.map(toMachineUpsert)));
        await this.rejections.reportBatch(CONSUMERS.analyticsShopfloor.durableName, 'machines', batch, failed);
        this.logged('machines', batch, changed, failed.length);
        // A machine added, renamed or retyped changes the aggregates and filters over every period. Invalidation runs even
        // when nothing changed: a redelivery after a crash between the write and the invalidation must still do it.
        await this.cache.invalidateMachines(batch.valid.map((r) => r.machine_id));
        return changed;
      }
      case SUBJECTS.shopfloor.jobsUpserted: {
        const batch = checkShopfloorBatch('jobs', payload);
        const rows = batch.valid.map(toJobUpsert);
        // Where the jobs were before counts as much as where they are now (a job moved to another day changes both).
        const before = await this.jobs.storedRanges(rows.map((r) => r.jobId));
        const { changed, failed } = await writeIsolating(rows, (rs) => this.jobs.upsertBatch(rs));
        await this.rejections.reportBatch(
          CONSUMERS.analyticsShopfloor.durableName,
          'jobs',
          batch,
          failed.map((f) => ({ record: batch.valid[rows.indexOf(f.record)], reason: f.reason })),
        );
        this.logged('jobs', batch, changed, failed.length);
        await this.cache.invalidate([...before, ...rows.map((r) => ({ machineId: r.machineId, start: r.startTime, end: r.endTime }))].map(jobRange));
        if (changed > 0) {
          const refused = new Set(failed.map((f) => f.record));
          const stored = new Map(before.map((b) => [b.jobId, b]));
          await this.live.checkScrap(
            rows
              .filter((r) => !refused.has(r))
              .map((r) => ({
                jobId: r.jobId,
                machineId: r.machineId,
                producedBefore: stored.get(r.jobId)?.partsProduced ?? 0,
                scrappedBefore: stored.get(r.jobId)?.partsScrapped ?? 0,
                produced: r.partsProduced ?? 0,
                scrapped: r.partsScrapped ?? 0,
                sourceUpdatedAt: r.sourceUpdatedAt,
              })),
          );
        }
        return changed;
      }
      case SUBJECTS.shopfloor.downtimeRecordsUpserted: {
        const batch = checkShopfloorBatch('downtime_records', payload);
        const rows = batch.valid.map(toDowntimeRecordUpsert);
        const before = await this.downtime.storedRanges(rows.map((r) => r.recordId));
        const { changed, failed } = await writeIsolating(rows, (rs) => this.downtime.upsertBatch(rs));
        await this.rejections.reportBatch(
          CONSUMERS.analyticsShopfloor.durableName,
          'downtime_records',
          batch,
          failed.map((f) => ({ record: batch.valid[rows.indexOf(f.record)], reason: f.reason })),
        );
        this.logged('downtime_records', batch, changed, failed.length);
        await this.cache.invalidate(
          [...before, ...rows.map((r) => ({ machineId: r.machineId, start: r.startTime, durationSeconds: r.duration }))].map(stopRange),
        );
        return changed;
      }
      case SUBJECTS.shopfloor.machineEventsAppended: {
        const batch = checkShopfloorBatch('machine_events', payload);
        const { changed, failed } = await writeIsolating(batch.valid, (rs) => this.events.insertBatch(rs.map(toMachineEventInsert)));
        await this.rejections.reportBatch(CONSUMERS.analyticsShopfloor.durableName, 'machine_events', batch, failed);
        this.logged('machine_events', batch, changed, failed.length);
        // Also for a redelivery: the status only ever moves forward, so applying it again changes nothing.
        await this.live.applyEvents(written(batch.valid, failed));
        return changed;
      }
      case SUBJECTS.shopfloor.machineReadingsAppended: {
        const batch = checkShopfloorBatch('machine_readings', payload);
        const { changed, failed } = await writeIsolating(batch.valid, (rs) => this.readings.insertBatch(rs.map(toMachineReadingInsert)));
        await this.rejections.reportBatch(CONSUMERS.analyticsShopfloor.durableName, 'machine_readings', batch, failed);
        this.logged('machine_readings', batch, changed, failed.length);
        await this.live.applyReadings(written(batch.valid, failed));
        return changed;
      }
      case SUBJECTS.shopfloor.recordsDeleted: {
        const batch = checkRecordsDeleted(payload);
        const touched = await this.rangesOf(batch);
        const changed = await this.applyDeleted(batch);
        this.logger.log({
          message: `Applied ${batch.entity} deletions`,
          entity: batch.entity,
          action: 'deleted',
          count: batch.keys.length,
          changed,
          sync_id: batch.sync_id,
        });
        await this.cache.invalidate(touched);
        return changed;
      }
      default:
        throw new PoisonMessageError(`no handler for subject ${subject}`);
    }
  }

  /** The cached periods a deletion changes: those of the deleted jobs and stops, every period of a deleted machine. */
  private async rangesOf(batch: RecordsDeleted): Promise<TouchedRange[]> {
    switch (batch.entity) {
      case 'machines':
        return batch.keys.map((machineId) => ({ machineId, from: -Infinity, to: Infinity }));
      case 'jobs':
        return (await this.jobs.storedRanges(batch.keys)).map(jobRange);
      case 'downtime_records':
        return (await this.downtime.storedRanges(batch.keys)).map(stopRange);
      case 'machine_events':
      case 'machine_readings':
        return [];
    }
  }

  private async applyDeleted(batch: RecordsDeleted): Promise<number> {
    const at = new Date(batch.deleted_at);
    switch (batch.entity) {
      case 'machines':
        return this.machines.markDeleted(batch.keys, at);
      case 'jobs':
        return this.jobs.markDeleted(batch.keys, at);
      case 'downtime_records':
        return this.downtime.markDeleted(batch.keys, at);
      case 'machine_events':
        return this.events.markDeleted(sourceIdKeys(batch.keys), at);
      case 'machine_readings':
        return this.readings.markDeleted(sourceIdKeys(batch.keys), at);
    }
  }

  private logged<E extends ShopfloorEntity>(entity: E, batch: CheckedBatch<ShopfloorRecords[E]>, changed: number, refused: number): void {
    const rejected = batch.rejected.length + refused;
    this.logger.log({
      message: `Applied ${entity} batch`,
      entity,
      action: 'upserted',
      count: batch.valid.length - refused,
      rejected,
      changed,
      sync_id: batch.sync_id,
    });
  }
}

/** The records of a batch the database took: all of them unless some were refused. */
function written<R>(records: R[], failed: RecordFailure<R>[]): R[] {
  return failed.length === 0 ? records : records.filter((r) => !failed.some((f) => f.record === r));
}

function jobRange(job: { machineId: string; start: Date; end: Date | null }): TouchedRange {
  // A running job's parts count until now, and a later end time will extend it: open-ended.
  return { machineId: job.machineId, from: job.start.getTime(), to: job.end ? job.end.getTime() : Infinity };
}

function stopRange(stop: { machineId: string; start: Date; durationSeconds: number }): TouchedRange {
  return { machineId: stop.machineId, from: stop.start.getTime(), to: stop.start.getTime() + stop.durationSeconds * 1000 };
}
