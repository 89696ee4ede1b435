import type { ShopfloorEntity } from '@shopfloor/contracts';
import { escape, escapeId } from 'mysql2';
import { ENTITY_SPECS } from '../source/source-fields';
import type { SourceMapping } from '../source/source-mapping';

export interface Cursor {
  /** Mutable tables: last updated_at as the source wrote it, and the last key at that updated_at. */
  updatedAt: string | null;
  key: string | null;
  /** Append-only tables: the last id. */
  id: number | null;
}

export const START: Cursor = { updatedAt: null, key: null, id: null };

/** A column of the aliased table `t`; a name is one identifier even if it contains a dot. */
const col = (name: string): string => `${escapeId('t')}.${escapeId(name, true)}`;

function selectList(mapping: SourceMapping, entity: ShopfloorEntity): string {
  const columns = mapping.entities[entity].columns;
  return Object.keys(ENTITY_SPECS[entity].fields)
    .map((field) => `${col(columns[field])} AS ${escapeId(field, true)}`)
    .join(', ');
}

function fromClause(mapping: SourceMapping, entity: ShopfloorEntity): string {
  return `FROM ${escapeId(mapping.entities[entity].table, true)} AS t`;
}

/**
 * How far an append-only table is read: the highest id it held at least the safety lag ago (null: it was empty, read
 * nothing), so that a row whose insert is still committing under a lower id than one already visible is read by this
 * sync rather than skipped for ever; undefined reads to the end.
 */
export type IdBound = number | null | undefined;

/**
 * The rows after `cursor`; mutable tables only up to `upperBound`, the source's present minus the safety lag as a
 * wall time of the source zone ('YYYY-MM-DD HH:MM:SS.mmm'), append-only tables up to `idBound`.
 */
function whereClause(mapping: SourceMapping, entity: ShopfloorEntity, cursor: Cursor, upperBound: string, idBound?: IdBound): string {
  const { columns } = mapping.entities[entity];
  const spec = ENTITY_SPECS[entity];
  const key = col(columns[spec.key]);
  if (spec.sync === 'append') {
    if (idBound === null) return 'WHERE 1 = 0';
    const conditions = [...(cursor.id === null ? [] : [`${key} > ${escape(cursor.id)}`]), ...(idBound === undefined ? [] : [`${key} <= ${escape(idBound)}`])];
    return conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`;
  }
  const updated = col(columns['updated_at']);
  const upper = `${updated} <= ${escape(upperBound)}`;
  if (cursor.updatedAt === null) return `WHERE ${upper}`;
  const at = escape(cursor.updatedAt);
  return `WHERE ${upper} AND (${updated} > ${at} OR (${updated} = ${at} AND ${key} > ${escape(cursor.key ?? '')}))`;
}

function orderClause(mapping: SourceMapping, entity: ShopfloorEntity): string {
  const { columns } = mapping.entities[entity];
  const spec = ENTITY_SPECS[entity];
  const key = col(columns[spec.key]);
  return spec.sync === 'append' ? `ORDER BY ${key}` : `ORDER BY ${col(columns['updated_at'])}, ${key}`;
}

/**
 * The next page of an entity after `cursor`, in keyset order (no OFFSET: every page is an index range scan).
 * Mutable tables page by (updated_at, key) and stop at `upperBound` (the source's present minus the safety lag), so
 * a row whose transaction is still committing is read by the next sync instead of being skipped for ever.
 */
export function nextPageQuery(mapping: SourceMapping, entity: ShopfloorEntity, cursor: Cursor, limit: number, upperBound: string, idBound?: IdBound): string {
  const where = whereClause(mapping, entity, cursor, upperBound, idBound);
  return [`SELECT ${selectList(mapping, entity)}`, fromClause(mapping, entity), where, orderClause(mapping, entity), `LIMIT ${Math.trunc(limit)}`]
    .filter((part) => part !== '')
    .join(' ');
}

/** How many rows are left after `cursor` (for progress). */
export function remainingCountQuery(mapping: SourceMapping, entity: ShopfloorEntity, cursor: Cursor, upperBound: string, idBound?: IdBound): string {
  return ['SELECT COUNT(*) AS n', fromClause(mapping, entity), whereClause(mapping, entity, cursor, upperBound, idBound)]
    .filter((part) => part !== '')
    .join(' ');
}

/** The highest id of an append-only table now (NULL when it is empty). */
export function maxIdQuery(mapping: SourceMapping, entity: ShopfloorEntity): string {
  const { columns } = mapping.entities[entity];
  return `SELECT MAX(${col(columns[ENTITY_SPECS[entity].key])}) AS m ${fromClause(mapping, entity)}`;
}

/** The cursor after a page, from its last row. */
export function cursorAfter(entity: ShopfloorEntity, last: Record<string, unknown>): Cursor {
  const spec = ENTITY_SPECS[entity];
  if (spec.sync === 'append') return { updatedAt: null, key: null, id: Number(last[spec.key]) };
  return { updatedAt: String(last['updated_at']), key: String(last[spec.key]), id: null };
}

/** Machine ids that exist in the source. */
export function machineIdsQuery(mapping: SourceMapping): string {
  const { table, columns } = mapping.entities.machines;
  return `SELECT ${escapeId(columns['machine_id'], true)} AS machine_id FROM ${escapeId(table, true)}`;
}

/** Which of these keys still exist in the source (a last check before anything is reported deleted). */
export function existingKeysQuery(mapping: SourceMapping, entity: ShopfloorEntity, keys: readonly (string | number)[]): string {
  const { table, columns } = mapping.entities[entity];
  const key = escapeId(columns[ENTITY_SPECS[entity].key], true);
  return `SELECT ${key} AS k FROM ${escapeId(table, true)} WHERE ${key} IN (${keys.map((k) => escape(k)).join(', ')})`;
}

/** Ids that exist in the source within an inclusive range. */
export function existingIdsInRangeQuery(mapping: SourceMapping, entity: ShopfloorEntity, from: number, to: number): string {
  const { table, columns } = mapping.entities[entity];
  const key = escapeId(columns[ENTITY_SPECS[entity].key], true);
  return `SELECT ${key} AS k FROM ${escapeId(table, true)} WHERE ${key} BETWEEN ${escape(from)} AND ${escape(to)} ORDER BY ${key}`;
}
