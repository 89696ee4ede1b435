import { GradientBoostedTrees, SeriesFeaturePlan, type GbdtArtifact, type SeriesFeaturePlanJson } from '@shopfloor/ml/models';
import { seriesRows, inputsFor, type DatasetTable } from './dataset-table';
import { tabularFeatureNames, tabularRow, type TabularLayout } from './tabular-features';

/** What the registry stores for a model trained on a dataset (gzip-compressed JSON). */
export type ModelArtifact =
  | { format: 1; kind: 'tabular'; objective: 'binary' | 'regression'; layout: TabularLayout; threshold: number | null; gbdt: GbdtArtifact }
  | { format: 1; kind: 'series'; objective: 'binary' | 'regression'; inputs: string[]; plan: SeriesFeaturePlanJson; threshold: number | null; gbdt: GbdtArtifact };

export interface Factor {
  feature: string;
  value: number | null;
  contribution: number;
}

/** A stored model made usable: scores dataset rows, or one row of input values with its factors. */
export class TrainedModel {
  private constructor(
    readonly artifact: ModelArtifact,
    private readonly gbdt: GradientBoostedTrees,
    private readonly plan: SeriesFeaturePlan | null,
    readonly featureNames: string[],
  ) {}

  static fromArtifact(artifact: ModelArtifact): TrainedModel {
    const gbdt = GradientBoostedTrees.fromJSON(artifact.gbdt);
    if (artifact.kind === 'tabular') return new TrainedModel(artifact, gbdt, null, tabularFeatureNames(artifact.layout));
    const plan = SeriesFeaturePlan.fromJSON(artifact.plan);
    return new TrainedModel(artifact, gbdt, plan, plan.names);
  }

  get inputs(): string[] {
    return this.artifact.kind === 'tabular' ? this.artifact.layout.inputs : this.artifact.inputs;
  }

  get threshold(): number | null {
    return this.artifact.threshold;
  }

  /** Scores the dataset's rows (`last`: only each group's last row, for time series; every row otherwise). */
  score(table: DatasetTable, at: 'all' | 'last'): { rows: number[]; scores: Float64Array } {
    if (this.artifact.kind === 'tabular') {
      const layout = this.artifact.layout;
      const columns = inputsFor(table, layout.inputs);
      const rows = at === 'last' && table.groups ? lastRowOfEachGroup(table) : Array.from({ length: table.rowCount }, (_, r) => r);
      const scores = new Float64Array(rows.length);
      const inputs = new Float64Array(columns.length);
      const row = new Float64Array(this.featureNames.length);
      rows.forEach((r, i) => {
        for (let c = 0; c < columns.length; c += 1) inputs[c] = columns[c][r];
        scores[i] = this.gbdt.predict(tabularRow(layout, inputs, row));
      });
      return { rows, scores };
    }
    const plan = this.plan as SeriesFeaturePlan;
    const objects = seriesRows(table, this.artifact.inputs, plan.toJSON().group, plan.toJSON().order);
    const features = plan.transform(objects);
    const rows = at === 'last' ? lastRowOfEachGroup(table) : Array.from({ length: table.rowCount }, (_, r) => r);
    return { rows, scores: Float64Array.from(rows, (r) => this.gbdt.predict(features.matrix[r])) };
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
