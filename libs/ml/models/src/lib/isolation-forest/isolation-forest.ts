import { averagePathLength } from './average-path-length';
import { growIsolationTrees } from './grow-isolation-trees';
import type { AnomalyContribution, IsolationForestRow, IsolationForestJson, IsolationForestParams } from './isolation-forest.types';
import { IsolationTreeSet } from './isolation-tree-set';
import { quantileOfSorted } from './quantile-of-sorted';
import { RobustScaler } from './robust-scaler';
import { spreadSeed, SeededRandom } from '@shopfloor/util';
import { TypedArrayBase64 } from './typed-array-base64';

const DEFAULTS = { trees: 200, sampleSize: 256, seed: 1, contamination: 0.01 };
/** Split features are stored as int16. */
const MAX_FEATURES = 32_767;
const FORMAT = 'isolation-forest';
const VERSION = 1;

/**
 * The ml service's `anomaly` model: an isolation forest (Liu, Ting & Zhou 2008) over readings and cycle features.
 * Anomalies are few and different, so random axis-aligned splits cut them off in fewer steps than normal rows; the score
 * s = 2^(−E[h(x)] / c(ψ)) is near 1 for a row isolated early, near 0.5 or below for an ordinary one.
 *
 * Features are standardised robustly (median / IQR) at fit, and a missing value (NaN) is imputed with the training
 * median, the neutral z = 0. Random splits between a node's min and max do not care about units anyway; the scaling
 * makes the stored splits unit-free and gives `explain` its z-scores.
 *
 * Limitations (both shown in the spec):
 * - Splits are axis-aligned, so a row that breaks a correlation between features while each value stays within its
 *   usual range (spindle power too low for the load) is cut off late and often stays under the threshold. Give the
 *   model the relationship as a feature (a ratio or residual) when that kind of fault matters.
 * - Splits fall inside the training range, so every value beyond it scores like the most extreme training value, and
 *   an excursion on one feature among many is diluted (that feature is picked for only 1/d of the splits). Compare
 *   `explain`'s z-scores, or keep each forest to a few related features, when single-sensor excursions matter.
 */
export class IsolationForest {
  /** c(ψ): the average path length the scores are normalised by. */
  private readonly normaliser: number;
  /** Reused per call to standardise a row and to gather attributions without allocating. */
  private readonly standardised: Float64Array;
  private readonly shortening: Float64Array;

  private constructor(
    readonly featureNames: readonly string[],
    private readonly scaler: RobustScaler,
    private readonly forest: IsolationTreeSet,
    readonly contamination: number,
    /** A row scoring above this is an anomaly: the (1 − contamination) quantile of the training rows' scores. */
    readonly threshold: number,
  ) {
    this.normaliser = averagePathLength(forest.sampleSize);
    this.standardised = new Float64Array(featureNames.length);
    this.shortening = new Float64Array(featureNames.length);
  }

  /**
   * Grows the forest on `rows` (one value per feature each, NaN for missing) and sets the threshold so that about
   * `contamination` of them score above it. Deterministic for the same rows, params and seed.
   * @throws RangeError on empty or ragged rows, an infinite or non-numeric value, an all-missing feature, or params out of range.
   */
  static fit(rows: readonly IsolationForestRow[], params: IsolationForestParams = {}): IsolationForest {
    const trees = params.trees ?? DEFAULTS.trees;
    const sampleSize = params.sampleSize ?? DEFAULTS.sampleSize;
    const seed = params.seed ?? DEFAULTS.seed;
    const contamination = params.contamination ?? DEFAULTS.contamination;
    // Checked through an alias: Array.isArray would narrow the readonly rows themselves to any[].
    const list: unknown = rows;
    if (!Array.isArray(list) || rows.length < 2) throw new RangeError('fit needs at least 2 rows');
    const features = rows[0]?.length ?? 0;
    if (!Number.isInteger(features) || features < 1 || features > MAX_FEATURES) {
      throw new RangeError(`each row needs 1..${MAX_FEATURES} features`);
    }
    if (!Number.isInteger(trees) || trees < 1) throw new RangeError('trees must be a positive integer');
    if (!Number.isInteger(sampleSize) || sampleSize < 2) throw new RangeError('sampleSize must be an integer of at least 2');
    if (!Number.isSafeInteger(seed)) throw new RangeError('seed must be an integer');
    checkContamination(contamination);
    const featureNames = params.featureNames ?? Array.from({ length: features }, (_, f) => `f${f}`);
    checkFeatureNames(featureNames, features);

    const n = rows.length;
    const columns = new Float64Array(n * features);
    rows.forEach((row, i) => {
      if (row?.length !== features) throw new RangeError(`row ${i} has ${row?.length} values, expected ${features}`);
      for (let f = 0; f < features; f++) {
        const v = row[f];
        if (typeof v !== 'number' || v === Infinity || v === -Infinity) {
          throw new RangeError(`row ${i}, feature "${featureNames[f]}": ${String(v)} is not a finite number or NaN (missing)`);
        }
        columns[f * n + i] = v;
      }
    });
    const scaler = RobustScaler.fit(columns, n, features, featureNames);
    for (let f = 0; f < features; f++) {
      for (let i = f * n; i < (f + 1) * n; i++) columns[i] = scaler.standardise(columns[i], f);
    }

    const psi = Math.min(sampleSize, n);
    const grown = growIsolationTrees(columns, n, features, { trees, sampleSize: psi, random: new SeededRandom(spreadSeed(seed)) });
    const forest = IsolationTreeSet.from(grown, features, psi);

    const normaliser = averagePathLength(psi);
    const scores = forest.meanPathLengths(columns, n).map((path) => 2 ** (-path / normaliser));
    const threshold = quantileOfSorted(scores.sort(), 1 - contamination);
    return new IsolationForest(Object.freeze([...featureNames]), scaler, forest, contamination, threshold);
  }

  /**
   * Loads a model saved with `toJSON`; it scores exactly as the saved one did.
   * @throws RangeError when `json` is not a well-formed model of this format and version.
   */
  static fromJSON(json: unknown): IsolationForest {
    if (typeof json !== 'object' || json === null) throw new RangeError('an isolation forest model must be an object');
    const model = json as Partial<Record<keyof IsolationForestJson, unknown>>;
    if (model.format !== FORMAT || model.version !== VERSION) {
      throw new RangeError(`not an ${FORMAT} model of version ${VERSION} (format ${String(model.format)}, version ${String(model.version)})`);
    }
    const featureNames = model.featureNames;
    if (!Array.isArray(featureNames)) throw new RangeError('featureNames must be an array');
    checkFeatureNames(featureNames, featureNames.length);
    const features = featureNames.length;
    if (features < 1 || features > MAX_FEATURES) throw new RangeError(`a model needs 1..${MAX_FEATURES} features`);
    const center = numberArray(model.center, 'center', features);
    const scale = numberArray(model.scale, 'scale', features);
    const { sampleSize, contamination, threshold, treeNodes } = model;
    if (typeof sampleSize !== 'number' || !Number.isInteger(sampleSize) || sampleSize < 2) {
      throw new RangeError('sampleSize must be an integer of at least 2');
    }
    checkContamination(contamination);
    if (typeof threshold !== 'number' || !(threshold >= 0 && threshold <= 1)) throw new RangeError('threshold must be in [0, 1]');
    const nodes = numberArray(treeNodes, 'treeNodes');
    // Checked before the int32 conversion, which would truncate or wrap a bad count into a plausible one.
    if (!nodes.every((count) => Number.isInteger(count) && count >= 1 && count <= 2 ** 31 - 1)) {
      throw new RangeError('treeNodes must be positive integers');
    }
    const forest = IsolationTreeSet.from(
      {
        treeNodes: Int32Array.from(nodes),
        feature: TypedArrayBase64.toInt16(model.feature as string, 'feature'),
        value: TypedArrayBase64.toFloat64(model.value as string, 'value'),
      },
      features,
      sampleSize,
    );
    return new IsolationForest(Object.freeze([...(featureNames as string[])]), RobustScaler.of(center, scale), forest, contamination, threshold);
  }

  /** The anomaly score in (0, 1): near 1 clearly anomalous, 0.5 or below ordinary. */
  score(row: IsolationForestRow): number {
    return this.scoreOfPath(this.forest.meanPathLength(this.standardise(row)));
  }

  isAnomaly(row: IsolationForestRow): boolean {
    return this.score(row) > this.threshold;
  }

  /**
   * The `top` features most responsible for this row's score, largest contribution first.
   *
   * Attribution: on each tree, every split on the row's path is credited with how much it shortened the path against
   * the training rows that reached the same node (`IsolationTreeSet.attribute`); a feature gets the credits of its
   * splits, averaged over trees. These sum to meanTrainingPath − E[h(x)], which is converted to score points by the
   * slope of s = 2^(−h/c(ψ)) between the two path lengths, so the contributions of all features add up exactly to
   * score(row) − baselineScore. Linear in the number of splits on the path: as cheap as scoring.
   * @throws RangeError when the row is invalid or `top` is not a non-negative integer.
   */
  explain(row: IsolationForestRow, top = 3): AnomalyContribution[] {
    if (!Number.isInteger(top) || top < 0) throw new RangeError('top must be a non-negative integer');
    const x = this.standardise(row);
    const path = this.forest.attribute(x, this.shortening);
    const baselinePath = this.forest.meanTrainingPath;
    const score = this.scoreOfPath(path);
    const gap = baselinePath - path;
    // Secant slope of the score curve; at (almost) equal paths, its derivative.
    const slope = Math.abs(gap) > 1e-12 ? (score - this.baselineScore) / gap : (score * Math.LN2) / this.normaliser;
    return this.featureNames
      .map((feature, f) => ({ feature, value: row[f], zScore: x[f], contribution: this.shortening[f] * slope }))
      .sort((a, b) => b.contribution - a.contribution)
      .slice(0, top);
  }

  /** The score of a row whose path is as long as the training rows' average: what `explain` measures against. */
  get baselineScore(): number {
    return this.scoreOfPath(this.forest.meanTrainingPath);
  }

  get trees(): number {
    return this.forest.trees;
  }

  /** ψ, the rows each tree was grown on. */
  get sampleSize(): number {
    return this.forest.sampleSize;
  }

  toJSON(): IsolationForestJson {
    const { treeNodes, feature, value } = this.forest.nodes;
    return {
      format: FORMAT,
      version: VERSION,
      featureNames: [...this.featureNames],
      center: Array.from(this.scaler.center),
      scale: Array.from(this.scaler.scale),
      sampleSize: this.forest.sampleSize,
      contamination: this.contamination,
      threshold: this.threshold,
      treeNodes: Array.from(treeNodes),
      feature: TypedArrayBase64.fromInt16(feature),
      value: TypedArrayBase64.fromFloat64(value),
    };
  }

  private scoreOfPath(meanPath: number): number {
    return 2 ** (-meanPath / this.normaliser);
  }

  /** The row's robust z-scores in the shared buffer. */
  private standardise(row: IsolationForestRow): Float64Array {
    const features = this.featureNames.length;
    if (row?.length !== features) throw new RangeError(`a row needs ${features} values, got ${row?.length}`);
    for (let f = 0; f < features; f++) {
      const v = row[f];
      if (typeof v !== 'number' || v === Infinity || v === -Infinity) {
        throw new RangeError(`feature "${this.featureNames[f]}": ${String(v)} is not a finite number or NaN (missing)`);
      }
      this.standardised[f] = this.scaler.standardise(v, f);
    }
    return this.standardised;
  }
}

function checkContamination(contamination: unknown): asserts contamination is number {
  if (typeof contamination !== 'number' || !(contamination >= 0 && contamination <= 0.5)) {
    throw new RangeError('contamination must be in [0, 0.5]');
  }
}

function checkFeatureNames(names: readonly unknown[], features: number): void {
  if (names.length !== features) throw new RangeError(`featureNames has ${names.length} names for ${features} features`);
  if (names.some((name) => typeof name !== 'string' || name === '')) throw new RangeError('feature names must be non-empty strings');
  if (new Set(names).size !== names.length) throw new RangeError('feature names must be unique');
}

function numberArray(values: unknown, what: string, length?: number): number[] {
  if (!Array.isArray(values) || values.some((v) => typeof v !== 'number')) throw new RangeError(`${what} must be an array of numbers`);
  if (length !== undefined && values.length !== length) throw new RangeError(`${what} must have ${length} entries`);
  return values as number[];
}
