import type { ShopfloorEntity } from '../records/shopfloor-schema';

/** One entity's rows in the CIMCO source, as ingestion counts them. */
export interface SourceEntityCounts {
  /** Rows of the mapped source table. */
  source: number;
  /** Quarantined rows of the entity by who refused them: `ingestion` or a consumer's durable name (`analytics-shopfloor`). */
  quarantined: Record<string, number>;
  /** Source rows past the entity's watermark (every row when there is none): a sync has not read them yet. */
  not_yet_synced: number;
}

/** `ingestion.source.counts` reply. */
export interface SourceCountsView {
  generated_at: string;
  entities: Record<ShopfloorEntity, SourceEntityCounts>;
}

/** One entity of the read model held against the source (`IntegrityReport.source_comparison`). */
export interface SourceComparisonEntry {
  source: number;
  read_model: number;
  quarantined_by_ingestion: number;
  /** Rows the analytics consumer rejected (they are in the quarantine, not in the read model). */
  rejected_by_consumers: number;
  not_yet_synced: number;
  /** read_model − (source − quarantined_by_ingestion − rejected_by_consumers − not_yet_synced); 0 when in step. */
  difference: number;
  /** A plain sentence naming the difference, or "in step". */
  explanation: string;
}

export type SourceComparison = Record<ShopfloorEntity, SourceComparisonEntry>;
