import { Type } from 'class-transformer';
import { IsIn, IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import { Omittable } from './omittable';
import type { ShopfloorEntity } from '../records/shopfloor-schema';

export const SYNC_MODES = ['incremental', 'full'] as const;
export type SyncMode = (typeof SYNC_MODES)[number];

/** `POST /api/v1/data/sync` body and `ingestion.sync.start` request. */
export class StartSyncRequest {
  @Omittable()
  @IsIn(SYNC_MODES)
  mode?: SyncMode;
}

export interface StartSyncReply {
  sync_id: string;
  state: 'queued' | 'running';
}

export type EntityCounts = Record<ShopfloorEntity, number>;

export interface SyncRunView {
  sync_id: string;
  mode: SyncMode;
  started_at: string;
  finished_at: string | null;
  state: 'succeeded' | 'failed' | 'running';
  /** 0..1 */
  progress: number;
  /** Records published per entity in this run. */
  counts: EntityCounts;
  /** Rows removed from the read model because they are gone from the source (full sync only). */
  deleted: EntityCounts;
  /** Rows quarantined by ingestion's checks in this run. */
  rejected: number;
  /**
   * Per consumer of SHOPFLOOR: records of this run it could not apply (they are in the quarantine with the consumer
   * named), and the batches and records it holds as dead letters (not applied until replayed).
   */
  downstream: Record<string, { rejected: number; dead_lettered_batches: number; dead_lettered_records: number }>;
  /** True only for a succeeded run of which every row reached every consumer: nothing quarantined, nothing dead-lettered. */
  clean: boolean;
  /** A plain sentence on why the run failed, or null. */
  error: string | null;
  /** SOURCE_UNAVAILABLE, BUS_UNAVAILABLE, STATE_STORE_FAILED, SYNC_INTERRUPTED or SYNC_FAILED; null unless the run failed. */
  error_code: string | null;
}

export interface MappingProblem {
  entity: ShopfloorEntity;
  table: string;
  column: string | null;
  problem: string;
}

/** `GET /api/v1/data/sync-status` (API.md "Data sync"). */
export interface SyncStatusView {
  state: 'idle' | 'running' | 'degraded';
  last_sync_at: string | null;
  last_run: SyncRunView | null;
  /**
   * SHOPFLOOR batches and records each consumer holds as dead letters now (GET /api/v1/data/dead-letters; replay after
   * a fix); null if they could not be read.
   */
  dead_letters: Record<string, { batches: number; records: number }> | null;
  source: {
    reachable: boolean;
    circuit: 'closed' | 'open' | 'half_open';
    /** Problems of the mapping against the source's information_schema; a sync refuses to run while any exist. */
    mapping_problems: MappingProblem[];
  };
}

/** `GET /api/v1/data/quarantine?limit&cursor` and `ingestion.quarantine.list`. */
export class ListQuarantineRequest {
  @Omittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  /** Opaque cursor from the previous page's `next_cursor`. */
  @Omittable()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}

export interface QuarantinedRowView {
  id: string;
  table: string;
  primary_key: string;
  reasons: string[];
  raw: Record<string, unknown>;
  first_seen_at: string;
  last_seen_at: string;
  /** Who refused the row: `ingestion` (the source row failed its checks) or the consumer that could not apply it. */
  rejected_by: string;
}

export interface QuarantinePage {
  items: QuarantinedRowView[];
  next_cursor: string | null;
}
