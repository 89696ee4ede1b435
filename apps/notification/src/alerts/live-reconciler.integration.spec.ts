import { SUBJECTS, type MachineLiveStatus } from '@shopfloor/contracts';
import type { RpcClient } from '@shopfloor/nats';
import { MachineConditionEntity, type AlertEntity } from '@shopfloor/notification/data-access';
import { AlertTestbed, type AlertReplica } from './alert-replica.spec-helper';
import { begunConditions, endedConditions, LiveReconciler } from './live-reconciler';

const fact = (machineId: string, kind: string, since: string, details: Record<string, unknown> = {}, clearedAt: string | null = null): MachineConditionEntity =>
  Object.assign(new MachineConditionEntity(), {
    machineId,
    kind,
    since: new Date(since),
    observedAt: new Date(since),
    details,
    clearedAt: clearedAt ? new Date(clearedAt) : null,
    updatedAt: new Date(since),
  });

const liveStatus = (machineId: string, state: string, since: string): MachineLiveStatus => ({
  machine_id: machineId,
  state,
  since,
  reason_code: null,
  current_job_id: null,
  part_count: null,
  last_event_at: since,
  last_event_age_seconds: 0,
  last_data_at: since,
  updated_at: since,
});

describe('endedConditions', () => {
  it('ends a breakdown whose machine runs again since, and keeps one still down', () => {
    const facts = [fact('M-1', 'breakdown', '2026-06-01T08:00:00Z', { state: 'DOWN' }), fact('M-2', 'breakdown', '2026-06-01T08:00:00Z', { state: 'DOWN' })];
    const live = [liveStatus('M-1', 'RUNNING', '2026-06-01T08:30:00Z'), liveStatus('M-2', 'DOWN', '2026-06-01T08:00:00Z')];
    expect(endedConditions(facts, live)).toEqual([{ machineId: 'M-1', kind: 'breakdown', at: new Date('2026-06-01T08:30:00Z') }]);
  });

  it('says nothing from a status older than the condition, of a machine it does not list, or of one already ended', () => {
    const facts = [
      fact('M-1', 'breakdown', '2026-06-01T08:00:00Z', { state: 'DOWN' }),
      fact('M-3', 'breakdown', '2026-06-01T08:00:00Z'),
      fact('M-2', 'data_gap', '2026-06-01T07:00:00Z', {}, '2026-06-01T07:30:00Z'),
    ];
    const live = [liveStatus('M-1', 'RUNNING', '2026-06-01T07:50:00Z'), liveStatus('M-2', 'RUNNING', '2026-06-01T07:30:00Z')];
    expect(endedConditions(facts, live)).toEqual([]);
  });

  it('ends a data gap once data comes again, and leaves a stop alone while its machine is silent', () => {
    const facts = [
      fact('M-1', 'data_gap', '2026-06-01T08:00:00Z'),
      fact('M-2', 'data_gap', '2026-06-01T08:00:00Z'),
      fact('M-2', 'breakdown', '2026-06-01T07:00:00Z', { state: 'DOWN' }),
    ];
    const live = [liveStatus('M-1', 'IDLE', '2026-06-01T08:40:00Z'), liveStatus('M-2', 'UNAVAILABLE', '2026-06-01T08:00:00Z')];
    expect(endedConditions(facts, live)).toEqual([{ machineId: 'M-1', kind: 'data_gap', at: new Date('2026-06-01T08:40:00Z') }]);
  });

  it('ends a long stop when the machine is in another state, or in the same state again after a while', () => {
    const facts = [
      fact('M-1', 'long_stop', '2026-06-01T08:00:00Z', { state: 'IDLE' }),
      fact('M-2', 'long_stop', '2026-06-01T08:00:00Z', { state: 'IDLE' }),
      fact('M-3', 'long_stop', '2026-06-01T08:00:00Z', { state: 'IDLE' }),
    ];
    const live = [
      liveStatus('M-1', 'DOWN', '2026-06-01T09:00:00Z'),
      liveStatus('M-2', 'IDLE', '2026-06-01T09:00:00Z'),
      liveStatus('M-3', 'IDLE', '2026-06-01T08:00:00Z'),
    ];
    expect(endedConditions(facts, live).map((e) => e.machineId)).toEqual(['M-1', 'M-2']);
  });
});

describe('begunConditions', () => {
  it('reads a breakdown from a machine DOWN and a data gap from one UNAVAILABLE, nothing from others', () => {
    const down = liveStatus('M-1', 'DOWN', '2026-03-01T08:00:00.000Z');
    const silent = { ...liveStatus('M-2', 'UNAVAILABLE', '2026-03-01T09:00:00.000Z'), last_data_at: '2026-03-01T07:30:00.000Z' };
    const running = liveStatus('M-3', 'RUNNING', '2026-03-01T08:00:00.000Z');
    expect(begunConditions([down, silent, running]).map((c) => [c.machineId, c.kind, c.since.toISOString()])).toEqual([
      ['M-1', 'breakdown', '2026-03-01T08:00:00.000Z'],
      ['M-2', 'data_gap', '2026-03-01T07:30:00.000Z'],
    ]);
  });
});

describe(LiveReconciler.name, () => {
  const bed = new AlertTestbed();
  let replica: AlertReplica;
  const statuses: MachineLiveStatus[] = [];
  // analytics' live status as the test sets it: a shared analytics cannot be made to show a test's machine.
  const rpc = {
    request: async (subject: string) =>
      subject === SUBJECTS.analytics.liveList ? { items: statuses, silence_seconds: 300 } : Promise.reject(new Error(subject)),
  } as unknown as RpcClient;

  beforeAll(async () => {
    await bed.start();
    replica = await bed.replica();
  });

  afterAll(async () => {
    await bed.stop();
  });

  it('ends a breakdown whose clearing never came, and lets the machine’s next breakdown open at once', async () => {
    const machine = bed.machine();
    const rule = (await replica.rules.list()).find((r) => r.isDefault && r.condition === 'machine_down_longer_than');
    // Oldest episode first (two may open within one instant of the held clock).
    const alertsOf = async (): Promise<AlertEntity[]> =>
      (await replica.alerts.page({ machineId: machine, limit: 10 }))
        .filter((a) => a.ruleId === rule?.id)
        .sort((a, b) => String(a.details['since']).localeCompare(String(b.details['since'])));
    const longAgo = new Date(bed.clock.now().getTime() - 3 * 24 * 3_600_000).toISOString();
    const raise = (since: string) =>
      replica.engine.onRaised({
        alert_id: `breakdown:${machine}:${since}`,
        machine_id: machine,
        kind: 'breakdown',
        level: 'critical',
        message: '',
        raised_at: since,
        details: { since },
      });

    // A breakdown of three days ago, read from the stream's history without the clearing that came before clearings were published.
    await raise(longAgo);
    expect((await alertsOf()).map((a) => a.state)).toEqual(['open']);

    // The live status shows the machine down again since a minute ago: the old stop is over.
    const again = new Date(bed.clock.now().getTime() - 60_000).toISOString();
    statuses.push(liveStatus(machine, 'DOWN', again));
    const reconciler = new LiveReconciler(rpc, replica.conditions, replica.engine, bed.clock);
    expect(await reconciler.run()).toEqual([{ machineId: machine, kind: 'breakdown', at: new Date(again) }]);
    // The new stop, as the live status shows it, is another episode: it opens at once, not as a flap of the one closed.
    expect((await alertsOf()).map((a) => a.state)).toEqual(['resolved', 'open']);
    expect(await reconciler.run()).toEqual([]);

    // The new breakdown's own raise, a moment later, is the same episode.
    bed.clock.advance(1000);
    await raise(again);
    expect((await alertsOf()).map((a) => [a.state, a.details['since']])).toEqual([
      ['resolved', longAgo],
      ['open', again],
    ]);
  });

  it('opens an alert for a machine the live status shows DOWN that no event told of, once', async () => {
    const machine = bed.machine();
    const rule = (await replica.rules.list()).find((r) => r.isDefault && r.condition === 'machine_down_longer_than');
    statuses.push(liveStatus(machine, 'DOWN', new Date(bed.clock.now().getTime() - 5 * 60_000).toISOString()));
    const reconciler = new LiveReconciler(rpc, replica.conditions, replica.engine, bed.clock);
    await reconciler.run();
    await reconciler.run();
    const alerts = (await replica.alerts.page({ machineId: machine, limit: 10 })).filter((a) => a.ruleId === rule?.id);
    expect(alerts.map((a) => a.state)).toEqual(['open']);
  });
});
