import { expectedValue, leafOf } from './decision-tree-ops';
import { parseGbdtArtifact } from './gbdt-artifact';
import { trainGbdt } from './gbdt-trainer';
import type { DecisionTree, GbdtRow, GbdtRows, GbdtArtifact, GbdtHooks, GbdtObjective, GbdtParams, ResolvedGbdtParams } from './gbdt.types';
import { resolveGbdtParams } from './resolve-gbdt-params';
import { prepareShapTree, TreeShap, type ShapTree } from './tree-shap';

/** Per-feature contributions to one row's margin: `base + Σ values = margin(row)`. */
export interface GbdtContributions {
  /** The ensemble's expected margin over the training rows (SHAP base value). */
  base: number;
  /** One entry per feature, in margin units (log-odds for binary). */
  values: Float64Array;
}

/**
 * Histogram-based gradient-boosted decision trees (in the manner of LightGBM / XGBoost `hist`): training is linear in
 * the number of rows, so a model over 10⁴–10⁵ rows retrains in seconds in the background. Binary (logistic) or
 * regression (squared error); NaN features are missing values with a learned direction per split. Explanations are
 * exact TreeSHAP values. Immutable once trained; `toJSON`/`fromJSON` store and restore it.
 */
export class GradientBoostedTrees {
  readonly featureNames: readonly string[];
  /** Σ over trees of their expected value, added to `baseScore`: the base of `contributions`. */
  private readonly expectedMargin: number;
  private readonly shap: TreeShap;
  /** The trees with TreeSHAP's row-independent quantities, computed once. */
  private readonly shapTrees: readonly ShapTree[];

  private constructor(
    readonly objective: GbdtObjective,
    featureNames: readonly string[],
    private readonly baseScore: number,
    private readonly trees: readonly DecisionTree[],
    /** The settings it was trained with. */
    readonly params: Readonly<ResolvedGbdtParams>,
  ) {
    this.featureNames = Object.freeze([...featureNames]);
    this.expectedMargin = trees.reduce((sum, tree) => sum + expectedValue(tree), baseScore);
    this.shapTrees = trees.map(prepareShapTree);
    this.shap = new TreeShap(this.shapTrees.reduce((max, tree) => Math.max(max, tree.depth), 0));
  }

  /**
   * Trains on `rows` (one array of features per row, NaN for missing) and `labels` (0/1 for binary). Deterministic
   * for a given seed. Throws a RangeError on bad parameters or data.
   */
  static fit(rows: GbdtRows, labels: readonly number[], params: GbdtParams, hooks: GbdtHooks = {}): GradientBoostedTrees {
    const resolved = resolveGbdtParams(params);
    const given = hooks.featureNames;
    if (given && rows.length > 0 && given.length !== rows[0].length) {
      throw new RangeError(`${given.length} feature names for ${rows[0].length} features`);
    }
    const { baseScore, trees, featureCount } = trainGbdt(rows, labels, resolved, hooks.onProgress, hooks.offsets);
    const names = given ?? Array.from({ length: featureCount }, (_, f) => `f${f}`);
    return new GradientBoostedTrees(resolved.objective, names, baseScore, trees, resolved);
  }

  /** Restores a model from `toJSON()` output; throws a RangeError if the artifact is malformed. */
  static fromJSON(artifact: unknown): GradientBoostedTrees {
    const { artifact: a, trees } = parseGbdtArtifact(artifact);
    return new GradientBoostedTrees(a.objective, a.featureNames, a.baseScore, trees, a.params);
  }

  get featureCount(): number {
    return this.featureNames.length;
  }

  get treeCount(): number {
    return this.trees.length;
  }

  /** Raw score: log-odds for binary, the predicted value for regression (`offset`: the row's, if trained with offsets). */
  margin(row: GbdtRow, offset = 0): number {
    this.assertRow(row);
    let sum = this.baseScore + offset;
    for (const tree of this.trees) sum += tree.value[leafOf(tree, row)];
    return sum;
  }

  /** Probability of label 1 for binary, the predicted value for regression. */
  predict(row: GbdtRow, offset = 0): number {
    const m = this.margin(row, offset);
    return this.objective === 'binary' ? 1 / (1 + Math.exp(-m)) : m;
  }

  predictMany(rows: GbdtRows): Float64Array {
    return Float64Array.from(rows, (row: GbdtRow) => this.predict(row));
  }

  /**
   * Exact TreeSHAP attribution of `margin(row)` to each feature (Lundberg et al. 2018, path-dependent). For a model
   * trained with offsets it explains the trees' part; the offset is the caller's to attribute.
   */
  contributions(row: GbdtRow): GbdtContributions {
    this.assertRow(row);
    const values = new Float64Array(this.featureCount);
    for (const tree of this.shapTrees) this.shap.explain(tree, row, values);
    return { base: this.expectedMargin, values };
  }

  toJSON(): GbdtArtifact {
    return {
      format: 'gbdt',
      version: 1,
      objective: this.objective,
      featureNames: [...this.featureNames],
      baseScore: this.baseScore,
      params: { ...this.params },
      trees: this.trees.map((tree) => ({
        feature: Array.from(tree.feature),
        threshold: Array.from(tree.threshold),
        missingLeft: Array.from(tree.missingLeft),
        left: Array.from(tree.left),
        value: Array.from(tree.value),
        cover: Array.from(tree.cover),
      })),
    };
  }

  private assertRow(row: GbdtRow): void {
    if (row.length !== this.featureCount) {
      throw new RangeError(`row has ${row.length} features, the model ${this.featureCount}`);
    }
  }
}
