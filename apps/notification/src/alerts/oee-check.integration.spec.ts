import { DomainError, ErrorCode, SUBJECTS, type ListMachinesReply, type MachineView } from '@shopfloor/contracts';
import type { RpcClient } from '@shopfloor/nats';
import type { AlertEntity } from '@shopfloor/notification/data-access';
import { AlertTestbed, type AlertReplica } from './alert-replica.spec-helper';
import { MachineDirectory } from './machine-directory';
import { OeeCheck } from './oee-check';

const MINUTE = 60_000;

/**
 * analytics' side of the two requests the check makes (the machine list and a machine's OEE), answered from the test's
 * figures: the OEE of a chosen machine over a chosen hour cannot be produced by a shared analytics on demand.
 */
class AnalyticsAnswers {
  readonly machines: MachineView[] = [];
  readonly oee = new Map<string, number | null>();
  readonly asked: { machine_id: string; from: string; to: string }[] = [];

  machine(machineId: string, location: string): void {
    this.machines.push({
      machine_id: machineId,
      name: machineId,
      type: 'MILL',
      location,
      installation_date: null,
      specifications: null,
      source_updated_at: '2026-01-01T00:00:00Z',
      synced_at: '2026-01-01T00:00:00Z',
    });
  }

  client(): RpcClient {
    const request = async (subject: string, payload: Record<string, string>): Promise<unknown> => {
      if (subject === SUBJECTS.analytics.machinesList) return { items: this.machines, total: this.machines.length } satisfies ListMachinesReply;
      if (subject === SUBJECTS.analytics.oeeGet) {
        this.asked.push({ machine_id: payload['machine_id'], from: payload['from'], to: payload['to'] });
        if (!this.oee.has(payload['machine_id']))
          throw new DomainError(ErrorCode.ServiceUnavailable, 'The analytics service is unavailable: it did not answer in time');
        return { overall_oee: this.oee.get(payload['machine_id']) ?? null };
      }
      throw new Error(`unexpected request on ${subject}`);
    };
    return { request } as unknown as RpcClient;
  }
}

describe(OeeCheck.name, () => {
  const bed = new AlertTestbed();
  let replica: AlertReplica;

  beforeAll(async () => {
    await bed.start();
    replica = await bed.replica();
  });

  afterAll(async () => {
    await bed.stop();
  });

  it('opens, updates and resolves oee_below alerts of the machines in scope from their OEE over the window', async () => {
    const analytics = new AnalyticsAnswers();
    const [hallB1, hallB2, hallA] = [bed.machine(), bed.machine(), bed.machine()];
    analytics.machine(hallB1, 'Hall B');
    analytics.machine(hallB2, 'Hall B');
    analytics.machine(hallA, 'Hall A');
    const rpc = analytics.client();
    const check = new OeeCheck(replica.rules, replica.alerts, replica.lifecycle, new MachineDirectory(rpc, bed.env), rpc, bed.clock);
    const view = await replica.rulesService.create({
      name: 'Low OEE in hall B',
      condition: 'oee_below',
      params: { threshold: 0.6, window_minutes: 120 },
      scope: { locations: ['Hall B'] },
      severity: 'warning',
      channels: [{ type: 'email', to: ['hall-b@example.com'] }],
    });
    const alertsOf = async (machineId: string): Promise<AlertEntity[]> =>
      (await replica.alerts.page({ machineId, limit: 10 })).filter((a) => a.ruleId === view.id);

    analytics.oee.set(hallB1, 0.42);
    analytics.oee.set(hallB2, null);
    analytics.oee.set(hallA, 0.1);
    await check.run();
    expect(analytics.asked.map((q) => q.machine_id).sort()).toEqual([hallB1, hallB2].sort());
    expect(analytics.asked[0]).toMatchObject({ to: bed.clock.now().toISOString(), from: new Date(bed.clock.now().getTime() - 120 * MINUTE).toISOString() });
    const [low] = await alertsOf(hallB1);
    expect(low).toMatchObject({ state: 'open', details: { oee: 0.42, threshold: 0.6, window_minutes: 120 } });
    // Nothing planned says nothing; a machine outside the scope is not asked.
    expect(await alertsOf(hallB2)).toEqual([]);
    expect(await alertsOf(hallA)).toEqual([]);

    // Still low, a little lower: an update; the same reading again: none.
    bed.clock.advance(5 * MINUTE);
    analytics.oee.set(hallB1, 0.35);
    await check.run();
    await check.run();
    expect((await replica.alertsService.get(low.id)).timeline.filter((e) => e.kind === 'updated')).toHaveLength(1);

    // A machine analytics cannot answer for keeps its alert as it is; back above the threshold resolves it.
    analytics.oee.delete(hallB1);
    await check.run();
    expect((await replica.alerts.find(low.id))?.state).toBe('open');
    analytics.oee.set(hallB1, 0.71);
    await check.run();
    expect((await replica.alerts.find(low.id))?.state).toBe('resolved');
  });
});
