import type { components, ErrorBody } from '@shopfloor/client';
import { count, percent } from '../board/format';

export type AlertCondition = components['schemas']['AlertCondition'];
export type AlertState = components['schemas']['AlertState'];
export type AlertSeverity = components['schemas']['AlertSeverity'];
export type AlertAction = 'acknowledge' | 'resolve';

export const CONDITION_LABELS: Record<AlertCondition, string> = {
  machine_down_longer_than: 'Machine down longer than',
  data_gap_longer_than: 'No data for longer than',
  oee_below: 'OEE below',
  scrap_rate_above: 'Scrap rate above',
  failure_risk_above: 'Failure risk above',
  maintenance_due_within: 'Maintenance due within',
  anomaly_detected: 'Anomaly detected',
};

export const SEVERITIES: readonly AlertSeverity[] = ['info', 'warning', 'critical'];
export const STATES: readonly AlertState[] = ['open', 'acknowledged', 'resolved'];

const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const ratio = (value: unknown): string => (num(value) === null ? '?' : percent(num(value) ?? 0));
const minutes = (value: unknown): string => (num(value) === null ? '? min' : `${count(num(value) ?? 0)} min`);
const windowOf = (params: Record<string, unknown>): string => (num(params['window_minutes']) === null ? '' : ` over ${minutes(params['window_minutes'])}`);

/** A rule's condition with its parameters in words: "Machine down longer than 5 min". */
export function describeCondition(condition: AlertCondition, params: Record<string, unknown>): string {
  const label = CONDITION_LABELS[condition];
  switch (condition) {
    case 'machine_down_longer_than': {
      const codes = Array.isArray(params['downtime_types']) && params['downtime_types'].length > 0 ? ` (${params['downtime_types'].join(', ')})` : '';
      return `${label} ${minutes(params['minutes'])}${codes}`;
    }
    case 'data_gap_longer_than':
      return `${label} ${minutes(params['minutes'])}`;
    case 'oee_below':
    case 'scrap_rate_above':
      return `${label} ${ratio(params['threshold'])}${windowOf(params)}`;
    case 'failure_risk_above':
      return `${label} ${ratio(params['threshold'])}`;
    case 'maintenance_due_within':
      return `${label} ${num(params['hours']) === null ? '?' : count(num(params['hours']) ?? 0)} h`;
    case 'anomaly_detected':
      return num(params['min_score']) === null ? label : `${label} (score at least ${ratio(params['min_score'])})`;
  }
}

/**
 * What to tell the user when an acknowledge or resolve is refused. A 409 means someone (or the condition clearing)
 * got there first: say the state the alert is in now rather than the raw error.
 */
export function refusalMessage(action: AlertAction, status: number, error: Partial<ErrorBody> | undefined): string {
  if (status === 409) {
    const state = typeof error?.details?.['state'] === 'string' ? error.details['state'] : null;
    const already = state === 'resolved' ? 'already resolved' : state === 'acknowledged' ? 'already acknowledged' : `already ${state ?? 'handled'}`;
    return `Not ${action === 'acknowledge' ? 'acknowledged' : 'resolved'}: this alert is ${already}. The list shows its current state.`;
  }
  if (status === 403) return 'Your role may not do this. An operator or admin can.';
  if (status === 404) return 'This alert no longer exists.';
  return typeof error?.message === 'string'
    ? error.message
    : `The alert could not be ${action === 'acknowledge' ? 'acknowledged' : 'resolved'} (HTTP ${status}).`;
}

/** Which actions an alert in this state still takes. */
export function actionsFor(state: AlertState): AlertAction[] {
  switch (state) {
    case 'open':
      return ['acknowledge', 'resolve'];
    case 'acknowledged':
      return ['resolve'];
    case 'resolved':
      return [];
  }
}
