import { GradientBoostedTrees, IsolationForest, SeriesFeaturePlan, type GbdtArtifact, type SeriesFeaturePlanJson } from '@shopfloor/ml/models';
import type { MachineHistory } from '@shopfloor/ml/features';
import { DomainError, ErrorCode, type FieldError } from '@shopfloor/contracts';
import { seriesRows, type DatasetTable } from './dataset-table';
import { hourlyAnomalyRows, type AnomalyArtifact } from './shopfloor-anomaly';
import { bound, maintenanceRow, type MaintenanceArtifact } from './shopfloor-maintenance';
import { downtimeFeatureNames, downtimeRow, type DowntimeArtifact } from './shopfloor-trainer';
import { MAX_LEVEL_CHARS } from './dataset-categories';
import { categoricalFor, inputsFor as numericInputsFor } from './dataset-table';
import { TabularEncoder, type TabularLayout } from './tabular-features';

/** What the registry stores for a model trained on a dataset (gzip-compressed JSON). */
export type ModelArtifact =
  | {
      format: 1;
      kind: 'tabular';
      objective: 'binary' | 'regression';
      layout: TabularLayout;
      threshold: number | null;
      cap?: number | null;
      /**
       * Added to the trees' margin at prediction: −ln(w) for a classifier trained with positive rows weighted w, so
       * its probabilities estimate the real failure rate again (prior correction; King & Zeng 2001).
       */
      offset?: number;
      gbdt: GbdtArtifact;
    }
  | {
      format: 1;
      kind: 'series';
      objective: 'binary' | 'regression';
      inputs: string[];
      plan: SeriesFeaturePlanJson;
      threshold: number | null;
      cap?: number | null;
      gbdt: GbdtArtifact;
    }
  | DowntimeArtifact
  | AnomalyArtifact
  | MaintenanceArtifact;

export interface Factor {
  feature: string;
  value: number | null;
  contribution: number;
}

/** A stored model made usable: scores dataset rows, or one row of input values with its factors. */
export class TrainedModel {
  private constructor(
    readonly artifact: ModelArtifact,
    private readonly boosted: GradientBoostedTrees | null,
    private readonly plan: SeriesFeaturePlan | null,
    readonly featureNames: string[],
    private readonly forest: IsolationForest | null = null,
    private readonly encoder: TabularEncoder | null = null,
  ) {}

  static fromArtifact(artifact: ModelArtifact): TrainedModel {
    if (artifact.kind === 'shopfloor-anomaly') return new TrainedModel(artifact, null, null, artifact.columns, IsolationForest.fromJSON(artifact.forest));
    const gbdt = GradientBoostedTrees.fromJSON(artifact.gbdt);
    if (artifact.kind === 'tabular') {
      const encoder = new TabularEncoder(artifact.layout);
      return new TrainedModel(artifact, gbdt, null, encoder.names, null, encoder);
    }
    if (artifact.kind === 'shopfloor-downtime') return new TrainedModel(artifact, gbdt, null, downtimeFeatureNames(artifact.features));
    if (artifact.kind === 'shopfloor-maintenance') return new TrainedModel(artifact, gbdt, null, gbdt.featureNames ? [...gbdt.featureNames] : []);
    const plan = SeriesFeaturePlan.fromJSON(artifact.plan);
    return new TrainedModel(artifact, gbdt, plan, plan.names);
  }

  get inputs(): string[] {
    switch (this.artifact.kind) {
      case 'tabular':
        return [...this.artifact.layout.inputs, ...(this.artifact.layout.categorical ?? []).map((c) => c.name)];
      case 'series':
        return this.artifact.inputs;
      case 'shopfloor-downtime':
      case 'shopfloor-anomaly':
      case 'shopfloor-maintenance':
        return [];
    }
  }

  /** The inputs whose values are text (categorical), a subset of `inputs`. */
  get categoricalInputs(): string[] {
    return this.artifact.kind === 'tabular' ? (this.artifact.layout.categorical ?? []).map((c) => c.name) : [];
  }

  /** The margin offset of a tabular model (class-weight correction), else 0. */
  private get offset(): number {
    return this.artifact.kind === 'tabular' ? (this.artifact.offset ?? 0) : 0;
  }

  private get gbdt(): GradientBoostedTrees {
    if (!this.boosted) throw new Error(`a ${this.artifact.kind} model has no boosted trees`);
    return this.boosted;
  }

  get objective(): 'binary' | 'regression' | 'anomaly' {
    if (this.artifact.kind === 'shopfloor-anomaly') return 'anomaly';
    if (this.artifact.kind === 'shopfloor-maintenance') return 'regression';
    return this.artifact.kind === 'shopfloor-downtime' ? 'binary' : this.artifact.objective;
  }

  get threshold(): number | null {
    if (this.artifact.kind === 'shopfloor-maintenance') return null;
    return this.artifact.kind === 'shopfloor-anomaly' ? (this.forest as IsolationForest).threshold : this.artifact.threshold;
  }

  /** A remaining-life model's label cap (its predictions never exceed it), or null. */
  get cap(): number | null {
    if (this.artifact.kind === 'shopfloor-maintenance') return this.artifact.capHours;
    return this.artifact.kind === 'shopfloor-downtime' || this.artifact.kind === 'shopfloor-anomaly' ? null : (this.artifact.cap ?? null);
  }

  /** A regression's prediction kept within what the label can be: not below 0, not above the cap it learned with. */
  private bounded(value: number): number {
    if (this.objective !== 'regression') return value;
    return Math.min(Math.max(value, 0), this.cap ?? Number.POSITIVE_INFINITY);
  }

  /** Scores the dataset's rows (`last`: only each group's last row, for time series; every row otherwise). */
  score(table: DatasetTable, at: 'all' | 'last'): { rows: number[]; scores: Float64Array } {
    if (this.artifact.kind === 'shopfloor-downtime' || this.artifact.kind === 'shopfloor-anomaly' || this.artifact.kind === 'shopfloor-maintenance') {
      throw new DomainError(
        ErrorCode.ValidationFailed,
        'This model learns from the shop-floor history; it is scored by its live accuracy (GET /api/v1/ml/models/{model_id}/accuracy), not on a dataset',
        null,
        [{ field: 'model_id', message: 'is a shop-floor model', invalid_value: null }],
      );
    }
    if (this.artifact.kind === 'tabular') {
      const encoder = this.encoder as TabularEncoder;
      const columns = numericInputsFor(table, encoder.layout.inputs);
      const texts = categoricalFor(table, encoder.categoricalInputs);
      const rows = at === 'last' && table.groups ? lastRowOfEachGroup(table) : Array.from({ length: table.rowCount }, (_, r) => r);
      const scores = new Float64Array(rows.length);
      const inputs = new Float64Array(columns.length);
      const text = new Array<string | null>(texts.length);
      const row = new Float64Array(encoder.width);
      const offset = this.offset;
      rows.forEach((r, i) => {
        for (let c = 0; c < columns.length; c += 1) inputs[c] = columns[c][r];
        for (let c = 0; c < texts.length; c += 1) text[c] = texts[c][r];
        scores[i] = this.bounded(this.gbdt.predict(encoder.row(inputs, text, row), offset));
      });
      return { rows, scores };
    }
    const plan = this.plan as SeriesFeaturePlan;
    const objects = seriesRows(table, this.artifact.inputs, plan.toJSON().group, plan.toJSON().order);
    const features = plan.transform(objects);
    const rows = at === 'last' ? lastRowOfEachGroup(table) : Array.from({ length: table.rowCount }, (_, r) => r);
    return { rows, scores: Float64Array.from(rows, (r) => this.bounded(this.gbdt.predict(features.matrix[r]))) };
  }

  /** P(an unplanned stop of the model's threshold length starts within `horizonHours` after `at`), with its factors. */
  explainDowntime(history: MachineHistory, at: number, horizonHours: number, top: number): { value: number; factors: Factor[] } {
    if (this.artifact.kind !== 'shopfloor-downtime') throw new Error('explainDowntime needs a downtime model');
    const { wear } = this.artifact;
    const { names, row, offset } = downtimeRow(history, at, horizonHours, this.artifact.features, wear);
    const { values: contributions } = this.gbdt.contributions(row);
    // The wear prior's part of the margin, beyond its training mean, belongs to the wear column.
    if (wear) contributions[names.length - 1] += offset - wear.meanOffset;
    const factors = names
      .map((feature, i) => ({ feature, value: Number.isNaN(row[i]) ? null : row[i], contribution: contributions[i] }))
      .sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution))
      .slice(0, top);
    return { value: this.gbdt.predict(row, offset), factors };
  }

  /** Hours until the machine's next breakdown as of `at` (0 to the cap), with the factors behind it. */
  explainRemainingLife(history: MachineHistory, at: number, top: number): { value: number; factors: Factor[] } {
    if (this.artifact.kind !== 'shopfloor-maintenance') throw new Error('explainRemainingLife needs a maintenance model');
    const { names, row } = maintenanceRow(history, at, this.artifact.features);
    const { values: contributions } = this.gbdt.contributions(row);
    const factors = names
      .map((feature, i) => ({ feature, value: Number.isNaN(row[i]) ? null : row[i], contribution: contributions[i] }))
      .sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution))
      .slice(0, top);
    return { value: bound(this.gbdt.predict(row)), factors };
  }

  /** The machine's hours in [from, to) that look unlike what the model learned as normal, each with its score and causes. */
  anomalies(history: MachineHistory, from: number, to: number, top: number): { scored: number; found: { at: number; score: number; factors: Factor[] }[] } {
    if (this.artifact.kind !== 'shopfloor-anomaly' || !this.forest) throw new Error('anomalies needs an anomaly model');
    const forest = this.forest;
    const hourly = hourlyAnomalyRows(history, from, to, this.artifact.columns);
    const found = hourly.rows.flatMap((row, i) => {
      const score = forest.score(row);
      if (score <= forest.threshold) return [];
      const factors = forest
        .explain(row, top)
        .map((c) => ({ feature: c.feature, value: Number.isNaN(c.value) ? null : c.value, contribution: c.contribution }));
      return [{ at: hourly.at[i], score, factors }];
    });
    return { scored: hourly.rows.length, found };
  }

  /**
   * A prediction request's `readings` checked against a tabular model's inputs: every key one of them, a finite
   * number for a numeric input, text (at most MAX_LEVEL_CHARS characters) or a number for a categorical one; at
   * least one given. Anything else is a ValidationFailed DomainError naming each bad key, never a crash.
   */
  readingsFrom(readings: Record<string, unknown>): Record<string, number | string> {
    const inputs = this.inputs;
    const categorical = new Set(this.categoricalInputs);
    const errors: FieldError[] = [];
    // No prototype: an input named like an Object member ("__proto__", "constructor") is just a key.
    const values = Object.create(null) as Record<string, number | string>;
    for (const [key, value] of Object.entries(readings)) {
      if (!inputs.includes(key))
        errors.push({ field: `readings.${key}`, message: `is not an input of the active model (its inputs: ${inputs.join(', ')})`, invalid_value: value });
      else if (typeof value === 'number' && Number.isFinite(value)) values[key] = value;
      else if (typeof value === 'string' && categorical.has(key) && value.length <= MAX_LEVEL_CHARS) values[key] = value;
      else
        errors.push({
          field: `readings.${key}`,
          message: categorical.has(key) ? `must be text of at most ${MAX_LEVEL_CHARS} characters (a categorical input)` : 'must be a finite number',
          invalid_value: value,
        });
    }
    if (errors.length === 0 && Object.keys(values).length === 0)
      errors.push({ field: 'readings', message: `must hold at least one of ${inputs.join(', ')}`, invalid_value: null });
    if (errors.length > 0) throw new DomainError(ErrorCode.ValidationFailed, `Invalid readings: ${errors.map((e) => e.field).join(', ')}`, { inputs }, errors);
    return values;
  }

  /**
   * One prediction from input values by name (absent = missing), with each feature's contribution to it: numbers for
   * numeric inputs, text for categorical ones (a number there is read as its text; an unknown level is missing).
   */
  explainInputs(values: Record<string, number | string>, top: number): { value: number; factors: Factor[] } {
    if (this.artifact.kind !== 'tabular' || !this.encoder) throw new Error('explainInputs needs a tabular model');
    const encoder = this.encoder;
    const wrong = encoder.layout.inputs.filter((name) => typeof values[name] === 'string');
    if (wrong.length > 0) {
      throw new DomainError(
        ErrorCode.ValidationFailed,
        `Invalid readings: ${wrong.map((name) => `readings.${name}`).join(', ')}`,
        { categorical_inputs: encoder.categoricalInputs },
        wrong.map((name) => ({
          field: `readings.${name}`,
          message: 'must be a finite number (only categorical inputs take text)',
          invalid_value: values[name],
        })),
      );
    }
    const has = (name: string): boolean => Object.prototype.hasOwnProperty.call(values, name);
    const inputs = Float64Array.from(encoder.layout.inputs, (name) => (has(name) ? (values[name] as number) : Number.NaN));
    const texts = encoder.categoricalInputs.map((name) => (has(name) ? String(values[name]) : null));
    const row = encoder.row(inputs, texts);
    const { values: contributions } = this.gbdt.contributions(row);
    const factors = this.featureNames
      .map((feature, i) => ({ feature, value: Number.isNaN(row[i]) ? null : row[i], contribution: contributions[i] }))
      .sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution))
      .slice(0, top);
    return { value: this.gbdt.predict(row, this.offset), factors };
  }
}

function lastRowOfEachGroup(table: DatasetTable): number[] {
  if (!table.groups || !table.orders) return Array.from({ length: table.rowCount }, (_, r) => r);
  const last = new Map<string, number>();
  for (let r = 0; r < table.rowCount; r += 1) {
    const seen = last.get(table.groups[r]);
    if (seen === undefined || table.orders[r] > table.orders[seen]) last.set(table.groups[r], r);
  }
  return [...last.values()].sort((a, b) => a - b);
}
