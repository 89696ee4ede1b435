import { Injectable, Logger } from '@nestjs/common';
import {
  displayRow,
  displayText,
  MAX_REJECTIONS_PER_REPORT,
  recordKey,
  SUBJECTS,
  type CheckedBatch,
  type RecordsRejected,
  type RejectedRecord,
  type ShopfloorEntity,
  type ShopfloorRecords,
} from '@shopfloor/contracts';
import { MetricsRegistry } from '@shopfloor/observability';
import { createHash } from 'node:crypto';
import { JetStreamService } from './jetstream';

/** A record a consumer could not apply, with why. */
export interface RecordFailure<R> {
  record: R;
  reason: string;
}

/**
 * True for a database error caused by the data of the statement, which no retry will cure: PostgreSQL's data
 * exceptions (SQLSTATE class 22: a character it cannot store, a number or time out of range), a check or not-null
 * violation, or a value too large for an index (54000). Read from the driver's error (TypeORM wraps it).
 */
export function isDataError(error: unknown): boolean {
  const e = error as { code?: unknown; driverError?: { code?: unknown } } | null;
  const code = typeof e?.driverError?.code === 'string' ? e.driverError.code : typeof e?.code === 'string' ? e.code : '';
  return /^22[0-9A-Z]{3}$/.test(code) || code === '23502' || code === '23514' || code === '54000';
}

/**
 * Writes records in one statement; if the database refuses them for their data, finds the records it refuses by
 * halving (about 2·log2(n) more statements for one bad record among n) and writes all the others. Any other error
 * (connection, timeout) is thrown: the whole batch is then retried. Returns the rows changed and the refused records.
 */
export async function writeIsolating<R>(records: R[], write: (records: R[]) => Promise<number>): Promise<{ changed: number; failed: RecordFailure<R>[] }> {
  if (records.length === 0) return { changed: 0, failed: [] };
  try {
    return { changed: await write(records), failed: [] };
  } catch (error) {
    if (!isDataError(error)) throw error;
    if (records.length === 1) {
      const e = error as { message?: unknown; driverError?: { code?: unknown } };
      const code = typeof e.driverError?.code === 'string' ? e.driverError.code : (e as { code?: unknown }).code;
      return {
        changed: 0,
        failed: [
          { record: records[0], reason: `the database refused it (SQLSTATE ${String(code)}: ${typeof e.message === 'string' ? e.message : 'data error'})` },
        ],
      };
    }
    const half = Math.ceil(records.length / 2);
    const a = await writeIsolating(records.slice(0, half), write);
    const b = await writeIsolating(records.slice(half), write);
    return { changed: a.changed + b.changed, failed: [...a.failed, ...b.failed] };
  }
}

/**
 * Reports the records a consumer of SHOPFLOOR could not apply to ingestion's quarantine (stream REJECTIONS), with
 * bounded previews of the records, before the batch is acknowledged: a record is either applied or reported,
 * never dropped unseen. The message ids make a report sent again for a redelivered batch count once.
 */
@Injectable()
export class RecordRejections {
  private readonly logger = new Logger(RecordRejections.name);

  constructor(
    private readonly jetStream: JetStreamService,
    private readonly metrics: MetricsRegistry,
  ) {}

  /**
   * Reports what a consumer did not apply of a SHOPFLOOR batch — the records its check found invalid and those the
   * database refused — before the batch is acknowledged.
   */
  async reportBatch<E extends ShopfloorEntity>(
    consumer: string,
    entity: E,
    batch: CheckedBatch<ShopfloorRecords[E]>,
    failed: RecordFailure<ShopfloorRecords[E]>[],
  ): Promise<void> {
    await this.report(consumer, entity, batch.sync_id, [
      ...batch.rejected,
      ...failed.map((f) => ({ key: recordKey(entity, f.record), reasons: [f.reason], record: f.record })),
    ]);
  }

  async report(consumer: string, entity: ShopfloorEntity, syncId: string, rejected: Pick<RejectedRecord, 'key' | 'reasons' | 'record'>[]): Promise<void> {
    if (rejected.length === 0) return;
    for (let i = 0; i < rejected.length; i += MAX_REJECTIONS_PER_REPORT) {
      const part = rejected.slice(i, i + MAX_REJECTIONS_PER_REPORT);
      const report: RecordsRejected = {
        consumer,
        entity,
        sync_id: syncId,
        rejected: part.map((r) => ({
          key: r.key === null || r.key === '' ? null : displayText(r.key, 180),
          reasons: r.reasons.slice(0, 20).map((reason) => displayText(reason, 1000)),
          record:
            r.record !== null && typeof r.record === 'object' && !Array.isArray(r.record)
              ? displayRow(r.record as Record<string, unknown>, 500)
              : { value: displayText(JSON.stringify(r.record) ?? String(r.record), 500) },
        })),
      };
      const digest = createHash('sha256')
        .update(`${syncId}\n${entity}\n${part.map((r) => r.key ?? '').join('\n')}\n${part.map((r) => r.reasons.join(';')).join('\n')}`)
        .digest('base64url')
        .slice(0, 32);
      await this.jetStream.publish(SUBJECTS.rejections.shopfloor(consumer), report, `rej:${consumer}:${digest}`);
    }
    this.metrics.rejectedRecords.inc({ consumer, entity }, rejected.length);
    this.logger.warn({
      message: `Rejected ${rejected.length} ${entity} records; reported to the quarantine`,
      consumer,
      entity,
      sync_id: syncId,
      reasons: rejected.slice(0, 3).map((r) => r.reasons[0]),
    });
  }
}
