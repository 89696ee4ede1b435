import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type { ShopfloorEntity } from './shopfloor-records.payload';

export const SYNC_MODES = ['incremental', 'full'] as const;
export type SyncMode = (typeof SYNC_MODES)[number];

/** `POST /api/v1/data/sync` body and `ingestion.sync.start` request. */
export class StartSyncRequest {
  @IsOptional() @IsIn(SYNC_MODES)
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
  /** Rows quarantined in this run. */
  rejected: number;
  error: string | null;
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
  source: {
    reachable: boolean;
    circuit: 'closed' | 'open' | 'half_open';
    /** Problems of the mapping against the source's information_schema; a sync refuses to run while any exist. */
    mapping_problems: MappingProblem[];
  };
}

/** `GET /api/v1/data/quarantine?limit&cursor` and `ingestion.quarantine.list`. */
export class ListQuarantineRequest {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500)
  limit?: number;

  /** Opaque cursor from the previous page's `next_cursor`. */
  @IsOptional() @IsString() @MaxLength(200)
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
}

export interface QuarantinePage {
  items: QuarantinedRowView[];
  next_cursor: string | null;
}
