import { randomUUID } from 'node:crypto';
import { ANALYTICS_ENTITIES, ANALYTICS_MIGRATIONS, LiveStatusRepository } from '@shopfloor/analytics/data-access';
import {
  STREAMS,
  SUBJECTS,
  type AlertCleared,
  type AlertRaised,
  type LiveMessage,
  type MachineEventRecord,
  type MachineLiveStatus,
} from '@shopfloor/contracts';
import { runMigrations, serviceDataSourceOptions } from '@shopfloor/database';
import { JetStreamService, NatsConnectionHolder } from '@shopfloor/nats';
import { createTestDatabase, TEST_INFRA, waitFor, type TestDatabase } from '@shopfloor/testing';
import { connect, DeliverPolicy, JSONCodec, type NatsConnection, type Subscription } from 'nats';
import { DataSource } from 'typeorm';
import type { AnalyticsEnv } from '../config/analytics.env';
import { latestStates, LiveStatusService } from './live-status.service';

const codec = JSONCodec<unknown>();
const env = {
  LIVE_SILENCE_SECONDS: 300,
  LIVE_LONG_STOP_SECONDS: 1800,
  LIVE_SWEEP_SECONDS: 10,
  LIVE_SCRAP_BURST_PARTS: 10,
  LIVE_SCRAP_BURST_RATIO: 0.2,
} as AnalyticsEnv;

describe(LiveStatusService.name, () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let nats: NatsConnection;
  let service: LiveStatusService;
  let replica: LiveStatusService;
  let machineId: string;
  let statuses: MachineLiveStatus[];
  let alerts: AlertRaised[];
  /** Both sides on JetStream in the order published: `raised <kind> <at>` / `cleared <kind> <at>`. */
  let lifecycle: string[];
  let cleared: AlertCleared[];
  let jetStream: JetStreamService;
  const startedAt = new Date();
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
    const settings = {
      url: db.serviceUrl('analytics'),
      schema: 'analytics',
      ssl: 'disable' as const,
      poolSize: 2,
      applicationName: 'test',
      entities: ANALYTICS_ENTITIES,
      migrations: ANALYTICS_MIGRATIONS,
      migrationsRun: false,
    };
    await runMigrations(settings);
    dataSource = await new DataSource(serviceDataSourceOptions(settings)).initialize();
    nats = await connect({ servers: TEST_INFRA.natsUrl });
    const holder = new NatsConnectionHolder(nats);
    jetStream = new JetStreamService(holder);
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
    const onAlert = nats.subscribe(SUBJECTS.alerts.raised, {
      callback: (_e, msg) => {
        const alert = codec.decode(msg.data) as AlertRaised;
        if (alert.machine_id === machineId) alerts.push(alert);
      },
    });
    lifecycle = [];
    cleared = [];
    const onLifecycle = nats.subscribe(SUBJECTS.alerts.all, {
      callback: (_e, msg) => {
        if (msg.subject === SUBJECTS.alerts.raised) {
          const alert = codec.decode(msg.data) as AlertRaised;
          if (alert.machine_id === machineId)
            lifecycle.push(`raised ${alert.kind} ${alert.alert_id.slice(alert.alert_id.lastIndexOf(machineId) + machineId.length + 1)}`);
        } else if (msg.subject === SUBJECTS.alerts.cleared) {
          const clearing = codec.decode(msg.data) as AlertCleared;
          if (clearing.machine_id !== machineId) return;
          lifecycle.push(`cleared ${clearing.kind} ${clearing.cleared_at}`);
          cleared.push(clearing);
        }
      },
    });
    subscriptions.push(onStatus, onAlert, onLifecycle);
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

  /** The clearings of this machine that the ALERTS stream holds, with the message id each was stored under. */
  const storedClearings = async (): Promise<{ id: string | undefined; cleared: AlertCleared }[]> => {
    const reader = await jetStream.client.consumers.get(STREAMS.alerts.name, {
      filterSubjects: SUBJECTS.alerts.cleared,
      deliver_policy: DeliverPolicy.StartTime,
      opt_start_time: startedAt.toISOString(),
    });
    const found: { id: string | undefined; cleared: AlertCleared }[] = [];
    try {
      for (let done = false; !done;) {
        const batch = await reader.fetch({ max_messages: 500, expires: 1000 });
        let seen = 0;
        for await (const msg of batch) {
          seen += 1;
          const clearing = codec.decode(msg.data) as AlertCleared;
          if (clearing.machine_id === machineId) found.push({ id: msg.headers?.get('Nats-Msg-Id'), cleared: clearing });
          if (msg.info.pending === 0) {
            done = true;
            break;
          }
        }
        if (seen === 0) done = true;
      }
    } finally {
      await reader.delete().catch(() => false);
    }
    return found;
  };

  it('follows the newest event, keeps when the current state began, and raises a breakdown once', async () => {
    await service.applyEvents(
      [
        event('2026-11-02T08:00:00.000Z', 'RUNNING', null, 10),
        event('2026-11-02T08:05:00.000Z', 'DOWN', 'SPINDLE'),
        event('2026-11-02T08:10:00.000Z', 'DOWN', 'SPINDLE', 12),
      ],
      new Date('2026-11-02T08:11:00.000Z'),
    );
    await waitFor('the status message', () => statuses.length === 1);
    expect(statuses[0]).toMatchObject({
      machine_id: machineId,
      state: 'DOWN',
      since: '2026-11-02T08:05:00.000Z',
      reason_code: 'SPINDLE',
      part_count: 12,
      last_event_at: '2026-11-02T08:10:00.000Z',
    });
    await waitFor('the breakdown alert', () => alerts.length === 1);
    expect(alerts[0]).toMatchObject({ kind: 'breakdown', level: 'critical', alert_id: `breakdown:${machineId}:2026-11-02T08:05:00.000Z` });

    // The same batch again, and an older one arriving late: nothing moves.
    await service.applyEvents([event('2026-11-02T08:10:00.000Z', 'DOWN', 'SPINDLE', 12)], new Date('2026-11-02T08:12:00.000Z'));
    await service.applyEvents([event('2026-11-02T07:00:00.000Z', 'RUNNING')], new Date('2026-11-02T08:12:00.000Z'));
    // Still down in the next batch: the stop began at 08:05, not at this batch's first event.
    await service.applyEvents([event('2026-11-02T08:20:00.000Z', 'DOWN', 'SPINDLE')], new Date('2026-11-02T08:21:00.000Z'));
    await settle();
    expect(statuses.map((s) => [s.state, s.since, s.last_event_at])).toEqual([
      ['DOWN', '2026-11-02T08:05:00.000Z', '2026-11-02T08:10:00.000Z'],
      ['DOWN', '2026-11-02T08:05:00.000Z', '2026-11-02T08:20:00.000Z'],
    ]);
    expect(alerts).toHaveLength(1);

    // Running again, then down again: a new stop, a new alert.
    await service.applyEvents(
      [event('2026-11-02T08:30:00.000Z', 'RUNNING'), event('2026-11-02T08:40:00.000Z', 'DOWN', 'TOOL')],
      new Date('2026-11-02T08:41:00.000Z'),
    );
    await waitFor('the second breakdown', () => alerts.length === 2);
    expect(statuses[statuses.length - 1]).toMatchObject({ state: 'DOWN', since: '2026-11-02T08:40:00.000Z', reason_code: 'TOOL' });
    expect((await service.list(new Date('2026-11-02T08:41:00.000Z'))).items.find((i) => i.machine_id === machineId)?.last_event_age_seconds).toBe(60);

    // Running, then a stop the machine has been silent about for longer than the silence window (a first sync of
    // history): no breakdown — the silence is the data gap the sweep raises.
    await service.applyEvents(
      [event('2026-11-02T09:00:00.000Z', 'RUNNING'), event('2026-11-02T09:10:00.000Z', 'DOWN', 'OLD')],
      new Date('2026-11-02T09:20:00.000Z'),
    );
    await settle();
    expect(statuses[statuses.length - 1]).toMatchObject({ state: 'DOWN', since: '2026-11-02T09:10:00.000Z' });
    expect(alerts).toHaveLength(2);
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

  it("raises a scrap burst for a recent jump in a job's scrap, once, and not for history or a small share", async () => {
    const now = new Date('2026-11-02T10:00:00.000Z');
    const change = {
      jobId: `${machineId}-J1`,
      machineId,
      producedBefore: 100,
      scrappedBefore: 2,
      produced: 140,
      scrapped: 14,
      sourceUpdatedAt: new Date('2026-11-02T09:59:00.000Z'),
    };
    await service.checkScrap([change], now);
    await waitFor('the scrap-burst alert', () => alerts.length === 1);
    expect(alerts[0]).toMatchObject({
      kind: 'scrap_burst',
      level: 'warning',
      alert_id: `scrap_burst:${machineId}-J1:14`,
      details: { scrapped: 12, produced: 40 },
    });
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

  it('clears a breakdown when the machine leaves DOWN, once, after its alert and before the next one', async () => {
    await service.applyEvents(
      [event('2026-11-04T08:00:00.000Z', 'RUNNING'), event('2026-11-04T08:05:00.000Z', 'DOWN', 'SPINDLE')],
      new Date('2026-11-04T08:06:00.000Z'),
    );
    // Back to RUNNING after 15 min, and down again within the same batch; both replicas get the batch (a redelivery).
    const batch = [event('2026-11-04T08:20:00.000Z', 'RUNNING'), event('2026-11-04T08:22:00.000Z', 'DOWN', 'TOOL')];
    const at = new Date('2026-11-04T08:23:00.000Z');
    await Promise.all([service.applyEvents(batch, at), replica.applyEvents(batch, at)]);
    await waitFor('the second breakdown', () => lifecycle.length === 3);
    await settle();
    expect(lifecycle).toEqual([
      'raised breakdown 2026-11-04T08:05:00.000Z',
      'cleared breakdown 2026-11-04T08:20:00.000Z',
      'raised breakdown 2026-11-04T08:22:00.000Z',
    ]);
    expect(cleared[0]).toEqual({
      machine_id: machineId,
      kind: 'breakdown',
      cleared_at: '2026-11-04T08:20:00.000Z',
      details: { previous_state: 'DOWN', new_state: 'RUNNING', since: '2026-11-04T08:05:00.000Z', duration_seconds: 900, reason_code: 'SPINDLE' },
    });

    // 68 min down this time (its data still coming): past LIVE_LONG_STOP_SECONDS, so the long stop the sweep raised clears with it.
    await service.applyEvents([event('2026-11-04T09:14:00.000Z', 'DOWN', 'TOOL')], new Date('2026-11-04T09:14:00.000Z'));
    await service.sweep(new Date('2026-11-04T09:15:00.000Z'));
    await service.applyEvents([event('2026-11-04T09:30:00.000Z', 'IDLE')], new Date('2026-11-04T09:31:00.000Z'));
    await waitFor('the clearings', () => lifecycle.length === 6);
    expect(lifecycle.slice(3)).toEqual([
      'raised long_stop 2026-11-04T08:22:00.000Z',
      'cleared breakdown 2026-11-04T09:30:00.000Z',
      'cleared long_stop 2026-11-04T09:30:00.000Z',
    ]);
    expect(cleared[1]).toEqual({
      machine_id: machineId,
      kind: 'breakdown',
      cleared_at: '2026-11-04T09:30:00.000Z',
      details: { previous_state: 'DOWN', new_state: 'IDLE', since: '2026-11-04T08:22:00.000Z', duration_seconds: 4080, reason_code: 'TOOL' },
    });
    expect(cleared[2].details).toEqual({ previous_state: 'DOWN', new_state: 'IDLE', since: '2026-11-04T08:22:00.000Z', duration_seconds: 4080 });

    // Each stored once on JetStream, under an id naming the transition.
    expect((await storedClearings()).map((s) => s.id)).toEqual([
      `cleared:breakdown:${machineId}:2026-11-04T08:20:00.000Z`,
      `cleared:breakdown:${machineId}:2026-11-04T09:30:00.000Z`,
      `cleared:long_stop:${machineId}:2026-11-04T09:30:00.000Z`,
    ]);
  });

  it('clears a long stop of an idle machine when it runs again, and nothing for a stop too short to have been raised', async () => {
    await service.applyEvents([event('2026-11-05T06:00:00.000Z', 'IDLE')], new Date('2026-11-05T06:01:00.000Z'));
    await service.applyEvents([event('2026-11-05T06:10:00.000Z', 'RUNNING'), event('2026-11-05T06:20:00.000Z', 'IDLE')], new Date('2026-11-05T06:21:00.000Z'));
    await service.applyEvents([event('2026-11-05T06:58:00.000Z', 'IDLE')], new Date('2026-11-05T06:58:00.000Z'));
    await service.sweep(new Date('2026-11-05T07:00:00.000Z'));
    await service.applyEvents([event('2026-11-05T07:05:00.000Z', 'RUNNING')], new Date('2026-11-05T07:06:00.000Z'));
    await waitFor('the clearing', () => lifecycle.length === 2);
    await settle();
    expect(lifecycle).toEqual(['raised long_stop 2026-11-05T06:20:00.000Z', 'cleared long_stop 2026-11-05T07:05:00.000Z']);
    expect(cleared[0].details).toEqual({ previous_state: 'IDLE', new_state: 'RUNNING', since: '2026-11-05T06:20:00.000Z', duration_seconds: 2700 });
  });

  it('clears a data gap when events arrive again, with what the machine was doing before the gap', async () => {
    await service.applyEvents([event('2026-11-06T10:00:00.000Z', 'DOWN', 'E-STOP')], new Date('2026-11-06T10:01:00.000Z'));
    await Promise.all([service.sweep(new Date('2026-11-06T10:06:00.000Z')), replica.sweep(new Date('2026-11-06T10:06:00.000Z'))]);
    // Data again after 20 min, and the machine is running: the gap and the breakdown from before it both end.
    const batch = [event('2026-11-06T10:20:00.000Z', 'RUNNING'), event('2026-11-06T10:25:00.000Z', 'RUNNING')];
    await Promise.all([service.applyEvents(batch, new Date('2026-11-06T10:26:00.000Z')), replica.applyEvents(batch, new Date('2026-11-06T10:26:00.000Z'))]);
    await waitFor('the clearings', () => lifecycle.length === 5);
    await settle();
    expect(lifecycle).toEqual([
      'raised breakdown 2026-11-06T10:00:00.000Z',
      'raised data_gap 2026-11-06T10:00:00.000Z',
      'cleared data_gap 2026-11-06T10:20:00.000Z',
      'cleared breakdown 2026-11-06T10:20:00.000Z',
      'cleared long_stop 2026-11-06T10:20:00.000Z',
    ]);
    expect(cleared[0].details).toEqual({ previous_state: 'UNAVAILABLE', new_state: 'RUNNING', since: '2026-11-06T10:00:00.000Z', duration_seconds: 1200 });
    // The gap hid when the stop began and why: they are not guessed.
    expect(cleared[1].details).toEqual({ previous_state: 'DOWN', new_state: 'RUNNING', since: null, duration_seconds: null, reason_code: null });
    expect((await storedClearings()).map((s) => s.id)).toEqual([
      `cleared:data_gap:${machineId}:2026-11-06T10:20:00.000Z`,
      `cleared:breakdown:${machineId}:2026-11-06T10:20:00.000Z`,
      `cleared:long_stop:${machineId}:2026-11-06T10:20:00.000Z`,
    ]);
  });

  it('clears a data gap when readings arrive again, from the first reading after it, and the machine stays in its state', async () => {
    const reading = (time: string) => ({ reading_id: nextId++, machine_id: machineId, reading_time: time, metric: 'spindle_load', value: 40, unit: '%' });
    await service.applyEvents([event('2026-11-07T09:00:00.000Z', 'DOWN')], new Date('2026-11-07T09:01:00.000Z'));
    await service.sweep(new Date('2026-11-07T09:06:00.000Z'));
    const back = [reading('2026-11-07T09:12:00.000Z'), reading('2026-11-07T09:10:00.000Z'), reading('2026-11-07T09:14:00.000Z')];
    await Promise.all([service.applyReadings(back, new Date('2026-11-07T09:15:00.000Z')), replica.applyReadings(back, new Date('2026-11-07T09:15:00.000Z'))]);
    await waitFor('the clearing', () => lifecycle.length === 3);
    await settle();
    expect(lifecycle).toEqual([
      'raised breakdown 2026-11-07T09:00:00.000Z',
      'raised data_gap 2026-11-07T09:00:00.000Z',
      'cleared data_gap 2026-11-07T09:10:00.000Z',
    ]);
    expect(cleared[0].details).toEqual({ previous_state: 'UNAVAILABLE', new_state: 'DOWN', since: '2026-11-07T09:00:00.000Z', duration_seconds: 600 });
  });

  it('reads per machine the newest state and where its run began in a batch', () => {
    machineId = 'M-1';
    const states = latestStates([
      event('2026-11-02T08:10:00.000Z', 'DOWN'),
      event('2026-11-02T08:00:00.000Z', 'RUNNING'),
      event('2026-11-02T08:05:00.000Z', 'DOWN'),
    ]);
    expect(states).toEqual([
      expect.objectContaining({
        machineId: 'M-1',
        state: 'DOWN',
        since: '2026-11-02T08:05:00.000Z',
        wholeBatchInState: false,
        eventTime: '2026-11-02T08:10:00.000Z',
      }),
    ]);
  });
});
