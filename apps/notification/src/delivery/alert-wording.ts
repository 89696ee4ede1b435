import type { AlertCondition, AlertView } from '@shopfloor/contracts';
import { DateTime } from 'luxon';
import type { AlertNotice, AlertNoticeEvent } from './alert-notifier';

/** What every rendering of a notice needs besides the notice: where the dashboard is and the shop's zone. */
export interface NoticeSettings {
  dashboardUrl: string;
  /** IANA zone every time is shown in. */
  timezone: string;
}

/** A notice put into words once, for the e-mail and every webhook format to show alike. */
export interface NoticeWording {
  /** `[critical] M-001 down for 12 min`: the e-mail subject and the chat message's first line. */
  subject: string;
  /** What happened, in one sentence, without the severity tag. */
  headline: string;
  /** Why this notice went out: the alert opened, was escalated, or is over. */
  eventLine: string;
  /** Labelled facts in display order: machine, condition, severity, since, state, who acknowledged or resolved. */
  facts: { label: string; value: string }[];
  /** The alert's measured values, labelled, with times in the shop's zone. */
  values: { label: string; value: string }[];
  link: string;
  timezone: string;
}

const CONDITION_NAMES: Record<AlertCondition, string> = {
  machine_down_longer_than: 'machine down',
  data_gap_longer_than: 'no data from the machine',
  oee_below: 'OEE below threshold',
  scrap_rate_above: 'scrap rate above threshold',
  failure_risk_above: 'failure risk above threshold',
  maintenance_due_within: 'maintenance due',
  anomaly_detected: 'anomaly in the readings',
};

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** A time as the shop reads it: `2026-03-29 03:12 CEST` (the zone's abbreviation, or its offset where it has none). */
export function shopTime(time: string | Date, timezone: string): string {
  const parsed = typeof time === 'string' ? DateTime.fromISO(time, { setZone: true }) : DateTime.fromJSDate(time);
  if (!parsed.isValid) return String(time);
  return parsed.setZone(timezone).setLocale('en-GB').toFormat('yyyy-LL-dd HH:mm ZZZZ');
}

/** `less than 1 min`, `12 min`, `2 h 5 min`, `3 d 4 h`. */
export function duration(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes === 0) return 'less than 1 min';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

/** The alert's page in the dashboard. */
export function alertLink(dashboardUrl: string, alertId: string): string {
  const base = dashboardUrl.endsWith('/') ? dashboardUrl : `${dashboardUrl}/`;
  return new URL(`alerts/${encodeURIComponent(alertId)}`, base).toString();
}

export function wordNotice(notice: Pick<AlertNotice, 'alert' | 'event' | 'ruleName'>, settings: NoticeSettings, now: Date): NoticeWording {
  const { alert, event } = notice;
  const since = sinceOf(alert);
  const state = statePhrase(alert, since, now);
  const headline = event === 'resolved' ? `${alert.machine_id} ${clearedPhrase(alert, since)}` : `${alert.machine_id} ${state}`;
  const subject =
    event === 'opened'
      ? `[${alert.severity}] ${headline}`
      : event === 'escalated'
        ? `[${alert.severity}] Escalated: ${headline}, not acknowledged`
        : `[resolved] ${headline}`;
  const facts = [
    { label: 'Machine', value: alert.machine_id },
    { label: 'Condition', value: `${CONDITION_NAMES[alert.condition]} (rule “${notice.ruleName}”)` },
    { label: 'Severity', value: alert.severity },
    { label: 'Since', value: shopTime(since, settings.timezone) },
    { label: 'State', value: alert.state },
  ];
  if (alert.acknowledged_at)
    facts.push({
      label: 'Acknowledged',
      value: `${shopTime(alert.acknowledged_at, settings.timezone)}${alert.acknowledged_by ? ` by ${alert.acknowledged_by}` : ''}`,
    });
  if (alert.resolved_at)
    facts.push({
      label: 'Resolved',
      value: `${shopTime(alert.resolved_at, settings.timezone)}${alert.resolved_by ? ` by ${alert.resolved_by}` : ' (the condition cleared)'}`,
    });
  return {
    subject: oneLine(subject),
    headline: oneLine(headline),
    eventLine: eventLine(alert, event, since, now, settings.timezone),
    facts,
    values: Object.entries(alert.values).map(([key, value]) => ({ label: key.replace(/_/g, ' '), value: displayValue(value, settings.timezone) })),
    link: alertLink(settings.dashboardUrl, alert.id),
    timezone: settings.timezone,
  };
}

function eventLine(alert: AlertView, event: AlertNoticeEvent, since: string, now: Date, timezone: string): string {
  switch (event) {
    case 'opened':
      return `Alert opened at ${shopTime(alert.opened_at, timezone)}: ${alert.message}`;
    case 'escalated':
      return `Escalated: nobody has acknowledged this alert since it opened at ${shopTime(alert.opened_at, timezone)} (${duration(now.getTime() - Date.parse(alert.opened_at))} ago). ${alert.message}`;
    case 'resolved':
      return `Resolved at ${shopTime(alert.resolved_at ?? now, timezone)}${alert.resolved_by ? ` by ${alert.resolved_by}` : ', the condition has cleared'}, ${duration(Date.parse(alert.resolved_at ?? now.toISOString()) - Date.parse(since))} after it began.`;
  }
}

/** When the condition began: the event's own start where the alert carries one, else the alert's opening. */
function sinceOf(alert: AlertView): string {
  const since = alert.values['since'];
  return typeof since === 'string' && ISO_TIME.test(since) ? since : alert.opened_at;
}

function firstNumber(values: Record<string, unknown>, keys: string[]): number | null {
  for (const key of keys) {
    const value = values[key];
    if (typeof value === 'number' && Number.isFinite(value)) return value;
  }
  return null;
}

const percent = (ratio: number): string => `${Math.round(ratio * 1000) / 10}%`;

function statePhrase(alert: AlertView, since: string, now: Date): string {
  const v = alert.values;
  const threshold = firstNumber(v, ['threshold']);
  const until = alert.resolved_at ? Date.parse(alert.resolved_at) : now.getTime();
  switch (alert.condition) {
    case 'machine_down_longer_than':
      return `down for ${duration(until - Date.parse(since))}`;
    case 'data_gap_longer_than':
      return `sending no data for ${duration(until - Date.parse(since))}`;
    case 'oee_below': {
      const oee = firstNumber(v, ['oee', 'overall_oee', 'value']);
      return oee === null ? 'OEE below its threshold' : `OEE ${percent(oee)}${threshold === null ? '' : ` below ${percent(threshold)}`}`;
    }
    case 'scrap_rate_above': {
      const rate = firstNumber(v, ['scrap_rate', 'rate', 'value']);
      return rate === null ? 'scrap rate above its threshold' : `scrap rate ${percent(rate)}${threshold === null ? '' : ` above ${percent(threshold)}`}`;
    }
    case 'failure_risk_above': {
      const risk = firstNumber(v, ['risk', 'failure_risk', 'predicted_value', 'value']);
      return risk === null ? 'failure risk above its threshold' : `failure risk ${percent(risk)}${threshold === null ? '' : ` above ${percent(threshold)}`}`;
    }
    case 'maintenance_due_within': {
      const hours = firstNumber(v, ['hours', 'hours_to_failure', 'predicted_value', 'value']);
      return hours === null ? 'maintenance due soon' : `maintenance due within ${Math.round(hours)} h`;
    }
    case 'anomaly_detected': {
      const score = firstNumber(v, ['score', 'anomaly_score']);
      return score === null ? 'anomaly detected' : `anomaly detected (score ${round(score)})`;
    }
  }
}

function clearedPhrase(alert: AlertView, since: string): string {
  const lasted = alert.resolved_at ? duration(Date.parse(alert.resolved_at) - Date.parse(since)) : null;
  switch (alert.condition) {
    case 'machine_down_longer_than':
      return lasted ? `running again after ${lasted} down` : 'running again';
    case 'data_gap_longer_than':
      return lasted ? `sending data again after ${lasted}` : 'sending data again';
    case 'oee_below':
      return 'OEE back above its threshold';
    case 'scrap_rate_above':
      return 'scrap rate back under its threshold';
    case 'failure_risk_above':
      return 'failure risk back under its threshold';
    case 'maintenance_due_within':
      return 'maintenance no longer due soon';
    case 'anomaly_detected':
      return 'readings back to normal';
  }
}

function round(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}

function displayValue(value: unknown, timezone: string): string {
  if (typeof value === 'string') return ISO_TIME.test(value) ? shopTime(value, timezone) : value;
  if (typeof value === 'number') return round(value);
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) return value.map((item) => displayValue(item, timezone)).join(', ');
  return JSON.stringify(value);
}

/** Header-safe: a subject never carries a line break, whatever a machine id or message holds. */
function oneLine(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ').slice(0, 250);
}
