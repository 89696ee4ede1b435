import type { StateIntervalView } from '@shopfloor/contracts';
import type { StateChange } from '@shopfloor/analytics/data-access';

/**
 * Stretches of state from a machine's state changes: each lasts from its change (or `from`, for the one in effect
 * then) to the next change, the last to `until`. Changes at or after `until` and empty stretches are left out.
 */
export function stateIntervals(changes: readonly StateChange[], from: Date, until: Date): StateIntervalView[] {
  const intervals: StateIntervalView[] = [];
  const end = until.getTime();
  for (let i = 0; i < changes.length; i += 1) {
    const start = Math.max(changes[i].time.getTime(), from.getTime());
    const stop = Math.min(i + 1 < changes.length ? changes[i + 1].time.getTime() : end, end);
    if (stop <= start) continue;
    const { state, reasonCode, jobId } = changes[i];
    const last = intervals[intervals.length - 1];
    // The change before `from` and the first after it may carry the same state: one stretch.
    if (last && last.end === new Date(start).toISOString() && last.state === state && last.reason_code === reasonCode && last.job_id === jobId) {
      last.end = new Date(stop).toISOString();
      last.duration = (stop - Date.parse(last.start)) / 1000;
      continue;
    }
    intervals.push({
      state,
      reason_code: reasonCode,
      job_id: jobId,
      start: new Date(start).toISOString(),
      end: new Date(stop).toISOString(),
      duration: (stop - start) / 1000,
    });
  }
  return intervals;
}
