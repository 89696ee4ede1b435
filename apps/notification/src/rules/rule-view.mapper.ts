import {
  WEEKDAYS,
  type AlertCondition,
  type AlertSeverity,
  type ChannelBody,
  type ChannelView,
  type RuleBody,
  type RuleView,
  type WeekdayName,
} from '@shopfloor/contracts';
import type { AlertRuleEntity, AlertRuleFields, StoredChannel } from '@shopfloor/notification/data-access';
import type { QuietHoursSpec } from './quiet-hours';
import type { ScopeView } from './rule-scope';

/** API.md: after an alert resolves, no new one of the rule on the machine for this long unless the rule says. */
export const DEFAULT_COOLDOWN_MINUTES = 30;

export function toRuleView(rule: AlertRuleEntity): RuleView {
  return {
    id: rule.id,
    name: rule.name,
    condition: rule.condition as AlertCondition,
    params: rule.params,
    scope: scopeOf(rule),
    severity: rule.severity as AlertSeverity,
    cooldown_minutes: rule.cooldownMinutes,
    quiet_hours: quietHoursOf(rule),
    escalation: rule.escalation ? { after_minutes: rule.escalation.after_minutes, channels: rule.escalation.channels.map(toChannelView) } : null,
    channels: rule.channels.map(toChannelView),
    enabled: rule.enabled,
    is_default: rule.isDefault,
    created_at: rule.createdAt.toISOString(),
    updated_at: rule.updatedAt.toISOString(),
  };
}

/** A rule body as stored: defaults filled in, each channel with only its own fields. */
export function ruleFields(body: RuleBody, now: Date): AlertRuleFields {
  return {
    name: body.name,
    condition: body.condition,
    params: body.params,
    scope: { machine_ids: body.scope?.machine_ids ?? [], machine_types: body.scope?.machine_types ?? [], locations: body.scope?.locations ?? [] },
    severity: body.severity,
    cooldownMinutes: body.cooldown_minutes ?? DEFAULT_COOLDOWN_MINUTES,
    quietHours: body.quiet_hours
      ? {
          timezone: body.quiet_hours.timezone,
          start: body.quiet_hours.start,
          end: body.quiet_hours.end,
          days: body.quiet_hours.days ?? [...WEEKDAYS],
          except_critical: body.quiet_hours.except_critical ?? true,
        }
      : null,
    escalation: body.escalation ? { after_minutes: body.escalation.after_minutes, channels: body.escalation.channels.map(storedChannel) } : null,
    channels: body.channels.map(storedChannel),
    enabled: body.enabled ?? true,
    updatedAt: now,
  };
}

export function scopeOf(rule: AlertRuleEntity): ScopeView {
  return { machine_ids: rule.scope.machine_ids ?? [], machine_types: rule.scope.machine_types ?? [], locations: rule.scope.locations ?? [] };
}

export function quietHoursOf(rule: AlertRuleEntity): QuietHoursSpec | null {
  const quiet = rule.quietHours;
  if (!quiet) return null;
  return { timezone: quiet.timezone, start: quiet.start, end: quiet.end, days: quiet.days as WeekdayName[], except_critical: quiet.except_critical };
}

export function toChannelView(channel: StoredChannel): ChannelView {
  switch (channel.type) {
    case 'email':
      return { type: 'email', to: channel.to ?? [] };
    case 'webhook':
      return { type: 'webhook', url: channel.url ?? '', format: (channel.format ?? 'json') as ChannelView['format'] };
    default:
      return { type: 'websocket' };
  }
}

function storedChannel(channel: ChannelBody): StoredChannel {
  switch (channel.type) {
    case 'email':
      return { type: 'email', to: channel.to ?? [] };
    case 'webhook':
      return { type: 'webhook', url: channel.url ?? '', format: channel.format ?? 'json' };
    case 'websocket':
      return { type: 'websocket' };
  }
}

/** The channels that need a delivery (e-mail and webhook); /ws/alerts carries every change without one. */
export function deliveryChannels(channels: readonly StoredChannel[]): ChannelView[] {
  return channels.filter((c) => c.type === 'email' || c.type === 'webhook').map(toChannelView);
}
