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
  ) {}

  /** Returns how many rows the batch changed. */
  async apply(subject: string, payload: unknown): Promise<number> {
    switch (subject) {
      case SUBJECTS.shopfloor.machinesUpserted: {
        const batch = checkMachinesUpserted(payload);
        return this.logged('machines', batch.sync_id, batch.records.length, this.machines.upsertBatch(batch.records.map(toMachineUpsert)));
      }
      case SUBJECTS.shopfloor.jobsUpserted: {
        const batch = checkJobsUpserted(payload);
        return this.logged('jobs', batch.sync_id, batch.records.length, this.jobs.upsertBatch(batch.records.map(toJobUpsert)));
      }
      case SUBJECTS.shopfloor.downtimeRecordsUpserted: {
        const batch = checkDowntimeRecordsUpserted(payload);
        return this.logged('downtime_records', batch.sync_id, batch.records.length, this.downtime.upsertBatch(batch.records.map(toDowntimeRecordUpsert)));
      }
      case SUBJECTS.shopfloor.machineEventsAppended: {
        const batch = checkMachineEventsAppended(payload);
        return this.logged('machine_events', batch.sync_id, batch.records.length, this.events.insertBatch(batch.records.map(toMachineEventInsert)));
      }
      case SUBJECTS.shopfloor.machineReadingsAppended: {
        const batch = checkMachineReadingsAppended(payload);
        return this.logged('machine_readings', batch.sync_id, batch.records.length, this.readings.insertBatch(batch.records.map(toMachineReadingInsert)));
      }
      case SUBJECTS.shopfloor.recordsDeleted: {
        const batch = checkRecordsDeleted(payload);
        return this.logged(batch.entity, batch.sync_id, batch.keys.length, this.applyDeleted(batch), 'deleted');
      }
      default:
        throw new PoisonMessageError(`no handler for subject ${subject}`);
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
