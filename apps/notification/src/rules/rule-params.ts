import type { AlertCondition, FieldError, PredictionEventType } from '@shopfloor/contracts';

type ParamSpec =
  | { type: 'integer'; min: number; max: number; required: boolean; unit: string }
  | { type: 'ratio'; required: boolean }
  | { type: 'codes'; required: boolean; allowed?: readonly string[] };

/** The prediction types a failure_risk_above rule may watch: both are probabilities of a breakdown. */
export const RISK_PREDICTION_TYPES = ['failure_risk', 'downtime'] as const satisfies readonly PredictionEventType[];

const WEEK_MINUTES = 10_080;
const MAX_CODES = 20;
const MAX_CODE_LENGTH = 64;

/**
 * Each condition's parameters (API.md "Alerts and notifications"): what a rule may set, and in what range. A ratio
 * is a share 0..1 (an OEE, a scrap rate, a probability); windows are in minutes, at most a week.
 */
export const RULE_PARAMS: Record<AlertCondition, Record<string, ParamSpec>> = {
  machine_down_longer_than: {
    minutes: { type: 'integer', min: 0, max: WEEK_MINUTES, required: true, unit: 'minutes' },
    /** Only stops for these reason codes count (then an idle machine counts too: it is stopped for that reason). */
    downtime_types: { type: 'codes', required: false },
  },
  data_gap_longer_than: {
    minutes: { type: 'integer', min: 0, max: WEEK_MINUTES, required: true, unit: 'minutes' },
  },
  oee_below: {
    threshold: { type: 'ratio', required: true },
    // OEE over less than a quarter of an hour says more about one stop than about the machine.
    window_minutes: { type: 'integer', min: 15, max: WEEK_MINUTES, required: false, unit: 'minutes' },
  },
  scrap_rate_above: {
    threshold: { type: 'ratio', required: true },
    window_minutes: { type: 'integer', min: 1, max: WEEK_MINUTES, required: false, unit: 'minutes' },
  },
  failure_risk_above: {
    threshold: { type: 'ratio', required: true },
    prediction_types: { type: 'codes', required: false, allowed: RISK_PREDICTION_TYPES },
  },
  maintenance_due_within: {
    hours: { type: 'integer', min: 1, max: 8_760, required: true, unit: 'hours' },
  },
  anomaly_detected: {
    min_score: { type: 'ratio', required: false },
    window_minutes: { type: 'integer', min: 1, max: WEEK_MINUTES, required: false, unit: 'minutes' },
  },
};

/** How long a windowed condition holds after its latest evidence when the rule does not say (minutes). */
export const DEFAULT_WINDOW_MINUTES: Partial<Record<AlertCondition, number>> = {
  oee_below: 60,
  scrap_rate_above: 60,
  // Anomalies are judged hourly: two hours without one means the hour after it was judged normal.
  anomaly_detected: 120,
};

/** What is wrong with a rule's parameters for its condition: unknown keys, missing ones, wrong types and ranges. */
export function paramProblems(condition: AlertCondition, params: Record<string, unknown>): FieldError[] {
  const specs = RULE_PARAMS[condition];
  const problems: FieldError[] = [];
  const known = Object.keys(specs);
  for (const key of Object.keys(params)) {
    if (!(key in specs)) {
      problems.push({
        field: `params.${key}`,
        message: `${key} is not a parameter of ${condition} (it takes ${known.join(', ')})`,
        invalid_value: params[key],
      });
    }
  }
  for (const [key, spec] of Object.entries(specs)) {
    const field = `params.${key}`;
    const value = params[key];
    if (value === undefined) {
      if (spec.required) problems.push({ field, message: `${key} is required for ${condition}`, invalid_value: null });
      continue;
    }
    const problem = valueProblem(key, spec, value);
    if (problem !== null) problems.push({ field, message: problem, invalid_value: value });
  }
  return problems;
}

function valueProblem(key: string, spec: ParamSpec, value: unknown): string | null {
  switch (spec.type) {
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) return `${key} must be a whole number of ${spec.unit}`;
      if (value < spec.min || value > spec.max) return `${key} must be between ${spec.min} and ${spec.max} ${spec.unit}`;
      return null;
    case 'ratio':
      if (typeof value !== 'number' || !Number.isFinite(value)) return `${key} must be a number`;
      if (value < 0 || value > 1) return `${key} must be a share between 0 and 1 (0.65 for 65 %)`;
      return null;
    case 'codes': {
      if (!Array.isArray(value) || value.length === 0) return `${key} must be a non-empty list`;
      if (value.length > MAX_CODES) return `${key} must have at most ${MAX_CODES} entries`;
      if (!value.every((v) => typeof v === 'string' && v.trim().length > 0 && v.length <= MAX_CODE_LENGTH))
        return `${key} must hold non-empty texts of at most ${MAX_CODE_LENGTH} characters`;
      if (new Set(value).size !== value.length) return `${key} must not repeat an entry`;
      if (spec.allowed && !value.every((v: string) => spec.allowed?.includes(v))) return `${key} may only hold ${spec.allowed.join(', ')}`;
      return null;
    }
  }
}

/** A whole-number or ratio parameter of a rule whose parameters were checked, or `fallback` when it was left out. */
export function numberParam(params: Record<string, unknown>, key: string, fallback: number): number {
  const value = params[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

/** A list parameter, or null when it was left out. */
export function codesParam(params: Record<string, unknown>, key: string): string[] | null {
  const value = params[key];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : null;
}
