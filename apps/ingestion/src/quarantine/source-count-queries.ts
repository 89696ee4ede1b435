import type { ShopfloorEntity } from '@shopfloor/contracts';
import type { Watermark } from '@shopfloor/ingestion/data-access';
import { escape, escapeId } from 'mysql2';
import { ENTITY_SPECS } from '../source/source-fields';
import type { SourceMapping } from '../source/source-mapping';

/** A column of the aliased table `t`; a name is one identifier even if it contains a dot. */
const col = (name: string): string => `${escapeId('t')}.${escapeId(name, true)}`;

/**
 * Rows past the watermark in the order incremental sync reads them: mutable tables by (updated_at, key), append-only
 * tables by id. Null when a sync has read nothing of the entity yet, so every row is still to come.
 */
function afterWatermark(mapping: SourceMapping, entity: ShopfloorEntity, watermark: Watermark | undefined): string | null {
  const { columns } = mapping.entities[entity];
  const spec = ENTITY_SPECS[entity];
  const key = col(columns[spec.key]);
  if (spec.sync === 'append') {
    const lastId = watermark?.lastId ?? null;
    return lastId === null ? null : `${key} > ${escape(lastId)}`;
  }
  const lastUpdatedAt = watermark?.lastUpdatedAt ?? null;
  if (lastUpdatedAt === null) return null;
  const updated = col(columns['updated_at']);
  const at = escape(lastUpdatedAt);
  return `(${updated} > ${at} OR (${updated} = ${at} AND ${key} > ${escape(watermark?.lastKey ?? '')}))`;
}

/**
 * The entity's rows in the source (`n`) and those a sync has not read yet (`pending`), in one statement so both
 * come from the same snapshot. Unlike a sync's page, no safety-lag bound: a row written a moment ago is not synced.
 */
export function sourceCountQuery(mapping: SourceMapping, entity: ShopfloorEntity, watermark: Watermark | undefined): string {
  const after = afterWatermark(mapping, entity, watermark);
  const pending = after === null ? 'COUNT(*)' : `COALESCE(SUM(CASE WHEN ${after} THEN 1 ELSE 0 END), 0)`;
  return `SELECT COUNT(*) AS n, ${pending} AS pending FROM ${escapeId(mapping.entities[entity].table, true)} AS t`;
}
