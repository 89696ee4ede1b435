import { trainingExamples, machineFeatures, featureNames, WallClock, type FeatureOptions, type MachineHistory } from '@shopfloor/ml/features';
import { GradientBoostedTrees, groupKFold, regressionMetrics, type GbdtArtifact, type GbdtParams } from '@shopfloor/ml/models';
import type { HeldOutInstant } from './shopfloor-trainer';

const HOUR_MS = 3_600_000;
const STEP_MS = 4 * HOUR_MS;
/** Remaining life is learned up to 30 days: beyond that the exact figure does not change a maintenance plan. */
export const RUL_CAP_HOURS = 720;
/** Length of the recommended maintenance window. */
export const WINDOW_HOURS = 4;

export interface MaintenanceArtifact {
  format: 1;
  kind: 'shopfloor-maintenance';
  features: FeatureOptions;
  capHours: number;
  gbdt: GbdtArtifact;
}

const PARAMS: GbdtParams = {
  objective: 'regression',
  trees: 300,
  learningRate: 0.05,
  maxDepth: 5,
  minSamplesLeaf: 40,
  l2: 1,
  maxBins: 128,
  subsample: 0.8,
  colsample: 0.8,
  seed: 1,
};

/**
 * Remaining useful life: hours from an instant to the machine's next breakdown, learned from every machine's history
 * (capped at 30 days). An instant with no breakdown after it is kept only when the history runs on for at least the
 * cap (its life is then known to be at least the cap); otherwise its outcome is unknown and it is left out.
 */
export async function trainMaintenance(
  machineIds: readonly string[],
  loadHistory: (machineId: string) => Promise<MachineHistory>,
  span: { from: number; to: number },
  params: Partial<GbdtParams>,
  onProgress: (f: number) => void,
  options: FeatureOptions = {},
): Promise<{
  artifact: MaintenanceArtifact;
  heldOut: HeldOutInstant[];
  metrics: Record<string, unknown>;
  hyperparameters: Record<string, unknown>;
  featureNames: string[];
  rows: number;
}> {
  const rows: Float64Array[] = [];
  const labels: number[] = [];
  const groups: string[] = [];
  const instants: number[] = [];
  for (const [i, machineId] of machineIds.entries()) {
    const history = await loadHistory(machineId);
    const until = history.until ?? span.to;
    for (const example of trainingExamples(history, { ...options, from: span.from, to: span.to, step: STEP_MS, horizonHours: 1, thresholdMinutes: 30 })) {
      let life = example.hoursToFailure;
      if (life === null) {
        if (until - example.at < RUL_CAP_HOURS * HOUR_MS) continue;
        life = RUL_CAP_HOURS;
      }
      rows.push(example.features);
      labels.push(Math.min(life, RUL_CAP_HOURS));
      groups.push(machineId);
      instants.push(example.at);
    }
    onProgress(0.3 * ((i + 1) / machineIds.length));
  }
  if (rows.length < 200 || !labels.some((y) => y < RUL_CAP_HOURS)) {
    throw new RangeError(
      `too little history to learn remaining life: ${rows.length} instants with a known outcome, ${labels.filter((y) => y < RUL_CAP_HOURS).length} of them followed by a breakdown within ${RUL_CAP_HOURS} h`,
    );
  }
  const names = featureNames(options);
  const gbdtParams: GbdtParams = { ...PARAMS, ...params, objective: 'regression' };
  let metrics: Record<string, unknown> = { evaluated_on: 'none (fewer than 3 machines)' };
  let heldOut: HeldOutInstant[] = [];
  const machines = new Set(groups).size;
  if (machines >= 3) {
    const held = new Set(groupKFold(groups, Math.min(5, machines), gbdtParams.seed ?? 1)[0]);
    const learn = rows.map((_, i) => i).filter((i) => !held.has(i));
    const probe = GradientBoostedTrees.fit(
      learn.map((i) => rows[i]),
      learn.map((i) => labels[i]),
      gbdtParams,
      { featureNames: names, onProgress: (f) => onProgress(0.3 + 0.35 * f) },
    );
    const holdout = [...held];
    const learnMean = learn.reduce((sum, i) => sum + labels[i], 0) / learn.length;
    heldOut = holdout.map((i) => ({ machineId: groups[i], at: instants[i], horizonHours: 0, label: labels[i], challenger: bound(probe.predict(rows[i])) }));
    metrics = {
      ...regressionMetrics(
        holdout.map((i) => labels[i]),
        heldOut.map((h) => h.challenger),
      ),
      evaluated_on: 'held-out machines',
      holdout_rows: holdout.length,
      unit: 'hours',
      // For scale: the error of always answering the learning rows' mean life.
      rmse_of_mean: regressionMetrics(
        holdout.map((i) => labels[i]),
        holdout.map(() => learnMean),
      ).rmse,
    };
  }
  const model = GradientBoostedTrees.fit(rows, labels, gbdtParams, { featureNames: names, onProgress: (f) => onProgress(0.65 + 0.35 * f) });
  return {
    artifact: { format: 1, kind: 'shopfloor-maintenance', features: options, capHours: RUL_CAP_HOURS, gbdt: model.toJSON() },
    heldOut,
    metrics: { ...metrics, examples: rows.length, machines },
    hyperparameters: { ...gbdtParams, cap_hours: RUL_CAP_HOURS, step_hours: STEP_MS / HOUR_MS },
    featureNames: [...names],
    rows: rows.length,
  };
}

export function bound(hours: number): number {
  return Math.min(Math.max(hours, 0), RUL_CAP_HOURS);
}

export function maintenanceRow(history: MachineHistory, at: number, options: FeatureOptions): { names: string[]; row: Float64Array } {
  const vector = machineFeatures(history, at, options);
  return { names: [...vector.names], row: vector.values };
}

/**
 * The calmest `WINDOW_HOURS` before the predicted failure (with a margin of a fifth of the remaining life): the
 * slot whose hours of the week (wall time of `timezone`) had the least run time over the last weeks of history.
 * Maintenance then costs the least production; it never starts in the past.
 */
export function recommendWindow(
  history: MachineHistory,
  now: number,
  lifeHours: number,
  timezone = 'UTC',
): { start: number; end: number; expectedLoad: number } {
  const clock = new WallClock(timezone);
  const hourOfWeek = (t: number): number => {
    const wall = clock.at(t);
    return wall.weekday * 24 + Math.floor(wall.minuteOfDay / 60);
  };
  const load = new Float64Array(168);
  const seen = new Float64Array(168);
  const since = now - 8 * 7 * 24 * HOUR_MS;
  for (let t = Math.ceil(since / HOUR_MS) * HOUR_MS; t < now; t += HOUR_MS) seen[hourOfWeek(t)] += 1;
  for (const job of history.jobs) {
    const end = Math.min(job.end ?? now, now);
    for (let t = Math.max(job.start, since); t < end;) {
      const next = Math.min(end, (Math.floor(t / HOUR_MS) + 1) * HOUR_MS);
      load[hourOfWeek(t)] += (next - t) / HOUR_MS;
      t = next;
    }
  }
  const share = (t: number): number => (seen[hourOfWeek(t)] > 0 ? load[hourOfWeek(t)] / seen[hourOfWeek(t)] : 0);
  const first = Math.ceil(now / HOUR_MS) * HOUR_MS;
  const latest = Math.max(first, now + 0.8 * lifeHours * HOUR_MS - WINDOW_HOURS * HOUR_MS);
  let best = { start: first, end: first + WINDOW_HOURS * HOUR_MS, expectedLoad: Number.POSITIVE_INFINITY };
  for (let start = first; start <= latest; start += HOUR_MS) {
    let total = 0;
    for (let h = 0; h < WINDOW_HOURS; h += 1) total += share(start + h * HOUR_MS);
    const expectedLoad = total / WINDOW_HOURS;
    if (expectedLoad < best.expectedLoad - 1e-9) best = { start, end: start + WINDOW_HOURS * HOUR_MS, expectedLoad };
  }
  return best;
}
