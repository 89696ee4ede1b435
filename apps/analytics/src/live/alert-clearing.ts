import { UNAVAILABLE_STATE, type AlertCleared, type AlertKind, type MachineEventRecord } from '@shopfloor/contracts';
import type { LiveStatusRow } from '@shopfloor/analytics/data-access';

/** Source states that mean the machine is not producing although it should (cimco-source.sql: RUNNING, IDLE, SETUP, DOWN, OFFLINE). */
export const BREAKDOWN_STATE = 'DOWN';
export const STOPPED_STATES = ['DOWN', 'IDLE'];

/** What a clearing reads of a machine's live status. */
export type StatusSnapshot = Pick<LiveStatusRow, 'state' | 'previousState' | 'since' | 'reasonCode' | 'lastEventAt' | 'lastDataAt'>;

export interface ClearingRules {
  /** Wall clock, epoch ms: the sweep raises a long stop by it, so only by it can we tell whether one may have been raised. */
  now: number;
  longStopSeconds: number;
}

/** An alert's id names the condition, the machine and when it began, so that replicas and redeliveries raise it once. */
export function alertId(kind: AlertKind, machineId: string, at: string): string {
  return `${kind}:${machineId}:${at}`;
}

/** A clearing's message id names the transition (a machine leaves a condition at one event time only once). */
export function clearedMessageId(cleared: AlertCleared): string {
  return `cleared:${cleared.kind}:${cleared.machine_id}:${cleared.cleared_at}`;
}

/**
 * What one batch of a machine's events ended: the data gap when the machine was UNAVAILABLE (any event is data), the
 * breakdown when it leaves DOWN, and the long stop when it leaves a stopped state it may have been raised for. A gap
 * is neither a stop nor a recovery: a machine DOWN before its data stopped is cleared only when an event shows it in
 * another state. `after` is the row the statement returned (`previousState` is the state it replaced, for certain);
 * `before` the row as read before the statement, trusted only where it agrees with that.
 */
export function clearedByEvents(
  before: StatusSnapshot | undefined,
  after: StatusSnapshot & { machineId: string },
  events: readonly MachineEventRecord[],
  rules: ClearingRules,
): AlertCleared[] {
  const replaced = after.previousState;
  if (replaced === null) return [];
  // Events up to the stored last one were applied before (an overlapping or repeated batch): they end nothing.
  const appliedUntil = before?.lastEventAt?.getTime() ?? -Infinity;
  const newer = events
    .filter((e) => Date.parse(e.event_time) > appliedUntil)
    .sort((a, b) => Date.parse(a.event_time) - Date.parse(b.event_time) || a.event_id - b.event_id);
  if (newer.length === 0) return [];
  const cleared: AlertCleared[] = [];
  let run: { state: string | null; since: Date | null; reasonCode: string | null; startHidden: boolean };
  if (replaced === UNAVAILABLE_STATE) {
    // The gap began at the last data before it (markSilent's `since`); read before a concurrent sweep, it is still `lastDataAt`.
    const silent = before?.state === UNAVAILABLE_STATE;
    const gapSince = silent ? before.since : (before?.lastDataAt ?? null);
    cleared.push(clearing(after.machineId, 'data_gap', newer[0], UNAVAILABLE_STATE, gapSince));
    // The machine's own state before the gap; the gap overwrote when it began.
    run = {
      state: silent ? before.previousState : (before?.state ?? null),
      since: null,
      reasonCode: silent ? null : (before?.reasonCode ?? null),
      startHidden: true,
    };
  } else {
    const known = before?.state === replaced;
    // A run given back after a gap may carry a long stop raised before the gap, under another `since`.
    run = {
      state: replaced,
      since: known ? before.since : null,
      reasonCode: known ? before.reasonCode : null,
      startHidden: !known || before.since === null || before.previousState === UNAVAILABLE_STATE,
    };
  }
  const { state } = run;
  if (state === null) return cleared;
  const end = newer.find((e) => e.state !== state);
  if (!end) return cleared;
  if (state === BREAKDOWN_STATE) cleared.push(clearing(after.machineId, 'breakdown', end, state, run.since, { reason_code: run.reasonCode }));
  const mayHaveLongStop = run.startHidden || (run.since !== null && rules.now - run.since.getTime() >= rules.longStopSeconds * 1000);
  if (STOPPED_STATES.includes(state) && mayHaveLongStop) cleared.push(clearing(after.machineId, 'long_stop', end, state, run.since));
  return cleared;
}

/**
 * A machine shown UNAVAILABLE that sensor readings brought back: its data gap ended with the first reading after the
 * gap began. `readingTimes` are the batch's readings of the machine that counted as data, in epoch ms.
 */
export function clearedByReadings(
  before: StatusSnapshot | undefined,
  after: StatusSnapshot & { machineId: string },
  readingTimes: readonly number[],
): AlertCleared | null {
  const gapSince = before?.state === UNAVAILABLE_STATE ? before.since : (before?.lastDataAt ?? null);
  const first = [...readingTimes].sort((a, b) => a - b).find((t) => gapSince === null || t > gapSince.getTime());
  // Without a reading after the gap, the time the status shows the machine back from.
  const back = first ?? after.since?.getTime();
  if (back === undefined) return null;
  return {
    machine_id: after.machineId,
    kind: 'data_gap',
    cleared_at: new Date(back).toISOString(),
    details: lasted(UNAVAILABLE_STATE, after.state, gapSince, back),
  };
}

function clearing(
  machineId: string,
  kind: AlertKind,
  end: MachineEventRecord,
  previousState: string,
  since: Date | null,
  extra: Record<string, unknown> = {},
): AlertCleared {
  const at = Date.parse(end.event_time);
  return { machine_id: machineId, kind, cleared_at: new Date(at).toISOString(), details: { ...lasted(previousState, end.state, since, at), ...extra } };
}

/** The details every clearing carries: from which state to which, since when, and for how long (null when unknown). */
function lasted(previousState: string, newState: string, since: Date | null, endedAt: number): Record<string, unknown> {
  return {
    previous_state: previousState,
    new_state: newState,
    since: since?.toISOString() ?? null,
    duration_seconds: since === null ? null : Math.max(0, Math.round((endedAt - since.getTime()) / 1000)),
  };
}
