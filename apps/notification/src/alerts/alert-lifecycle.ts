import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { DomainError, ErrorCode, type AlertSeverity, type ChannelView } from '@shopfloor/contracts';
import { AlertRepository, AlertRuleRepository, type AlertEntity, type AlertRuleEntity } from '@shopfloor/notification/data-access';
import type { EntityManager } from 'typeorm';
import { Clock } from '../clock';
import { AlertNotifier, type AlertNoticeEvent } from '../delivery/alert-notifier';
import { noticeNotBefore } from '../rules/quiet-hours';
import { deliveryChannels, quietHoursOf } from '../rules/rule-view.mapper';
import { toAlertView } from './alert-view.mapper';
import { LiveAlertsPublisher } from './live-alerts.publisher';
import type { Verdict } from './rule-evaluator';

const MINUTE = 60_000;
const MAX_MESSAGE = 500;

/**
 * The life of an alert: opened, updated, acknowledged, escalated, resolved. Each change is stored with its timeline
 * entry and the notices it causes (through the outbox, in the same transaction) — all or nothing — and then published
 * on `live.alerts`. Decisions about one rule on one machine are taken one at a time across replicas (an advisory lock
 * on the pair, and the unique index on not-resolved alerts behind it), so every episode is one alert.
 */
@Injectable()
export class AlertLifecycle {
  private readonly logger = new Logger(AlertLifecycle.name);

  constructor(
    private readonly alerts: AlertRepository,
    private readonly rules: AlertRuleRepository,
    private readonly notifier: AlertNotifier,
    private readonly live: LiveAlertsPublisher,
    private readonly clock: Clock,
  ) {}

  /**
   * Acts on a rule's verdict for a machine: opens an alert (unless one is open or the rule's cooldown runs), updates
   * the open one, or resolves it. `news` says the verdict comes from news about the condition (an event); time passing
   * alone opens and resolves alerts but does not write an update per tick. Returns the alert changed, if any.
   */
  async apply(rule: AlertRuleEntity, machineId: string, verdict: Verdict, news: boolean): Promise<AlertEntity | null> {
    if (verdict.kind === 'none') return null;
    const now = this.clock.now();
    const result = await this.alerts.transaction(async (manager): Promise<{ alert: AlertEntity; change: 'opened' | 'updated' | 'resolved' } | null> => {
      await this.alerts.lockEpisode(manager, rule.id, machineId);
      const current = await this.alerts.findUnresolved(manager, rule.id, machineId);
      if (verdict.kind === 'clear') {
        const resolved = current ? await this.resolveIn(manager, current, rule, now, null, verdict.reason) : null;
        return resolved && { alert: resolved, change: 'resolved' };
      }
      if (current) {
        // The same values again (a redelivery, an unchanged reading) are no update.
        if (!news || sameJson(current.details, verdict.values)) return null;
        const updated = await this.alerts.updateValues(manager, current.id, {
          message: cut(verdict.message),
          details: verdict.values,
          conditionSeenAt: verdict.seenAt,
          at: now,
        });
        if (!updated) return null;
        await this.alerts.addEvent(manager, { alertId: updated.id, at: now, kind: 'updated', actor: null, comment: null, details: verdict.values });
        return { alert: updated, change: 'updated' };
      }
      if (inCooldown(await this.alerts.lastResolution(manager, rule.id, machineId), rule.cooldownMinutes, verdict.began, now)) return null;
      const notBefore = noticeNotBefore(quietHoursOf(rule), rule.severity as AlertSeverity, now);
      const opened = await this.alerts.insert(manager, {
        id: randomUUID(),
        ruleId: rule.id,
        machineId,
        condition: rule.condition,
        severity: rule.severity,
        message: cut(verdict.message),
        details: verdict.values,
        openedAt: now,
        conditionSeenAt: verdict.seenAt,
        noticeAt: notBefore ?? now,
      });
      if (!opened) return null;
      await this.alerts.addEvent(manager, { alertId: opened.id, at: now, kind: 'opened', actor: null, comment: null, details: verdict.values });
      await this.notify(manager, opened, rule, 'opened', deliveryChannels(rule.channels), notBefore, now);
      return { alert: opened, change: 'opened' };
    });
    if (result) this.published(result.alert, result.change);
    return result?.alert ?? null;
  }

  /** A person takes the alert. Only an open alert can be acknowledged. */
  async acknowledge(id: string, by: string, comment: string | null): Promise<AlertEntity> {
    const now = this.clock.now();
    const acknowledged = await this.alerts.transaction(async (manager) => {
      const alert = await this.alerts.acknowledge(manager, id, now, by);
      if (!alert) throw await this.refusal(manager, id, 'acknowledged', 'only an open alert can be acknowledged');
      await this.alerts.addEvent(manager, { alertId: id, at: now, kind: 'acknowledged', actor: by, comment, details: null });
      return alert;
    });
    this.published(acknowledged, 'acknowledged');
    return acknowledged;
  }

  /** A person resolves the alert (open or acknowledged); the rule's channels hear that it is over. */
  async resolve(id: string, by: string, comment: string | null): Promise<AlertEntity> {
    const now = this.clock.now();
    const resolved = await this.alerts.transaction(async (manager) => {
      const alert = await this.alerts.find(id, manager);
      if (alert?.ruleId) await this.alerts.lockEpisode(manager, alert.ruleId, alert.machineId);
      const rule = alert?.ruleId ? await this.rules.find(alert.ruleId, manager) : null;
      const done = alert ? await this.resolveIn(manager, alert, rule, now, by, comment) : null;
      if (!done) throw await this.refusal(manager, id, 'resolved', 'it is resolved already');
      return done;
    });
    this.published(resolved, 'resolved');
    return resolved;
  }

  /**
   * Sends the rule's escalation for an alert nobody acknowledged in time. The conditional update lets exactly one
   * replica do it; false when another did, or the alert was taken or resolved meanwhile.
   */
  async escalate(alert: AlertEntity): Promise<boolean> {
    if (!alert.ruleId) return false;
    const ruleId = alert.ruleId;
    const now = this.clock.now();
    const escalated = await this.alerts.transaction(async (manager) => {
      const rule = await this.rules.find(ruleId, manager);
      if (!rule?.escalation || !rule.enabled) return null;
      const marked = await this.alerts.markEscalated(manager, alert.id, now);
      if (!marked) return null;
      await this.alerts.addEvent(manager, {
        alertId: marked.id,
        at: now,
        kind: 'escalated',
        actor: null,
        comment: `Not acknowledged within ${rule.escalation.after_minutes} min`,
        details: null,
      });
      const notBefore = noticeNotBefore(quietHoursOf(rule), rule.severity as AlertSeverity, now);
      await this.notify(manager, marked, rule, 'escalated', deliveryChannels(rule.escalation.channels), notBefore, now);
      return marked;
    });
    if (escalated) this.published(escalated, 'escalated');
    return escalated !== null;
  }

  /** Resolves, in the caller's transaction, every alert of a rule that is deleted or disabled; publish them after it commits. */
  async resolveAllOf(manager: EntityManager, rule: AlertRuleEntity, reason: string): Promise<AlertEntity[]> {
    const now = this.clock.now();
    const resolved: AlertEntity[] = [];
    for (const alert of await this.alerts.unresolved({ ruleId: rule.id }, manager)) {
      const done = await this.resolveIn(manager, alert, rule, now, null, reason);
      if (done) resolved.push(done);
    }
    return resolved;
  }

  /** Publishes alerts a caller's transaction resolved, once it has committed. */
  publish(alerts: readonly AlertEntity[]): void {
    for (const alert of alerts) this.published(alert, 'resolved');
  }

  /** A stored change: one log line, and the alert on live.alerts. */
  private published(alert: AlertEntity, change: 'opened' | 'updated' | 'acknowledged' | 'escalated' | 'resolved'): void {
    const line = {
      message: `Alert ${change}`,
      alert_id: alert.id,
      rule_id: alert.ruleId,
      machine_id: alert.machineId,
      condition: alert.condition,
      severity: alert.severity,
      state: alert.state,
    };
    if (change === 'updated') this.logger.debug(line);
    else this.logger.log(line);
    this.live.publish(alert);
  }

  private async resolveIn(
    manager: EntityManager,
    alert: AlertEntity,
    rule: AlertRuleEntity | null,
    now: Date,
    by: string | null,
    comment: string | null,
  ): Promise<AlertEntity | null> {
    const resolved = await this.alerts.resolve(manager, alert.id, now, by);
    if (!resolved) return null;
    await this.alerts.addEvent(manager, {
      alertId: resolved.id,
      at: now,
      kind: 'resolved',
      actor: by,
      comment,
      details: by === null ? resolved.details : null,
    });
    if (rule) {
      // Whoever heard of the alert hears that it is over: the escalation's recipients too, once they were told.
      const channels = deliveryChannels(rule.channels);
      if (resolved.escalatedAt && rule.escalation) channels.push(...deliveryChannels(rule.escalation.channels));
      await this.notify(manager, resolved, rule, 'resolved', distinct(channels), noticeNotBefore(quietHoursOf(rule), rule.severity as AlertSeverity, now), now);
    }
    return resolved;
  }

  private async notify(
    manager: EntityManager,
    alert: AlertEntity,
    rule: AlertRuleEntity,
    event: AlertNoticeEvent,
    channels: ChannelView[],
    notBefore: Date | null,
    now: Date,
  ): Promise<void> {
    if (channels.length === 0) return;
    const deliveries = await this.notifier.enqueue({ alert: toAlertView(alert), event, ruleName: rule.name, channels, notBefore }, manager);
    await this.alerts.addEvent(manager, {
      alertId: alert.id,
      at: now,
      kind: 'notified',
      actor: null,
      comment: null,
      details: { event, channels: channels.map((c) => c.type), deliveries, not_before: notBefore?.toISOString() ?? null },
    });
  }

  private async refusal(manager: EntityManager, id: string, action: string, why: string): Promise<DomainError> {
    const alert = await this.alerts.find(id, manager);
    if (!alert) return new DomainError(ErrorCode.AlertNotFound, `Alert ${id} does not exist`, { id });
    return new DomainError(ErrorCode.Conflict, `Alert ${id} is ${alert.state} and cannot be ${action}: ${why}`, { id, state: alert.state });
  }
}

/**
 * The cooldown keeps a flapping condition from opening an alert each time it comes back: within it after the last
 * resolution, no new alert. An episode that began before that resolution is not a flap but one that overlapped an
 * alert whose own condition had ended (a stop long over, found by the live status, while the machine had broken down
 * again): it opens at once. A person's resolution keeps the full cooldown, since they closed a condition that held.
 */
function inCooldown(last: { resolvedAt: Date; resolvedBy: string | null } | null, cooldownMinutes: number, began: Date | undefined, now: Date): boolean {
  if (!last || now.getTime() - last.resolvedAt.getTime() >= cooldownMinutes * MINUTE) return false;
  return !(last.resolvedBy === null && began !== undefined && began < last.resolvedAt);
}

function cut(message: string): string {
  return message.length <= MAX_MESSAGE ? message : `${message.slice(0, MAX_MESSAGE - 1)}…`;
}

/** Equal as JSON whatever the order of keys (jsonb keeps its own order, not the one written). */
function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(sortedKeys(a)) === JSON.stringify(sortedKeys(b));
}

function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortedKeys((value as Record<string, unknown>)[key])]),
  );
}

function distinct(channels: ChannelView[]): ChannelView[] {
  const seen = new Set<string>();
  return channels.filter((c) => {
    const key = JSON.stringify([c.type, c.to ?? null, c.url ?? null, c.format ?? null]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
