/**
 * The one definition of every canonical shop-floor record: its fields, their types, whether they may be null and
 * their limits, each limit with its unit. Ingestion checks source rows against it, the TypeScript record types are
 * derived from it, and every consumer of the SHOPFLOOR stream validates with the same rules (shopfloor-validator.ts),
 * so a record ingestion publishes can never be refused downstream.
 *
 * Units: `maxChars` counts Unicode code points — what MySQL's VARCHAR(n) and PostgreSQL's varchar(n) count, not
 * JavaScript's UTF-16 units (one emoji is 1 code point, 2 UTF-16 units, 4 UTF-8 bytes). `maxBytes` counts UTF-8 bytes
 * (MySQL's TEXT holds 65,535 bytes); for JSON, the bytes of its compact JSON text. Times are UTC instants written as
 * `Date.prototype.toISOString()` writes them; durations and cycle times are seconds.
 */

export const SHOPFLOOR_ENTITIES = ['machines', 'jobs', 'downtime_records', 'machine_events', 'machine_readings'] as const;
export type ShopfloorEntity = (typeof SHOPFLOOR_ENTITIES)[number];

/** Most records in one message; a batch is also cut earlier when its encoded size would pass the bus's limit. */
export const MAX_RECORDS_PER_BATCH = 1000;

export const JOB_STATES = ['QUEUED', 'SETUP', 'RUNNING', 'PAUSED', 'COMPLETED', 'ABORTED'] as const;
export const MACHINE_STATES = ['RUNNING', 'IDLE', 'SETUP', 'DOWN', 'OFFLINE'] as const;
export type JobState = (typeof JOB_STATES)[number];
export type MachineState = (typeof MACHINE_STATES)[number];

/** PostgreSQL `integer` (int4), the column counts are stored in. */
export const MAX_INT4 = 2_147_483_647;
/** Ten years in seconds: the longest duration any record may state (plausibility rules in ingestion set tighter bounds). */
export const MAX_DURATION_SECONDS = 315_576_000;
/** The largest magnitude a reading may have: beyond it sums and means over readings lose their precision. */
export const MAX_READING_MAGNITUDE = 1e15;

/** How a field may be written in the source (checked against its information_schema type). */
export type SourceKind = 'string' | 'datetime' | 'number' | 'integer' | 'json';

interface FieldBase {
  /** The source column's canonical name (the mapping's key for it); defaults to the field's own name. */
  readonly source?: string;
  readonly nullable: boolean;
}

/** A key or reference: text without control characters, without surrounding whitespace. */
export interface IdField extends FieldBase {
  readonly kind: 'id';
  /** Unicode code points. */
  readonly maxChars: number;
}

/** Free text: anything PostgreSQL can store — no NUL character, no unpaired surrogate. */
export interface TextField extends FieldBase {
  readonly kind: 'text';
  /** Unicode code points. */
  readonly maxChars?: number;
  /** UTF-8 bytes. */
  readonly maxBytes?: number;
}

/** A UTC instant, 'YYYY-MM-DDTHH:MM:SS.sssZ', years 0001–9999. */
export interface InstantField extends FieldBase {
  readonly kind: 'instant';
}

export interface NumberField extends FieldBase {
  readonly kind: 'number';
  readonly integer: boolean;
  /** Inclusive bounds, in the field's unit. */
  readonly min: number;
  readonly max: number;
}

export interface EnumField<V extends string = string> extends FieldBase {
  readonly kind: 'enum';
  readonly values: readonly V[];
}

/** A JSON object: its strings and keys as for text, nested at most `maxDepth` levels, at most `maxBytes` as JSON text. */
export interface JsonField extends FieldBase {
  readonly kind: 'json';
  /** UTF-8 bytes of the compact JSON text. */
  readonly maxBytes: number;
  /** Levels of objects and arrays, the top object being 1. */
  readonly maxDepth: number;
}

export type FieldRule = IdField | TextField | InstantField | NumberField | EnumField | JsonField;

export interface EntitySchema {
  /** The field that identifies a record (the source's primary key). */
  readonly key: string;
  /** Mutable tables sync by updated_at (+ key); append-only tables by their auto-increment key. */
  readonly sync: 'mutable' | 'append';
  readonly fields: Readonly<Record<string, FieldRule>>;
}

// One helper per nullability, so `nullable` stays a literal type, from which the record types below are derived.
const id = (maxChars: number) => ({ kind: 'id', maxChars, nullable: false }) as const satisfies IdField;
const optionalId = (maxChars: number) => ({ kind: 'id', maxChars, nullable: true }) as const satisfies IdField;
const text = (maxChars: number) => ({ kind: 'text', maxChars, nullable: false }) as const satisfies TextField;
const optionalText = (maxChars: number) => ({ kind: 'text', maxChars, nullable: true }) as const satisfies TextField;
const instant = () => ({ kind: 'instant', nullable: false }) as const satisfies InstantField;
const optionalInstant = () => ({ kind: 'instant', nullable: true }) as const satisfies InstantField;
/** The source row's `updated_at`: a record older than the stored one is ignored. */
const sourceUpdatedAt = () => ({ kind: 'instant', nullable: false, source: 'updated_at' }) as const satisfies InstantField;
const seconds = () => ({ kind: 'number', integer: false, min: 0, max: MAX_DURATION_SECONDS, nullable: false }) as const satisfies NumberField;
const optionalSeconds = () => ({ kind: 'number', integer: false, min: 0, max: MAX_DURATION_SECONDS, nullable: true }) as const satisfies NumberField;
const optionalCount = () => ({ kind: 'number', integer: true, min: 0, max: MAX_INT4, nullable: true }) as const satisfies NumberField;
const sourceId = () => ({ kind: 'number', integer: true, min: 1, max: Number.MAX_SAFE_INTEGER, nullable: false }) as const satisfies NumberField;

export const SHOPFLOOR_SCHEMA = {
  machines: {
    key: 'machine_id',
    sync: 'mutable',
    fields: {
      machine_id: id(50),
      name: text(100),
      type: text(50),
      location: optionalText(100),
      installation_date: optionalInstant(),
      specifications: { kind: 'json', nullable: true, maxBytes: 65_536, maxDepth: 32 } as const satisfies JsonField,
      source_updated_at: sourceUpdatedAt(),
    },
  },
  jobs: {
    key: 'job_id',
    sync: 'mutable',
    fields: {
      job_id: id(50),
      machine_id: id(50),
      part_number: optionalText(100),
      start_time: instant(),
      /** Null while the job runs. */
      end_time: optionalInstant(),
      state: { kind: 'enum', nullable: false, values: JOB_STATES },
      operator_id: optionalText(50),
      setup_time: optionalSeconds(),
      cycle_time: optionalSeconds(),
      ideal_cycle_time: optionalSeconds(),
      parts_produced: optionalCount(),
      parts_scrapped: optionalCount(),
      source_updated_at: sourceUpdatedAt(),
    },
  },
  downtime_records: {
    key: 'record_id',
    sync: 'mutable',
    fields: {
      record_id: id(50),
      job_id: optionalId(50),
      machine_id: id(50),
      /** As the source has it (BREAK, SETUP, BREAKDOWN, ...); categorised by analytics, case-insensitively. */
      downtime_type: text(50),
      start_time: instant(),
      duration: seconds(),
      reason_code: optionalText(20),
      description: { kind: 'text', nullable: true, maxBytes: 65_535 } as const satisfies TextField,
      source_updated_at: sourceUpdatedAt(),
    },
  },
  machine_events: {
    key: 'event_id',
    sync: 'append',
    fields: {
      /** The source's auto-increment id. */
      event_id: sourceId(),
      machine_id: id(50),
      event_time: instant(),
      state: { kind: 'enum', nullable: false, values: MACHINE_STATES },
      reason_code: optionalText(20),
      job_id: optionalId(50),
      part_count: optionalCount(),
    },
  },
  machine_readings: {
    key: 'reading_id',
    sync: 'append',
    fields: {
      /** The source's auto-increment id. */
      reading_id: sourceId(),
      machine_id: id(50),
      reading_time: instant(),
      metric: text(50),
      value: { kind: 'number', integer: false, min: -MAX_READING_MAGNITUDE, max: MAX_READING_MAGNITUDE, nullable: false },
      unit: optionalText(20),
    },
  },
} as const satisfies Record<ShopfloorEntity, EntitySchema>;

// ---- TypeScript types of the records, derived from the schema ----

type ValueOf<R> = R extends { kind: 'enum'; values: readonly (infer V)[] }
  ? V
  : R extends { kind: 'number' }
    ? number
    : R extends { kind: 'json' }
      ? Record<string, unknown>
      : string;
type FieldValue<R> = R extends { nullable: true } ? ValueOf<R> | null : ValueOf<R>;
type RecordOf<E extends ShopfloorEntity> = {
  -readonly [K in keyof (typeof SHOPFLOOR_SCHEMA)[E]['fields']]: FieldValue<(typeof SHOPFLOOR_SCHEMA)[E]['fields'][K]>;
};

export type MachineRecord = RecordOf<'machines'>;
export type JobRecord = RecordOf<'jobs'>;
export type DowntimeRecord = RecordOf<'downtime_records'>;
export type MachineEventRecord = RecordOf<'machine_events'>;
export type MachineReadingRecord = RecordOf<'machine_readings'>;

export interface ShopfloorRecords {
  machines: MachineRecord;
  jobs: JobRecord;
  downtime_records: DowntimeRecord;
  machine_events: MachineEventRecord;
  machine_readings: MachineReadingRecord;
}
export type CanonicalRecord = ShopfloorRecords[ShopfloorEntity];

/** The source column name a field is read from (the mapping's key for it). */
export function sourceFieldOf(entity: ShopfloorEntity, field: string): string {
  const rule: FieldRule = (SHOPFLOOR_SCHEMA[entity].fields as Record<string, FieldRule>)[field];
  return rule.source ?? field;
}

/** How a field of the schema may be typed in the source database. */
export function sourceKindOf(rule: FieldRule): SourceKind {
  switch (rule.kind) {
    case 'id':
    case 'text':
    case 'enum':
      return 'string';
    case 'instant':
      return 'datetime';
    case 'number':
      return rule.integer ? 'integer' : 'number';
    case 'json':
      return 'json';
  }
}
