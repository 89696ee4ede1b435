import type { AlertCondition, AlertSeverity, AlertTimelineEntry, AlertView } from '@shopfloor/contracts';
import type { AlertEntity, AlertEventEntity } from '@shopfloor/notification/data-access';

export function toAlertView(alert: AlertEntity): AlertView {
  return {
    id: alert.id,
    rule_id: alert.ruleId,
    machine_id: alert.machineId,
    condition: alert.condition as AlertCondition,
    severity: alert.severity as AlertSeverity,
    state: alert.state,
    opened_at: alert.openedAt.toISOString(),
    updated_at: alert.updatedAt.toISOString(),
    acknowledged_at: alert.acknowledgedAt?.toISOString() ?? null,
    acknowledged_by: alert.acknowledgedBy,
    resolved_at: alert.resolvedAt?.toISOString() ?? null,
    resolved_by: alert.resolvedBy,
    escalated_at: alert.escalatedAt?.toISOString() ?? null,
    values: alert.details,
    message: alert.message,
  };
}

export function toTimelineEntry(event: AlertEventEntity): AlertTimelineEntry {
  return { at: event.at.toISOString(), kind: event.kind, by: event.actor, comment: event.comment, values: event.details };
}
