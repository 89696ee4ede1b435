import type { ShopfloorEntity } from '@shopfloor/contracts';

export type FieldKind = 'string' | 'datetime' | 'number' | 'integer' | 'json';

export interface EntitySpec {
  /** The canonical field that identifies a row (the source primary key). */
  key: string;
  /** Mutable tables sync by updated_at (+ key); append-only tables by their auto-increment key. */
  sync: 'mutable' | 'append';
  fields: Record<string, FieldKind>;
}

/** The canonical fields of each entity, as the source must provide them (see the default layout, cimco-source.sql). */
export const ENTITY_SPECS: Record<ShopfloorEntity, EntitySpec> = {
  machines: {
    key: 'machine_id',
    sync: 'mutable',
    fields: { machine_id: 'string', name: 'string', type: 'string', location: 'string', installation_date: 'datetime', specifications: 'json', updated_at: 'datetime' },
  },
  jobs: {
    key: 'job_id',
    sync: 'mutable',
    fields: {
      job_id: 'string',
      machine_id: 'string',
      part_number: 'string',
      start_time: 'datetime',
      end_time: 'datetime',
      state: 'string',
      operator_id: 'string',
      setup_time: 'number',
      cycle_time: 'number',
      ideal_cycle_time: 'number',
      parts_produced: 'integer',
      parts_scrapped: 'integer',
      updated_at: 'datetime',
    },
  },
  downtime_records: {
    key: 'record_id',
    sync: 'mutable',
    fields: {
      record_id: 'string',
      job_id: 'string',
      machine_id: 'string',
      downtime_type: 'string',
      start_time: 'datetime',
      duration: 'number',
      reason_code: 'string',
      description: 'string',
      updated_at: 'datetime',
    },
  },
  machine_events: {
    key: 'event_id',
    sync: 'append',
    fields: { event_id: 'integer', machine_id: 'string', event_time: 'datetime', state: 'string', reason_code: 'string', job_id: 'string', part_count: 'integer' },
  },
  machine_readings: {
    key: 'reading_id',
    sync: 'append',
    fields: { reading_id: 'integer', machine_id: 'string', reading_time: 'datetime', metric: 'string', value: 'number', unit: 'string' },
  },
};

/** Sync order: referenced entities first, so a job's machine is known when the job is checked. */
export const SYNC_ORDER: ShopfloorEntity[] = ['machines', 'jobs', 'downtime_records', 'machine_events', 'machine_readings'];

/** Source column types each kind accepts (MySQL 8 and MariaDB 10.11; MariaDB keeps JSON as LONGTEXT). */
export const COMPATIBLE_TYPES: Record<FieldKind, readonly string[]> = {
  string: ['char', 'varchar', 'tinytext', 'text', 'mediumtext', 'longtext', 'enum'],
  datetime: ['datetime', 'timestamp', 'date'],
  number: ['double', 'float', 'decimal', 'int', 'bigint', 'smallint', 'tinyint', 'mediumint'],
  integer: ['int', 'bigint', 'smallint', 'tinyint', 'mediumint'],
  json: ['json', 'longtext', 'mediumtext', 'text'],
};
