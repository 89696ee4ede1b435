import { Injectable, Logger } from '@nestjs/common';
import { ALERT_CONDITIONS, type AlertCleared, type AlertCondition, type AlertRaised, type AnomalyEvent, type PredictionEvent } from '@shopfloor/contracts';
import { AlertRepository, AlertRuleRepository, MachineConditionRepository, type AlertRuleEntity } from '@shopfloor/notification/data-access';
import { Clock } from '../clock';
import { inScope, scopeNeedsProfile, type MachineProfile } from '../rules/rule-scope';
import { scopeOf } from '../rules/rule-view.mapper';
import { AlertLifecycle } from './alert-lifecycle';
import { MachineDirectory } from './machine-directory';
import {
  FACT_KINDS,
  isStateCondition,
  judgeAnomaly,
  judgeScrapBurst,
  judgeState,
  judgeWindow,
  predictionKind,
  WINDOW_CONDITIONS,
  type ConditionFact,
  type StateCondition,
  type Verdict,
} from './rule-evaluator';

/** How many escalations one check sends at most; the next check sends the rest. */
const ESCALATION_BATCH = 200;
/** Downtime risks over longer horizons than this are recorded apart from the day-ahead one (see onPrediction). */
const LONG_RANGE_HOURS = 24;

/** A stored rule whose condition is known to be one of C. */
type JudgedEntity<C extends AlertCondition> = AlertRuleEntity & { condition: C };

/** Which state conditions each lasting analytics alert kind bears on. */
const CONDITIONS_OF_KIND: Record<string, StateCondition[]> = {
  breakdown: ['machine_down_longer_than'],
  long_stop: ['machine_down_longer_than'],
  data_gap: ['data_gap_longer_than'],
};

/**
 * Judges the rules on what analytics and ml report, and on time passing. What is known of each machine (a stop that
 * lasts, the latest prediction) is stored first; the rules are then judged against the stored state, not the event
 * alone, so two replicas handling a raise and its clearing in either order end in the same place.
 */
@Injectable()
export class AlertEngine {
  private readonly logger = new Logger(AlertEngine.name);

  constructor(
    private readonly rules: AlertRuleRepository,
    private readonly conditions: MachineConditionRepository,
    private readonly alerts: AlertRepository,
    private readonly lifecycle: AlertLifecycle,
    private readonly directory: MachineDirectory,
    private readonly clock: Clock,
  ) {}

  /** `alerts.raised`: a lasting condition begins (or goes on), or a scrap burst happened. */
  async onRaised(event: AlertRaised): Promise<void> {
    const now = this.clock.now();
    switch (event.kind) {
      case 'breakdown':
      case 'long_stop':
      case 'data_gap': {
        const news = await this.conditions.raise({
          machineId: event.machine_id,
          kind: event.kind,
          since: conditionStart(event),
          observedAt: new Date(event.raised_at),
          details: {
            ...event.details,
            level: event.level,
            message: event.message,
            state: event.kind === 'breakdown' ? 'DOWN' : (event.details['state'] ?? null),
          },
          now,
        });
        await this.judgeMachine(event.machine_id, CONDITIONS_OF_KIND[event.kind], news);
        return;
      }
      case 'scrap_burst':
        await this.judgeEvent(event.machine_id, 'scrap_rate_above', (rule) => judgeScrapBurst(rule, event, now));
        return;
    }
  }

  /** `alerts.cleared`: a condition analytics raised has ended. */
  async onCleared(event: AlertCleared): Promise<void> {
    const now = this.clock.now();
    const at = new Date(event.cleared_at);
    switch (event.kind) {
      case 'breakdown':
      case 'long_stop':
      case 'data_gap': {
        let news = await this.conditions.clear({ machineId: event.machine_id, kind: event.kind, at, now });
        // A machine that is no longer down has also ended a long stop in state DOWN: the same stop.
        if (event.kind === 'breakdown')
          news = (await this.conditions.clear({ machineId: event.machine_id, kind: 'long_stop', at, now, whenState: 'DOWN' })) || news;
        await this.judgeMachine(event.machine_id, CONDITIONS_OF_KIND[event.kind], news);
        return;
      }
      case 'scrap_burst':
        await this.judgeEvent(event.machine_id, 'scrap_rate_above', () => ({ kind: 'clear', reason: 'The scrap burst is over' }));
        return;
    }
  }

  /**
   * `ml.prediction.<type>`: the newest prediction of its kind replaces the one before. Downtime risks beyond a day
   * (the scheduled 7-day one) are kept apart: a week's probability is naturally higher than a day's, and judging the
   * two in turn against one threshold would raise and clear the alert at every scoring round.
   */
  async onPrediction(event: PredictionEvent): Promise<void> {
    const longRange = event.prediction_type === 'downtime' && event.horizon_hours !== null && event.horizon_hours > LONG_RANGE_HOURS;
    const news = await this.conditions.recordLatest({
      machineId: event.machine_id,
      kind: longRange ? `${predictionKind(event.prediction_type)}.long` : predictionKind(event.prediction_type),
      since: new Date(event.predicted_at),
      details: {
        predicted_value: event.predicted_value,
        threshold: event.threshold,
        horizon_hours: event.horizon_hours,
        model_id: event.model_id,
        model_version: event.model_version,
        prediction_id: event.prediction_id,
        window: event.window,
        factors: event.factors,
      },
      now: this.clock.now(),
    });
    if (longRange) return;
    const conditions: StateCondition[] = event.prediction_type === 'maintenance_window' ? ['maintenance_due_within'] : ['failure_risk_above'];
    await this.judgeMachine(event.machine_id, conditions, news);
  }

  /** `ml.prediction.anomaly` */
  async onAnomaly(event: AnomalyEvent): Promise<void> {
    const now = this.clock.now();
    await this.judgeEvent(event.machine_id, 'anomaly_detected', (rule) => judgeAnomaly(rule, event, now));
  }

  /**
   * What time passing changes: a stop or a gap long enough now, maintenance coming due, a window without new
   * evidence; and whatever a crash between storing an event and judging it left undone. Alerts of a rule that was
   * disabled meanwhile are resolved.
   */
  async sweep(): Promise<void> {
    const now = this.clock.now();
    const enabled = await this.rules.enabledFor(ALERT_CONDITIONS);
    const enabledById = new Map(enabled.map((r) => [r.id, r]));
    const unresolved = await this.alerts.unresolved({});
    const open = new Set(unresolved.map((a) => `${a.ruleId}|${a.machineId}`));

    const stateRules = enabled.filter((r): r is JudgedEntity<StateCondition> => isStateCondition(r.condition as AlertCondition));
    const kinds = [...new Set(stateRules.flatMap((r) => FACT_KINDS[r.condition]))];
    const facts = groupBy(await this.conditions.ofKinds(kinds), (f) => f.machineId);
    for (const rule of stateRules) {
      const machines = new Set([...facts.keys(), ...unresolved.filter((a) => a.ruleId === rule.id).map((a) => a.machineId)]);
      for (const machineId of machines) {
        const verdict = await this.verdictInScope(rule, machineId, () => judgeState(rule, machineId, facts.get(machineId) ?? [], now), false);
        if (verdict === null) continue;
        const isOpen = open.has(`${rule.id}|${machineId}`);
        if ((verdict.kind === 'holds' && !isOpen) || (verdict.kind === 'clear' && isOpen)) await this.applySafely(rule, machineId, verdict);
      }
    }

    for (const alert of unresolved) {
      if (alert.ruleId === null) continue;
      const rule = enabledById.get(alert.ruleId);
      if (rule === undefined) {
        // Not among the enabled rules: disabled since (a deleted rule's alerts were resolved with it).
        const disabled = await this.rules.find(alert.ruleId);
        if (disabled) await this.applySafely(disabled, alert.machineId, { kind: 'clear', reason: 'The rule is disabled' });
      } else if ((WINDOW_CONDITIONS as readonly string[]).includes(rule.condition)) {
        await this.applySafely(rule, alert.machineId, judgeWindow(rule as JudgedEntity<AlertCondition>, alert.conditionSeenAt, now));
      }
    }
  }

  /** Sends the escalation of every alert not acknowledged in time; returns how many this replica sent. */
  async escalate(): Promise<number> {
    let sent = 0;
    for (const alert of await this.alerts.dueForEscalation(this.clock.now(), ESCALATION_BATCH)) {
      try {
        if (await this.lifecycle.escalate(alert)) sent += 1;
      } catch (error) {
        this.logger.warn({ message: 'Could not escalate an alert; the next check tries again', alert_id: alert.id, reason: (error as Error).message });
      }
    }
    return sent;
  }

  /** Judges the given state conditions' rules on one machine from what is stored of it. */
  async judgeMachine(machineId: string, conditions: readonly StateCondition[], news: boolean): Promise<void> {
    const rules = await this.rules.enabledFor(conditions);
    if (rules.length === 0) return;
    const facts: ConditionFact[] = await this.conditions.forMachine(machineId);
    const now = this.clock.now();
    const open = new Set((await this.alerts.unresolved({ machineId })).map((a) => a.ruleId));
    for (const rule of rules.filter((r): r is JudgedEntity<StateCondition> => isStateCondition(r.condition as AlertCondition))) {
      const verdict = await this.verdictInScope(rule, machineId, () => judgeState(rule, machineId, facts, now), true);
      // A clear verdict for a rule with nothing open needs no transaction.
      if (verdict === null || (verdict.kind === 'clear' && !open.has(rule.id))) continue;
      await this.lifecycle.apply(rule, machineId, verdict, news);
    }
  }

  /** Judges the rules of an event-raised condition on the event itself. */
  private async judgeEvent(machineId: string, condition: AlertCondition, judge: (rule: JudgedEntity<AlertCondition>) => Verdict): Promise<void> {
    const rules = await this.rules.enabledFor([condition]);
    if (rules.length === 0) return;
    const open = new Set((await this.alerts.unresolved({ machineId })).map((a) => a.ruleId));
    for (const rule of rules) {
      const verdict = await this.verdictInScope(rule, machineId, () => judge(rule as JudgedEntity<AlertCondition>), true);
      if (verdict === null || verdict.kind === 'none' || (verdict.kind === 'clear' && !open.has(rule.id))) continue;
      await this.lifecycle.apply(rule, machineId, verdict, true);
    }
  }

  /**
   * The verdict when the machine is in the rule's scope, 'clear' when it is not (a rule whose scope changed lets go of
   * its alerts), null when that cannot be told now. On an event (`mustKnow`) not knowing is an error, so the event is
   * tried again later rather than judged without its scope.
   */
  private async verdictInScope(rule: AlertRuleEntity, machineId: string, judge: () => Verdict, mustKnow: boolean): Promise<Verdict | null> {
    const scope = scopeOf(rule);
    let profile: MachineProfile | null | undefined;
    if (scopeNeedsProfile(scope)) {
      try {
        profile = await this.directory.profile(machineId);
      } catch (error) {
        if (mustKnow) throw error;
        return null;
      }
    }
    const member = inScope(scope, machineId, profile);
    if (member === null) return null;
    return member ? judge() : { kind: 'clear', reason: `${machineId} is no longer in the rule's scope` };
  }

  /** Time passing is not news: it opens and resolves, never updates. A failure waits for the next sweep. */
  private async applySafely(rule: AlertRuleEntity, machineId: string, verdict: Verdict): Promise<void> {
    try {
      await this.lifecycle.apply(rule, machineId, verdict, false);
    } catch (error) {
      this.logger.warn({
        message: 'Could not apply a rule; the next check tries again',
        rule_id: rule.id,
        machine_id: machineId,
        reason: (error as Error).message,
      });
    }
  }
}

/** When a lasting condition began: the stop's start, the time of the last data, else when it was raised. */
function conditionStart(event: AlertRaised): Date {
  const key = event.kind === 'data_gap' ? 'last_data_at' : 'since';
  const value = event.details[key];
  const at = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  return new Date(Number.isNaN(at) ? Date.parse(event.raised_at) : at);
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}
