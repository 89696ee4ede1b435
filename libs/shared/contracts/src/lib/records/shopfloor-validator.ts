import { DomainError, ErrorCode, type FieldError } from '../error-codes';
import { displayText } from './display';
import {
  MAX_RECORDS_PER_BATCH,
  SHOPFLOOR_ENTITIES,
  SHOPFLOOR_SCHEMA,
  type FieldRule,
  type JsonField,
  type ShopfloorEntity,
  type ShopfloorRecords,
} from './shopfloor-schema';

/**
 * Validation of canonical records against SHOPFLOOR_SCHEMA — the one check ingestion runs before it publishes a
 * record and every consumer runs when it receives one. Written without decorators or regular expressions on the
 * hot path: a consumer checks a thousand records in about a millisecond, which lets the read model keep up with a
 * full sync.
 */

// ---- values ----

/**
 * Exactly `Date.prototype.toISOString()`'s form for a real instant of years 0001–9999, 'YYYY-MM-DDTHH:MM:SS.sssZ' —
 * what every producer of this platform writes. Checked without a regular expression or allocations.
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
  if (digitsAt(v, 20, 3) < 0 || year < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  const days =
    month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
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

const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

/** ISO 8601 date or date-time with a real calendar date (for request parameters; records use the canonical form). */
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
 * What is wrong with a string PostgreSQL is to store, or null: a NUL character (text cannot hold one), an unpaired
 * surrogate (not Unicode; the driver would silently turn it into U+FFFD), and for identifiers any control character
 * or surrounding whitespace. Lengths in code points (`maxChars`) and UTF-8 bytes (`maxBytes`).
 */
export function textProblem(value: string, rule: { maxChars?: number; maxBytes?: number; identifier?: boolean }): string | null {
  let chars = 0;
  let bytes = 0;
  for (let i = 0; i < value.length; i += 1) {
    const c = value.charCodeAt(i);
    if (c < 0x80) {
      if (c === 0) return 'contains a NUL character';
      if (rule.identifier && (c < 0x20 || c === 0x7f)) return `contains the control character U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
      bytes += 1;
    } else if (c < 0x800) {
      if (rule.identifier && c <= 0x9f) return `contains the control character U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
      bytes += 2;
    } else if (c >= 0xd800 && c <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return 'contains an unpaired surrogate (not valid Unicode)';
      i += 1;
      bytes += 4;
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      return 'contains an unpaired surrogate (not valid Unicode)';
    } else {
      bytes += 3;
    }
    chars += 1;
  }
  if (rule.maxChars !== undefined && chars > rule.maxChars) return `is longer than ${rule.maxChars} characters (${chars})`;
  if (rule.maxBytes !== undefined && bytes > rule.maxBytes) return `is longer than ${rule.maxBytes} bytes in UTF-8 (${bytes})`;
  if (rule.identifier && value.length > 0 && (isSpace(value.charCodeAt(0)) || isSpace(value.charCodeAt(value.length - 1))))
    return 'has leading or trailing whitespace';
  return null;
}

const isSpace = (c: number): boolean => c === 0x20 || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200b) || c === 0xfeff;

/**
 * What is wrong with a JSON value as a `json` field, or null: not an object, nested too deep, a string or key that
 * PostgreSQL's jsonb cannot hold, a number that is not finite, or too many bytes as JSON text. Walks iteratively,
 * so a hostile nesting depth cannot overflow the stack.
 */
export function jsonProblem(value: unknown, rule: Pick<JsonField, 'maxBytes' | 'maxDepth'>): string | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'is not a JSON object';
  const stack: [unknown, number][] = [[value, 1]];
  let nodes = 0;
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [unknown, number];
    nodes += 1;
    if (nodes > rule.maxBytes) return `is larger than ${rule.maxBytes} bytes as JSON`;
    if (typeof node === 'string') {
      const problem = textProblem(node, {});
      if (problem) return `has a string that ${problem}`;
    } else if (typeof node === 'number') {
      if (!Number.isFinite(node)) return 'has a number that is not finite';
    } else if (node !== null && typeof node === 'object') {
      if (depth > rule.maxDepth) return `is nested deeper than ${rule.maxDepth} levels`;
      if (Array.isArray(node)) {
        for (const item of node) stack.push([item, depth + 1]);
      } else {
        for (const [key, item] of Object.entries(node as Record<string, unknown>)) {
          const problem = textProblem(key, {});
          if (problem) return `has a key that ${problem}`;
          stack.push([item, depth + 1]);
        }
      }
    } else if (typeof node !== 'boolean' && node !== null) {
      return 'holds a value that is not JSON';
    }
  }
  const bytes = Buffer.byteLength(JSON.stringify(value), 'utf8');
  return bytes > rule.maxBytes ? `is larger than ${rule.maxBytes} bytes as JSON (${bytes})` : null;
}

/** What is wrong with one value of a field, or null. `undefined` counts as null (optional fields may be absent). */
export function fieldProblem(rule: FieldRule, value: unknown): string | null {
  if (value === null || value === undefined) return rule.nullable ? null : 'is missing';
  switch (rule.kind) {
    case 'id':
      if (typeof value !== 'string') return 'is not text';
      if (value.length === 0) return 'is empty';
      return textProblem(value, { maxChars: rule.maxChars, identifier: true });
    case 'text':
      if (typeof value !== 'string') return 'is not text';
      if (value.length === 0 && !rule.nullable) return 'is empty';
      return textProblem(value, rule);
    case 'instant':
      return typeof value === 'string' && isCanonicalInstant(value) ? null : 'is not a UTC time of the years 0001–9999';
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'is not a finite number';
      if (rule.integer && !Number.isInteger(value)) return 'is not a whole number';
      if (value < rule.min) return rule.min === 0 ? `is negative (${value})` : `is below ${rule.min} (${value})`;
      if (value > rule.max) return `is above ${rule.max} (${value})`;
      return null;
    case 'enum':
      if (typeof value === 'string' && rule.values.includes(value)) return null;
      return `${typeof value === 'string' ? displayText(value, 40) : (JSON.stringify(value)?.slice(0, 40) ?? typeof value)} is not one of ${rule.values.join(', ')}`;
    case 'json':
      return jsonProblem(value, rule);
  }
}

// ---- records ----

type Fields = Record<string, FieldRule>;
const FIELDS = SHOPFLOOR_SCHEMA as unknown as Record<ShopfloorEntity, { key: string; fields: Fields }>;
const FIELD_NAMES = Object.fromEntries(SHOPFLOOR_ENTITIES.map((e) => [e, Object.keys(FIELDS[e].fields)])) as Record<ShopfloorEntity, string[]>;

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isTime = (v: unknown): v is string => typeof v === 'string' && isCanonicalInstant(v);

/** Rules across fields of one record; each returns a reason or null, and judges only fields of the right type. */
const RECORD_RULES: Record<ShopfloorEntity, ((r: Record<string, unknown>) => string | null)[]> = {
  machines: [],
  jobs: [
    (r) => (isTime(r['end_time']) && isTime(r['start_time']) && r['end_time'] < r['start_time'] ? 'end_time is before start_time' : null),
    (r) =>
      isNum(r['parts_scrapped']) && isNum(r['parts_produced']) && r['parts_scrapped'] > r['parts_produced']
        ? `parts_scrapped (${r['parts_scrapped']}) is above parts_produced (${r['parts_produced']})`
        : null,
    (r) =>
      isNum(r['parts_scrapped']) && (r['parts_produced'] === null || r['parts_produced'] === undefined)
        ? 'parts_scrapped is set but parts_produced is missing'
        : null,
  ],
  downtime_records: [],
  machine_events: [],
  machine_readings: [],
};

/** Every reason a canonical record of the entity is invalid (an empty list: it is valid). */
export function recordProblems<E extends ShopfloorEntity>(entity: E, value: unknown): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return ['the record is not an object'];
  const record = value as Record<string, unknown>;
  const fields = FIELDS[entity].fields;
  const reasons: string[] = [];
  for (const field of FIELD_NAMES[entity]) {
    const problem = fieldProblem(fields[field], record[field]);
    if (problem) reasons.push(`${field} ${problem}`);
  }
  for (const key in record) if (!(key in fields)) reasons.push(`${key} is not a field of ${entity}`);
  for (const rule of RECORD_RULES[entity]) {
    const problem = rule(record);
    if (problem) reasons.push(problem);
  }
  return reasons;
}

/** A record of a batch that failed validation, by its position and key. */
export interface RejectedRecord {
  index: number;
  /** The record's key as text, when it has a usable one. */
  key: string | null;
  reasons: string[];
  record: unknown;
}

/** A SHOPFLOOR batch checked record by record: the good records to apply and the bad ones to report. */
export interface CheckedBatch<R> {
  sync_id: string;
  valid: R[];
  rejected: RejectedRecord[];
}

/** The batch envelope of every SHOPFLOOR upsert/append subject. */
export interface ShopfloorBatch<R> {
  sync_id: string;
  records: R[];
}

/**
 * Checks a batch's envelope — a broken envelope can never be applied, so it is refused whole (VALIDATION_FAILED) —
 * then every record on its own, so one bad record costs that record only.
 */
export function checkShopfloorBatch<E extends ShopfloorEntity>(entity: E, payload: unknown): CheckedBatch<ShopfloorRecords[E]> {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload))
    fail([{ field: 'body', message: 'must be a JSON object', invalid_value: null }]);
  const body = payload as Record<string, unknown>;
  const errors: FieldError[] = [];
  const syncId = body['sync_id'];
  if (typeof syncId !== 'string' || syncId.length === 0 || syncId.length > 200)
    errors.push({
      field: 'sync_id',
      message: 'sync_id must be a string of 1 to 200 characters',
      invalid_value: typeof syncId === 'string' ? syncId.slice(0, 200) : null,
    });
  const records = body['records'];
  if (!Array.isArray(records) || records.length === 0 || records.length > MAX_RECORDS_PER_BATCH) {
    errors.push({
      field: 'records',
      message: `records must be an array of 1 to ${MAX_RECORDS_PER_BATCH} records`,
      invalid_value: Array.isArray(records) ? records.length : null,
    });
  }
  for (const key of Object.keys(body))
    if (key !== 'sync_id' && key !== 'records') errors.push({ field: key, message: `property ${key} should not exist`, invalid_value: null });
  if (errors.length > 0) fail(errors);
  const keyField = FIELDS[entity].key;
  const valid: ShopfloorRecords[E][] = [];
  const rejected: RejectedRecord[] = [];
  (records as unknown[]).forEach((record, index) => {
    const reasons = recordProblems(entity, record);
    if (reasons.length === 0) {
      valid.push(record as ShopfloorRecords[E]);
      return;
    }
    const key = record !== null && typeof record === 'object' ? (record as Record<string, unknown>)[keyField] : undefined;
    rejected.push({ index, key: typeof key === 'string' || typeof key === 'number' ? String(key) : null, reasons, record });
  });
  return { sync_id: syncId as string, valid, rejected };
}

/** The key of a canonical record as text (source ids of append-only records are integers). */
export function recordKey(entity: ShopfloorEntity, record: object): string {
  return String((record as Record<string, unknown>)[FIELDS[entity].key]);
}

function fail(errors: FieldError[]): never {
  throw new DomainError(
    ErrorCode.ValidationFailed,
    `Invalid batch: ${[...new Set(errors.map((e) => e.field))].slice(0, 5).join(', ')}`,
    null,
    errors.slice(0, 20),
  );
}
