import { MAX_RECORDS_PER_BATCH, SUBJECTS, type ShopfloorEntity } from '@shopfloor/contracts';
import { mergeRanges, rangesOf, rangeSize, subtractRanges, type IdRange, type SyncStateRepository } from '@shopfloor/ingestion/data-access';
import type { JetStreamService } from '@shopfloor/nats';
import type { RowDataPacket } from 'mysql2';
import type { SourceDatabase } from '../source/source-database';
import type { SourceMapping } from '../source/source-mapping';
import { existingIdsInRangeQuery, existingKeysQuery } from './source-queries';

/** What a full sync saw of one entity: every key (mutable tables) or every id as ranges (append-only tables). */
export type SeenRows =
  | { keys: Set<string>; /** The same keys as the quarantine writes them (quarantineKey). */ displayKeys: Set<string> }
  | { ranges: IdRange[]; /** A row without a usable id was read. */ sawUnnumbered?: boolean };

export interface ReconcilerDeps {
  source: SourceDatabase;
  state: SyncStateRepository;
  jetStream: JetStreamService;
  mapping: SourceMapping;
}

/**
 * After a full sync has read an entity, finds the rows published earlier that the source no longer has, checks once
 * more that they are really gone (a row updated while the sync ran may simply not have been read), publishes their
 * deletion and forgets them. Returns how many were deleted.
 */
export async function reconcileDeletions(deps: ReconcilerDeps, entity: ShopfloorEntity, seen: SeenRows, syncId: string, deletedAt: string): Promise<number> {
  if ('keys' in seen) {
    const candidates = (await deps.state.publishedKeys(entity)).filter((k) => !seen.keys.has(k));
    const gone: string[] = [];
    for (const chunk of chunks(candidates, MAX_RECORDS_PER_BATCH)) {
      const still = new Set((await deps.source.query<RowDataPacket & { k: unknown }>(existingKeysQuery(deps.mapping, entity, chunk))).map((r) => String(r.k)));
      gone.push(...chunk.filter((k) => !still.has(k)));
    }
    for (const chunk of chunks(gone, MAX_RECORDS_PER_BATCH)) {
      await deps.jetStream.publish(
        SUBJECTS.shopfloor.recordsDeleted,
        { sync_id: syncId, entity, keys: chunk, deleted_at: deletedAt },
        `deleted:${entity}:${syncId}:${chunk[0]}`,
      );
      await deps.state.forgetPublished(entity, { keys: chunk });
    }
    return gone.length;
  }
  const candidates = subtractRanges(await deps.state.publishedIdRanges(entity), mergeRanges(seen.ranges));
  const gone: IdRange[] = [];
  for (const range of candidates) {
    const still = (await deps.source.query<RowDataPacket & { k: number }>(existingIdsInRangeQuery(deps.mapping, entity, range.from, range.to))).map((r) =>
      Number(r.k),
    );
    gone.push(...subtractRanges([range], rangesOf(still)));
  }
  let batch: string[] = [];
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    await deps.jetStream.publish(
      SUBJECTS.shopfloor.recordsDeleted,
      { sync_id: syncId, entity, keys: batch, deleted_at: deletedAt },
      `deleted:${entity}:${syncId}:${batch[0]}`,
    );
    batch = [];
  };
  for (const range of gone) {
    for (let id = range.from; id <= range.to; id += 1) {
      batch.push(String(id));
      if (batch.length === MAX_RECORDS_PER_BATCH) await flush();
    }
  }
  await flush();
  if (gone.length > 0) await deps.state.forgetPublished(entity, { ranges: gone });
  return rangeSize(gone);
}

function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}
