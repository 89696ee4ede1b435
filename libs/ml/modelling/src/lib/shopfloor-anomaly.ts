import { MachineFeatureExtractor, type FeatureOptions, type MachineHistory } from '@shopfloor/ml/features';
import { IsolationForest, type IsolationForestJson } from '@shopfloor/ml/models';

const HOUR_MS = 3_600_000;
/** Each hour is judged by its own readings: sensor level, spread and trend over that hour. */
export const ANOMALY_FEATURES: FeatureOptions = { shortWindowHours: 1 };
const SENSOR_COLUMN = /_(mean|std|slope_per_hour)_1h$/;
/** Power per unit of spindle load: catches the two drifting apart, which each alone stays within its range (a known blind spot of axis-parallel forests). */
const POWER_PER_LOAD = 'power_per_spindle_load_1h';
const MAX_TRAINING_ROWS = 100_000;

export interface AnomalyArtifact {
  format: 1;
  kind: 'shopfloor-anomaly';
  features: FeatureOptions;
  columns: string[];
  forest: IsolationForestJson;
}

export interface HourlyRows {
  at: number[];
  rows: Float64Array[];
}

/** The hours in [from, to) with readings, as anomaly-model rows (hour end = the instant the features look back from). */
export function hourlyAnomalyRows(history: MachineHistory, from: number, to: number, columns?: readonly string[]): HourlyRows & { columns: string[] } {
  const extractor = new MachineFeatureExtractor(history, ANOMALY_FEATURES);
  const names = [...extractor.names];
  const picked = names.map((name, i) => [name, i] as const).filter(([name]) => SENSOR_COLUMN.test(name));
  const all = [...picked.map(([name]) => name), POWER_PER_LOAD];
  const wanted = columns ? [...columns] : all;
  const index = new Map(names.map((name, i) => [name, i]));
  const powerMean = index.get('power_mean_1h');
  const loadMean = index.get('spindle_load_mean_1h');
  const out: HourlyRows = { at: [], rows: [] };
  const values = new Float64Array(names.length);
  for (let at = Math.ceil(from / HOUR_MS) * HOUR_MS + HOUR_MS; at <= to; at += HOUR_MS) {
    extractor.values(at, values);
    let any = false;
    const row = new Float64Array(wanted.length);
    wanted.forEach((name, c) => {
      let v: number;
      if (name === POWER_PER_LOAD)
        v = powerMean !== undefined && loadMean !== undefined && values[loadMean] > 0 ? values[powerMean] / values[loadMean] : Number.NaN;
      else v = values[index.get(name) ?? -1] ?? Number.NaN;
      row[c] = v;
      if (!Number.isNaN(v)) any = true;
    });
    if (any) {
      out.at.push(at);
      out.rows.push(row);
    }
  }
  return { ...out, columns: wanted };
}

/** An isolation forest over every machine's hourly sensor features (at most 100,000 hours, evenly thinned). */
export async function trainAnomaly(
  machineIds: readonly string[],
  loadHistory: (machineId: string) => Promise<MachineHistory>,
  span: { from: number; to: number },
  onProgress: (f: number) => void,
): Promise<{ artifact: AnomalyArtifact; metrics: Record<string, unknown>; hyperparameters: Record<string, unknown>; featureNames: string[]; rows: number }> {
  const rows: Float64Array[] = [];
  let columns: string[] = [];
  for (const [i, machineId] of machineIds.entries()) {
    const hourly = hourlyAnomalyRows(await loadHistory(machineId), span.from, span.to);
    columns = hourly.columns;
    rows.push(...hourly.rows);
    onProgress(0.6 * ((i + 1) / machineIds.length));
  }
  if (rows.length < 100) throw new RangeError(`too few hours with sensor readings to learn what is normal: ${rows.length} (at least 100 are needed)`);
  // Only the readings this fleet has: a metric no machine reports says nothing about normal.
  const kept = columns.map((_, c) => c).filter((c) => rows.some((row) => !Number.isNaN(row[c])));
  columns = kept.map((c) => columns[c]);
  const stride = Math.max(1, Math.ceil(rows.length / MAX_TRAINING_ROWS));
  const sample = rows.filter((_, i) => i % stride === 0).map((row) => Float64Array.from(kept, (c) => row[c]));
  const params = { trees: 200, sampleSize: 256, contamination: 0.01, seed: 1 };
  const forest = IsolationForest.fit(sample, { ...params, featureNames: columns });
  onProgress(1);
  return {
    artifact: { format: 1, kind: 'shopfloor-anomaly', features: ANOMALY_FEATURES, columns, forest: forest.toJSON() },
    metrics: {
      training_hours: sample.length,
      threshold: forest.threshold,
      flagged_share_in_training: sample.filter((r) => forest.isAnomaly(r)).length / sample.length,
    },
    hyperparameters: { ...params, window_hours: 1 },
    featureNames: columns,
    rows: sample.length,
  };
}
