import type { AlertCleared, AlertRaised, AnomalyEvent, PredictionEvent, RuleBody } from '@shopfloor/contracts';
import { waitFor } from '@shopfloor/testing';
import type { AlertEntity, AlertRuleEntity } from '@shopfloor/notification/data-access';
import { AlertEngine } from './alert-engine';
import { AlertTestbed, type AlertReplica } from './alert-replica.spec-helper';

const MINUTE = 60_000;

describe(AlertEngine.name, () => {
  const bed = new AlertTestbed();
  let a: AlertReplica;
  let b: AlertReplica;
  let breakdownRule: AlertRuleEntity;

  const raised = (machineId: string, kind: AlertRaised['kind'], details: Record<string, unknown>, at = bed.clock.now()): AlertRaised => ({
    alert_id: `${kind}:${machineId}:${at.toISOString()}:${Math.random()}`,
    machine_id: machineId,
    kind,
    level: kind === 'breakdown' ? 'critical' : 'warning',
    message: `${kind} on ${machineId}`,
    raised_at: at.toISOString(),
    details,
  });
  const cleared = (machineId: string, kind: AlertCleared['kind'], at = bed.clock.now()): AlertCleared => ({
    machine_id: machineId,
    kind,
    cleared_at: at.toISOString(),
    details: { new_state: 'RUNNING' },
  });
  const prediction = (machineId: string, type: PredictionEvent['prediction_type'], value: number, at = bed.clock.now()): PredictionEvent => ({
    prediction_id: `${machineId}-${at.toISOString()}-${type}`,
    machine_id: machineId,
    prediction_type: type,
    predicted_value: value,
    threshold: type === 'maintenance_window' ? null : 0.5,
    horizon_hours: 24,
    model_id: 'model-1',
    model_version: 3,
    predicted_at: at.toISOString(),
    window: null,
    factors: [{ feature: 'spindle_load', value: 0.9, contribution: 0.4 }],
  });

  /** Every alert of a rule on a machine, oldest first. */
  async function alertsOf(ruleId: string, machineId: string): Promise<AlertEntity[]> {
    return (await a.alerts.page({ machineId, limit: 100 })).filter((x) => x.ruleId === ruleId).reverse();
  }

  async function createRule(body: Partial<RuleBody> & Pick<RuleBody, 'condition' | 'params'>): Promise<AlertRuleEntity> {
    const view = await a.rulesService.create({
      name: `rule ${body.condition}`,
      severity: 'warning',
      channels: [{ type: 'email', to: ['lead@example.com'] }],
      ...body,
    });
    return (await a.rules.find(view.id)) as AlertRuleEntity;
  }

  beforeAll(async () => {
    await bed.start();
    [a, b] = await Promise.all([bed.replica(), bed.replica()]);
    breakdownRule = (await a.rules.list()).find((r) => r.condition === 'machine_down_longer_than' && r.isDefault) as AlertRuleEntity;
  });

  afterAll(async () => {
    await bed.stop();
  });

  it('opens one alert for a breakdown whichever replica sees which event, updates it while it lasts and resolves it when it clears', async () => {
    const machine = bed.machine();
    const since = bed.clock.now().toISOString();
    // The same stop raised three times (two analytics replicas, a redelivery): each under its own message id.
    for (let i = 0; i < 3; i += 1) await bed.publish(bed.sources.subjects.raised, raised(machine, 'breakdown', { since, reason_code: 'SPINDLE' }));
    await waitFor('the breakdown alert', async () => (await alertsOf(breakdownRule.id, machine)).length > 0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const [alert, ...others] = await alertsOf(breakdownRule.id, machine);
    expect(others).toEqual([]);
    expect(alert).toMatchObject({
      state: 'open',
      severity: 'critical',
      condition: 'machine_down_longer_than',
      details: { reason_code: 'SPINDLE', minutes_down: 0, since },
    });

    // Half an hour later analytics raises the long stop of the same stop: news, the same alert.
    bed.clock.advance(30 * MINUTE);
    await bed.publish(bed.sources.subjects.raised, raised(machine, 'long_stop', { since, state: 'DOWN', reason_code: 'SPINDLE' }));
    await waitFor('the update', async () => (await a.alerts.find(alert.id))?.details['minutes_down'] === 30);

    bed.clock.advance(5 * MINUTE);
    await bed.publish(bed.sources.subjects.cleared, cleared(machine, 'breakdown'));
    await waitFor('the resolution', async () => (await a.alerts.find(alert.id))?.state === 'resolved');
    const detail = await a.alertsService.get(alert.id);
    expect(detail).toMatchObject({ resolved_by: null, resolved_at: bed.clock.now().toISOString() });
    expect(detail.timeline.map((e) => e.kind)).toEqual(['opened', 'updated', 'resolved']);
    await waitFor('the live messages', () => bed.liveOf(machine).length === 3);
    expect(bed.liveOf(machine).map((m) => [m.type, m.data.state])).toEqual([
      ['alert', 'open'],
      ['alert', 'open'],
      ['alert', 'resolved'],
    ]);
    expect(await alertsOf(breakdownRule.id, machine)).toHaveLength(1);
    // The default rule only pushes to /ws/alerts: nothing for the outbox.
    expect(bed.notifier.of(alert.id)).toEqual([]);
  });

  it('keeps the cooldown after a resolution, and opens again for a stop that still lasts once it is over', async () => {
    const machine = bed.machine();
    const start = bed.clock.now();
    await bed.publish(bed.sources.subjects.raised, raised(machine, 'breakdown', { since: start.toISOString() }));
    await waitFor('the first alert', async () => (await alertsOf(breakdownRule.id, machine)).length === 1);
    bed.clock.advance(2 * MINUTE);
    await bed.publish(bed.sources.subjects.cleared, cleared(machine, 'breakdown'));
    await waitFor('the resolution', async () => (await alertsOf(breakdownRule.id, machine))[0].state === 'resolved');

    // Down again 5 minutes later: within the rule's 30 minutes of cooldown, no new alert.
    bed.clock.advance(5 * MINUTE);
    const again = bed.clock.now();
    await bed.publish(bed.sources.subjects.raised, raised(machine, 'breakdown', { since: again.toISOString() }));
    await waitFor('the new stop to be stored', async () =>
      (await a.conditions.forMachine(machine)).some((c) => c.kind === 'breakdown' && c.since.getTime() === again.getTime() && c.clearedAt === null),
    );
    await Promise.all([a.engine.sweep(), b.engine.sweep()]);
    expect(await alertsOf(breakdownRule.id, machine)).toHaveLength(1);

    // Past the cooldown the sweep sees the machine still down: one new alert, however many replicas sweep.
    bed.clock.advance(26 * MINUTE);
    await Promise.all([a.engine.sweep(), b.engine.sweep(), a.engine.sweep()]);
    const episodes = await alertsOf(breakdownRule.id, machine);
    expect(episodes.map((e) => e.state)).toEqual(['resolved', 'open']);
    expect(episodes[1].details).toMatchObject({ minutes_down: 26 });
  });

  it('opens a stop longer than the rule’s minutes on the sweep, once, and escalates it once when nobody takes it', async () => {
    const machine = bed.machine();
    const rule = await createRule({
      condition: 'machine_down_longer_than',
      params: { minutes: 20 },
      scope: { machine_ids: [machine] },
      escalation: { after_minutes: 10, channels: [{ type: 'webhook', url: 'https://hooks.example.com/maintenance', format: 'slack' }] },
    });
    const start = bed.clock.now();
    await bed.publish(bed.sources.subjects.raised, raised(machine, 'breakdown', { since: start.toISOString() }));
    await waitFor('the breakdown alert of the default rule', async () => (await alertsOf(breakdownRule.id, machine)).length === 1);

    bed.clock.set(new Date(start.getTime() + 19 * MINUTE));
    await Promise.all([a.engine.sweep(), b.engine.sweep()]);
    expect(await alertsOf(rule.id, machine)).toEqual([]);

    bed.clock.set(new Date(start.getTime() + 20 * MINUTE));
    await Promise.all([a.engine.sweep(), b.engine.sweep()]);
    const [alert, ...others] = await alertsOf(rule.id, machine);
    expect(others).toEqual([]);
    expect(alert).toMatchObject({ state: 'open', severity: 'warning', details: { minutes_down: 20 } });
    expect(bed.notifier.of(alert.id)).toEqual([
      expect.objectContaining({ event: 'opened', ruleName: rule.name, notBefore: null, channels: [{ type: 'email', to: ['lead@example.com'] }] }),
    ]);
    expect(bed.notifier.notices.filter((n) => n.notice.alert.id === alert.id).every((n) => n.inTransaction)).toBe(true);

    bed.clock.advance(9 * MINUTE);
    expect(await Promise.all([a.engine.escalate(), b.engine.escalate()])).toEqual([0, 0]);
    bed.clock.advance(1 * MINUTE);
    const sent = await Promise.all([a.engine.escalate(), b.engine.escalate(), a.engine.escalate()]);
    expect(sent.reduce((x, y) => x + y)).toBe(1);
    expect(bed.notifier.of(alert.id).map((n) => [n.event, n.channels.map((c) => c.type)])).toEqual([
      ['opened', ['email']],
      ['escalated', ['webhook']],
    ]);
    const detail = await a.alertsService.get(alert.id);
    expect(detail.escalated_at).toBe(bed.clock.now().toISOString());
    expect(detail.timeline.map((e) => e.kind)).toEqual(['opened', 'notified', 'escalated', 'notified']);

    // The escalation's recipients hear the end too.
    await bed.publish(bed.sources.subjects.cleared, cleared(machine, 'breakdown'));
    await waitFor('the resolution', async () => (await a.alerts.find(alert.id))?.state === 'resolved');
    expect(bed.notifier.of(alert.id).at(-1)).toMatchObject({ event: 'resolved', channels: [{ type: 'email' }, { type: 'webhook' }] });
  });

  it('does not escalate an alert someone acknowledged', async () => {
    const machine = bed.machine();
    const rule = await createRule({
      condition: 'data_gap_longer_than',
      params: { minutes: 0 },
      scope: { machine_ids: [machine] },
      escalation: { after_minutes: 5, channels: [{ type: 'email', to: ['boss@example.com'] }] },
    });
    await bed.publish(bed.sources.subjects.raised, raised(machine, 'data_gap', { last_data_at: bed.clock.now().toISOString() }));
    await waitFor('the data-gap alert', async () => (await alertsOf(rule.id, machine)).length === 1);
    const [alert] = await alertsOf(rule.id, machine);
    await b.alertsService.acknowledge({ id: alert.id, by: 'operator-1', comment: 'on it' });
    bed.clock.advance(10 * MINUTE);
    await Promise.all([a.engine.escalate(), b.engine.escalate()]);
    expect(bed.notifier.of(alert.id).map((n) => n.event)).toEqual(['opened']);
    expect((await a.alerts.find(alert.id))?.escalatedAt).toBeNull();
  });

  it('holds the notices of a non-critical alert in quiet hours until they end, and counts the escalation from then', async () => {
    const machine = bed.machine();
    const quiet = { timezone: 'Europe/Berlin', start: '22:00', end: '06:00' };
    const warning = await createRule({
      condition: 'machine_down_longer_than',
      params: { minutes: 0 },
      scope: { machine_ids: [machine] },
      quiet_hours: quiet,
      escalation: { after_minutes: 15, channels: [{ type: 'email', to: ['night@example.com'] }] },
    });
    const critical = await createRule({
      condition: 'machine_down_longer_than',
      params: { minutes: 0 },
      scope: { machine_ids: [machine] },
      quiet_hours: quiet,
      severity: 'critical',
    });
    // 23:30 in Berlin (winter, UTC+1): quiet until 06:00, which is 05:00Z.
    bed.clock.set('2026-01-20T22:30:00.000Z');
    await bed.publish(bed.sources.subjects.raised, raised(machine, 'breakdown', { since: bed.clock.now().toISOString() }));
    await waitFor('both alerts', async () => (await alertsOf(warning.id, machine)).length === 1 && (await alertsOf(critical.id, machine)).length === 1);
    const [held] = await alertsOf(warning.id, machine);
    const [passed] = await alertsOf(critical.id, machine);
    expect(bed.notifier.of(held.id)).toEqual([expect.objectContaining({ event: 'opened', notBefore: new Date('2026-01-21T05:00:00.000Z') })]);
    expect(bed.notifier.of(passed.id)).toEqual([expect.objectContaining({ event: 'opened', notBefore: null })]);

    // Nobody was told yet, so nobody failed to acknowledge: no escalation 15 minutes after the opening.
    bed.clock.set('2026-01-20T22:50:00.000Z');
    await a.engine.escalate();
    expect(bed.notifier.of(held.id)).toHaveLength(1);
    bed.clock.set('2026-01-21T05:14:00.000Z');
    await a.engine.escalate();
    expect(bed.notifier.of(held.id)).toHaveLength(1);
    bed.clock.set('2026-01-21T05:15:00.000Z');
    await a.engine.escalate();
    expect(bed.notifier.of(held.id).map((n) => [n.event, n.notBefore])).toEqual([
      ['opened', new Date('2026-01-21T05:00:00.000Z')],
      ['escalated', null],
    ]);
  });

  it('opens a failure-risk alert over the threshold, updates it, ignores an older prediction and resolves it back under', async () => {
    const machine = bed.machine();
    const rule = await createRule({ condition: 'failure_risk_above', params: { threshold: 0.7 }, scope: { machine_ids: [machine] } });
    const first = bed.clock.now();
    await bed.publish(bed.sources.subjects.prediction('failure_risk'), prediction(machine, 'failure_risk', 0.82, first));
    await waitFor('the risk alert', async () => (await alertsOf(rule.id, machine)).length === 1);
    const [alert] = await alertsOf(rule.id, machine);
    expect(alert.details).toMatchObject({ risk: 0.82, prediction_type: 'failure_risk', threshold: 0.7 });

    bed.clock.advance(60 * MINUTE);
    await bed.publish(bed.sources.subjects.prediction('failure_risk'), prediction(machine, 'failure_risk', 0.91));
    await waitFor('the update', async () => (await a.alerts.find(alert.id))?.details['risk'] === 0.91);
    // A prediction older than the one stored arrives late: it changes nothing.
    await bed.publish(bed.sources.subjects.prediction('failure_risk'), prediction(machine, 'failure_risk', 0.2, first));
    bed.clock.advance(60 * MINUTE);
    await bed.publish(bed.sources.subjects.prediction('failure_risk'), prediction(machine, 'failure_risk', 0.4));
    await waitFor('the resolution', async () => (await a.alerts.find(alert.id))?.state === 'resolved');
    expect((await a.alertsService.get(alert.id)).timeline.filter((e) => e.kind !== 'notified').map((e) => e.kind)).toEqual(['opened', 'updated', 'resolved']);
  });

  it('holds a scrap burst and an anomaly for their windows, then resolves them on the sweep', async () => {
    const machine = bed.machine();
    const scrap = await createRule({ condition: 'scrap_rate_above', params: { threshold: 0.2, window_minutes: 30 }, scope: { machine_ids: [machine] } });
    const unusual = await createRule({ condition: 'anomaly_detected', params: { window_minutes: 60 }, scope: { machine_ids: [machine] } });
    const anomaly: AnomalyEvent = {
      anomaly_id: `${machine}-1`,
      machine_id: machine,
      at: bed.clock.now().toISOString(),
      score: 0.72,
      threshold: 0.6,
      model_id: 'iforest',
      model_version: 1,
      factors: [],
    };
    await bed.publish(bed.sources.subjects.raised, raised(machine, 'scrap_burst', { job_id: 'J-7', scrapped: 14, produced: 40 }));
    await bed.publish(bed.sources.subjects.anomaly, anomaly);
    await waitFor('both alerts', async () => (await alertsOf(scrap.id, machine)).length === 1 && (await alertsOf(unusual.id, machine)).length === 1);

    bed.clock.advance(29 * MINUTE);
    await a.engine.sweep();
    expect((await alertsOf(scrap.id, machine))[0].state).toBe('open');
    bed.clock.advance(1 * MINUTE);
    await a.engine.sweep();
    expect((await alertsOf(scrap.id, machine))[0].state).toBe('resolved');
    expect((await alertsOf(unusual.id, machine))[0].state).toBe('open');
    bed.clock.advance(30 * MINUTE);
    await b.engine.sweep();
    expect((await alertsOf(unusual.id, machine))[0].state).toBe('resolved');
  });

  it('runs each periodic check once per period across replicas', async () => {
    bed.clock.advance(60 * MINUTE);
    const [first, second] = await Promise.all([a.ticker.tick(), b.ticker.tick()]);
    expect([...first, ...second].filter((name) => name === 'sweep')).toEqual(['sweep']);
    expect(await a.ticker.tick()).not.toContain('sweep');
    bed.clock.advance(bed.env.ALERT_TICK_SECONDS * 1000);
    expect(await b.ticker.tick()).toContain('sweep');
  });
});
