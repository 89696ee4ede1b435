import { Injectable } from '@nestjs/common';
import { SUBJECTS, UNAVAILABLE_STATE, type LiveStatusList, type MachineLiveStatus } from '@shopfloor/contracts';
import { MachineConditionRepository, type MachineConditionEntity } from '@shopfloor/notification/data-access';
import { RpcClient } from '@shopfloor/nats';
import { Clock } from '../clock';
import { AlertEngine } from './alert-engine';
import { LASTING_KINDS, type StateCondition } from './rule-evaluator';

const CONDITION_OF_KIND: Record<(typeof LASTING_KINDS)[number], StateCondition> = {
  breakdown: 'machine_down_longer_than',
  long_stop: 'machine_down_longer_than',
  data_gap: 'data_gap_longer_than',
};

/** A lasting condition the live status shows to be over, and since when. */
export interface EndedCondition {
  machineId: string;
  kind: string;
  at: Date;
}

/**
 * The lasting conditions (breakdowns, long stops, data gaps) that analytics' live status shows to be over: the
 * machine's current state began after the condition did, or is another state. A status older than the condition
 * says nothing of it (the condition is news the status has not caught up with), nor does a silence of a stop.
 */
export function endedConditions(facts: readonly MachineConditionEntity[], statuses: readonly MachineLiveStatus[]): EndedCondition[] {
  const byMachine = new Map(statuses.map((s) => [s.machine_id, s]));
  const ended: EndedCondition[] = [];
  for (const fact of facts) {
    if (fact.clearedAt !== null) continue;
    const status = byMachine.get(fact.machineId);
    const since = status?.since ? new Date(status.since) : null;
    if (!status || since === null || since < fact.since) continue;
    // A silent machine may still be down: the gap says nothing of its stop.
    if (fact.kind !== 'data_gap' && status.state === UNAVAILABLE_STATE) continue;
    const state = fact.kind === 'breakdown' ? 'DOWN' : fact.kind === 'data_gap' ? UNAVAILABLE_STATE : fact.details['state'];
    if (since > fact.since || status.state !== state) ended.push({ machineId: fact.machineId, kind: fact.kind, at: since });
  }
  return ended;
}

/** A lasting condition the live status shows, for the machine's stored facts to hold too. */
export interface BegunCondition {
  machineId: string;
  kind: 'breakdown' | 'data_gap';
  since: Date;
  details: Record<string, unknown>;
}

/**
 * The breakdowns and data gaps that analytics' live status shows now: what a notification service that starts into a
 * running platform (its consumers begin with new events) or lost an event learns this way instead.
 */
export function begunConditions(statuses: readonly MachineLiveStatus[]): BegunCondition[] {
  const begun: BegunCondition[] = [];
  for (const status of statuses) {
    if (status.state === 'DOWN' && status.since) {
      begun.push({
        machineId: status.machine_id,
        kind: 'breakdown',
        since: new Date(status.since),
        details: { state: 'DOWN', since: status.since, reason_code: status.reason_code, level: 'critical', message: `${status.machine_id} is DOWN` },
      });
    } else if (status.state === UNAVAILABLE_STATE && status.last_data_at) {
      begun.push({
        machineId: status.machine_id,
        kind: 'data_gap',
        since: new Date(status.last_data_at),
        details: {
          state: UNAVAILABLE_STATE,
          last_data_at: status.last_data_at,
          level: 'warning',
          message: `No data from ${status.machine_id} since ${status.last_data_at}`,
        },
      });
    }
  }
  return begun;
}

/**
 * Checks the lasting conditions against analytics' live status: starts those it shows and no event told of, and
 * ends those that are over. Clearing events are
 * what normally ends them; this catches the ones whose clearing never came — raised before analytics published
 * clearings, or lost with a dead-lettered message — so an alert cannot stay open for a machine long running again.
 */
@Injectable()
export class LiveReconciler {
  constructor(
    private readonly rpc: RpcClient,
    private readonly conditions: MachineConditionRepository,
    private readonly engine: AlertEngine,
    private readonly clock: Clock,
  ) {}

  /** Returns the conditions it ended. */
  async run(): Promise<EndedCondition[]> {
    const live = await this.rpc.request<LiveStatusList>(SUBJECTS.analytics.liveList, {});
    const now = this.clock.now();
    // First the episodes that are over, judged before any new one starts, so each ends as itself.
    const ended = endedConditions(await this.conditions.ofKinds(LASTING_KINDS), live.items);
    const done: EndedCondition[] = [];
    const changed = new Map<string, Set<StateCondition>>();
    for (const condition of ended) {
      if (!(await this.conditions.clear({ machineId: condition.machineId, kind: condition.kind, at: condition.at, now }))) continue;
      done.push(condition);
      changed.set(
        condition.machineId,
        (changed.get(condition.machineId) ?? new Set<StateCondition>()).add(CONDITION_OF_KIND[condition.kind as (typeof LASTING_KINDS)[number]]),
      );
    }
    for (const [machineId, conditions] of changed) await this.engine.judgeMachine(machineId, [...conditions], true);

    const known = new Map((await this.conditions.ofKinds(LASTING_KINDS)).map((f) => [`${f.kind}\u0000${f.machineId}`, f.since.getTime()]));
    for (const condition of begunConditions(live.items)) {
      // Only an episode newer than any the events told of: one known already is left as they told it.
      if ((known.get(`${condition.kind}\u0000${condition.machineId}`) ?? -Infinity) >= condition.since.getTime()) continue;
      if (await this.conditions.raise({ ...condition, observedAt: now, now }))
        await this.engine.judgeMachine(condition.machineId, [CONDITION_OF_KIND[condition.kind]], true);
    }
    return done;
  }
}
