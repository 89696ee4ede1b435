import { quantileOfSorted } from './quantile-of-sorted';

/** 1.349 = the interquartile range of a standard normal, so a robust z-score reads like an ordinary one. */
const IQR_PER_SD = 1.349;

/**
 * Robust standardisation per feature: z = (x − median) / scale, where scale is the interquartile range over 1.349.
 * Medians and quartiles ignore the outliers the model is there to find, where mean and standard deviation would be
 * dragged by them. When over half the values are equal (a flag, a mostly idle sensor) the IQR — and the median absolute
 * deviation with it — is 0, so the scale falls back to the root-mean-square deviation from the median, and to 1 for a
 * constant feature. A missing value (NaN) becomes the training median, z = 0: the neutral value, so a gap in
 * one sensor neither raises nor lowers the score through that feature.
 */
export class RobustScaler {
  private constructor(
    readonly center: Float64Array,
    readonly scale: Float64Array,
  ) {}

  /**
   * Fits on a column-major matrix (`values[feature * rows + row]`).
   * @throws RangeError when a feature holds an infinite value or has no value at all.
   */
  static fit(values: Float64Array, rows: number, features: number, featureNames: readonly string[]): RobustScaler {
    const center = new Float64Array(features);
    const scale = new Float64Array(features);
    for (let f = 0; f < features; f++) {
      const column = values.subarray(f * rows, (f + 1) * rows);
      const present = column.filter((v) => !Number.isNaN(v)).sort();
      if (present.length === 0) throw new RangeError(`feature "${featureNames[f]}" has no value in any row (all NaN)`);
      if (!Number.isFinite(present[0]) || !Number.isFinite(present[present.length - 1])) {
        throw new RangeError(`feature "${featureNames[f]}" has an infinite value; use NaN for a missing one`);
      }
      const median = quantileOfSorted(present, 0.5);
      center[f] = median;
      scale[f] = RobustScaler.spread(present, median);
    }
    return new RobustScaler(center, scale);
  }

  /** @throws RangeError when a centre is not finite or a scale is not finite and positive. */
  static of(center: readonly number[], scale: readonly number[]): RobustScaler {
    if (center.length !== scale.length) throw new RangeError('center and scale must have the same length');
    center.forEach((c, f) => {
      if (!Number.isFinite(c)) throw new RangeError(`center[${f}] must be a finite number`);
      if (!Number.isFinite(scale[f]) || scale[f] <= 0) throw new RangeError(`scale[${f}] must be a finite positive number`);
    });
    return new RobustScaler(Float64Array.from(center), Float64Array.from(scale));
  }

  /** The robust z-score of one value of a feature; NaN (missing) gives 0, the median. */
  standardise(value: number, feature: number): number {
    return Number.isNaN(value) ? 0 : (value - this.center[feature]) / this.scale[feature];
  }

  private static spread(sorted: Float64Array, median: number): number {
    const iqr = quantileOfSorted(sorted, 0.75) - quantileOfSorted(sorted, 0.25);
    if (iqr > 0) return iqr / IQR_PER_SD;
    let sumSquares = 0;
    for (const v of sorted) sumSquares += (v - median) ** 2;
    const sd = Math.sqrt(sumSquares / sorted.length);
    return sd > 0 ? sd : 1;
  }
}
