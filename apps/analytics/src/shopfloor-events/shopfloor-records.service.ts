import { Injectable, Logger } from '@nestjs/common';
import {
  checkDowntimeRecordsUpserted,
  checkJobsUpserted,
  checkMachineEventsAppended,
  checkMachineReadingsAppended,
  checkMachinesUpserted,
  checkRecordsDeleted,
  DomainError,
  ErrorCode,
  SUBJECTS,
  type RecordsDeleted,
  type ShopfloorEntity,
} from '@shopfloor/contracts';
import {
  DowntimeRecordRepository,
  JobRepository,
  MachineEventRepository,
  MachineReadingRepository,
  MachineRepository,
} from '@shopfloor/analytics/data-access';
import { PoisonMessageError } from '@shopfloor/nats';
import { AnalyticsCache, type TouchedRange } from '../cache/analytics-cache';
import { LiveStatusService } from '../live/live-status.service';
import { toDowntimeRecordUpsert, toJobUpsert, toMachineEventInsert, toMachineReadingInsert, toMachineUpsert } from './shopfloor-records.mapper';

/** Source ids of the append-only tables travel as decimal strings in RecordsDeleted; they are integers on the records. */
const SOURCE_ID = /^[1-9][0-9]*$/;

/**
 * Applies SHOPFLOOR batches to the read model, one statement per batch. Every write is idempotent (upsert by key and
 * source version, insert-if-absent for append-only records), so a redelivered or replayed batch changes nothing.
 * An invalid batch throws VALIDATION_FAILED and an unknown subject a poison error: both go to the dead letters.
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
  ) {}

  /** Returns how many rows the batch changed. */
  async apply(subject: string, payload: unknown): Promise<number> {
    switch (subject) {
      case SUBJECTS.shopfloor.machinesUpserted: {
        const batch = checkMachinesUpserted(payload);
        const changed = await this.logged('machines', batch.sync_id, batch.records.length, this.machines.upsertBatch(batch.records.map(toMachineUpsert)));
        // A machine added, renamed or retyped changes the aggregates and filters over every period. Invalidation runs even
        // when nothing changed: a redelivery after a crash between the write and the invalidation must still do it.
        await this.cache.invalidateMachines(batch.records.map((r) => r.machine_id));
        return changed;
      }
      case SUBJECTS.shopfloor.jobsUpserted: {
        const batch = checkJobsUpserted(payload);
        const rows = batch.records.map(toJobUpsert);
        // Where the jobs were before counts as much as where they are now (a job moved to another day changes both).
        const before = await this.jobs.storedRanges(rows.map((r) => r.jobId));
        const changed = await this.logged('jobs', batch.sync_id, rows.length, this.jobs.upsertBatch(rows));
        await this.cache.invalidate([...before, ...rows.map((r) => ({ machineId: r.machineId, start: r.startTime, end: r.endTime }))].map(jobRange));
        if (changed > 0) {
          const stored = new Map(before.map((b) => [b.jobId, b]));
          await this.live.checkScrap(
            rows.map((r) => ({
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
        const batch = checkDowntimeRecordsUpserted(payload);
        const rows = batch.records.map(toDowntimeRecordUpsert);
        const before = await this.downtime.storedRanges(rows.map((r) => r.recordId));
        const changed = await this.logged('downtime_records', batch.sync_id, rows.length, this.downtime.upsertBatch(rows));
        await this.cache.invalidate([...before, ...rows.map((r) => ({ machineId: r.machineId, start: r.startTime, durationSeconds: r.duration }))].map(stopRange));
        return changed;
      }
      case SUBJECTS.shopfloor.machineEventsAppended: {
        const batch = checkMachineEventsAppended(payload);
        const changed = await this.logged('machine_events', batch.sync_id, batch.records.length, this.events.insertBatch(batch.records.map(toMachineEventInsert)));
        // Also for a redelivery: the status only ever moves forward, so applying it again changes nothing.
        await this.live.applyEvents(batch.records);
        return changed;
      }
      case SUBJECTS.shopfloor.machineReadingsAppended: {
        const batch = checkMachineReadingsAppended(payload);
        const changed = await this.logged('machine_readings', batch.sync_id, batch.records.length, this.readings.insertBatch(batch.records.map(toMachineReadingInsert)));
        await this.live.applyReadings(batch.records);
        return changed;
      }
      case SUBJECTS.shopfloor.recordsDeleted: {
        const batch = checkRecordsDeleted(payload);
        const touched = await this.rangesOf(batch);
        const changed = await this.logged(batch.entity, batch.sync_id, batch.keys.length, this.applyDeleted(batch), 'deleted');
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
        return this.events.markDeleted(sourceIds(batch.keys), at);
      case 'machine_readings':
        return this.readings.markDeleted(sourceIds(batch.keys), at);
    }
  }

  private async logged(entity: ShopfloorEntity, syncId: string, count: number, write: Promise<number>, action: 'upserted' | 'deleted' = 'upserted'): Promise<number> {
    const changed = await write;
    this.logger.log({ message: `Applied ${entity} batch`, entity, action, count, changed, sync_id: syncId });
    return changed;
  }
}

function jobRange(job: { machineId: string; start: Date; end: Date | null }): TouchedRange {
  // A running job's parts count until now, and a later end time will extend it: open-ended.
  return { machineId: job.machineId, from: job.start.getTime(), to: job.end ? job.end.getTime() : Infinity };
}

function stopRange(stop: { machineId: string; start: Date; durationSeconds: number }): TouchedRange {
  return { machineId: stop.machineId, from: stop.start.getTime(), to: stop.start.getTime() + stop.durationSeconds * 1000 };
}

function sourceIds(keys: string[]): string[] {
  const invalid = keys.filter((key) => !SOURCE_ID.test(key) || !Number.isSafeInteger(Number(key)));
  if (invalid.length > 0) {
    throw new DomainError(
      ErrorCode.ValidationFailed,
      'Invalid payload: keys',
      null,
      invalid.map((key) => ({ field: 'keys', message: 'each key must be a positive integer source id', invalid_value: key })),
    );
  }
  return keys;
}
