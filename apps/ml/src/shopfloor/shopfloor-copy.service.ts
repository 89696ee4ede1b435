import { Injectable, Logger } from '@nestjs/common';
import {
  checkRecordsDeleted,
  checkShopfloorBatch,
  CONSUMERS,
  sourceIdKeys,
  SUBJECTS,
  type RecordsDeleted,
  type ShopfloorEntity,
  type ShopfloorRecords,
} from '@shopfloor/contracts';
import { ShopfloorCopyRepository, type CopiedEntity } from '@shopfloor/ml/data-access';
import { PoisonMessageError, RecordRejections, writeIsolating } from '@shopfloor/nats';
import { toJobCopy, toMachineCopy, toReadingCopy, toStopCopy } from './shopfloor-copy.mapper';

/**
 * Applies SHOPFLOOR batches to the ml service's copy, one statement per batch. Every write is idempotent (upsert by
 * key and source version, insert-if-absent for readings), so a redelivered or replayed batch changes nothing. Machine
 * events are acknowledged unread: the features take the same information from jobs and stops (machine-history.ts).
 * Records are judged one by one: an invalid record, or one the database refuses for its data, is reported to the
 * quarantine (RecordRejections) and the rest of its batch is applied. Only a broken envelope (VALIDATION_FAILED) or
 * an unknown subject (poison) sends a whole message to the dead letters.
 */
@Injectable()
export class ShopfloorCopyService {
  private readonly logger = new Logger(ShopfloorCopyService.name);

  constructor(
    private readonly copy: ShopfloorCopyRepository,
    private readonly rejections: RecordRejections,
  ) {}

  /** Returns how many rows the batch changed. */
  async apply(subject: string, payload: unknown): Promise<number> {
    switch (subject) {
      case SUBJECTS.shopfloor.machinesUpserted:
        return this.applyBatch('machines', 'machines', payload, toMachineCopy, (rows) => this.copy.upsertMachines(rows));
      case SUBJECTS.shopfloor.jobsUpserted:
        return this.applyBatch('jobs', 'jobs', payload, toJobCopy, (rows) => this.copy.upsertJobs(rows));
      case SUBJECTS.shopfloor.downtimeRecordsUpserted:
        return this.applyBatch('downtime_records', 'stops', payload, toStopCopy, (rows) => this.copy.upsertStops(rows));
      case SUBJECTS.shopfloor.machineReadingsAppended:
        return this.applyBatch('machine_readings', 'readings', payload, toReadingCopy, (rows) => this.copy.insertReadings(rows));
      case SUBJECTS.shopfloor.machineEventsAppended:
        return 0;
      case SUBJECTS.shopfloor.recordsDeleted: {
        const batch = checkRecordsDeleted(payload);
        const entity = copiedEntity(batch);
        if (entity === null) return 0;
        const keys = entity === 'readings' ? sourceIdKeys(batch.keys) : batch.keys;
        return this.logged(entity, batch.sync_id, keys.length, this.copy.markDeleted(entity, keys, Date.parse(batch.deleted_at)), 'deleted');
      }
      default:
        throw new PoisonMessageError(`no handler for subject ${subject}`);
    }
  }

  /** Checks a batch record by record, writes the good ones (isolating any the database refuses) and reports the rest. */
  private async applyBatch<E extends ShopfloorEntity, Row>(
    entity: E,
    copied: CopiedEntity,
    payload: unknown,
    map: (record: ShopfloorRecords[E]) => Row,
    write: (rows: Row[]) => Promise<number>,
  ): Promise<number> {
    const batch = checkShopfloorBatch(entity, payload);
    const pairs = batch.valid.map((record) => ({ record, row: map(record) }));
    const { changed, failed } = await writeIsolating(pairs, (ps) => write(ps.map((p) => p.row)));
    await this.rejections.reportBatch(
      CONSUMERS.mlShopfloor.durableName,
      entity,
      batch,
      failed.map((f) => ({ record: f.record.record, reason: f.reason })),
    );
    this.logger.log({
      message: `Applied ${copied} batch`,
      entity: copied,
      action: 'upserted',
      count: batch.valid.length - failed.length,
      rejected: batch.rejected.length + failed.length,
      changed,
      sync_id: batch.sync_id,
    });
    return changed;
  }

  private async logged(
    entity: CopiedEntity,
    syncId: string,
    count: number,
    write: Promise<number>,
    action: 'upserted' | 'deleted' = 'upserted',
  ): Promise<number> {
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
