import { SUBJECTS } from '@shopfloor/contracts';
import { fakeRunnerDeps, sourceRows } from '../fakes.spec-helper';
import { defaultMapping } from '../source/source-mapping';
import { SyncInterrupted, SyncRunner, type SyncRunnerDeps } from './sync-runner';

const SYNC_ID = '3f1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b';
const S = SUBJECTS.shopfloor;

function runner(deps: SyncRunnerDeps, mode: 'incremental' | 'full' = 'incremental'): SyncRunner {
  return new SyncRunner(deps, SYNC_ID, mode, '2026-03-01T10:00:00.000Z');
}

describe(SyncRunner.name, () => {
  it('publishes the valid rows of every entity in sync order and moves each watermark to its last row', async () => {
    const { deps, source, state, jetStream } = fakeRunnerDeps();
    source.tables.machines.push(sourceRows.machine('M-02', '2026-01-15 08:31:00.000'), sourceRows.machine('M-01', '2026-01-15 08:30:00.000'));
    source.tables.jobs.push(sourceRows.job('J-1', 'M-01', '2026-01-15 09:00:00.000'));
    source.tables.machine_events.push(sourceRows.event(11, 'M-02'), sourceRows.event(10, 'M-01'));
    source.tables.machine_readings.push(sourceRows.reading(7, 'M-02'));

    const tally = await runner(deps).run();

    expect(tally).toEqual({
      counts: { machines: 2, jobs: 1, downtime_records: 0, machine_events: 2, machine_readings: 1 },
      deleted: { machines: 0, jobs: 0, downtime_records: 0, machine_events: 0, machine_readings: 0 },
      rejected: 0,
      progress: 1,
    });
    expect(jetStream.messages.map((m) => m.subject)).toEqual([S.machinesUpserted, S.jobsUpserted, S.machineEventsAppended, S.machineReadingsAppended]);
    expect(jetStream.records(S.machinesUpserted).map((r) => r['machine_id'])).toEqual(['M-01', 'M-02']);
    expect(jetStream.records(S.machineEventsAppended).map((r) => r['event_id'])).toEqual([10, 11]);
    expect(jetStream.messages[0].payload.sync_id).toBe(SYNC_ID);
    expect(Object.fromEntries(state.stored)).toEqual({
      machines: { lastUpdatedAt: '2026-01-15 08:31:00.000', lastKey: 'M-02', lastId: null },
      jobs: { lastUpdatedAt: '2026-01-15 09:00:00.000', lastKey: 'J-1', lastId: null },
      machine_events: { lastUpdatedAt: null, lastKey: null, lastId: 11 },
      machine_readings: { lastUpdatedAt: null, lastKey: null, lastId: 7 },
    });
  });

  it('converts source wall times to UTC in the records it publishes', async () => {
    const { deps, source, jetStream } = fakeRunnerDeps({ mapping: defaultMapping('Europe/Berlin') });
    source.tables.machines.push(sourceRows.machine('M-01', '2026-01-15 08:30:00.000'));

    await runner(deps).run();

    expect(jetStream.records(S.machinesUpserted)[0]).toMatchObject({ machine_id: 'M-01', source_updated_at: '2026-01-15T07:30:00.000Z' });
  });

  it('commits a page only after every message of it is acknowledged', async () => {
    const { deps, source, journal } = fakeRunnerDeps({ pageSize: 2, batchSize: 1 });
    source.tables.machines.push(
      sourceRows.machine('M-01', '2026-01-15 08:30:00.000'),
      sourceRows.machine('M-02', '2026-01-15 08:31:00.000'),
      sourceRows.machine('M-03', '2026-01-15 08:32:00.000'),
    );

    await runner(deps).run();

    const published = `publish ${S.machinesUpserted}`;
    expect(journal).toEqual([published, published, 'commit machines', published, 'commit machines']);
  });

  it('keeps the watermark at the last committed page when a publish is not acknowledged', async () => {
    const { deps, source, state, jetStream } = fakeRunnerDeps({ pageSize: 1 });
    source.tables.machines.push(sourceRows.machine('M-01', '2026-01-15 08:30:00.000'), sourceRows.machine('M-02', '2026-01-15 08:31:00.000'));
    let acks = 0;
    jetStream.beforeAck = () => {
      acks += 1;
      if (acks === 2) throw new Error('no responders');
    };

    await expect(runner(deps).run()).rejects.toThrow('no responders');

    expect(state.commits).toHaveLength(1);
    expect(state.stored.get('machines')).toEqual({ lastUpdatedAt: '2026-01-15 08:30:00.000', lastKey: 'M-01', lastId: null });
  });

  it('continues an incremental sync after the stored watermark, by change time and then key', async () => {
    const { deps, source, state, jetStream } = fakeRunnerDeps();
    source.tables.machines.push(sourceRows.machine('M-01'));
    source.tables.jobs.push(
      sourceRows.job('J-1', 'M-01', '2026-01-15 09:00:00.000'),
      sourceRows.job('J-2', 'M-01', '2026-01-15 09:00:00.000'),
      sourceRows.job('J-0', 'M-01', '2026-01-15 09:00:01.000'),
      sourceRows.job('J-9', 'M-01', '2026-01-15 08:59:59.000'),
    );
    source.tables.machine_events.push(sourceRows.event(10, 'M-01'), sourceRows.event(11, 'M-01'));
    state.stored.set('machines', { lastUpdatedAt: '2026-01-15 08:30:00.000', lastKey: 'M-01', lastId: null });
    state.stored.set('jobs', { lastUpdatedAt: '2026-01-15 09:00:00.000', lastKey: 'J-1', lastId: null });
    state.stored.set('machine_events', { lastUpdatedAt: null, lastKey: null, lastId: 10 });

    const tally = await runner(deps).run();

    expect(jetStream.records(S.jobsUpserted).map((r) => r['job_id'])).toEqual(['J-2', 'J-0']);
    expect(jetStream.records(S.machineEventsAppended).map((r) => r['event_id'])).toEqual([11]);
    expect(jetStream.records(S.machinesUpserted)).toEqual([]);
    expect(tally.counts).toMatchObject({ machines: 0, jobs: 2, machine_events: 1 });
  });

  it('quarantines rows that fail validation with their reasons and the raw row, counts them and publishes the rest', async () => {
    const committed: [string, number, number][] = [];
    const { deps, source, state, jetStream } = fakeRunnerDeps({ onCommitted: (entity, published, rejected) => committed.push([entity, published, rejected]) });
    source.tables.machines.push(sourceRows.machine('M-01'));
    source.tables.jobs.push(
      sourceRows.job('J-1', 'M-01', '2026-01-15 09:00:00.000'),
      sourceRows.job('J-2', 'M-404', '2026-01-15 09:00:01.000'),
      sourceRows.job('J-3', 'M-01', '2026-01-15 09:00:02.000', { end_time: null }),
    );

    const tally = await runner(deps).run();

    expect(tally.counts.jobs).toBe(1);
    expect(tally.rejected).toBe(2);
    expect(jetStream.records(S.jobsUpserted).map((r) => r['job_id'])).toEqual(['J-1']);
    const quarantined = state.quarantined('jobs');
    expect([...quarantined.keys()]).toEqual(['J-2', 'J-3']);
    expect(quarantined.get('J-2')).toMatchObject({
      sourceTable: 'jobs',
      rejectedBy: 'ingestion',
      reasons: ['unknown machine M-404'],
      raw: expect.objectContaining({ job_id: 'J-2', machine_id: 'M-404' }),
    });
    expect(quarantined.get('J-3')?.reasons).toEqual(['the job is COMPLETED but has no end_time']);
    expect(committed).toEqual([
      ['machines', 1, 0],
      ['jobs', 1, 2],
    ]);
    // The watermark passes the quarantined rows: they are kept in the quarantine, not read again until they change.
    expect(state.stored.get('jobs')).toMatchObject({ lastKey: 'J-3' });
  });

  it('publishes a quarantined row once it is corrected and resolves its quarantine entry', async () => {
    const { deps, source, state, jetStream } = fakeRunnerDeps();
    source.tables.machines.push(sourceRows.machine('M-01'));
    source.tables.jobs.push(sourceRows.job('J-2', 'M-404', '2026-01-15 09:00:01.000'));
    await runner(deps).run();
    expect(state.quarantined('jobs').has('J-2')).toBe(true);

    source.tables.jobs[0] = sourceRows.job('J-2', 'M-01', '2026-01-15 09:30:00.000');
    const tally = await runner(deps).run();

    expect(tally).toMatchObject({ rejected: 0, counts: { jobs: 1 } });
    expect(jetStream.records(S.jobsUpserted).map((r) => r['job_id'])).toEqual(['J-2']);
    expect(state.quarantined('jobs').size).toBe(0);
  });

  it('quarantines the second row of a key the source holds twice', async () => {
    const { deps, source, state, jetStream } = fakeRunnerDeps();
    source.tables.machines.push(sourceRows.machine('M-01', '2026-01-15 08:30:00.000'), sourceRows.machine('M-01', '2026-01-15 08:31:00.000', { name: 'Copy' }));

    const tally = await runner(deps).run();

    expect(tally).toMatchObject({ rejected: 1, counts: { machines: 1 } });
    expect(jetStream.records(S.machinesUpserted).map((r) => r['name'])).toEqual(['DMG Mori DMU 50']);
    expect(state.quarantined('machines').get('M-01')?.reasons).toEqual(['duplicate machine_id M-01 in the source']);
  });

  it('cuts a page into messages of at most the batch size and never more bytes than the server takes', async () => {
    const { deps, source, jetStream } = fakeRunnerDeps({ batchSize: 2 });
    for (let id = 1; id <= 5; id += 1) source.tables.machine_readings.push(sourceRows.reading(id, 'M-01'));
    source.tables.machines.push(sourceRows.machine('M-01'));

    await runner(deps).run();

    const sizes = jetStream.messages.filter((m) => m.subject === S.machineReadingsAppended).map((m) => m.payload.records?.length);
    expect(sizes).toEqual([2, 2, 1]);
    const ids = jetStream.messages.filter((m) => m.subject === S.machineReadingsAppended).map((m) => m.messageId);
    expect(new Set(ids).size).toBe(3);
    expect(ids.every((id) => id?.startsWith(`${SYNC_ID}:machine_readings:`))).toBe(true);
  });

  it('quarantines a record too large for any message instead of failing the page', async () => {
    const { deps, source, state, jetStream } = fakeRunnerDeps();
    jetStream.maxPayload = 4096 + 1200;
    source.tables.machines.push(
      sourceRows.machine('M-01'),
      sourceRows.machine('M-02', '2026-01-15 08:31:00.000', { specifications: JSON.stringify({ notes: 'x'.repeat(2000) }) }),
    );

    const tally = await runner(deps).run();

    expect(tally).toMatchObject({ rejected: 1, counts: { machines: 1 } });
    expect(jetStream.records(S.machinesUpserted).map((r) => r['machine_id'])).toEqual(['M-01']);
    expect(state.quarantined('machines').get('M-02')?.reasons[0]).toMatch(/^the record is \d+ bytes as JSON, more than one message can carry \(\d+\)$/);
  });

  describe('safety lag', () => {
    it("leaves rows of a mutable table changed within the lag of the source's clock for the next sync, in the source's zone", async () => {
      const { deps, source, jetStream, state } = fakeRunnerDeps({ lagMs: 200, mapping: defaultMapping('Europe/Berlin') });
      source.now = '2026-03-01 10:00:00.000';
      source.tables.machines.push(sourceRows.machine('M-01', '2026-03-01 10:59:59.800'), sourceRows.machine('M-02', '2026-03-01 10:59:59.801'));

      await runner(deps).run();

      expect(jetStream.records(S.machinesUpserted).map((r) => r['machine_id'])).toEqual(['M-01']);
      expect(state.stored.get('machines')).toMatchObject({ lastKey: 'M-01' });
    });

    it('reads an append-only table only up to the highest id it held when the bound was taken, once the lag has passed', async () => {
      const lagMs = 150;
      const { deps, source, jetStream, state } = fakeRunnerDeps({ lagMs });
      source.tables.machines.push(sourceRows.machine('M-01'));
      source.tables.machine_events.push(sourceRows.event(10, 'M-01'), sourceRows.event(11, 'M-01'));
      // An insert that commits after the bound was read, as a second writer's does.
      source.beforeAnswer = (sql) => {
        if (sql.startsWith('SELECT COUNT(*)') && source.tables.machine_events.length === 2) source.tables.machine_events.push(sourceRows.event(12, 'M-01'));
      };

      await runner(deps).run();

      expect(jetStream.records(S.machineEventsAppended).map((r) => r['event_id'])).toEqual([10, 11]);
      expect(state.stored.get('machine_events')).toEqual({ lastUpdatedAt: null, lastKey: null, lastId: 11 });
      const boundTaken = source.queriesWith('SELECT MAX(`t`.`event_id`)')[0].at;
      const firstRead = source.queriesWith('FROM `machine_events` AS t WHERE').find((q) => q.sql.includes('LIMIT'));
      expect(firstRead!.at - boundTaken).toBeGreaterThanOrEqual(lagMs - 5);

      // The next sync reads it.
      await runner(deps).run();
      expect(jetStream.records(S.machineEventsAppended).map((r) => r['event_id'])).toEqual([10, 11, 12]);
    });

    it('reads nothing of an append-only table that was empty when the bound was taken', async () => {
      const { deps, source, jetStream, state } = fakeRunnerDeps();
      source.tables.machines.push(sourceRows.machine('M-01'));
      source.beforeAnswer = (sql) => {
        if (sql.startsWith('SELECT COUNT(*)') && source.tables.machine_readings.length === 0)
          source.tables.machine_readings.push(sourceRows.reading(1, 'M-01'));
      };

      await runner(deps).run();

      expect(jetStream.records(S.machineReadingsAppended)).toEqual([]);
      expect(state.stored.has('machine_readings')).toBe(false);
      expect(source.queriesWith('FROM `machine_readings` AS t WHERE 1 = 0').length).toBeGreaterThan(0);
    });

    it('stops waiting out the lag once the service stops, and ends without reading further', async () => {
      let stop = false;
      const { deps, source, jetStream } = fakeRunnerDeps({ lagMs: 60_000, stopping: () => stop });
      source.tables.machines.push(sourceRows.machine('M-01'));
      source.tables.machine_events.push(sourceRows.event(10, 'M-01'));
      setTimeout(() => (stop = true), 50);
      const started = Date.now();

      await expect(runner(deps).run()).rejects.toBeInstanceOf(SyncInterrupted);

      expect(Date.now() - started).toBeLessThan(1000);
      expect(jetStream.records(S.machinesUpserted)).toHaveLength(1);
      expect(jetStream.records(S.machineEventsAppended)).toEqual([]);
    });
  });

  it('ends after the page in hand once the service stops, with that page committed', async () => {
    let stop = false;
    const { deps, source, state } = fakeRunnerDeps({ pageSize: 1, stopping: () => stop, onProgress: async () => void (stop = true) });
    source.tables.machines.push(sourceRows.machine('M-01', '2026-01-15 08:30:00.000'), sourceRows.machine('M-02', '2026-01-15 08:31:00.000'));

    await expect(runner(deps).run()).rejects.toThrow('stopped: the service is shutting down; the next sync resumes from the last committed batch');

    expect(state.commits).toHaveLength(1);
    expect(state.stored.get('machines')).toMatchObject({ lastKey: 'M-01' });
  });

  it('reports progress after every committed page, up to all of it at the end', async () => {
    const progress: number[] = [];
    const { deps, source } = fakeRunnerDeps({ pageSize: 1, onProgress: async (t) => void progress.push(t.progress) });
    source.tables.machines.push(sourceRows.machine('M-01', '2026-01-15 08:30:00.000'), sourceRows.machine('M-02', '2026-01-15 08:31:00.000'));
    source.tables.machine_events.push(sourceRows.event(1, 'M-01'), sourceRows.event(2, 'M-01'));

    const tally = await runner(deps).run();

    expect(progress).toEqual([0.25, 0.5, 0.75, 0.99]);
    expect(tally.progress).toBe(1);
  });

  describe('full sync', () => {
    it('publishes the deletion of rows the source no longer has, counts them and forgets them', async () => {
      const { deps, source, state, jetStream } = fakeRunnerDeps();
      source.tables.machines.push(sourceRows.machine('M-01'));
      source.tables.jobs.push(sourceRows.job('J-1', 'M-01', '2026-01-15 09:00:00.000'), sourceRows.job('J-2', 'M-01', '2026-01-15 09:00:01.000'));
      for (const id of [10, 11, 12, 13]) source.tables.machine_events.push(sourceRows.event(id, 'M-01'));
      await runner(deps, 'full').run();

      source.tables.jobs.splice(1, 1);
      source.tables.machine_events.splice(1, 2);
      const tally = await runner(deps, 'full').run();

      expect(tally.deleted).toEqual({ machines: 0, jobs: 1, downtime_records: 0, machine_events: 2, machine_readings: 0 });
      expect(jetStream.messages.filter((m) => m.subject === S.recordsDeleted).map((m) => m.payload)).toEqual([
        { sync_id: SYNC_ID, entity: 'jobs', keys: ['J-2'], deleted_at: '2026-03-01T10:00:00.000Z' },
        { sync_id: SYNC_ID, entity: 'machine_events', keys: ['11', '12'], deleted_at: '2026-03-01T10:00:00.000Z' },
      ]);
      expect([...(state.keys.get('jobs') ?? [])]).toEqual(['J-1']);
      expect(state.ids.get('machine_events')).toEqual([
        { from: 10, to: 10 },
        { from: 13, to: 13 },
      ]);
    });

    it('reads everything again without moving a watermark backwards', async () => {
      const { deps, source, state, jetStream } = fakeRunnerDeps();
      source.tables.machines.push(sourceRows.machine('M-01', '2026-01-15 08:30:00.000'));
      source.tables.machine_events.push(sourceRows.event(10, 'M-01'));
      const ahead = { lastUpdatedAt: '2026-02-01 00:00:00.000', lastKey: 'M-09', lastId: null };
      state.stored.set('machines', ahead);
      state.stored.set('machine_events', { lastUpdatedAt: null, lastKey: null, lastId: 5 });

      await runner(deps, 'full').run();

      expect(jetStream.records(S.machinesUpserted).map((r) => r['machine_id'])).toEqual(['M-01']);
      expect(state.stored.get('machines')).toEqual(ahead);
      expect(state.stored.get('machine_events')).toEqual({ lastUpdatedAt: null, lastKey: null, lastId: 10 });
    });

    it('forgets quarantined rows the source no longer has', async () => {
      const { deps, source, state } = fakeRunnerDeps();
      source.tables.machines.push(sourceRows.machine('M-01'));
      source.tables.jobs.push(sourceRows.job('J-7', 'M-404', '2026-01-15 09:00:00.000'), sourceRows.job('J-8', 'M-404', '2026-01-15 09:00:01.000'));
      await runner(deps, 'full').run();
      expect([...state.quarantined('jobs').keys()]).toEqual(['J-7', 'J-8']);

      source.tables.jobs.splice(0, 1);
      await runner(deps, 'full').run();

      expect([...state.quarantined('jobs').keys()]).toEqual(['J-8']);
    });
  });
});
