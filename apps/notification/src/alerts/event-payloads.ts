import { ALERT_KINDS, PREDICTION_EVENT_TYPES, type AlertCleared, type AlertRaised, type AnomalyEvent, type PredictionEvent } from '@shopfloor/contracts';
import { PoisonMessageError } from '@shopfloor/nats';

/** Longest machine id the platform stores (analytics' machines.machine_id). */
const MAX_MACHINE_ID = 50;

type Plain = Record<string, unknown>;

function objectOf(payload: unknown, what: string): Plain {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) throw new PoisonMessageError(`${what} is not a JSON object`);
  return payload as Plain;
}

function text(p: Plain, key: string, what: string, max = 1000): string {
  const value = p[key];
  if (typeof value !== 'string' || value.length === 0 || value.length > max)
    throw new PoisonMessageError(`${what}.${key} must be a text of 1 to ${max} characters`);
  return value;
}

function time(p: Plain, key: string, what: string): string {
  const value = p[key];
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) throw new PoisonMessageError(`${what}.${key} must be an ISO 8601 time`);
  return value;
}

function finite(p: Plain, key: string, what: string): number {
  const value = p[key];
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new PoisonMessageError(`${what}.${key} must be a number`);
  return value;
}

function finiteOrNull(p: Plain, key: string, what: string): number | null {
  return p[key] === null || p[key] === undefined ? null : finite(p, key, what);
}

function details(p: Plain, key: string): Plain {
  const value = p[key];
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Plain) : {};
}

function oneOf<T extends string>(p: Plain, key: string, allowed: readonly T[], what: string): T {
  const value = p[key];
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value))
    throw new PoisonMessageError(`${what}.${key} must be one of ${allowed.join(', ')}`);
  return value as T;
}

/*
 * The events arrive from other services over JetStream. One that cannot be read is poison — it would fail the same
 * way on every delivery — and goes to the dead letters at once, kept for a replay once its sender is fixed.
 */

export function readAlertRaised(payload: unknown): AlertRaised {
  const p = objectOf(payload, 'AlertRaised');
  return {
    alert_id: text(p, 'alert_id', 'AlertRaised', 500),
    machine_id: text(p, 'machine_id', 'AlertRaised', MAX_MACHINE_ID),
    kind: oneOf(p, 'kind', ALERT_KINDS, 'AlertRaised'),
    level: oneOf(p, 'level', ['critical', 'warning', 'info'] as const, 'AlertRaised'),
    message: typeof p['message'] === 'string' ? p['message'] : '',
    raised_at: time(p, 'raised_at', 'AlertRaised'),
    details: details(p, 'details'),
  };
}

export function readAlertCleared(payload: unknown): AlertCleared {
  const p = objectOf(payload, 'AlertCleared');
  return {
    machine_id: text(p, 'machine_id', 'AlertCleared', MAX_MACHINE_ID),
    kind: oneOf(p, 'kind', ALERT_KINDS, 'AlertCleared'),
    cleared_at: time(p, 'cleared_at', 'AlertCleared'),
    details: details(p, 'details'),
  };
}

export function readPredictionEvent(payload: unknown): PredictionEvent {
  const p = objectOf(payload, 'PredictionEvent');
  const window = p['window'];
  const windowPlain = window !== null && typeof window === 'object' && !Array.isArray(window) ? (window as Plain) : null;
  return {
    prediction_id: text(p, 'prediction_id', 'PredictionEvent', 200),
    machine_id: text(p, 'machine_id', 'PredictionEvent', MAX_MACHINE_ID),
    prediction_type: oneOf(p, 'prediction_type', PREDICTION_EVENT_TYPES, 'PredictionEvent'),
    predicted_value: finite(p, 'predicted_value', 'PredictionEvent'),
    threshold: finiteOrNull(p, 'threshold', 'PredictionEvent'),
    horizon_hours: finiteOrNull(p, 'horizon_hours', 'PredictionEvent'),
    model_id: typeof p['model_id'] === 'string' ? p['model_id'] : '',
    model_version: typeof p['model_version'] === 'number' ? p['model_version'] : 0,
    predicted_at: time(p, 'predicted_at', 'PredictionEvent'),
    window: windowPlain ? { start: time(windowPlain, 'start', 'PredictionEvent.window'), end: time(windowPlain, 'end', 'PredictionEvent.window') } : null,
    factors: Array.isArray(p['factors']) ? (p['factors'] as PredictionEvent['factors']) : [],
  };
}

export function readAnomalyEvent(payload: unknown): AnomalyEvent {
  const p = objectOf(payload, 'AnomalyEvent');
  return {
    anomaly_id: text(p, 'anomaly_id', 'AnomalyEvent', 200),
    machine_id: text(p, 'machine_id', 'AnomalyEvent', MAX_MACHINE_ID),
    at: time(p, 'at', 'AnomalyEvent'),
    score: finite(p, 'score', 'AnomalyEvent'),
    threshold: finite(p, 'threshold', 'AnomalyEvent'),
    model_id: typeof p['model_id'] === 'string' ? p['model_id'] : '',
    model_version: typeof p['model_version'] === 'number' ? p['model_version'] : 0,
    factors: Array.isArray(p['factors']) ? (p['factors'] as AnomalyEvent['factors']) : [],
  };
}
