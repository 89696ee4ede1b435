import { SHOPFLOOR_ENTITIES, SHOPFLOOR_SCHEMA, sourceKindOf, type FieldRule, type ShopfloorEntity, type SourceKind } from '@shopfloor/contracts';

export type FieldKind = SourceKind;

/** What a sync reads of an entity: its source fields (named as in the default layout) with the kind each must have. */
export interface EntitySpec {
  /** The source field that identifies a row (the source primary key). */
  key: string;
  /** Mutable tables sync by updated_at (+ key); append-only tables by their auto-increment key. */
  sync: 'mutable' | 'append';
  /** Source field → kind. */
  fields: Record<string, FieldKind>;
  /** Source field → the canonical field it fills. */
  canonical: Record<string, string>;
}

/** Derived from the one record schema (SHOPFLOOR_SCHEMA in @shopfloor/contracts): nothing here is defined twice. */
export const ENTITY_SPECS: Record<ShopfloorEntity, EntitySpec> = Object.fromEntries(
  SHOPFLOOR_ENTITIES.map((entity) => {
    const schema = SHOPFLOOR_SCHEMA[entity];
    const fields: Record<string, FieldKind> = {};
    const canonical: Record<string, string> = {};
    for (const [field, rule] of Object.entries(schema.fields as Record<string, FieldRule>)) {
      const source = rule.source ?? field;
      fields[source] = sourceKindOf(rule);
      canonical[source] = field;
    }
    return [entity, { key: schema.key, sync: schema.sync, fields, canonical }];
  }),
) as Record<ShopfloorEntity, EntitySpec>;

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
