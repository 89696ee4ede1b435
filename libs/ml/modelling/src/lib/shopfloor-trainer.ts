import {
  featureNames,
  machineFeatures,
  renewalLives,
  trainingExamples,
  type FeatureOptions,
  type MachineHistory,
  type RenewalLife,
} from '@shopfloor/ml/features';
import { bestF1Threshold, classificationMetrics, GradientBoostedTrees, groupKFold, type GbdtArtifact, type GbdtParams } from '@shopfloor/ml/models';
import { fitWearCurve, fitWearPrior, wearOffset, wearProbability, type WearPrior } from './wear-prior';

/**
 * Horizons a downtime model learns at once (the horizon is one of its inputs, so any horizon in range can be asked;
 * the longest is the range's end, so no asked horizon lies beyond what was learnt).
 */
export const DOWNTIME_HORIZONS_HOURS = [4, 8, 24, 72, 168] as const;
export const HORIZON_RANGE_HOURS = { min: 1, max: 168 } as const;
/** "Downtime" = an unplanned stop longer than this starts within the horizon (a training may choose another length). */
export const DOWNTIME_THRESHOLD_MINUTES = 30;
const HOUR_MS = 3_600_000;
/**
 * Examples every 4 hours, or every sixth of the horizon for long ones: a week-long label window moved by 4 hours
 * would repeat nearly the same example 42 times over.
 */
const stepMs = (horizonHours: number): number => Math.max(4, horizonHours / 6) * HOUR_MS;

/** What counts as downtime for a model: unplanned stops longer than a threshold, optionally of some types only. */
export interface DowntimeLabel {
  thresholdMinutes: number;
  /** Downtime types (upper case) that count; empty: every unplanned type. */
  stopTypes: string[];
}

export const DEFAULT_DOWNTIME_LABEL: DowntimeLabel = { thresholdMinutes: DOWNTIME_THRESHOLD_MINUTES, stopTypes: [] };

/** A machine's failure risk on the shop floor: a breakdown (downtime type BREAKDOWN) of any length starts within the horizon. */
export const BREAKDOWN_LABEL: DowntimeLabel = { thresholdMinutes: 0, stopTypes: ['BREAKDOWN'] };

const HORIZON_FEATURE = 'horizon_hours';
/** P(a breakdown within the horizon) from the fleet's wear curve alone (wear-prior.ts). */
export const WEAR_FEATURE = 'breakdown_probability_from_wear';

export interface DowntimeArtifact {
  format: 1;
  kind: 'shopfloor-downtime';
  features: FeatureOptions;
  thresholdMinutes: number;
  /** Absent in models trained before stop types could be chosen: every unplanned type. */
  stopTypes?: string[];
  /**
   * The fleet's wear curve and its weight in the margin; null: too few breakdowns to fit one (the column is empty, no
   * offset); absent in models trained before it (no column).
   */
  wear?: WearPrior | null;
  threshold: number;
  gbdt: GbdtArtifact;
}

/** A held-out instant with the label and the held-out model's prediction of it (what the promotion gate compares on). */
export interface HeldOutInstant {
  machineId: string;
  at: number;
  horizonHours: number;
  label: number;
  challenger: number;
}

export interface ShopfloorTrainingOutcome {
  artifact: DowntimeArtifact;
  /** The held-out machines' instants; empty with fewer than 3 machines (nothing held out). */
  heldOut: HeldOutInstant[];
  metrics: Record<string, unknown>;
  hyperparameters: Record<string, unknown>;
  featureNames: string[];
  rows: number;
  span: { from: number; to: number };
}

const DOWNTIME_PARAMS: GbdtParams = {
  objective: 'binary',
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
 * Boosting defaults for the label's positive rate. A rare label (breakdowns: under 1 % of instants) leaves a few
 * dozen failures to learn from; deep trees with small leaves then learn each machine's own history of them, noise that
 * does not carry to the next week. So fewer, shallower trees whose leaves each expect about five positives: on the
 * simulator's breakdowns (bench/ml/downtime-simulator.mjs, 3 seeds) they rank held-out machines as well or better
 * (ROC-AUC 0.81–0.88 against 0.81–0.85) and order machines by their true wear far better (Spearman 0.43–0.84
 * against 0.02–0.66), in a third of the time.
 */
function downtimeDefaults(positiveRate: number, rows: number): GbdtParams {
  if (!(positiveRate < 0.05)) return DOWNTIME_PARAMS;
  return {
    ...DOWNTIME_PARAMS,
    trees: 100,
    maxDepth: 3,
    minSamplesLeaf: Math.min(Math.max(40, Math.round(5 / positiveRate)), Math.max(40, Math.floor(rows / 20))),
  };
}

export function downtimeFeatureNames(options: FeatureOptions): string[] {
  return [...featureNames(options), HORIZON_FEATURE, WEAR_FEATURE];
}

/**
 * Learns P(an unplanned stop longer than the label's threshold (default 30 minutes), of its types if any, starts
 * within h hours) from every machine's history: examples at each of the horizons, features from the history before
 * the instant only. A fifth of the machines is held out for the metrics (whole machines, so a machine's neighbouring
 * hours never sit on both sides).
 */
export async function trainDowntime(
  machineIds: readonly string[],
  loadHistory: (machineId: string) => Promise<MachineHistory>,
  span: { from: number; to: number },
  params: Partial<GbdtParams>,
  onProgress: (f: number) => void,
  label: DowntimeLabel = DEFAULT_DOWNTIME_LABEL,
  options: FeatureOptions = {},
): Promise<ShopfloorTrainingOutcome> {
  const { thresholdMinutes, stopTypes } = label;
  const rows: Float64Array[] = [];
  const labels: number[] = [];
  const groups: string[] = [];
  const instants: number[] = [];
  const lives = new Map<string, RenewalLife[]>();
  let done = 0;
  // One machine's history in memory at a time: a fleet's readings would not fit at once.
  for (const machineId of machineIds) {
    const history = await loadHistory(machineId);
    lives.set(machineId, renewalLives(history, span.from, span.to, options));
    for (const horizon of DOWNTIME_HORIZONS_HOURS) {
      const examples = trainingExamples(history, {
        ...options,
        from: span.from,
        to: span.to,
        step: stepMs(horizon),
        horizonHours: horizon,
        thresholdMinutes,
        stopTypes,
      });
      for (const example of examples) {
        const row = new Float64Array(example.features.length + 2);
        row.set(example.features);
        row[example.features.length] = horizon;
        rows.push(row);
        labels.push(example.downtime);
        groups.push(machineId);
        instants.push(example.at);
      }
    }
    done += 1;
    onProgress(0.3 * (done / machineIds.length));
  }
  const positives = labels.filter((y) => y === 1).length;
  if (rows.length < 200 || positives < 20 || rows.length - positives < 20) {
    const what = `${stopTypes.length > 0 ? `${stopTypes.join('/')} stop` : 'an unplanned stop'} longer than ${thresholdMinutes} minutes`;
    throw new RangeError(
      `too little history to learn downtime: ${rows.length} examples, ${positives} with ${what} within the horizon (at least 200 and 20 of each outcome are needed)`,
    );
  }
  const names = downtimeFeatureNames(options);
  const gbdtParams: GbdtParams = { ...downtimeDefaults(positives / rows.length, rows.length), ...params, objective: 'binary' };
  const horizonColumn = names.length - 2;
  const offsets = new Float64Array(rows.length);
  // The wear prior is fitted on the rows a model learns from only, then written into every row and its offset.
  const fillWear = (learnRows: readonly number[]): WearPrior | null => {
    const curve = fitWearCurve([...new Set(learnRows.map((i) => groups[i]))].flatMap((m) => lives.get(m) ?? []));
    for (const row of rows) row[horizonColumn + 1] = wearProbability(curve, row, row[horizonColumn], options);
    if (curve === null) {
      offsets.fill(0);
      return null;
    }
    const prior = fitWearPrior(
      curve,
      learnRows.map((i) => rows[i][horizonColumn + 1]),
      learnRows.map((i) => labels[i]),
    );
    rows.forEach((row, i) => (offsets[i] = wearOffset(prior, row[horizonColumn + 1])));
    return prior;
  };
  const fit = (learnRows: readonly number[], progress: (f: number) => void): GradientBoostedTrees =>
    GradientBoostedTrees.fit(
      learnRows.map((i) => rows[i]),
      learnRows.map((i) => labels[i]),
      gbdtParams,
      { featureNames: names, offsets: learnRows.map((i) => offsets[i]), onProgress: progress },
    );
  const predict = (model: GradientBoostedTrees, i: number): number => model.predict(rows[i], offsets[i]);
  const machines = new Set(groups).size;
  let threshold: number;
  let metrics: Record<string, unknown>;
  let heldOut: HeldOutInstant[] = [];
  if (machines >= 3) {
    // Whole machines: one fold for the metrics, one to choose the decision threshold on, the rest to learn from.
    const folds = groupKFold(groups, Math.min(5, machines), gbdtParams.seed ?? 1);
    const held = new Set(folds[0]);
    const calibration = new Set(folds[1]);
    const learn = rows.map((_, i) => i).filter((i) => !held.has(i) && !calibration.has(i));
    fillWear(learn);
    const probe = fit(learn, (f) => onProgress(0.3 + 0.35 * f));
    const calibrationRows = [...calibration];
    const calibrationLabels = calibrationRows.map((i) => labels[i]);
    threshold = calibrationLabels.includes(1)
      ? bestF1Threshold(
          calibrationLabels,
          calibrationRows.map((i) => predict(probe, i)),
        )
      : 0.5;
    const holdout = [...held];
    heldOut = holdout.map((i) => ({
      machineId: groups[i],
      at: instants[i],
      horizonHours: rows[i][horizonColumn],
      label: labels[i],
      challenger: predict(probe, i),
    }));
    metrics = {
      ...classificationMetrics(
        holdout.map((i) => labels[i]),
        heldOut.map((h) => h.challenger),
        threshold,
      ),
      evaluated_on: 'held-out machines',
      holdout_rows: holdout.length,
      holdout_machines: new Set(holdout.map((i) => groups[i])).size,
    };
  } else {
    threshold = 0.5;
    metrics = { evaluated_on: 'none (fewer than 3 machines)' };
  }
  // The served model learns from every machine.
  const all = rows.map((_, i) => i);
  const wear = fillWear(all);
  const model = fit(all, (f) => onProgress(0.65 + 0.35 * f));
  return {
    artifact: { format: 1, kind: 'shopfloor-downtime', features: options, thresholdMinutes, stopTypes, wear, threshold, gbdt: model.toJSON() },
    heldOut,
    metrics: { ...metrics, positive_rate: positives / rows.length, examples: rows.length, machines, wear_prior: wear },
    hyperparameters: {
      ...gbdtParams,
      horizons_hours: DOWNTIME_HORIZONS_HOURS,
      step_hours: DOWNTIME_HORIZONS_HOURS.map((h) => stepMs(h) / HOUR_MS),
      threshold_minutes: thresholdMinutes,
      stop_types: stopTypes,
    },
    featureNames: names,
    rows: rows.length,
    span,
  };
}

/**
 * One machine's row for a downtime model at `at` with the asked horizon, and the row's offset (`wear`: the model's
 * wear prior; undefined for models trained without the column).
 */
export function downtimeRow(
  history: MachineHistory,
  at: number,
  horizonHours: number,
  options: FeatureOptions,
  wear?: WearPrior | null,
): { names: string[]; row: Float64Array; offset: number } {
  const vector = machineFeatures(history, at, options);
  if (wear === undefined) {
    const row = new Float64Array(vector.values.length + 1);
    row.set(vector.values);
    row[vector.values.length] = horizonHours;
    return { names: [...vector.names, HORIZON_FEATURE], row, offset: 0 };
  }
  const row = new Float64Array(vector.values.length + 2);
  row.set(vector.values);
  row[vector.values.length] = horizonHours;
  const probability = wearProbability(wear, vector.values, horizonHours, options);
  row[vector.values.length + 1] = probability;
  return { names: [...vector.names, HORIZON_FEATURE, WEAR_FEATURE], row, offset: wear === null ? 0 : wearOffset(wear, probability) };
}
