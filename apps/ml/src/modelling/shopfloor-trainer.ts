import { featureNames, machineFeatures, trainingExamples, type FeatureOptions, type MachineHistory } from '@shopfloor/ml/features';
import { bestF1Threshold, classificationMetrics, GradientBoostedTrees, groupKFold, type GbdtArtifact, type GbdtParams } from '@shopfloor/ml/models';

/** Horizons a downtime model learns at once (the horizon is one of its inputs, so any horizon in range can be asked). */
export const DOWNTIME_HORIZONS_HOURS = [4, 8, 24, 72] as const;
export const HORIZON_RANGE_HOURS = { min: 1, max: 168 } as const;
/** "Downtime" = an unplanned stop at least this long starts within the horizon (a training may choose another length). */
export const DOWNTIME_THRESHOLD_MINUTES = 30;
const STEP_MS = 4 * 3_600_000;
const HORIZON_FEATURE = 'horizon_hours';

export interface DowntimeArtifact {
  format: 1;
  kind: 'shopfloor-downtime';
  features: FeatureOptions;
  thresholdMinutes: number;
  threshold: number;
  gbdt: GbdtArtifact;
}

export interface ShopfloorTrainingOutcome {
  artifact: DowntimeArtifact;
  metrics: Record<string, unknown>;
  hyperparameters: Record<string, unknown>;
  featureNames: string[];
  rows: number;
  span: { from: number; to: number };
}

const DOWNTIME_PARAMS: GbdtParams = { objective: 'binary', trees: 300, learningRate: 0.05, maxDepth: 5, minSamplesLeaf: 40, l2: 1, maxBins: 128, subsample: 0.8, colsample: 0.8, seed: 1 };

export function downtimeFeatureNames(options: FeatureOptions): string[] {
  return [...featureNames(options), HORIZON_FEATURE];
}

/**
 * Learns P(an unplanned stop of at least `thresholdMinutes` (default 30) starts within h hours) from every machine's history: examples every
 * 4 hours at each of the horizons, features from the history before the instant only. A fifth of the machines is
 * held out for the metrics (whole machines, so a machine's neighbouring hours never sit on both sides).
 */
export async function trainDowntime(
  machineIds: readonly string[],
  loadHistory: (machineId: string) => Promise<MachineHistory>,
  span: { from: number; to: number },
  params: Partial<GbdtParams>,
  onProgress: (f: number) => void,
  thresholdMinutes: number = DOWNTIME_THRESHOLD_MINUTES,
): Promise<ShopfloorTrainingOutcome> {
  const options: FeatureOptions = {};
  const rows: Float64Array[] = [];
  const labels: number[] = [];
  const groups: string[] = [];
  let done = 0;
  // One machine's history in memory at a time: a fleet's readings would not fit at once.
  for (const machineId of machineIds) {
    const history = await loadHistory(machineId);
    for (const horizon of DOWNTIME_HORIZONS_HOURS) {
      const examples = trainingExamples(history, { ...options, from: span.from, to: span.to, step: STEP_MS, horizonHours: horizon, thresholdMinutes });
      for (const example of examples) {
        const row = new Float64Array(example.features.length + 1);
        row.set(example.features);
        row[example.features.length] = horizon;
        rows.push(row);
        labels.push(example.downtime);
        groups.push(machineId);
      }
    }
    done += 1;
    onProgress(0.3 * (done / machineIds.length));
  }
  const positives = labels.filter((y) => y === 1).length;
  if (rows.length < 200 || positives < 20 || rows.length - positives < 20) {
    throw new RangeError(`too little history to learn downtime: ${rows.length} examples, ${positives} with a stop of ${thresholdMinutes}+ minutes within the horizon (at least 200 and 20 of each outcome are needed)`);
  }
  const names = downtimeFeatureNames(options);
  const gbdtParams: GbdtParams = { ...DOWNTIME_PARAMS, ...params, objective: 'binary' };
  const machines = new Set(groups).size;
  let threshold: number;
  let metrics: Record<string, unknown>;
  if (machines >= 3) {
    // Whole machines: one fold for the metrics, one to choose the decision threshold on, the rest to learn from.
    const folds = groupKFold(groups, Math.min(5, machines), gbdtParams.seed ?? 1);
    const held = new Set(folds[0]);
    const calibration = new Set(folds[1]);
    const learn = rows.map((_, i) => i).filter((i) => !held.has(i) && !calibration.has(i));
    const probe = GradientBoostedTrees.fit(learn.map((i) => rows[i]), learn.map((i) => labels[i]), gbdtParams, { featureNames: names, onProgress: (f) => onProgress(0.3 + 0.35 * f) });
    const calibrationRows = [...calibration];
    const calibrationLabels = calibrationRows.map((i) => labels[i]);
    threshold = calibrationLabels.includes(1) ? bestF1Threshold(calibrationLabels, calibrationRows.map((i) => probe.predict(rows[i]))) : 0.5;
    const holdout = [...held];
    metrics = { ...classificationMetrics(holdout.map((i) => labels[i]), holdout.map((i) => probe.predict(rows[i])), threshold), evaluated_on: 'held-out machines', holdout_rows: holdout.length, holdout_machines: new Set(holdout.map((i) => groups[i])).size };
  } else {
    threshold = 0.5;
    metrics = { evaluated_on: 'none (fewer than 3 machines)' };
  }
  // The served model learns from every machine.
  const model = GradientBoostedTrees.fit(rows, labels, gbdtParams, { featureNames: names, onProgress: (f) => onProgress(0.65 + 0.35 * f) });
  return {
    artifact: { format: 1, kind: 'shopfloor-downtime', features: options, thresholdMinutes, threshold, gbdt: model.toJSON() },
    metrics: { ...metrics, positive_rate: positives / rows.length, examples: rows.length, machines },
    hyperparameters: { ...gbdtParams, horizons_hours: DOWNTIME_HORIZONS_HOURS, step_hours: STEP_MS / 3_600_000, threshold_minutes: thresholdMinutes },
    featureNames: names,
    rows: rows.length,
    span,
  };
}

/** One machine's row for a downtime model at `at` with the asked horizon. */
export function downtimeRow(history: MachineHistory, at: number, horizonHours: number, options: FeatureOptions): { names: string[]; row: Float64Array } {
  const vector = machineFeatures(history, at, options);
  const row = new Float64Array(vector.values.length + 1);
  row.set(vector.values);
  row[vector.values.length] = horizonHours;
  return { names: [...vector.names, HORIZON_FEATURE], row };
}
