import { GradientBoostedTrees, IsolationForest, SeriesFeaturePlan, type GbdtArtifact, type SeriesFeaturePlanJson } from '@shopfloor/ml/models';
import type { MachineHistory } from '@shopfloor/ml/features';
import { DomainError, ErrorCode } from '@shopfloor/contracts';
import { seriesRows, inputsFor, type DatasetTable } from './dataset-table';
import { hourlyAnomalyRows, type AnomalyArtifact } from './shopfloor-anomaly';
import { bound, maintenanceRow, type MaintenanceArtifact } from './shopfloor-maintenance';
import { downtimeFeatureNames, downtimeRow, type DowntimeArtifact } from './shopfloor-trainer';
import { tabularFeatureNames, tabularRow, type TabularLayout } from './tabular-features';

/** What the registry stores for a model trained on a dataset (gzip-compressed JSON). */
export type ModelArtifact =
  | { format: 1; kind: 'tabular'; objective: 'binary' | 'regression'; layout: TabularLayout; threshold: number | null; cap?: number | null; gbdt: GbdtArtifact }
  | { format: 1; kind: 'series'; objective: 'binary' | 'regression'; inputs: string[]; plan: SeriesFeaturePlanJson; threshold: number | null; cap?: number | null; gbdt: GbdtArtifact }
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
  ) {}

  static fromArtifact(artifact: ModelArtifact): TrainedModel {
    if (artifact.kind === 'shopfloor-anomaly') return new TrainedModel(artifact, null, null, artifact.columns, IsolationForest.fromJSON(artifact.forest));
    const gbdt = GradientBoostedTrees.fromJSON(artifact.gbdt);
    if (artifact.kind === 'tabular') return new TrainedModel(artifact, gbdt, null, tabularFeatureNames(artifact.layout));
    if (artifact.kind === 'shopfloor-downtime') return new TrainedModel(artifact, gbdt, null, downtimeFeatureNames(artifact.features));
    if (artifact.kind === 'shopfloor-maintenance') return new TrainedModel(artifact, gbdt, null, gbdt.featureNames ? [...gbdt.featureNames] : []);
    const plan = SeriesFeaturePlan.fromJSON(artifact.plan);
    return new TrainedModel(artifact, gbdt, plan, plan.names);
  }

  get inputs(): string[] {
    switch (this.artifact.kind) {
      case 'tabular':
        return this.artifact.layout.inputs;
      case 'series':
        return this.artifact.inputs;
      case 'shopfloor-downtime':
      case 'shopfloor-anomaly':
      case 'shopfloor-maintenance':
        return [];
    }
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
      throw new DomainError(ErrorCode.ValidationFailed, 'This model learns from the shop-floor history; it is scored by its live accuracy (GET /api/v1/ml/models/{model_id}/accuracy), not on a dataset', null, [
        { field: 'model_id', message: 'is a shop-floor model', invalid_value: null },
      ]);
    }
    if (this.artifact.kind === 'tabular') {
      const layout = this.artifact.layout;
      const columns = inputsFor(table, layout.inputs);
      const rows = at === 'last' && table.groups ? lastRowOfEachGroup(table) : Array.from({ length: table.rowCount }, (_, r) => r);
      const scores = new Float64Array(rows.length);
      const inputs = new Float64Array(columns.length);
      const row = new Float64Array(this.featureNames.length);
      rows.forEach((r, i) => {
        for (let c = 0; c < columns.length; c += 1) inputs[c] = columns[c][r];
        scores[i] = this.bounded(this.gbdt.predict(tabularRow(layout, inputs, row)));
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
      const factors = forest.explain(row, top).map((c) => ({ feature: c.feature, value: Number.isNaN(c.value) ? null : c.value, contribution: c.contribution }));
      return [{ at: hourly.at[i], score, factors }];
    });
    return { scored: hourly.rows.length, found };
  }

  /** One prediction from input values by name (missing = NaN), with each feature's contribution to it. */
  explainInputs(values: Record<string, number>, top: number): { value: number; factors: Factor[] } {
    if (this.artifact.kind !== 'tabular') throw new Error('explainInputs needs a tabular model');
    const inputs = Float64Array.from(this.artifact.layout.inputs, (name) => (name in values ? values[name] : Number.NaN));
    const row = tabularRow(this.artifact.layout, inputs);
    const { values: contributions } = this.gbdt.contributions(row);
    const factors = this.featureNames
      .map((feature, i) => ({ feature, value: Number.isNaN(row[i]) ? null : row[i], contribution: contributions[i] }))
      .sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution))
      .slice(0, top);
    return { value: this.gbdt.predict(row), factors };
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
