import {
  CONSUMERS,
  SHOPFLOOR_ENTITIES,
  type IntegrityReport,
  type SourceComparison,
  type SourceComparisonEntry,
  type SourceCountsView,
  type SourceEntityCounts,
} from '@shopfloor/contracts';

/** Who writes the read model the report counts: its rejections are in the quarantine, never in the read model. */
const READ_MODEL_CONSUMER = CONSUMERS.analyticsShopfloor.durableName;

/**
 * The report with the read model's rows per entity held against the source's: `source` is the source's ingestion
 * counted, or why it could not be counted (then `source_comparison` is null and the report is otherwise whole).
 */
export function withSourceComparison(report: IntegrityReport, source: PromiseSettledResult<SourceCountsView>): IntegrityReport {
  if (source.status === 'rejected') return { ...report, source_comparison: null, source_comparison_error: errorMessage(source.reason) };
  return { ...report, source_comparison: compareWithSource(report.counts, source.value), source_comparison_error: null };
}

/** Per entity: which source rows should be in the read model, how far the read model's count is from that, and why. */
export function compareWithSource(readModelCounts: Record<string, number>, source: SourceCountsView): SourceComparison {
  return Object.fromEntries(
    SHOPFLOOR_ENTITIES.map((entity) => [entity, compareEntity(readModelCounts[entity] ?? 0, source.entities[entity])]),
  ) as SourceComparison;
}

function compareEntity(readModel: number, counts: SourceEntityCounts | undefined): SourceComparisonEntry {
  const sourceRows = counts?.source ?? 0;
  const quarantinedByIngestion = counts?.quarantined['ingestion'] ?? 0;
  const rejectedByConsumers = counts?.quarantined[READ_MODEL_CONSUMER] ?? 0;
  const notYetSynced = counts?.not_yet_synced ?? 0;
  const difference = readModel - (sourceRows - quarantinedByIngestion - rejectedByConsumers - notYetSynced);
  return {
    source: sourceRows,
    read_model: readModel,
    quarantined_by_ingestion: quarantinedByIngestion,
    rejected_by_consumers: rejectedByConsumers,
    not_yet_synced: notYetSynced,
    difference,
    explanation: explain(difference),
  };
}

function explain(difference: number): string {
  if (difference === 0) return 'in step';
  const n = Math.abs(difference);
  if (difference < 0) {
    // Published but not applied: still on the bus, dead-lettered, or lost between ingestion and the read model.
    return n === 1
      ? '1 row of the source is neither in the read model nor in the quarantine'
      : `${n} rows of the source are neither in the read model nor in the quarantine`;
  }
  // Only a full sync removes rows deleted at the source from the read model.
  return n === 1
    ? '1 row of the read model is not in the source (deleted there and not yet removed by a full sync)'
    : `${n} rows of the read model are not in the source (deleted there and not yet removed by a full sync)`;
}

function errorMessage(reason: unknown): string {
  return reason instanceof Error ? reason.message : String(reason);
}
