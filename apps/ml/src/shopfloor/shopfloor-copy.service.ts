import { Injectable, Logger } from '@nestjs/common';
import {
  checkDowntimeRecordsUpserted,
  checkJobsUpserted,
  checkMachineReadingsAppended,
  checkMachinesUpserted,
  checkRecordsDeleted,
  DomainError,
  ErrorCode,
  SUBJECTS,
  type RecordsDeleted,
} from '@shopfloor/contracts';
import { ShopfloorCopyRepository, type CopiedEntity } from '@shopfloor/ml/data-access';
import { PoisonMessageError } from '@shopfloor/nats';
import { toJobCopy, toMachineCopy, toReadingCopy, toStopCopy } from './shopfloor-copy.mapper';

/** Source ids of readings travel as decimal strings in RecordsDeleted; they are integers on the records. */
const SOURCE_ID = /^[1-9][0-9]*$/;

/**
 * Applies SHOPFLOOR batches to the ml service's copy, one statement per batch. Every write is idempotent (upsert by
 * key and source version, insert-if-absent for readings), so a redelivered or replayed batch changes nothing. Machine
 * events are acknowledged unread: the features take the same information from jobs and stops (machine-history.ts).
 * An invalid batch throws VALIDATION_FAILED and an unknown subject a poison error: both go to the dead letters.
 */
@Injectable()
export class ShopfloorCopyService {
  private readonly logger = new Logger(ShopfloorCopyService.name);

  constructor(private readonly copy: ShopfloorCopyRepository) {}

  /** Returns how many rows the batch changed. */
  async apply(subject: string, payload: unknown): Promise<number> {
    switch (subject) {
      case SUBJECTS.shopfloor.machinesUpserted: {
        const batch = checkMachinesUpserted(payload);
        return this.logged('machines', batch.sync_id, batch.records.length, this.copy.upsertMachines(batch.records.map(toMachineCopy)));
      }
      case SUBJECTS.shopfloor.jobsUpserted: {
        const batch = checkJobsUpserted(payload);
        return this.logged('jobs', batch.sync_id, batch.records.length, this.copy.upsertJobs(batch.records.map(toJobCopy)));
      }
      case SUBJECTS.shopfloor.downtimeRecordsUpserted: {
        const batch = checkDowntimeRecordsUpserted(payload);
        return this.logged('stops', batch.sync_id, batch.records.length, this.copy.upsertStops(batch.records.map(toStopCopy)));
      }
      case SUBJECTS.shopfloor.machineReadingsAppended: {
        const batch = checkMachineReadingsAppended(payload);
        return this.logged('readings', batch.sync_id, batch.records.length, this.copy.insertReadings(batch.records.map(toReadingCopy)));
      }
      case SUBJECTS.shopfloor.machineEventsAppended:
        return 0;
      case SUBJECTS.shopfloor.recordsDeleted: {
        const batch = checkRecordsDeleted(payload);
        const entity = copiedEntity(batch);
        if (entity === null) return 0;
        const keys = entity === 'readings' ? sourceIds(batch.keys) : batch.keys;
        return this.logged(entity, batch.sync_id, keys.length, this.copy.markDeleted(entity, keys, Date.parse(batch.deleted_at)), 'deleted');
      }
      default:
        throw new PoisonMessageError(`no handler for subject ${subject}`);
    }
  }

  private async logged(entity: CopiedEntity, syncId: string, count: number, write: Promise<number>, action: 'upserted' | 'deleted' = 'upserted'): Promise<number> {
    const changed = await write;
    this.logger.log({ message: `Applied ${entity} batch`, entity, action, count, changed, sync_id: syncId });
    return changed;
  }
}

/** The table of the copy a deletion applies to; null for machine events, which the copy does not keep. */
function copiedEntity(batch: RecordsDeleted): CopiedEntity | null {
  switch (batch.entity) {
    case 'machines':
      return 'machines';
    case 'jobs':
      return 'jobs';
    case 'downtime_records':
      return 'stops';
    case 'machine_readings':
      return 'readings';
    case 'machine_events':
      return null;
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
