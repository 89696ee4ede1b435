import { Injectable, Logger } from '@nestjs/common';
import { SHOPFLOOR_CONSUMERS, SHOPFLOOR_ENTITIES, type ShopfloorEntity, type SyncMode } from '@shopfloor/contracts';
import { SyncRunRepository, SyncStateRepository } from '@shopfloor/ingestion/data-access';
import { MetricsRegistry } from '@shopfloor/observability';
import { Counter, Gauge } from 'prom-client';
import type { CircuitState } from '../source/circuit-breaker';
import { SourceDatabase } from '../source/source-database';

const CIRCUIT_STATES: readonly CircuitState[] = ['closed', 'open', 'half_open'];
const SYNC_MODES: readonly SyncMode[] = ['incremental', 'full'];

/**
 * The sync's metrics. Counters are counted by the replica that did the work (sum them across replicas); the gauges
 * read the shared state in PostgreSQL at scrape (every replica reports the same: take max), except the circuit,
 * which is each replica's own.
 */
@Injectable()
export class SyncMetrics {
  private readonly logger = new Logger(SyncMetrics.name);
  private readonly published: Counter<'entity'>;
  private readonly rejected: Counter<'entity'>;
  private readonly runs: Counter<'mode' | 'outcome'>;

  constructor(metrics: MetricsRegistry, runs: SyncRunRepository, state: SyncStateRepository, source: SourceDatabase) {
    const registers = [metrics.registry];
    const logger = this.logger;
    this.published = new Counter({
      name: 'shopfloor_sync_rows_published_total',
      help: 'Source rows the sync published to JetStream, by entity',
      labelNames: ['entity'] as const,
      registers,
    });
    this.rejected = new Counter({
      name: 'shopfloor_sync_rows_rejected_total',
      help: 'Source rows the sync refused and quarantined, by entity',
      labelNames: ['entity'] as const,
      registers,
    });
    this.runs = new Counter({
      name: 'shopfloor_sync_runs_total',
      help: 'Sync runs ended, by mode and outcome (succeeded, failed)',
      labelNames: ['mode', 'outcome'] as const,
      registers,
    });
    // Every series of a bounded label set exists from the start, so rate() and alerts see 0 rather than nothing.
    for (const entity of SHOPFLOOR_ENTITIES) {
      this.published.inc({ entity }, 0);
      this.rejected.inc({ entity }, 0);
    }
    for (const mode of SYNC_MODES) for (const outcome of ['succeeded', 'failed']) this.runs.inc({ mode, outcome }, 0);

    // Only with a source: without one the sync is off and has no age. 0 until a sync has succeeded (never synced).
    if (source.configured) {
      new Gauge({
        name: 'shopfloor_sync_last_success_timestamp_seconds',
        help: 'When the last successful sync ended (Unix time; 0 = none yet): the source up to its start, less the safety lag, was published by then',
        registers,
        async collect() {
          try {
            const succeeded = await runs.latestSucceeded();
            this.set((succeeded?.finishedAt?.getTime() ?? 0) / 1000);
          } catch (error) {
            // A scrape must not fail because the database is briefly away: the last value stands.
            logger.warn({ message: 'Could not read the last sync for /metrics', reason: (error as Error).message });
          }
        },
      });
      new Gauge({
        name: 'shopfloor_source_reachable',
        help: "1 when this replica's last read of the CIMCO source succeeded, else 0",
        registers,
        collect() {
          this.set(source.isReachable ? 1 : 0);
        },
      });
    }
    new Gauge({
      name: 'shopfloor_quarantined_rows',
      help: "Rows in the quarantine, by entity and by who refused them ('ingestion' or the durable name of a SHOPFLOOR consumer)",
      labelNames: ['entity', 'rejected_by'] as const,
      registers,
      async collect() {
        try {
          const counts = await state.quarantineCounts();
          this.reset();
          for (const entity of SHOPFLOOR_ENTITIES)
            for (const rejectedBy of ['ingestion', ...SHOPFLOOR_CONSUMERS]) this.set({ entity, rejected_by: rejectedBy }, 0);
          for (const c of counts) this.set({ entity: c.entity, rejected_by: c.rejectedBy }, c.count);
        } catch (error) {
          logger.warn({ message: 'Could not count the quarantine for /metrics', reason: (error as Error).message });
        }
      },
    });
    new Gauge({
      name: 'shopfloor_source_circuit_state',
      help: "This replica's circuit breaker in front of the CIMCO source: 1 for its current state (closed, open, half_open), 0 for the others",
      labelNames: ['state'] as const,
      registers,
      collect() {
        const current = source.circuit;
        for (const state of CIRCUIT_STATES) this.set({ state }, state === current ? 1 : 0);
      },
    });
  }

  /** A page committed: its records are in JetStream and its bad rows in the quarantine. */
  committed(entity: ShopfloorEntity, published: number, rejected: number): void {
    this.published.inc({ entity }, published);
    this.rejected.inc({ entity }, rejected);
  }

  runEnded(mode: SyncMode, outcome: 'succeeded' | 'failed'): void {
    this.runs.inc({ mode, outcome });
  }
}
