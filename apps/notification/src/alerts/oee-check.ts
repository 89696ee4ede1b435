import { Injectable, Logger } from '@nestjs/common';
import { SUBJECTS, type OeeMetricsView } from '@shopfloor/contracts';
import { AlertRepository, AlertRuleRepository, type AlertRuleEntity } from '@shopfloor/notification/data-access';
import { RpcClient } from '@shopfloor/nats';
import { Clock } from '../clock';
import { inScope } from '../rules/rule-scope';
import { scopeOf } from '../rules/rule-view.mapper';
import { AlertLifecycle } from './alert-lifecycle';
import { MachineDirectory } from './machine-directory';
import { judgeOee, windowMinutes, type JudgedRule } from './rule-evaluator';

const MINUTE = 60_000;

/**
 * oee_below: asks analytics for each machine's OEE over each rule's rolling window and opens, updates or resolves
 * the alerts. Run by one replica per period (the ticker's claim); one machine that cannot be read is left for the
 * next run, the others are judged.
 */
@Injectable()
export class OeeCheck {
  private readonly logger = new Logger(OeeCheck.name);

  constructor(
    private readonly rules: AlertRuleRepository,
    private readonly alerts: AlertRepository,
    private readonly lifecycle: AlertLifecycle,
    private readonly directory: MachineDirectory,
    private readonly rpc: RpcClient,
    private readonly clock: Clock,
  ) {}

  async run(): Promise<void> {
    const rules = await this.rules.enabledFor(['oee_below']);
    if (rules.length === 0) return;
    const machines = await this.directory.all();
    const now = this.clock.now();
    // Rules with the same window share one reading per machine.
    const readings = new Map<string, Promise<number | null | undefined>>();
    for (const rule of rules) {
      const minutes = windowMinutes(rule as AlertRuleEntity & JudgedRule);
      const period = { from: new Date(now.getTime() - minutes * MINUTE), to: now };
      const scope = scopeOf(rule);
      const members = machines.filter((m) => inScope(scope, m.machine_id, { type: m.type, location: m.location }) === true).map((m) => m.machine_id);
      for (const machineId of members) {
        const key = `${machineId}|${minutes}`;
        if (!readings.has(key)) readings.set(key, this.read(machineId, period));
        const oee = await readings.get(key);
        if (oee === undefined) continue;
        await this.apply(rule, machineId, judgeOee(rule as AlertRuleEntity & JudgedRule, machineId, oee, period));
      }
      const inRule = new Set(members);
      for (const alert of await this.alerts.unresolved({ ruleId: rule.id })) {
        if (!inRule.has(alert.machineId))
          await this.apply(rule, alert.machineId, { kind: 'clear', reason: `${alert.machineId} is no longer in the rule's scope` });
      }
    }
  }

  /** The machine's overall OEE over the period: null when nothing was planned, undefined when it could not be read. */
  private async read(machineId: string, period: { from: Date; to: Date }): Promise<number | null | undefined> {
    try {
      const view = await this.rpc.request<OeeMetricsView>(SUBJECTS.analytics.oeeGet, {
        machine_id: machineId,
        from: period.from.toISOString(),
        to: period.to.toISOString(),
        granularity: 'none',
      });
      return view.overall_oee;
    } catch (error) {
      this.logger.warn({ message: 'Could not read a machine OEE; the next run tries again', machine_id: machineId, reason: (error as Error).message });
      return undefined;
    }
  }

  private async apply(rule: AlertRuleEntity, machineId: string, verdict: Parameters<AlertLifecycle['apply']>[2]): Promise<void> {
    try {
      // Each reading is news: a lower OEE updates the open alert.
      await this.lifecycle.apply(rule, machineId, verdict, true);
    } catch (error) {
      this.logger.warn({
        message: 'Could not apply an OEE verdict; the next run tries again',
        rule_id: rule.id,
        machine_id: machineId,
        reason: (error as Error).message,
      });
    }
  }
}
