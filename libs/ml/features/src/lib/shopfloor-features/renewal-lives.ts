import { isBreakdown, isPlannedMaintenance } from './stop-types';
import { resolveFeatureOptions, type FeatureOptions } from './feature-options';
import type { MachineHistory } from './machine-history';
import { MachineHistoryIndex } from './machine-history-index';

/** Run hours from one renewal of a machine (planned maintenance or a repair) to the next, and how it ended. */
export interface RenewalLife {
  readonly runHours: number;
  /** 1: ended in a breakdown; 0: cut short by planned maintenance or by the end of the records (censored). */
  readonly failed: 0 | 1;
  /** End of the renewal the life started from (epoch ms). */
  readonly from: number;
}

/**
 * The machine's lives between renewals inside [from, to): from the end of each planned maintenance or breakdown
 * repair to the start of the next one, in run hours as the features count them (time not covered by no-production,
 * planned or unplanned stops). The last life is cut at `to` (or the end of the records) and censored. The stretch
 * before the first renewal is left out: the machine's wear when the records start is not known.
 */
export function renewalLives(history: MachineHistory, from: number, to: number, options?: FeatureOptions): RenewalLife[] {
  const resolved = resolveFeatureOptions(options);
  const index = new MachineHistoryIndex(history, resolved.microStopThresholdS, []);
  const end = Math.min(to, index.until);
  const renewals = history.stops
    .filter((s) => Number.isFinite(s.start) && Number.isFinite(s.durationS) && (isBreakdown(s.type) || isPlannedMaintenance(s.type)))
    .map((s) => ({ start: s.start, end: s.start + Math.max(0, s.durationS) * 1000, breakdown: isBreakdown(s.type) }))
    .filter((r) => r.start >= from && r.start < end)
    .sort((a, b) => a.start - b.start);
  const lives: RenewalLife[] = [];
  for (let i = 0; i < renewals.length; i++) {
    const start = renewals[i].end;
    const next = renewals[i + 1];
    // Overlapping records (a breakdown during maintenance) renew once.
    if (next && next.start <= start) continue;
    const stop = next ? next.start : end;
    if (!(stop > start)) continue;
    lives.push({ runHours: index.runHours(start, stop), failed: next?.breakdown ? 1 : 0, from: start });
  }
  return lives;
}
