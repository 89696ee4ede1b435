import type { ShopfloorEntity } from '@shopfloor/contracts';
import { format } from 'mysql2';
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

function selectList(mapping: SourceMapping, entity: ShopfloorEntity): string {
  const columns = mapping.entities[entity].columns;
  return Object.keys(ENTITY_SPECS[entity].fields)
    .map((field) => format('??.?? AS ??', ['t', columns[field], field]))
    .join(', ');
}

/**
 * The next page of an entity after `cursor`, in keyset order (no OFFSET: every page is an index range scan).
 * Mutable tables page by (updated_at, key) and stop at `upperBound`, the source's now minus the safety lag, so a
 * row whose transaction is still committing is read by the next sync instead of being skipped forever.
 */
export function nextPageQuery(mapping: SourceMapping, entity: ShopfloorEntity, cursor: Cursor, limit: number, lagMs: number): string {
  const { table, columns } = mapping.entities[entity];
  const spec = ENTITY_SPECS[entity];
  const keyColumn = columns[spec.key];
  const select = `SELECT ${selectList(mapping, entity)} FROM ${format('?? AS t', [table])}`;
  if (spec.sync === 'append') {
    const where = cursor.id === null ? '' : format(' WHERE ??.?? > ?', ['t', keyColumn, cursor.id]);
    return `${select}${where} ORDER BY ${format('??.??', ['t', keyColumn])} LIMIT ${Math.trunc(limit)}`;
  }
  const updated = columns['updated_at'];
  const upper = format('??.?? <= NOW(3) - INTERVAL ? MICROSECOND', ['t', updated, Math.trunc(lagMs) * 1000]);
  const after =
    cursor.updatedAt === null
      ? ''
      : format(' AND (??.?? > ? OR (??.?? = ? AND ??.?? > ?))', ['t', updated, cursor.updatedAt, 't', updated, cursor.updatedAt, 't', keyColumn, cursor.key ?? '']);
  return `${select} WHERE ${upper}${after} ORDER BY ${format('??.??, ??.??', ['t', updated, 't', keyColumn])} LIMIT ${Math.trunc(limit)}`;
}

/** How many rows are left after `cursor` (for progress). */
export function remainingCountQuery(mapping: SourceMapping, entity: ShopfloorEntity, cursor: Cursor, lagMs: number): string {
  const page = nextPageQuery(mapping, entity, cursor, 1, lagMs);
  const from = page.indexOf(' FROM ');
  const order = page.lastIndexOf(' ORDER BY ');
  return `SELECT COUNT(*) AS n${page.slice(from, order)}`;
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
  return format('SELECT ?? AS machine_id FROM ??', [columns['machine_id'], table]);
}
