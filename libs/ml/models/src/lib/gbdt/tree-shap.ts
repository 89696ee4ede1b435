import type { DecisionTree, GbdtRow } from './gbdt.types';

/**
 * Exact SHAP values of tree ensembles in polynomial time: Lundberg, Erion & Lee, "Consistent Individualized Feature
 * Attribution for Tree Ensembles" (2018), Algorithm 2 — the path-dependent variant, where a feature outside the
 * coalition follows both branches weighted by the training rows (cover) that went each way. Follows the reference
 * implementation in XGBoost (`RegTree::TreeShap`). Per tree, Σ φ = f(x) − E[f], E[f] the cover-weighted leaf mean.
 *
 * The "unique path" of the current node is kept in four parallel arrays; each recursion level copies it to a fresh
 * slice, so the scratch holds (depth + 2)(depth + 3)/2 elements.
 */
export class TreeShap {
  private readonly pathFeature: Int32Array;
  private readonly zero: Float64Array;
  private readonly one: Float64Array;
  private readonly weight: Float64Array;

  constructor(maxDepth: number) {
    const size = ((maxDepth + 2) * (maxDepth + 3)) / 2 + 1;
    this.pathFeature = new Int32Array(size);
    this.zero = new Float64Array(size);
    this.one = new Float64Array(size);
    this.weight = new Float64Array(size);
  }

  /** Adds the tree's SHAP values for `row` to `phi` (one entry per feature). */
  accumulate(tree: DecisionTree, row: GbdtRow, phi: Float64Array): void {
    this.recurse(tree, row, phi, 0, 0, 0, 1, 1, -1);
  }

  private recurse(
    tree: DecisionTree,
    row: GbdtRow,
    phi: Float64Array,
    node: number,
    parentOffset: number,
    depth: number,
    parentZero: number,
    parentOne: number,
    parentFeature: number,
  ): void {
    const offset = parentOffset + depth + 1;
    this.pathFeature.copyWithin(offset, parentOffset, parentOffset + depth + 1);
    this.zero.copyWithin(offset, parentOffset, parentOffset + depth + 1);
    this.one.copyWithin(offset, parentOffset, parentOffset + depth + 1);
    this.weight.copyWithin(offset, parentOffset, parentOffset + depth + 1);
    this.extend(offset, depth, parentZero, parentOne, parentFeature);

    const feature = tree.feature[node];
    if (feature === -1) {
      const value = tree.value[node];
      for (let i = 1; i <= depth; i++) {
        const w = this.unwoundSum(offset, depth, i);
        phi[this.pathFeature[offset + i]] += w * (this.one[offset + i] - this.zero[offset + i]) * value;
      }
      return;
    }
    const v = row[feature];
    const left = tree.left[node];
    const goLeft = Number.isNaN(v) ? tree.missingLeft[node] === 1 : v <= tree.threshold[node];
    const hot = goLeft ? left : left + 1;
    const cold = goLeft ? left + 1 : left;
    const cover = tree.cover[node];
    let incomingZero = 1;
    let incomingOne = 1;
    // A feature already on the path is undone and redone here, so each feature appears once (it is "unique").
    let pathIndex = 0;
    while (pathIndex <= depth && this.pathFeature[offset + pathIndex] !== feature) pathIndex++;
    let nextDepth = depth;
    if (pathIndex <= depth) {
      incomingZero = this.zero[offset + pathIndex];
      incomingOne = this.one[offset + pathIndex];
      this.unwind(offset, depth, pathIndex);
      nextDepth = depth - 1;
    }
    const hotZero = (tree.cover[hot] / cover) * incomingZero;
    const coldZero = (tree.cover[cold] / cover) * incomingZero;
    this.recurse(tree, row, phi, hot, offset, nextDepth + 1, hotZero, incomingOne, feature);
    this.recurse(tree, row, phi, cold, offset, nextDepth + 1, coldZero, 0, feature);
  }

  private extend(o: number, depth: number, zero: number, one: number, feature: number): void {
    const w = this.weight;
    this.pathFeature[o + depth] = feature;
    this.zero[o + depth] = zero;
    this.one[o + depth] = one;
    w[o + depth] = depth === 0 ? 1 : 0;
    for (let i = depth - 1; i >= 0; i--) {
      w[o + i + 1] += (one * w[o + i] * (i + 1)) / (depth + 1);
      w[o + i] = (zero * w[o + i] * (depth - i)) / (depth + 1);
    }
  }

  private unwind(o: number, depth: number, pathIndex: number): void {
    const w = this.weight;
    const one = this.one[o + pathIndex];
    const zero = this.zero[o + pathIndex];
    let nextOne = w[o + depth];
    for (let i = depth - 1; i >= 0; i--) {
      if (one !== 0) {
        const tmp = w[o + i];
        w[o + i] = (nextOne * (depth + 1)) / ((i + 1) * one);
        nextOne = tmp - (w[o + i] * zero * (depth - i)) / (depth + 1);
      } else {
        w[o + i] = (w[o + i] * (depth + 1)) / (zero * (depth - i));
      }
    }
    for (let i = pathIndex; i < depth; i++) {
      this.pathFeature[o + i] = this.pathFeature[o + i + 1];
      this.zero[o + i] = this.zero[o + i + 1];
      this.one[o + i] = this.one[o + i + 1];
    }
  }

  /** Σ of the path weights with element `pathIndex` removed, without changing the path. */
  private unwoundSum(o: number, depth: number, pathIndex: number): number {
    const w = this.weight;
    const one = this.one[o + pathIndex];
    const zero = this.zero[o + pathIndex];
    let nextOne = w[o + depth];
    let total = 0;
    for (let i = depth - 1; i >= 0; i--) {
      if (one !== 0) {
        const tmp = (nextOne * (depth + 1)) / ((i + 1) * one);
        total += tmp;
        nextOne = w[o + i] - tmp * zero * ((depth - i) / (depth + 1));
      } else {
        total += w[o + i] / zero / ((depth - i) / (depth + 1));
      }
    }
    return total;
  }
}
