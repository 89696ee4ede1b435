import { DomainError, ErrorCode, type FieldError } from '../error-codes';
import {
  MAX_RECORDS_PER_BATCH,
  SHOPFLOOR_ENTITIES,
  type DowntimeRecord,
  type JobRecord,
  type MachineEventRecord,
  type MachineReadingRecord,
  type MachineRecord,
  type ShopfloorEntity,
} from './shopfloor-schema';
import { isIsoDateTime, textProblem, type ShopfloorBatch } from './shopfloor-validator';

/**
 * The messages of the SHOPFLOOR stream (one envelope per batch, records as SHOPFLOOR_SCHEMA defines them) and the
 * reports consumers send back about records they could not apply.
 */
export type MachinesUpserted = ShopfloorBatch<MachineRecord>;
export type JobsUpserted = ShopfloorBatch<JobRecord>;
export type DowntimeRecordsUpserted = ShopfloorBatch<DowntimeRecord>;
export type MachineEventsAppended = ShopfloorBatch<MachineEventRecord>;
export type MachineReadingsAppended = ShopfloorBatch<MachineReadingRecord>;

/**
 * Rows a full sync found gone from the source (reconciliation). Keys are the entity's natural key (machine_id,
 * job_id, record_id) or source id (event_id, reading_id, as strings). A consumer removes them only if its stored
 * version is not newer than `deleted_at`'s snapshot.
 */
export interface RecordsDeleted {
  sync_id: string;
  entity: ShopfloorEntity;
  keys: string[];
  /** When the full sync that found them gone started (UTC). */
  deleted_at: string;
}

/** Most rejected records in one report (each carries a bounded preview of its record). */
export const MAX_REJECTIONS_PER_REPORT = 100;

/**
 * Records a consumer received but could not apply (invalid for it, or refused by its database), reported to
 * ingestion, which keeps them in the quarantine with the consumer named: one bad record costs that record only, and
 * nothing is dropped unseen.
 */
export interface RecordsRejected {
  /** The consumer's durable name, e.g. `analytics-shopfloor`. */
  consumer: string;
  entity: ShopfloorEntity;
  sync_id: string;
  rejected: {
    /** The record's key as text, null when it has none usable. */
    key: string | null;
    reasons: string[];
    /** The record as received, made safe to store and bounded (displayRow). */
    record: Record<string, unknown>;
  }[];
}

function fail(errors: FieldError[]): never {
  throw new DomainError(
    ErrorCode.ValidationFailed,
    `Invalid payload: ${[...new Set(errors.map((e) => e.field))].slice(0, 5).join(', ')}`,
    null,
    errors.slice(0, 20),
  );
}

function envelope(payload: unknown, allowed: readonly string[]): { body: Record<string, unknown>; errors: FieldError[] } {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload))
    fail([{ field: 'body', message: 'must be a JSON object', invalid_value: null }]);
  const body = payload as Record<string, unknown>;
  const errors: FieldError[] = [];
  for (const key of Object.keys(body))
    if (!allowed.includes(key)) errors.push({ field: key, message: `property ${key} should not exist`, invalid_value: null });
  const syncId = body['sync_id'];
  if (typeof syncId !== 'string' || syncId.length === 0 || syncId.length > 200)
    errors.push({ field: 'sync_id', message: 'sync_id must be a string of 1 to 200 characters', invalid_value: null });
  if (!(SHOPFLOOR_ENTITIES as readonly unknown[]).includes(body['entity']))
    errors.push({ field: 'entity', message: `entity must be one of ${SHOPFLOOR_ENTITIES.join(', ')}`, invalid_value: null });
  return { body, errors };
}

const goodKey = (k: unknown): boolean => typeof k === 'string' && k.length > 0 && k.length <= 200 && textProblem(k, {}) === null;

export function checkRecordsDeleted(payload: unknown): RecordsDeleted {
  const { body, errors } = envelope(payload, ['sync_id', 'entity', 'keys', 'deleted_at']);
  const keys = body['keys'];
  if (!Array.isArray(keys) || keys.length === 0 || keys.length > MAX_RECORDS_PER_BATCH || !keys.every(goodKey)) {
    errors.push({
      field: 'keys',
      message: `keys must be 1 to ${MAX_RECORDS_PER_BATCH} non-empty strings`,
      invalid_value: Array.isArray(keys) ? keys.length : null,
    });
  }
  if (typeof body['deleted_at'] !== 'string' || !isIsoDateTime(body['deleted_at']))
    errors.push({ field: 'deleted_at', message: 'deleted_at must be a valid ISO 8601 date string', invalid_value: null });
  if (errors.length > 0) fail(errors);
  return body as unknown as RecordsDeleted;
}

const SOURCE_ID = /^[1-9][0-9]*$/;

/**
 * The keys of a deletion from an append-only table (machine events, readings): source ids travel as decimal strings
 * in RecordsDeleted and are integers on the records, so anything else is refused as VALIDATION_FAILED.
 */
export function sourceIdKeys(keys: string[]): string[] {
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

export function checkRecordsRejected(payload: unknown): RecordsRejected {
  const { body, errors } = envelope(payload, ['consumer', 'entity', 'sync_id', 'rejected']);
  const consumer = body['consumer'];
  if (typeof consumer !== 'string' || consumer.length === 0 || consumer.length > 100 || textProblem(consumer, { identifier: true }) !== null) {
    errors.push({ field: 'consumer', message: 'consumer must be a durable consumer name', invalid_value: null });
  }
  const rejected = body['rejected'];
  const entryOk = (r: unknown): boolean => {
    if (r === null || typeof r !== 'object' || Array.isArray(r)) return false;
    const e = r as Record<string, unknown>;
    return (
      (e['key'] === null || goodKey(e['key'])) &&
      Array.isArray(e['reasons']) &&
      e['reasons'].length > 0 &&
      e['reasons'].every((x) => typeof x === 'string' && textProblem(x, { maxChars: 2000 }) === null) &&
      e['record'] !== null &&
      typeof e['record'] === 'object' &&
      !Array.isArray(e['record'])
    );
  };
  if (!Array.isArray(rejected) || rejected.length === 0 || rejected.length > MAX_REJECTIONS_PER_REPORT || !rejected.every(entryOk)) {
    errors.push({ field: 'rejected', message: `rejected must hold 1 to ${MAX_REJECTIONS_PER_REPORT} entries of key, reasons and record`, invalid_value: null });
  }
  if (errors.length > 0) fail(errors);
  return body as unknown as RecordsRejected;
}
