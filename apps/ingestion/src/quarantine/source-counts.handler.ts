import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { SHOPFLOOR_ENTITIES, SUBJECTS, type ShopfloorEntity, type SourceCountsView, type SourceEntityCounts } from '@shopfloor/contracts';
import { SyncStateRepository } from '@shopfloor/ingestion/data-access';
import type { RowDataPacket } from 'mysql2/promise';
import { SourceDatabase } from '../source/source-database';
import { SourceMappingProvider } from '../source/source-mapping.provider';
import { sourceCountQuery } from './source-count-queries';

@Controller()
export class SourceCountsHandler {
  constructor(
    private readonly source: SourceDatabase,
    private readonly mappings: SourceMappingProvider,
    private readonly state: SyncStateRepository,
  ) {}

  /**
   * Rows per entity in the CIMCO source, how many of them are quarantined (by whom) and how many a sync has not read
   * yet, for the integrity report to hold the read model against. Watermarks are read before the source, so a row a
   * running sync reads meanwhile counts as not yet synced for this reply. SOURCE_UNAVAILABLE when the source cannot
   * be counted (not configured, unreachable or its circuit open).
   */
  @MessagePattern(SUBJECTS.ingestion.sourceCounts)
  async counts(): Promise<SourceCountsView> {
    const [watermarks, quarantined] = await Promise.all([this.state.watermarks(), this.state.quarantineCounts()]);
    const { mapping } = this.mappings;
    const entities = {} as Record<ShopfloorEntity, SourceEntityCounts>;
    for (const entity of SHOPFLOOR_ENTITIES) {
      const [row] = await this.source.query<RowDataPacket & { n: number | string; pending: number | string }>(
        sourceCountQuery(mapping, entity, watermarks.get(entity)),
      );
      entities[entity] = { source: Number(row?.n ?? 0), quarantined: {}, not_yet_synced: Number(row?.pending ?? 0) };
    }
    for (const q of quarantined) {
      const counts = isShopfloorEntity(q.entity) ? entities[q.entity] : undefined;
      if (counts) counts.quarantined[q.rejectedBy] = (counts.quarantined[q.rejectedBy] ?? 0) + q.count;
    }
    return { generated_at: new Date().toISOString(), entities };
  }
}

function isShopfloorEntity(value: string): value is ShopfloorEntity {
  return (SHOPFLOOR_ENTITIES as readonly string[]).includes(value);
}
