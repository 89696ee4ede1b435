import { MACHINE_STATES, SHOPFLOOR_ENTITIES, type MachineState, type ShopfloorEntity } from '@shopfloor/contracts';
import { IANAZone } from 'luxon';
import { ENTITY_SPECS } from './source-fields';

export interface EntityMapping {
  table: string;
  /** Canonical field → source column. */
  columns: Record<string, string>;
}

/** Where each canonical entity lives in the source database, and the zone its DATETIMEs are in. */
export interface SourceMapping {
  timezone: string;
  entities: Record<ShopfloorEntity, EntityMapping>;
  /** The site's own machine-state names (upper case) → the platform's states; events in any other state are quarantined. */
  eventStates: Record<string, MachineState>;
}

/** The default layout: table and column names equal the canonical ones (cimco-source.sql). */
export function defaultMapping(timezone = 'UTC'): SourceMapping {
  const entities = Object.fromEntries(
    SHOPFLOOR_ENTITIES.map((entity) => [entity, { table: entity, columns: Object.fromEntries(Object.keys(ENTITY_SPECS[entity].fields).map((f) => [f, f])) }]),
  ) as Record<ShopfloorEntity, EntityMapping>;
  return { timezone, entities, eventStates: {} };
}

export class MappingFormatError extends Error {}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function identifier(value: unknown, where: string, kind: 'table' | 'column'): string {
  if (typeof value !== 'string' || value.trim() === '' || value !== value.trim()) throw new MappingFormatError(`${where} must be a ${kind} name`);
  return value;
}

/**
 * A site's mapping: the default with the site's overrides laid over it, e.g.
 * `{ "timezone": "Europe/Berlin", "entities": { "jobs": { "table": "mdc_orders", "columns": { "job_id": "order_no" } } },
 *    "event_states": { "PRODUCING": "RUNNING", "ALARM": "DOWN" } }`.
 * Only known entities and fields are accepted, so a typo is an error, not a silently ignored setting.
 */
export function mergeMapping(base: SourceMapping, override: unknown): SourceMapping {
  if (override === null || typeof override !== 'object' || Array.isArray(override)) throw new MappingFormatError('the mapping must be a JSON object');
  const o = override as { timezone?: unknown; entities?: unknown; event_states?: unknown };
  const unknownTop = Object.keys(o).filter((k) => k !== 'timezone' && k !== 'entities' && k !== 'event_states');
  if (unknownTop.length) throw new MappingFormatError(`unknown mapping keys: ${unknownTop.join(', ')}`);
  const merged: SourceMapping = structuredClone(base);
  if (o.timezone !== undefined) {
    if (typeof o.timezone !== 'string' || !IANAZone.isValidZone(o.timezone))
      throw new MappingFormatError(`timezone ${JSON.stringify(o.timezone)} is not an IANA time zone`);
    merged.timezone = o.timezone;
  }
  if (o.event_states !== undefined) {
    if (!isPlainObject(o.event_states)) throw new MappingFormatError('event_states must be an object of source state → one of ' + MACHINE_STATES.join(', '));
    for (const [name, state] of Object.entries(o.event_states)) {
      if (name.trim() === '' || name.length > 50) throw new MappingFormatError(`event_states: ${JSON.stringify(name)} is not a state name`);
      if (typeof state !== 'string' || !(MACHINE_STATES as readonly string[]).includes(state)) {
        throw new MappingFormatError(`event_states.${name} must be one of ${MACHINE_STATES.join(', ')}`);
      }
      merged.eventStates[name.trim().toUpperCase()] = state as MachineState;
    }
  }
  if (o.entities !== undefined) {
    if (!isPlainObject(o.entities)) throw new MappingFormatError('entities must be an object');
    for (const [entity, value] of Object.entries(o.entities)) {
      if (!(SHOPFLOOR_ENTITIES as readonly string[]).includes(entity)) throw new MappingFormatError(`unknown entity ${entity}`);
      if (!isPlainObject(value)) throw new MappingFormatError(`entities.${entity} must be an object with table and/or columns`);
      const unknownKeys = Object.keys(value).filter((k) => k !== 'table' && k !== 'columns');
      if (unknownKeys.length) throw new MappingFormatError(`entities.${entity} has unknown keys: ${unknownKeys.join(', ')}`);
      const target = merged.entities[entity as ShopfloorEntity];
      if (value['table'] !== undefined) target.table = identifier(value['table'], `${entity}.table`, 'table');
      if (value['columns'] !== undefined) {
        if (!isPlainObject(value['columns'])) throw new MappingFormatError(`${entity}.columns must be an object`);
        const fields = ENTITY_SPECS[entity as ShopfloorEntity].fields;
        for (const [field, column] of Object.entries(value['columns'])) {
          if (!Object.prototype.hasOwnProperty.call(fields, field)) throw new MappingFormatError(`${entity} has no field ${field}`);
          target.columns[field] = identifier(column, `${entity}.columns.${field}`, 'column');
        }
      }
    }
  }
  return merged;
}
