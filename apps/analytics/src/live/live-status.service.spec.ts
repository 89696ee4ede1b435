import { randomUUID } from 'node:crypto';
import { ANALYTICS_ENTITIES, ANALYTICS_MIGRATIONS, LiveStatusRepository } from '@shopfloor/analytics/data-access';
import { STREAMS, SUBJECTS, type AlertRaised, type LiveMessage, type MachineEventRecord, type MachineLiveStatus } from '@shopfloor/contracts';
import { runMigrations, serviceDataSourceOptions } from '@shopfloor/database';
import { JetStreamService, NatsConnectionHolder } from '@shopfloor/nats';
import { createTestDatabase, TEST_INFRA, waitFor, type TestDatabase } from '@shopfloor/testing';
import { connect, JSONCodec, type NatsConnection, type Subscription } from 'nats';
import { DataSource } from 'typeorm';
import type { AnalyticsEnv } from '../config/analytics.env';
import { latestStates, LiveStatusService } from './live-status.service';

const codec = JSONCodec<unknown>();
const env = { LIVE_SILENCE_SECONDS: 300, LIVE_LONG_STOP_SECONDS: 1800, LIVE_SWEEP_SECONDS: 10, LIVE_SCRAP_BURST_PARTS: 10, LIVE_SCRAP_BURST_RATIO: 0.2 } as AnalyticsEnv;

describe(LiveStatusService.name, () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let nats: NatsConnection;
  let service: LiveStatusService;
  let replica: LiveStatusService;
  let machineId: string;
  let statuses: MachineLiveStatus[];
  let alerts: AlertRaised[];
  const subscriptions: Subscription[] = [];
  let nextId = 1;

  const event = (time: string, state: string, reason: string | null = null, partCount: number | null = null): MachineEventRecord => ({
    event_id: nextId++,
    machine_id: machineId,
    event_time: time,
    state: state as MachineEventRecord['state'],
    reason_code: reason,
    job_id: 'J-1',
    part_count: partCount,
  });

  beforeAll(async () => {
    db = await createTestDatabase('sf_live');
    const settings = { url: db.serviceUrl('analytics'), schema: 'analytics', ssl: 'disable' as const, poolSize: 2, applicationName: 'test', entities: ANALYTICS_ENTITIES, migrations: ANALYTICS_MIGRATIONS, migrationsRun: false };
    await runMigrations(settings);
    dataSource = await new DataSource(serviceDataSourceOptions(settings)).initialize();
    nats = await connect({ servers: TEST_INFRA.natsUrl });
    const holder = new NatsConnectionHolder(nats);
    const jetStream = new JetStreamService(holder);
    await jetStream.ensureStreams([STREAMS.alerts]);
    service = new LiveStatusService(new LiveStatusRepository(dataSource), holder, jetStream, env);
    replica = new LiveStatusService(new LiveStatusRepository(dataSource), holder, jetStream, env);
  });

  beforeEach(() => {
    machineId = `LIVE-${randomUUID().slice(0, 8)}`;
    statuses = [];
    alerts = [];
    const onStatus = nats.subscribe(SUBJECTS.live.machine(machineId), {
      callback: (_e, msg) => statuses.push((codec.decode(msg.data) as LiveMessage<MachineLiveStatus>).data),
    });
    const onAlert = nats.subscribe(SUBJECTS.live.alerts, {
      callback: (_e, msg) => {
        const alert = (codec.decode(msg.data) as LiveMessage<AlertRaised>).data;
        if (alert.machine_id === machineId) alerts.push(alert);
      },
    });
    subscriptions.push(onStatus, onAlert);
  });

  afterEach(async () => {
    for (const s of subscriptions.splice(0)) s.unsubscribe();
    await nats.flush();
  });

  afterAll(async () => {
    await nats.close();
    await dataSource.destroy();
    await db.drop();
  });

  const settle = async () => {
    await nats.flush();
    await new Promise((resolve) => setTimeout(resolve, 100));
  };

  it('follows the newest event, keeps when the current state began, and raises a breakdown once', async () => {
    await service.applyEvents([event('2026-11-02T08:00:00.000Z', 'RUNNING', null, 10), event('2026-11-02T08:05:00.000Z', 'DOWN', 'SPINDLE'), event('2026-11-02T08:10:00.000Z', 'DOWN', 'SPINDLE', 12)]);
    await waitFor('the status message', () => statuses.length === 1);
    expect(statuses[0]).toMatchObject({ machine_id: machineId, state: 'DOWN', since: '2026-11-02T08:05:00.000Z', reason_code: 'SPINDLE', part_count: 12, last_event_at: '2026-11-02T08:10:00.000Z' });
    await waitFor('the breakdown alert', () => alerts.length === 1);
    expect(alerts[0]).toMatchObject({ kind: 'breakdown', level: 'critical', alert_id: `breakdown:${machineId}:2026-11-02T08:05:00.000Z` });

    // The same batch again, and an older one arriving late: nothing moves.
    await service.applyEvents([event('2026-11-02T08:10:00.000Z', 'DOWN', 'SPINDLE', 12)]);
    await service.applyEvents([event('2026-11-02T07:00:00.000Z', 'RUNNING')]);
    // Still down in the next batch: the stop began at 08:05, not at this batch's first event.
    await service.applyEvents([event('2026-11-02T08:20:00.000Z', 'DOWN', 'SPINDLE')]);
    await settle();
    expect(statuses.map((s) => [s.state, s.since, s.last_event_at])).toEqual([
      ['DOWN', '2026-11-02T08:05:00.000Z', '2026-11-02T08:10:00.000Z'],
      ['DOWN', '2026-11-02T08:05:00.000Z', '2026-11-02T08:20:00.000Z'],
    ]);
    expect(alerts).toHaveLength(1);

    // Running again, then down again: a new stop, a new alert.
    await service.applyEvents([event('2026-11-02T08:30:00.000Z', 'RUNNING'), event('2026-11-02T08:40:00.000Z', 'DOWN', 'TOOL')]);
    await waitFor('the second breakdown', () => alerts.length === 2);
    expect(statuses[statuses.length - 1]).toMatchObject({ state: 'DOWN', since: '2026-11-02T08:40:00.000Z', reason_code: 'TOOL' });
    expect((await service.list(new Date('2026-11-02T08:41:00.000Z'))).items.find((i) => i.machine_id === machineId)?.last_event_age_seconds).toBe(60);
  });

  it('shows a silent machine UNAVAILABLE with a data-gap alert, and a long stop once, however many replicas sweep', async () => {
    await service.applyEvents([event('2026-11-02T09:00:00.000Z', 'IDLE')]);
    await waitFor('the first status', () => statuses.length === 1);

    // 40 min later: idle longer than 30 min, but data still arriving within 5 min.
    await service.applyEvents([event('2026-11-02T09:38:00.000Z', 'IDLE')]);
    const at = new Date('2026-11-02T09:40:00.000Z');
    await Promise.all([service.sweep(at), replica.sweep(at)]);
    await waitFor('the long-stop alert', () => alerts.length === 1);
    expect(alerts[0]).toMatchObject({ kind: 'long_stop', level: 'warning', alert_id: `long_stop:${machineId}:2026-11-02T09:00:00.000Z` });

    // 10 min without data: UNAVAILABLE since the last event, one data-gap alert.
    const later = new Date('2026-11-02T09:48:30.000Z');
    await Promise.all([service.sweep(later), replica.sweep(later), service.sweep(later)]);
    await waitFor('the data-gap alert', () => alerts.length === 2);
    await settle();
    expect(alerts.map((a) => a.kind)).toEqual(['long_stop', 'data_gap']);
    expect(statuses.filter((s) => s.state === 'UNAVAILABLE')).toEqual([expect.objectContaining({ since: '2026-11-02T09:38:00.000Z' })]);

    // Data again: the machine's own state is back.
    await service.applyEvents([event('2026-11-02T09:50:00.000Z', 'RUNNING')]);
    await waitFor('the status after the gap', () => statuses[statuses.length - 1].state === 'RUNNING');
  });

  it('counts sensor readings as data: they keep a quiet machine available and bring an UNAVAILABLE one back', async () => {
    const reading = (time: string) => ({ reading_id: nextId++, machine_id: machineId, reading_time: time, metric: 'spindle_load', value: 40, unit: '%' });
    await service.applyEvents([event('2026-11-03T09:00:00.000Z', 'IDLE')]);
    const readingsAt = new Date('2026-11-03T09:09:00.000Z');
    await service.applyReadings([reading('2026-11-03T09:04:00.000Z'), reading('2026-11-03T09:08:00.000Z')], readingsAt);
    await service.sweep(new Date('2026-11-03T09:10:00.000Z'));
    await settle();
    expect(statuses.map((s) => s.state)).toEqual(['IDLE']);

    await service.sweep(new Date('2026-11-03T09:14:00.000Z'));
    await waitFor('the machine to be UNAVAILABLE', () => statuses.length === 2);
    expect(statuses[1]).toMatchObject({ state: 'UNAVAILABLE', since: '2026-11-03T09:08:00.000Z', last_data_at: '2026-11-03T09:08:00.000Z' });
    await waitFor('the data-gap alert', () => alerts.some((a) => a.kind === 'data_gap'));

    // Readings again: the machine's own state is back, once however often the batch comes.
    // Readings older than the silence window are history, not news: they change nothing.
    await service.applyReadings([reading('2026-11-03T09:12:00.000Z')], new Date('2026-11-03T09:30:00.000Z'));
    const back = new Date('2026-11-03T09:21:00.000Z');
    await service.applyReadings([reading('2026-11-03T09:20:00.000Z')], back);
    await service.applyReadings([reading('2026-11-03T09:20:00.000Z')], back);
    await waitFor('the state to come back', () => statuses.length === 3);
    await settle();
    expect(statuses.map((s) => s.state)).toEqual(['IDLE', 'UNAVAILABLE', 'IDLE']);
    expect(statuses[2]).toMatchObject({ since: '2026-11-03T09:20:00.000Z', last_data_at: '2026-11-03T09:20:00.000Z' });
  });

  it('raises a scrap burst for a recent jump in a job\'s scrap, once, and not for history or a small share', async () => {
    const now = new Date('2026-11-02T10:00:00.000Z');
    const change = { jobId: `${machineId}-J1`, machineId, producedBefore: 100, scrappedBefore: 2, produced: 140, scrapped: 14, sourceUpdatedAt: new Date('2026-11-02T09:59:00.000Z') };
    await service.checkScrap([change], now);
    await waitFor('the scrap-burst alert', () => alerts.length === 1);
    expect(alerts[0]).toMatchObject({ kind: 'scrap_burst', level: 'warning', alert_id: `scrap_burst:${machineId}-J1:14`, details: { scrapped: 12, produced: 40 } });
    // A redelivery of the same update: the same id, so JetStream keeps one; history and small shares raise nothing.
    await service.checkScrap(
      [
        { ...change, jobId: `${machineId}-OLD`, sourceUpdatedAt: new Date('2026-10-01T00:00:00.000Z') },
        { ...change, jobId: `${machineId}-FEW`, produced: 1000 },
        { ...change, jobId: `${machineId}-SMALL`, scrapped: 5 },
      ],
      now,
    );
    await settle();
    expect(alerts).toHaveLength(1);
  });

  it('reads per machine the newest state and where its run began in a batch', () => {
    machineId = 'M-1';
    const states = latestStates([event('2026-11-02T08:10:00.000Z', 'DOWN'), event('2026-11-02T08:00:00.000Z', 'RUNNING'), event('2026-11-02T08:05:00.000Z', 'DOWN')]);
    expect(states).toEqual([expect.objectContaining({ machineId: 'M-1', state: 'DOWN', since: '2026-11-02T08:05:00.000Z', wholeBatchInState: false, eventTime: '2026-11-02T08:10:00.000Z' })]);
  });
});
