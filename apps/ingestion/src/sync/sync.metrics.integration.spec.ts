import { randomUUID } from 'node:crypto';
import { SHOPFLOOR_CONSUMERS } from '@shopfloor/contracts';
import { runMigrations, serviceDataSourceOptions } from '@shopfloor/database';
import { INGESTION_ENTITIES, INGESTION_MIGRATIONS, SyncRunRepository, SyncStateRepository } from '@shopfloor/ingestion/data-access';
import { MetricsRegistry } from '@shopfloor/observability';
import { createTestDatabase, type TestDatabase } from '@shopfloor/testing';
import { DataSource } from 'typeorm';
import type { SourceDatabase } from '../source/source-database';
import { SyncMetrics } from './sync.metrics';

/** The one figure of a series in Prometheus text, or undefined when the series is absent. */
function value(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe(SyncMetrics.name, () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let runs: SyncRunRepository;
  let state: SyncStateRepository;

  beforeAll(async () => {
    db = await createTestDatabase('sf_ingestion_sync_metrics');
    const settings = {
      url: db.serviceUrl('ingestion'),
      schema: 'ingestion',
      ssl: 'disable' as const,
      poolSize: 2,
      applicationName: 'test',
      entities: INGESTION_ENTITIES,
      migrations: INGESTION_MIGRATIONS,
      migrationsRun: false,
    };
    await runMigrations(settings);
    dataSource = await new DataSource(serviceDataSourceOptions(settings)).initialize();
    runs = new SyncRunRepository(dataSource);
    state = new SyncStateRepository(dataSource);
  });

  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  const source = (fields: Partial<Pick<SourceDatabase, 'configured' | 'circuit' | 'isReachable'>>): SourceDatabase =>
    ({ configured: true, circuit: 'closed', isReachable: true, ...fields }) as SourceDatabase;

  it('reads when the last successful sync ended and what the quarantine holds, by entity and rejecter', async () => {
    const metrics = new MetricsRegistry();
    new SyncMetrics(metrics, runs, state, source({ circuit: 'open', isReachable: false }));
    const before = await metrics.render();
    // No sync has succeeded yet: 0, so that a sync that never succeeds counts as lagging.
    expect(value(before, 'shopfloor_sync_last_success_timestamp_seconds')).toBe(0);

    const ok = await runs.start({ id: randomUUID(), mode: 'incremental', trigger: 'api', runner: 'test', emptyCounts: {} });
    await runs.finish(ok.id, 'succeeded', null);
    const failed = await runs.start({ id: randomUUID(), mode: 'incremental', trigger: 'api', runner: 'test', emptyCounts: {} });
    await runs.finish(failed.id, 'failed', 'source down', 'SOURCE_UNAVAILABLE');
    const row = (entity: string, key: string, rejectedBy: string) => ({ entity, sourceTable: entity, primaryKey: key, reasons: ['bad'], raw: {}, rejectedBy });
    await state.recordRejections(
      [row('jobs', 'J-1', 'ingestion'), row('jobs', 'J-2', 'ingestion'), row('machine_readings', '7', SHOPFLOOR_CONSUMERS[0])],
      ok.id,
    );

    const text = await metrics.render();
    const finishedAt = (await runs.latestSucceeded())?.finishedAt?.getTime() ?? NaN;
    expect(value(text, 'shopfloor_sync_last_success_timestamp_seconds')).toBeCloseTo(finishedAt / 1000, 3);
    expect(value(text, 'shopfloor_quarantined_rows{entity="jobs",rejected_by="ingestion"}')).toBe(2);
    expect(value(text, `shopfloor_quarantined_rows{entity="machine_readings",rejected_by="${SHOPFLOOR_CONSUMERS[0]}"}`)).toBe(1);
    expect(value(text, 'shopfloor_quarantined_rows{entity="machines",rejected_by="ingestion"}')).toBe(0);
    expect(value(text, 'shopfloor_source_circuit_state{state="open"}')).toBe(1);
    expect(value(text, 'shopfloor_source_circuit_state{state="closed"}')).toBe(0);
    expect(value(text, 'shopfloor_source_reachable')).toBe(0);
  });

  it('counts published and rejected rows by entity, and ended runs by mode and outcome, from 0', async () => {
    const metrics = new MetricsRegistry();
    const sync = new SyncMetrics(metrics, runs, state, source({ configured: false }));
    expect(value(await metrics.render(), 'shopfloor_sync_rows_published_total{entity="jobs"}')).toBe(0);
    sync.committed('jobs', 500, 2);
    sync.committed('jobs', 20, 0);
    sync.runEnded('incremental', 'failed');
    const text = await metrics.render();
    expect(value(text, 'shopfloor_sync_rows_published_total{entity="jobs"}')).toBe(520);
    expect(value(text, 'shopfloor_sync_rows_rejected_total{entity="jobs"}')).toBe(2);
    expect(value(text, 'shopfloor_sync_runs_total{mode="incremental",outcome="failed"}')).toBe(1);
    expect(value(text, 'shopfloor_sync_runs_total{mode="full",outcome="succeeded"}')).toBe(0);
    // Without a source the sync is off: no age to report, no reachability.
    expect(value(text, 'shopfloor_sync_last_success_timestamp_seconds')).toBeUndefined();
    expect(value(text, 'shopfloor_source_reachable')).toBeUndefined();
  });
});
