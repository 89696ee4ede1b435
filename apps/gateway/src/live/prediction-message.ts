import type { AnomalyEvent, LiveMessage, PredictionEvent } from '@shopfloor/contracts';

/** What `/ws/predictions` sends: the event of `ml.prediction.<type>` as the ml service published it. */
export type PredictionLiveMessage = LiveMessage<PredictionEvent | AnomalyEvent>;

/** Why an event was not passed on: not a JSON object with a `machine_id` string, or an event about no machine. */
export type PredictionDropReason = 'not_a_json_object' | 'no_machine_id';

export type PredictionRelay = { ok: true; machineId: string; text: string } | { ok: false; reason: PredictionDropReason };

/**
 * Wraps one event of `ml.prediction.>` in the live message a `/ws/predictions` client gets:
 * `{ type: 'prediction', machine_id, data: <the event>, timestamp }`. The timestamp is the event's own time
 * (`predicted_at`, or `at` for an anomaly), as `/ws/alerts` sends an alert's `updated_at`; `now` only when it has none.
 * Only events about a machine reach clients: one without a `machine_id` could not be filtered by subscription.
 */
export function predictionLiveMessage(text: string, now: () => Date = () => new Date()): PredictionRelay {
  let event: unknown;
  try {
    event = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not_a_json_object' };
  }
  if (typeof event !== 'object' || event === null || Array.isArray(event)) return { ok: false, reason: 'not_a_json_object' };
  const { machine_id: machineId, predicted_at: predictedAt, at } = event as { machine_id?: unknown; predicted_at?: unknown; at?: unknown };
  if (typeof machineId !== 'string' || machineId.length === 0) return { ok: false, reason: 'no_machine_id' };
  const timestamp = typeof predictedAt === 'string' ? predictedAt : typeof at === 'string' ? at : now().toISOString();
  const message: PredictionLiveMessage = { type: 'prediction', machine_id: machineId, data: event as PredictionEvent | AnomalyEvent, timestamp };
  return { ok: true, machineId, text: JSON.stringify(message) };
}
