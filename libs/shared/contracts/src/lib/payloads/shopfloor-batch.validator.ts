import { DomainError, ErrorCode, type FieldError } from '../error-codes';
import {
  JOB_STATES,
  MAX_RECORDS_PER_BATCH,
  SHOPFLOOR_ENTITIES,
  type DowntimeRecordsUpserted,
  type JobsUpserted,
  type MachineEventsAppended,
  type MachineReadingsAppended,
  type MachinesUpserted,
  type RecordsDeleted,
} from './shopfloor-records.payload';

/**
 * Fast structural validation of SHOPFLOOR batches, with exactly the rules the decorated classes in
 * shopfloor-records.payload.ts declare (a test holds the two to the same verdicts). Decorator validation costs a
 * few hundred milliseconds per thousand records; this costs about one, which is what lets the read model keep up
 * with a full sync.
 */
type Rule =
  | { kind: 'string'; optional: boolean; max?: number; notEmpty?: boolean }
  | { kind: 'iso'; optional: boolean }
  | { kind: 'number'; optional: boolean; min?: number; integer?: boolean }
  | { kind: 'object'; optional: boolean }
  | { kind: 'enum'; optional: boolean; values: readonly string[] };

type Schema = Record<string, Rule>;

const str = (max: number, optional = false, notEmpty = !optional): Rule => ({ kind: 'string', optional, max, notEmpty });
const iso = (optional = false): Rule => ({ kind: 'iso', optional });
const num = (optional: boolean, min?: number, integer = false): Rule => ({ kind: 'number', optional, min, integer });

export const RECORD_SCHEMAS = {
  machines: {
    machine_id: str(50),
    name: str(100),
    type: str(50),
    location: str(100, true),
    installation_date: iso(true),
    specifications: { kind: 'object', optional: true },
    source_updated_at: iso(),
  },
  jobs: {
    job_id: str(50),
    machine_id: str(50),
    part_number: str(100, true),
    start_time: iso(),
    end_time: iso(true),
    state: { kind: 'enum', optional: false, values: JOB_STATES },
    operator_id: str(50, true),
    setup_time: num(true, 0),
    cycle_time: num(true, 0),
    ideal_cycle_time: num(true, 0),
    parts_produced: num(true, 0, true),
    parts_scrapped: num(true, 0, true),
    source_updated_at: iso(),
  },
  downtime_records: {
    record_id: str(50),
    job_id: str(50, true),
    machine_id: str(50),
    downtime_type: str(50),
    start_time: iso(),
    duration: num(false, 0),
    reason_code: str(20, true),
    description: { kind: 'string', optional: true },
    source_updated_at: iso(),
  },
  machine_events: {
    event_id: num(false, 1, true),
    machine_id: str(50),
    event_time: iso(),
    state: str(20),
    reason_code: str(20, true),
    job_id: str(50, true),
    part_count: num(true, 0, true),
  },
  machine_readings: {
    reading_id: num(false, 1, true),
    machine_id: str(50),
    reading_time: iso(),
    metric: str(50),
    value: num(false),
    unit: str(20, true),
  },
} as const satisfies Record<(typeof SHOPFLOOR_ENTITIES)[number], Schema>;

const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

/** ISO 8601 date or date-time as `@IsISO8601({ strict: true })` accepts it: a real calendar date. */
export function isIsoDateTime(value: string): boolean {
  if (isCanonicalInstant(value)) return true;
  const m = ISO_8601.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return false;
  if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59 || (m[6] !== undefined && Number(m[6]) > 59))) return false;
  return true;
}

/**
 * Exactly `Date.prototype.toISOString()`'s form for a real instant, 'YYYY-MM-DDTHH:MM:SS.sssZ' — what every producer
 * of this platform writes. Checked without a regular expression or allocations: it is the hot path of every batch.
 */
export function isCanonicalInstant(v: string): boolean {
  if (v.length !== 24 || v.charCodeAt(4) !== 45 || v.charCodeAt(7) !== 45 || v.charCodeAt(10) !== 84 || v.charCodeAt(13) !== 58) return false;
  if (v.charCodeAt(16) !== 58 || v.charCodeAt(19) !== 46 || v.charCodeAt(23) !== 90) return false;
  const year = digitsAt(v, 0, 4);
  const month = digitsAt(v, 5, 2);
  const day = digitsAt(v, 8, 2);
  const hour = digitsAt(v, 11, 2);
  const minute = digitsAt(v, 14, 2);
  const second = digitsAt(v, 17, 2);
  if (digitsAt(v, 20, 3) < 0 || year < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  const days = month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return day <= days;
}

function digitsAt(v: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i += 1) {
    const d = v.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

const MAX_REPORTED = 20;

function checkValue(rule: Rule, value: unknown): string | null {
  if (value === null || value === undefined) return rule.optional ? null : 'is required';
  switch (rule.kind) {
    case 'string':
      if (typeof value !== 'string') return 'must be a string';
      if (rule.notEmpty && value.length === 0) return 'should not be empty';
      if (rule.max !== undefined && value.length > rule.max) return `must be shorter than or equal to ${rule.max} characters`;
      return null;
    case 'iso':
      return typeof value === 'string' && isIsoDateTime(value) ? null : 'must be a valid ISO 8601 date string';
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'must be a number';
      if (rule.integer && !Number.isInteger(value)) return 'must be an integer number';
      if (rule.min !== undefined && value < rule.min) return `must not be less than ${rule.min}`;
      return null;
    case 'object':
      return typeof value === 'object' && !Array.isArray(value) ? null : 'must be an object';
    case 'enum':
      return typeof value === 'string' && rule.values.includes(value) ? null : `must be one of the following values: ${rule.values.join(', ')}`;
  }
}

function fail(errors: FieldError[]): never {
  throw new DomainError(ErrorCode.ValidationFailed, `Invalid batch: ${[...new Set(errors.map((e) => e.field))].slice(0, 5).join(', ')}`, null, errors.slice(0, MAX_REPORTED));
}

function checkEnvelope(payload: unknown): { body: Record<string, unknown>; errors: FieldError[] } {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) fail([{ field: 'body', message: 'must be a JSON object', invalid_value: null }]);
  const body = payload as Record<string, unknown>;
  const errors: FieldError[] = [];
  if (typeof body['sync_id'] !== 'string' || body['sync_id'].length === 0) errors.push({ field: 'sync_id', message: 'must be a non-empty string', invalid_value: body['sync_id'] ?? null });
  return { body, errors };
}

function checkRecords(entity: keyof typeof RECORD_SCHEMAS, payload: unknown): unknown {
  const { body, errors } = checkEnvelope(payload);
  const allowed = new Set(['sync_id', 'records']);
  for (const key of Object.keys(body)) if (!allowed.has(key)) errors.push({ field: key, message: `property ${key} should not exist`, invalid_value: body[key] });
  const records = body['records'];
  if (!Array.isArray(records) || records.length === 0 || records.length > MAX_RECORDS_PER_BATCH) {
    errors.push({ field: 'records', message: `must be an array of 1 to ${MAX_RECORDS_PER_BATCH} records`, invalid_value: Array.isArray(records) ? records.length : null });
    fail(errors);
  }
  const schema: Schema = RECORD_SCHEMAS[entity];
  const fields = Object.keys(schema);
  for (let i = 0; i < records.length && errors.length < MAX_REPORTED; i += 1) {
    const record: unknown = records[i];
    if (record === null || typeof record !== 'object' || Array.isArray(record)) {
      errors.push({ field: `records.${i}`, message: 'must be an object', invalid_value: null });
      continue;
    }
    const r = record as Record<string, unknown>;
    for (const field of fields) {
      const problem = checkValue(schema[field], r[field]);
      if (problem) errors.push({ field: `records.${i}.${field}`, message: `${field} ${problem}`, invalid_value: r[field] ?? null });
    }
    for (const key of Object.keys(r)) if (!(key in schema)) errors.push({ field: `records.${i}.${key}`, message: `property ${key} should not exist`, invalid_value: r[key] });
  }
  if (errors.length > 0) fail(errors);
  return body;
}

export const checkMachinesUpserted = (payload: unknown): MachinesUpserted => checkRecords('machines', payload) as MachinesUpserted;
export const checkJobsUpserted = (payload: unknown): JobsUpserted => checkRecords('jobs', payload) as JobsUpserted;
export const checkDowntimeRecordsUpserted = (payload: unknown): DowntimeRecordsUpserted => checkRecords('downtime_records', payload) as DowntimeRecordsUpserted;
export const checkMachineEventsAppended = (payload: unknown): MachineEventsAppended => checkRecords('machine_events', payload) as MachineEventsAppended;
export const checkMachineReadingsAppended = (payload: unknown): MachineReadingsAppended => checkRecords('machine_readings', payload) as MachineReadingsAppended;

export function checkRecordsDeleted(payload: unknown): RecordsDeleted {
  const { body, errors } = checkEnvelope(payload);
  const allowed = new Set(['sync_id', 'entity', 'keys', 'deleted_at']);
  for (const key of Object.keys(body)) if (!allowed.has(key)) errors.push({ field: key, message: `property ${key} should not exist`, invalid_value: body[key] });
  if (!(SHOPFLOOR_ENTITIES as readonly unknown[]).includes(body['entity'])) errors.push({ field: 'entity', message: `entity must be one of the following values: ${SHOPFLOOR_ENTITIES.join(', ')}`, invalid_value: body['entity'] ?? null });
  const keys = body['keys'];
  if (!Array.isArray(keys) || keys.length === 0 || keys.length > MAX_RECORDS_PER_BATCH || keys.some((k) => typeof k !== 'string' || k.length === 0)) {
    errors.push({ field: 'keys', message: `must be 1 to ${MAX_RECORDS_PER_BATCH} non-empty strings`, invalid_value: Array.isArray(keys) ? keys.length : null });
  }
  if (typeof body['deleted_at'] !== 'string' || !isIsoDateTime(body['deleted_at'])) errors.push({ field: 'deleted_at', message: 'deleted_at must be a valid ISO 8601 date string', invalid_value: body['deleted_at'] ?? null });
  if (errors.length > 0) fail(errors);
  return body as unknown as RecordsDeleted;
}
