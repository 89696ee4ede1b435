import type { AlertCondition, AlertRaised, AnomalyEvent, PredictionEventType } from '@shopfloor/contracts';
import { codesParam, DEFAULT_WINDOW_MINUTES, numberParam, RISK_PREDICTION_TYPES } from '../rules/rule-params';

const MINUTE = 60_000;
const HOUR = 3_600_000;

/** What the engine knows of a machine between events (a machine_conditions row). */
export interface ConditionFact {
  kind: string;
  since: Date;
  details: Record<string, unknown>;
  clearedAt: Date | null;
}

/** The part of a rule its verdicts depend on. */
export interface JudgedRule {
  condition: AlertCondition;
  params: Record<string, unknown>;
}

/**
 * What a rule says of a machine now: the condition holds (open or update the alert), it is clear (resolve), or
 * nothing can be said (not long enough yet, no data) and whatever is open stays as it is.
 */
export type Verdict =
  /** `seenAt`: the latest evidence; `began`: when the episode began, where the condition knows it (a stop, a gap). */
  { kind: 'holds'; values: Record<string, unknown>; message: string; seenAt: Date; began?: Date } | { kind: 'clear'; reason: string } | { kind: 'none' };

const NONE: Verdict = { kind: 'none' };

/** Conditions judged from what is known of a machine (machine_conditions): on events, and as time passes. */
export const STATE_CONDITIONS = [
  'machine_down_longer_than',
  'data_gap_longer_than',
  'failure_risk_above',
  'maintenance_due_within',
] as const satisfies readonly AlertCondition[];
export type StateCondition = (typeof STATE_CONDITIONS)[number];

/** Conditions raised by single events, which hold until no new evidence has come for the rule's window. */
export const WINDOW_CONDITIONS = ['scrap_rate_above', 'anomaly_detected'] as const satisfies readonly AlertCondition[];

/** The analytics alert kinds that are conditions lasting from their raising to their clearing. */
export const LASTING_KINDS = ['breakdown', 'long_stop', 'data_gap'] as const;

export function predictionKind(type: PredictionEventType): string {
  return `prediction.${type}`;
}

/** The machine_conditions kinds each state condition reads. */
export const FACT_KINDS: Record<StateCondition, readonly string[]> = {
  machine_down_longer_than: ['breakdown', 'long_stop'],
  data_gap_longer_than: ['data_gap'],
  failure_risk_above: RISK_PREDICTION_TYPES.map(predictionKind),
  maintenance_due_within: [predictionKind('maintenance_window')],
};

export function isStateCondition(condition: AlertCondition): condition is StateCondition {
  return (STATE_CONDITIONS as readonly string[]).includes(condition);
}

/** A state condition's verdict on one machine from what is known of it, as of `now`. */
export function judgeState(rule: JudgedRule & { condition: StateCondition }, machineId: string, facts: readonly ConditionFact[], now: Date): Verdict {
  switch (rule.condition) {
    case 'machine_down_longer_than':
      return judgeDown(rule.params, machineId, facts, now);
    case 'data_gap_longer_than':
      return judgeDataGap(rule.params, machineId, facts, now);
    case 'failure_risk_above':
      return judgeRisk(rule.params, machineId, facts);
    case 'maintenance_due_within':
      return judgeMaintenance(rule.params, machineId, facts, now);
  }
}

function judgeDown(params: Record<string, unknown>, machineId: string, facts: readonly ConditionFact[], now: Date): Verdict {
  const minutes = numberParam(params, 'minutes', 0);
  const reasons = codesParam(params, 'downtime_types');
  // Without reason codes only a breakdown counts (DOWN); with them, any stop for one of those reasons does.
  const stops = facts
    .filter((f) => f.clearedAt === null && (f.kind === 'breakdown' || f.kind === 'long_stop'))
    .filter((f) => (reasons ? reasons.includes(textOf(f.details['reason_code']) ?? '') : f.kind === 'breakdown' || f.details['state'] === 'DOWN'));
  if (stops.length === 0)
    return { kind: 'clear', reason: reasons ? `${machineId} is no longer stopped for ${reasons.join(', ')}` : `${machineId} is no longer down` };
  const stop = stops.reduce((a, b) => (b.since < a.since ? b : a));
  const elapsed = now.getTime() - stop.since.getTime();
  if (minutes > 0 && elapsed < minutes * MINUTE) return NONE;
  const state = textOf(stop.details['state']) ?? 'DOWN';
  const reason = textOf(stop.details['reason_code']);
  const downMinutes = Math.max(0, Math.floor(elapsed / MINUTE));
  return {
    kind: 'holds',
    values: { since: stop.since.toISOString(), minutes_down: downMinutes, state, reason_code: reason },
    message: `${machineId} has been ${state === 'DOWN' ? 'down' : `stopped (${state})`} for ${downMinutes} min${reason ? ` (${reason})` : ''}`,
    seenAt: now,
    began: stop.since,
  };
}

function judgeDataGap(params: Record<string, unknown>, machineId: string, facts: readonly ConditionFact[], now: Date): Verdict {
  const minutes = numberParam(params, 'minutes', 0);
  const gap = facts.find((f) => f.kind === 'data_gap' && f.clearedAt === null);
  if (!gap) return { kind: 'clear', reason: `Data from ${machineId} arrives again` };
  const elapsed = now.getTime() - gap.since.getTime();
  if (minutes > 0 && elapsed < minutes * MINUTE) return NONE;
  const gapMinutes = Math.max(0, Math.floor(elapsed / MINUTE));
  return {
    kind: 'holds',
    values: { last_data_at: gap.since.toISOString(), minutes_without_data: gapMinutes },
    message: `No data from ${machineId} for ${gapMinutes} min`,
    seenAt: now,
    began: gap.since,
  };
}

function judgeRisk(params: Record<string, unknown>, machineId: string, facts: readonly ConditionFact[]): Verdict {
  const threshold = numberParam(params, 'threshold', 1);
  const kinds = (codesParam(params, 'prediction_types') ?? RISK_PREDICTION_TYPES).map((t) => predictionKind(t as PredictionEventType));
  const latest = facts.filter((f) => kinds.includes(f.kind) && typeof f.details['predicted_value'] === 'number');
  if (latest.length === 0) return NONE;
  // The highest of the latest predictions: one type low does not cancel another type's warning.
  const top = latest.reduce((a, b) => ((b.details['predicted_value'] as number) > (a.details['predicted_value'] as number) ? b : a));
  const risk = top.details['predicted_value'] as number;
  const type = top.kind.slice('prediction.'.length);
  const label = type === 'downtime' ? 'Downtime risk' : 'Failure risk';
  if (risk <= threshold) return { kind: 'clear', reason: `${label} of ${machineId} is back at ${percent(risk)} (threshold ${percent(threshold)})` };
  return {
    kind: 'holds',
    values: {
      risk: round(risk, 3),
      threshold,
      prediction_type: type,
      predicted_at: top.since.toISOString(),
      horizon_hours: top.details['horizon_hours'] ?? null,
      model_version: top.details['model_version'] ?? null,
      factors: topFactors(top.details['factors']),
    },
    message: `${label} of ${machineId} is ${percent(risk)} (above ${percent(threshold)})`,
    seenAt: top.since,
  };
}

function judgeMaintenance(params: Record<string, unknown>, machineId: string, facts: readonly ConditionFact[], now: Date): Verdict {
  const hours = numberParam(params, 'hours', 0);
  const prediction = facts.find((f) => f.kind === predictionKind('maintenance_window') && typeof f.details['predicted_value'] === 'number');
  if (!prediction) return NONE;
  // The prediction said "hours to the next breakdown" when it was made; the time since has used some of them up.
  const failureAt = prediction.since.getTime() + (prediction.details['predicted_value'] as number) * HOUR;
  const hoursLeft = (failureAt - now.getTime()) / HOUR;
  if (hoursLeft > hours) return { kind: 'clear', reason: `Maintenance of ${machineId} is no longer due within ${hours} h` };
  return {
    kind: 'holds',
    values: {
      hours_left: round(hoursLeft, 1),
      hours,
      predicted_failure_at: new Date(failureAt).toISOString(),
      window: prediction.details['window'] ?? null,
      predicted_at: prediction.since.toISOString(),
    },
    message:
      hoursLeft > 0
        ? `Maintenance of ${machineId} is due: next breakdown expected in about ${Math.round(hoursLeft)} h`
        : `Maintenance of ${machineId} is overdue: a breakdown was expected ${Math.round(-hoursLeft)} h ago`,
    seenAt: prediction.since,
  };
}

/** A scrap burst analytics raised, against a scrap_rate_above rule. History older than the window is not news. */
export function judgeScrapBurst(rule: JudgedRule, burst: AlertRaised, now: Date): Verdict {
  const at = new Date(burst.raised_at);
  if (now.getTime() - at.getTime() >= windowMinutes(rule) * MINUTE) return NONE;
  const scrapped = numberOf(burst.details['scrapped']);
  const produced = numberOf(burst.details['produced']);
  if (scrapped === null || scrapped <= 0) return NONE;
  // A burst with nothing made meanwhile is all scrap.
  const rate = produced !== null && produced > 0 ? Math.min(1, scrapped / produced) : 1;
  const threshold = numberParam(rule.params, 'threshold', 1);
  if (rate <= threshold) return NONE;
  const job = textOf(burst.details['job_id']);
  return {
    kind: 'holds',
    values: { scrap_rate: round(rate, 3), threshold, scrapped, produced, job_id: job, burst_at: at.toISOString() },
    message: `Scrap rate of ${burst.machine_id} at ${percent(rate)} (above ${percent(threshold)}): ${scrapped}${produced ? ` of ${produced}` : ''} parts${job ? ` in job ${job}` : ''}`,
    seenAt: at,
  };
}

/** An anomaly ml found, against an anomaly_detected rule (its own minimum score, else the model's threshold). */
export function judgeAnomaly(rule: JudgedRule, anomaly: AnomalyEvent, now: Date): Verdict {
  const at = new Date(anomaly.at);
  if (now.getTime() - at.getTime() >= windowMinutes(rule) * MINUTE) return NONE;
  const minScore = numberParam(rule.params, 'min_score', anomaly.threshold);
  if (anomaly.score < minScore) return NONE;
  return {
    kind: 'holds',
    values: {
      score: round(anomaly.score, 3),
      min_score: round(minScore, 3),
      anomaly_at: at.toISOString(),
      model_version: anomaly.model_version,
      factors: topFactors(anomaly.factors),
    },
    message: `Unusual sensor readings on ${anomaly.machine_id} (anomaly score ${round(anomaly.score, 2)})`,
    seenAt: at,
  };
}

/** The OEE of a machine over the rule's window, against an oee_below rule; no OEE (nothing planned) says nothing. */
export function judgeOee(rule: JudgedRule, machineId: string, oee: number | null, period: { from: Date; to: Date }): Verdict {
  if (oee === null) return NONE;
  const threshold = numberParam(rule.params, 'threshold', 0);
  const minutes = windowMinutes(rule);
  if (oee >= threshold) return { kind: 'clear', reason: `OEE of ${machineId} is back at ${percent(oee)} (threshold ${percent(threshold)})` };
  return {
    kind: 'holds',
    // Rounded to a percentage point, so that a reading a hair different is not an update.
    values: { oee: round(oee, 2), threshold, window_minutes: minutes },
    message: `OEE of ${machineId} is ${percent(oee)} over the last ${minutes} min (below ${percent(threshold)})`,
    seenAt: period.to,
  };
}

/** A windowed condition whose latest evidence is older than the rule's window has cleared. */
export function judgeWindow(rule: JudgedRule, seenAt: Date, now: Date): Verdict {
  const minutes = windowMinutes(rule);
  if (now.getTime() - seenAt.getTime() < minutes * MINUTE) return NONE;
  return {
    kind: 'clear',
    reason: rule.condition === 'anomaly_detected' ? `No anomaly for ${minutes} min` : `No scrap burst over the threshold for ${minutes} min`,
  };
}

export function windowMinutes(rule: JudgedRule): number {
  return numberParam(rule.params, 'window_minutes', DEFAULT_WINDOW_MINUTES[rule.condition] ?? 60);
}

function topFactors(factors: unknown): unknown[] {
  if (!Array.isArray(factors)) return [];
  return factors.slice(0, 3);
}

function textOf(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

function numberOf(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function percent(share: number): string {
  return `${round(share * 100, 1)} %`;
}
