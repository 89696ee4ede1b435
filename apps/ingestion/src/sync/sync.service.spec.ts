import { DomainError, ErrorCode } from '@shopfloor/contracts';
import { NatsError } from 'nats';
import { Gate } from '@shopfloor/testing';
import { domainErrorOf, fakeSyncService, sourceRows, type SyncServiceFixture } from '../fakes.spec-helper';
import { SyncService } from './sync.service';

/** A source with one machine, two jobs (one of them on a machine the source does not have) and one event. */
function withRows(fixture: SyncServiceFixture): SyncServiceFixture {
  fixture.source.tables.machines.push(sourceRows.machine('M-01'));
  fixture.source.tables.jobs.push(sourceRows.job('J-1', 'M-01', '2026-01-15 09:00:00.000'), sourceRows.job('J-2', 'M-404', '2026-01-15 09:00:01.000'));
  fixture.source.tables.machine_events.push(sourceRows.event(10, 'M-01'));
  return fixture;
}

/** Holds every publish until the gate opens: a run that stays in flight as long as the test wants. */
function holdPublishes(fixture: SyncServiceFixture): Gate {
  const gate = new Gate();
  fixture.jetStream.beforeAck = () => gate.opened;
  return gate;
}

describe(SyncService.name, () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  describe('a run', () => {
    it('is recorded as succeeded with what it published, deleted and quarantined', async () => {
      const { service, runs, metrics } = withRows(fakeSyncService());

      const reply = await service.start('full', 'api');
      const run = await runs.ended(reply.sync_id);

      expect(reply).toEqual({ sync_id: run.id, state: 'running' });
      expect(run).toMatchObject({
        mode: 'full',
        trigger: 'api',
        state: 'succeeded',
        progress: 1,
        counts: { machines: 1, jobs: 1, downtime_records: 0, machine_events: 1, machine_readings: 0 },
        deleted: { machines: 0, jobs: 0, downtime_records: 0, machine_events: 0, machine_readings: 0 },
        rejected: 1,
        error: null,
        errorCode: null,
      });
      expect(metrics.runEnded.mock.calls).toEqual([['full', 'succeeded']]);
      expect(metrics.committed.mock.calls).toEqual([
        ['machines', 1, 0],
        ['jobs', 1, 1],
        ['machine_events', 1, 0],
      ]);
    });

    it('is recorded as failed with a code and a plain sentence when the source fails, never the driver’s words', async () => {
      const { service, source, runs, metrics } = withRows(fakeSyncService());
      source.beforeAnswer = (sql) => {
        if (sql.includes('FROM `jobs` AS t WHERE') && sql.includes('LIMIT'))
          throw new DomainError(ErrorCode.SourceUnavailable, 'The CIMCO source query failed: connect ECONNREFUSED 10.0.0.5:3306');
      };

      const run = await runs.ended((await service.start('incremental', 'api')).sync_id);

      expect(run).toMatchObject({
        state: 'failed',
        errorCode: 'SOURCE_UNAVAILABLE',
        error: 'The CIMCO source database could not be read; the next sync resumes from the last page it committed',
      });
      expect(metrics.runEnded.mock.calls).toEqual([['incremental', 'failed']]);
      expect((await service.status()).state).toBe('degraded');
    });

    it('is recorded as failed when the message bus does not take its records', async () => {
      const { service, jetStream, runs, state } = withRows(fakeSyncService());
      jetStream.beforeAck = () => {
        throw new NatsError('no responders', '503');
      };

      const run = await runs.ended((await service.start('incremental', 'api')).sync_id);

      expect(run).toMatchObject({
        state: 'failed',
        errorCode: 'BUS_UNAVAILABLE',
        error: 'The message bus did not take the records (503); the next sync resumes from the last page it committed',
      });
      expect(state.stored.size).toBe(0);
    });

    it('releases the sync lock when it ends, so the next one can start', async () => {
      const { service, runs, state } = withRows(fakeSyncService());
      await runs.ended((await service.start('incremental', 'api')).sync_id);
      await new Promise((resolve) => setImmediate(resolve));
      expect(state.lock.held).toBe(false);

      const second = await runs.ended((await service.start('incremental', 'api')).sync_id);
      expect(second).toMatchObject({ state: 'succeeded', counts: { machines: 0, jobs: 0, machine_events: 0 } });
    });
  });

  describe('start', () => {
    it('answers SYNC_ALREADY_RUNNING with the id of the run another replica has in flight', async () => {
      const a = withRows(fakeSyncService());
      const b = fakeSyncService({}, a);
      const gate = holdPublishes(a);
      const { sync_id } = await a.service.start('full', 'api');

      const error = await domainErrorOf(b.service.start('incremental', 'api'));

      expect(error.code).toBe(ErrorCode.SyncAlreadyRunning);
      expect(error.details).toEqual({ sync_id });
      gate.open();
      expect((await a.runs.ended(sync_id)).state).toBe('succeeded');
      expect(a.runs.all).toHaveLength(1);
    });

    it('refuses a mapping that does not match the source, naming each problem, and starts nothing', async () => {
      const { service, source, runs, state } = fakeSyncService();
      source.columnList = source.columnList.filter((c) => !(c.table === 'jobs' && c.column === 'start_time'));

      const error = await domainErrorOf(service.start('full', 'api'));

      expect(error.code).toBe(ErrorCode.SourceMappingInvalid);
      expect(error.details).toEqual({
        mapping_problems: [{ entity: 'jobs', table: 'jobs', column: 'start_time', problem: 'column jobs.start_time (for start_time) does not exist' }],
      });
      expect(runs.all).toEqual([]);
      expect(state.lock.held).toBe(false);
      expect((await service.status()).source.mapping_problems).toHaveLength(1);
    });

    it('refuses without a configured source', async () => {
      const { service, source } = fakeSyncService();
      source.configured = false;

      expect((await domainErrorOf(service.start('full', 'api'))).code).toBe(ErrorCode.SourceUnavailable);
    });

    it('marks a run left running by a process that died as failed before starting a new one', async () => {
      const { service, runs } = fakeSyncService();
      const dead = await runs.start({ id: 'dead-run', mode: 'full', trigger: 'api', runner: 'gone:1', emptyCounts: {} });
      dead.heartbeatAt = new Date(Date.now() - 60_000);

      await runs.ended((await service.start('incremental', 'api')).sync_id);

      expect(dead).toMatchObject({ state: 'failed', errorCode: 'SYNC_INTERRUPTED' });
    });
  });

  describe('schedule', () => {
    it('runs one scheduled sync at a time, however often the schedule comes round while it runs', async () => {
      jest.useFakeTimers();
      const fixture = withRows(fakeSyncService({ SYNC_INTERVAL_SECONDS: '1' }));
      const { service, runs } = fixture;
      const gate = holdPublishes(fixture);
      await service.onApplicationBootstrap();
      expect(runs.all).toHaveLength(0);

      await jest.advanceTimersByTimeAsync(1000);
      expect(runs.all.map((r) => [r.mode, r.trigger, r.state])).toEqual([['incremental', 'schedule', 'running']]);
      await jest.advanceTimersByTimeAsync(3000);
      expect(runs.all).toHaveLength(1);

      gate.open();
      await runs.ended(runs.all[0].id);
      await jest.advanceTimersByTimeAsync(1000);
      expect(runs.all.map((r) => r.state)).toEqual(['succeeded', 'succeeded']);
      await service.beforeApplicationShutdown();
    });

    it('starts one sync per period across replicas', async () => {
      jest.useFakeTimers();
      const a = withRows(fakeSyncService({ SYNC_INTERVAL_SECONDS: '1' }));
      const b = fakeSyncService({ SYNC_INTERVAL_SECONDS: '1' }, a);
      const gate = holdPublishes(a);
      await a.service.onApplicationBootstrap();
      await b.service.onApplicationBootstrap();

      await jest.advanceTimersByTimeAsync(2500);

      expect(a.runs.all).toHaveLength(1);
      gate.open();
      await a.runs.ended(a.runs.all[0].id);
      await Promise.all([a.service.beforeApplicationShutdown(), b.service.beforeApplicationShutdown()]);
    });

    it('goes on after a scheduled sync that could not start', async () => {
      jest.useFakeTimers();
      const { service, source, runs } = withRows(fakeSyncService({ SYNC_INTERVAL_SECONDS: '1' }));
      const columns = source.columnList;
      source.columnList = columns.filter((c) => c.table !== 'jobs');
      await service.onApplicationBootstrap();

      await jest.advanceTimersByTimeAsync(2000);
      expect(runs.all).toEqual([]);

      source.columnList = columns;
      await jest.advanceTimersByTimeAsync(1000);
      expect(runs.all.map((r) => r.trigger)).toEqual(['schedule']);
      await runs.ended(runs.all[0].id);
      await service.beforeApplicationShutdown();
    });

    it('is off with SYNC_INTERVAL_SECONDS=0, and without a source', async () => {
      jest.useFakeTimers();
      const off = withRows(fakeSyncService({ SYNC_INTERVAL_SECONDS: '0' }));
      const sourceless = withRows(fakeSyncService({ SYNC_INTERVAL_SECONDS: '1' }));
      sourceless.source.configured = false;
      await off.service.onApplicationBootstrap();
      await sourceless.service.onApplicationBootstrap();

      await jest.advanceTimersByTimeAsync(600_000);

      expect(off.runs.all).toEqual([]);
      expect(sourceless.runs.all).toEqual([]);
      expect(sourceless.source.queries).toEqual([]);
    });

    it('starts nothing once the service is stopping', async () => {
      jest.useFakeTimers();
      const { service, runs } = withRows(fakeSyncService({ SYNC_INTERVAL_SECONDS: '1' }));
      await service.onApplicationBootstrap();

      await service.beforeApplicationShutdown();
      await jest.advanceTimersByTimeAsync(5000);

      expect(runs.all).toEqual([]);
      const error = await domainErrorOf(service.start('incremental', 'api'));
      expect([error.code, error.message]).toEqual([ErrorCode.ServiceUnavailable, 'The ingestion service is shutting down']);
    });
  });

  describe('shutdown', () => {
    it('waits for the run in flight to finish', async () => {
      jest.useFakeTimers();
      const fixture = withRows(fakeSyncService({ SHUTDOWN_TIMEOUT_MS: '10000' }));
      const gate = holdPublishes(fixture);
      const { sync_id } = await fixture.service.start('incremental', 'api');
      let stopped = false;
      const stopping = fixture.service.beforeApplicationShutdown().then(() => (stopped = true));

      await jest.advanceTimersByTimeAsync(4000);
      expect(stopped).toBe(false);
      gate.open();
      await stopping;

      expect((await fixture.runs.ended(sync_id)).state).toBe('succeeded');
    });

    it('interrupts a run still going after half the shutdown timeout, after the page in hand', async () => {
      jest.useFakeTimers();
      const fixture = withRows(fakeSyncService({ SHUTDOWN_TIMEOUT_MS: '10000', SYNC_PAGE_SIZE: '1' }));
      fixture.source.tables.machines.push(sourceRows.machine('M-02', '2026-01-15 08:31:00.000'));
      const gate = holdPublishes(fixture);
      const { sync_id } = await fixture.service.start('incremental', 'api');
      const stopping = fixture.service.beforeApplicationShutdown();

      await jest.advanceTimersByTimeAsync(5000);
      gate.open();
      await stopping;

      expect(await fixture.runs.ended(sync_id)).toMatchObject({
        state: 'failed',
        errorCode: 'SYNC_INTERRUPTED',
        error: 'stopped: the service is shutting down; the next sync resumes from the last committed batch',
      });
      expect(fixture.state.commits).toHaveLength(1);
      expect(fixture.state.stored.get('machines')).toMatchObject({ lastKey: 'M-01' });
    });
  });

  describe('status', () => {
    it('turns degraded while the circuit to the source is open, and idle once it closes', async () => {
      const { service, source, runs } = withRows(fakeSyncService());
      const run = await runs.ended((await service.start('incremental', 'api')).sync_id);

      source.circuit = 'open';
      source.isReachable = false;
      expect(await service.status()).toMatchObject({
        state: 'degraded',
        last_sync_at: run.finishedAt?.toISOString(),
        source: { reachable: false, circuit: 'open' },
      });

      source.circuit = 'closed';
      source.isReachable = true;
      expect(await service.status()).toMatchObject({ state: 'idle', source: { reachable: true, circuit: 'closed', mapping_problems: [] } });
    });

    it('shows a run with rejected rows as not clean, and turns degraded while a consumer has dead letters', async () => {
      const { service, runs, deadLetters } = withRows(fakeSyncService());
      const run = await runs.ended((await service.start('incremental', 'api')).sync_id);
      expect((await service.status()).last_run).toMatchObject({ sync_id: run.id, state: 'succeeded', rejected: 1, clean: false });

      deadLetters.summary.mockResolvedValue({ analytics: { batches: 2, records: 40, by_sync: { [run.id]: { batches: 2, records: 40 } } } });
      const status = await service.status();
      expect(status.state).toBe('degraded');
      expect(status.dead_letters).toEqual({ analytics: { batches: 2, records: 40 } });
      expect(status.last_run?.downstream['analytics']).toEqual({ rejected: 0, dead_lettered_batches: 2, dead_lettered_records: 40 });
    });
  });
});
