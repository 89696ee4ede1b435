import { Module, type DynamicModule, type INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DomainError, ErrorCode, SUBJECTS, type AlertDetailView, type AlertPage, type AlertRaised, type AlertView, type RuleView } from '@shopfloor/contracts';
import { NatsConnectionHolder, NatsRpcServer, RpcClient, RpcErrorPassthroughFilter } from '@shopfloor/nats';
import { MetricsRegistry } from '@shopfloor/observability';
import { TEST_INFRA, uniqueName, waitFor } from '@shopfloor/testing';
import { randomUUID } from 'node:crypto';
import { RulesHandler } from '../rules/rules.handler';
import { RulesService } from '../rules/rules.service';
import { AlertTestbed, type AlertReplica } from './alert-replica.spec-helper';
import { AlertsHandler } from './alerts.handler';
import { AlertsService } from './alerts.service';

const MINUTE = 60_000;

/**
 * The service's RPC transport, listening on the handlers' subjects under a prefix of the test's own: a notification
 * service running on the same server (a developer's stack) answers the platform's subjects, and its answer would race
 * this replica's. Everything else — the transport, validation, handlers, error passing — is the service's own.
 */
class PrefixedRpcServer extends NatsRpcServer {
  constructor(
    private readonly prefix: string,
    ...args: ConstructorParameters<typeof NatsRpcServer>
  ) {
    super(...args);
  }

  override listen(callback: (...optionalParams: unknown[]) => void): void {
    for (const [subject, handler] of [...this.messageHandlers]) {
      this.messageHandlers.delete(subject);
      this.messageHandlers.set(`${this.prefix}.${subject}`, handler);
    }
    super.listen(callback);
  }
}

/** The handlers as the service mounts them, on one replica's services. */
function handlersOf(replica: AlertReplica): DynamicModule {
  @Module({})
  class HandlersModule {}
  return {
    module: HandlersModule,
    controllers: [AlertsHandler, RulesHandler],
    providers: [
      { provide: AlertsService, useValue: replica.alertsService },
      { provide: RulesService, useValue: replica.rulesService },
    ],
  };
}

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe(AlertsHandler.name, () => {
  const bed = new AlertTestbed();
  let replica: AlertReplica;
  let server: INestMicroservice;
  let rpc: RpcClient;
  const prefix = uniqueName('rpc');
  /** Requests to the test's replica, on the prefixed subjects. */
  const client = {
    request: <T>(subject: string, payload: unknown): Promise<T> => rpc.request<T>(`${prefix}.${subject}`, payload),
  };

  const breakdown = (machineId: string): AlertRaised => ({
    alert_id: randomUUID(),
    machine_id: machineId,
    kind: 'breakdown',
    level: 'critical',
    message: '',
    raised_at: bed.clock.now().toISOString(),
    details: { since: bed.clock.now().toISOString(), reason_code: 'TOOL' },
  });

  /** Opens a breakdown alert of the default rule on a new machine and returns it. */
  async function openAlert(): Promise<AlertView> {
    const machine = bed.machine();
    await bed.publish(bed.sources.subjects.raised, breakdown(machine));
    return waitFor('the alert', async () => (await client.request<AlertPage>(SUBJECTS.notification.alertsList, { machine_id: machine })).items[0]);
  }

  beforeAll(async () => {
    await bed.start();
    replica = await bed.replica();
    server = await NestFactory.createMicroservice(handlersOf(replica), {
      strategy: new PrefixedRpcServer(prefix, replica.connection, 'notification', new MetricsRegistry(), 2000),
      logger: false,
    });
    server.useGlobalFilters(new RpcErrorPassthroughFilter());
    await server.listen();
    rpc = new RpcClient(new NatsConnectionHolder(bed.publisherConnection()), { url: TEST_INFRA.natsUrl, name: 'test', rpcTimeoutMs: 5000 });
  });

  afterAll(async () => {
    await server.close();
    await bed.stop();
  });

  it('acknowledges an open alert once, with who and the comment, and resolves it once', async () => {
    const alert = await openAlert();
    bed.clock.advance(2 * MINUTE);
    const acknowledged = await client.request<AlertView>(SUBJECTS.notification.alertAcknowledge, {
      id: alert.id,
      by: 'operator-7',
      comment: 'tool change under way',
    });
    expect(acknowledged).toMatchObject({ id: alert.id, state: 'acknowledged', acknowledged_by: 'operator-7', acknowledged_at: bed.clock.now().toISOString() });
    const again = await refusal(client.request(SUBJECTS.notification.alertAcknowledge, { id: alert.id, by: 'operator-8' }));
    expect(again).toMatchObject({ code: ErrorCode.Conflict, details: { id: alert.id, state: 'acknowledged' } });

    bed.clock.advance(3 * MINUTE);
    const resolved = await client.request<AlertView>(SUBJECTS.notification.alertResolve, { id: alert.id, by: 'operator-7' });
    expect(resolved).toMatchObject({ state: 'resolved', resolved_by: 'operator-7', resolved_at: bed.clock.now().toISOString() });
    expect(await refusal(client.request(SUBJECTS.notification.alertResolve, { id: alert.id, by: 'operator-7' }))).toMatchObject({ code: ErrorCode.Conflict });
    expect(await refusal(client.request(SUBJECTS.notification.alertAcknowledge, { id: alert.id, by: 'operator-7' }))).toMatchObject({
      code: ErrorCode.Conflict,
      details: { state: 'resolved' },
    });

    const detail = await client.request<AlertDetailView>(SUBJECTS.notification.alertGet, { id: alert.id });
    expect(detail.timeline.map((e) => [e.kind, e.by, e.comment])).toEqual([
      ['opened', null, null],
      ['acknowledged', 'operator-7', 'tool change under way'],
      ['resolved', 'operator-7', null],
    ]);
    await waitFor('every change on live.alerts', () => bed.liveOf(alert.machine_id).length === 3);
    expect(bed.liveOf(alert.machine_id).map((m) => m.data.state)).toEqual(['open', 'acknowledged', 'resolved']);
  });

  it('answers ALERT_NOT_FOUND for an unknown alert and VALIDATION_FAILED for a malformed request', async () => {
    const id = randomUUID();
    expect(await refusal(client.request(SUBJECTS.notification.alertGet, { id }))).toMatchObject({ code: ErrorCode.AlertNotFound, details: { id } });
    expect(await refusal(client.request(SUBJECTS.notification.alertAcknowledge, { id, by: 'x' }))).toMatchObject({ code: ErrorCode.AlertNotFound });
    expect(await refusal(client.request(SUBJECTS.notification.alertResolve, { id, by: 'x' }))).toMatchObject({ code: ErrorCode.AlertNotFound });
    const invalid = await refusal(client.request(SUBJECTS.notification.alertAcknowledge, { id: 'not-a-uuid' }));
    expect(invalid.code).toBe(ErrorCode.ValidationFailed);
    expect([...new Set(invalid.fieldErrors?.map((e) => e.field))].sort()).toEqual(['by', 'id']);
    expect(await refusal(client.request(SUBJECTS.notification.alertsList, { cursor: 'bm9wZQ' }))).toMatchObject({
      code: ErrorCode.ValidationFailed,
      fieldErrors: [expect.objectContaining({ field: 'cursor' })],
    });
  });

  it('lists alerts newest first by filters, a page at a time', async () => {
    const opened: AlertView[] = [];
    for (let i = 0; i < 3; i += 1) {
      opened.push(await openAlert());
      bed.clock.advance(MINUTE);
    }
    await client.request(SUBJECTS.notification.alertAcknowledge, { id: opened[1].id, by: 'operator-1' });
    const from = opened[0].opened_at;
    const first = await client.request<AlertPage>(SUBJECTS.notification.alertsList, { from, limit: 2 });
    expect(first.items.map((x) => x.id)).toEqual([opened[2].id, opened[1].id]);
    const second = await client.request<AlertPage>(SUBJECTS.notification.alertsList, { from, limit: 2, cursor: first.next_cursor });
    expect(second.items.map((x) => x.id)).toEqual([opened[0].id]);
    expect(second.next_cursor).toBeNull();
    const acknowledged = await client.request<AlertPage>(SUBJECTS.notification.alertsList, { from, state: 'acknowledged', severity: 'critical' });
    expect(acknowledged.items.map((x) => x.id)).toEqual([opened[1].id]);
    expect((await client.request<AlertPage>(SUBJECTS.notification.alertsList, { from, to: opened[1].opened_at })).items.map((x) => x.id)).toEqual([
      opened[0].id,
    ]);
  });

  it('lists the default rules of a new installation', async () => {
    const { items } = await client.request<{ items: RuleView[] }>(SUBJECTS.notification.rulesList, {});
    const defaults = items.filter((r) => r.is_default).map((r) => [r.condition, r.params, r.severity, r.channels, r.enabled]);
    expect(defaults.sort()).toEqual([
      ['data_gap_longer_than', { minutes: 15 }, 'warning', [{ type: 'websocket' }], true],
      ['machine_down_longer_than', { minutes: 0 }, 'critical', [{ type: 'websocket' }], true],
    ]);
  });

  it('creates, reads, changes and deletes a rule, and refuses bad ones with field errors', async () => {
    const body = {
      name: 'Low OEE in hall B',
      condition: 'oee_below',
      params: { threshold: 0.6, window_minutes: 120 },
      scope: { locations: ['Hall B'] },
      severity: 'warning',
      quiet_hours: { timezone: 'Europe/Berlin', start: '22:00', end: '06:00', days: ['mon', 'tue'] },
      channels: [{ type: 'webhook', url: 'https://hooks.example.com/oee', format: 'teams' }],
    };
    const created = await client.request<RuleView>(SUBJECTS.notification.ruleCreate, body);
    expect(created).toMatchObject({
      name: body.name,
      scope: { machine_ids: [], machine_types: [], locations: ['Hall B'] },
      cooldown_minutes: 30,
      quiet_hours: { timezone: 'Europe/Berlin', days: ['mon', 'tue'], except_critical: true },
      escalation: null,
      enabled: true,
      is_default: false,
    });
    expect(await client.request<RuleView>(SUBJECTS.notification.ruleGet, { id: created.id })).toEqual(created);

    const changed = await client.request<RuleView>(SUBJECTS.notification.ruleUpdate, {
      ...body,
      id: created.id,
      params: { threshold: 0.5 },
      cooldown_minutes: 5,
    });
    expect(changed).toMatchObject({ id: created.id, params: { threshold: 0.5 }, cooldown_minutes: 5, created_at: created.created_at });

    const bad = await refusal(
      client.request(SUBJECTS.notification.ruleCreate, {
        ...body,
        params: { threshold: 60, window: 5 },
        quiet_hours: { ...body.quiet_hours, timezone: 'Europe/Gotham' },
      }),
    );
    expect(bad.code).toBe(ErrorCode.ValidationFailed);
    expect(bad.fieldErrors?.map((e) => e.field).sort()).toEqual(['params.threshold', 'params.window', 'quiet_hours.timezone']);
    const shape = await refusal(client.request(SUBJECTS.notification.ruleCreate, { ...body, condition: 'moon_phase', severity: 'loud' }));
    expect(shape.fieldErrors?.map((e) => e.field).sort()).toEqual(['condition', 'severity']);

    expect(await client.request(SUBJECTS.notification.ruleDelete, { id: created.id })).toEqual({ deleted: true });
    expect(await refusal(client.request(SUBJECTS.notification.ruleGet, { id: created.id }))).toMatchObject({ code: ErrorCode.RuleNotFound });
    expect(await refusal(client.request(SUBJECTS.notification.ruleUpdate, { ...body, id: created.id }))).toMatchObject({ code: ErrorCode.RuleNotFound });
    expect(await refusal(client.request(SUBJECTS.notification.ruleDelete, { id: created.id }))).toMatchObject({ code: ErrorCode.RuleNotFound });
  });

  it('resolves the open alerts of a rule that is disabled or deleted', async () => {
    const machine = bed.machine();
    const body = {
      name: 'Line 3 down',
      condition: 'machine_down_longer_than',
      params: { minutes: 0 },
      scope: { machine_ids: [machine] },
      severity: 'critical',
      channels: [{ type: 'email', to: ['line3@example.com'] }],
    };
    const rule = await client.request<RuleView>(SUBJECTS.notification.ruleCreate, body);
    await bed.publish(bed.sources.subjects.raised, breakdown(machine));
    const alertOf = async (): Promise<AlertView | undefined> =>
      (await client.request<AlertPage>(SUBJECTS.notification.alertsList, { machine_id: machine })).items.find((x) => x.rule_id === rule.id);
    const alert = await waitFor('the rule’s alert', alertOf);

    await client.request(SUBJECTS.notification.ruleUpdate, { ...body, id: rule.id, enabled: false });
    const disabled = await client.request<AlertDetailView>(SUBJECTS.notification.alertGet, { id: alert.id });
    expect(disabled).toMatchObject({ state: 'resolved', resolved_by: null });
    expect(disabled.timeline.find((e) => e.kind === 'resolved')?.comment).toBe('The rule was disabled');
    expect(bed.notifier.of(alert.id).map((n) => n.event)).toEqual(['opened', 'resolved']);

    // Enabled again, past its cooldown: the machine is still down, so the sweep opens a new alert; deleting ends it.
    await client.request(SUBJECTS.notification.ruleUpdate, { ...body, id: rule.id, enabled: true });
    bed.clock.advance(31 * MINUTE);
    await replica.engine.sweep();
    const reopened = await waitFor('the new alert', async () => ((await alertOf())?.id !== alert.id ? await alertOf() : undefined));
    await client.request(SUBJECTS.notification.ruleDelete, { id: rule.id });
    expect(await client.request<AlertView>(SUBJECTS.notification.alertGet, { id: reopened.id })).toMatchObject({ state: 'resolved', rule_id: null });
  });
});
