import { lowerBound } from '@shopfloor/util';
import type { GbdtRows } from './gbdt.types';

/** Split point strictly between two neighbouring distinct values a < b, so that a goes left and b right. */
function between(a: number, b: number): number {
  const mid = a / 2 + b / 2;
  return mid >= a && mid < b ? mid : a;
}

/** Upper edges of at most `maxBins` bins holding about equal numbers of the sorted values; ties stay in one bin. */
function quantileEdges(sorted: Float64Array, maxBins: number): Float64Array {
  const distinct: number[] = [];
  const upTo: number[] = []; // values ≤ distinct[j]
  sorted.forEach((v, i) => {
    if (i === 0 || v !== sorted[i - 1]) distinct.push(v);
    upTo[distinct.length - 1] = i + 1;
  });
  const edges: number[] = [];
  if (distinct.length <= maxBins) {
    for (let j = 1; j < distinct.length; j++) edges.push(between(distinct[j - 1], distinct[j]));
    return Float64Array.from(edges);
  }
  let k = 1;
  for (let j = 0; j < distinct.length - 1 && k < maxBins; j++) {
    if (upTo[j] >= (k * sorted.length) / maxBins) {
      edges.push(between(distinct[j], distinct[j + 1]));
      while (k < maxBins && upTo[j] >= (k * sorted.length) / maxBins) k++;
    }
  }
  return Float64Array.from(edges);
}

/**
 * Quantile bins per feature, as LightGBM and XGBoost's `hist` method: the tree learner then scans a few hundred bins per
 * feature instead of sorting rows at every node, which makes training linear in the row count. Bin b of feature f
 * holds values v with edges[b − 1] < v ≤ edges[b]; code `binCount(f)` holds missing values.
 */
export class FeatureBinner {
  private constructor(
    /** Sorted upper edges per feature; a split "≤ edges[f][b]" sends bins 0..b left. */
    readonly edges: readonly Float64Array[],
  ) {}

  /** Learns the edges from the given rows (the training part only). */
  static fit(rows: GbdtRows, indices: readonly number[], featureCount: number, maxBins: number): FeatureBinner {
    const edges: Float64Array[] = [];
    const values = new Float64Array(indices.length);
    for (let f = 0; f < featureCount; f++) {
      let m = 0;
      for (const i of indices) {
        const v = rows[i][f];
        if (!Number.isNaN(v)) values[m++] = v;
      }
      edges.push(quantileEdges(values.subarray(0, m).sort(), maxBins));
    }
    return new FeatureBinner(edges);
  }

  get featureCount(): number {
    return this.edges.length;
  }

  /** Bins with values; the missing-value code is this number. */
  binCount(feature: number): number {
    return this.edges[feature].length + 1;
  }

  /** Bin codes of the given rows, row-major (`codes[k * featureCount + f]` for the k-th index). */
  bin(rows: GbdtRows, indices: readonly number[]): Uint16Array {
    const width = this.featureCount;
    const codes = new Uint16Array(indices.length * width);
    indices.forEach((i, k) => {
      const row = rows[i];
      for (let f = 0; f < width; f++) codes[k * width + f] = this.code(f, row[f]);
    });
    return codes;
  }

  /** Number of edges below v (binary search), or the missing code for NaN. */
  code(feature: number, v: number): number {
    const edges = this.edges[feature];
    if (Number.isNaN(v)) return edges.length + 1;
    return lowerBound(edges, v);
  }
}
