import type { SeededRandom } from '@shopfloor/util';

export interface GrowOptions {
  trees: number;
  /** ψ, at most the number of rows. */
  sampleSize: number;
  random: SeededRandom;
}

/** Trees in preorder, tree after tree: the layout `IsolationTreeSet` reads. */
export interface GrownTrees {
  treeNodes: Int32Array;
  /** Split feature per node, −1 for a leaf. */
  feature: Int16Array;
  /** Split value per internal node; training-row count per leaf. */
  value: Float64Array;
}

/**
 * Grows isolation trees (Liu, Ting & Zhou 2008, Algorithms 1–2) on standardised, NaN-free, column-major values
 * (`columns[feature * rows + row]`): each tree takes ψ rows without replacement and splits on a random feature at a
 * uniform random point between that feature's minimum and maximum in the node, down to height ceil(log2 ψ) — the
 * depth of an average point, below which the paper shows nothing is learnt about anomalies.
 */
export function growIsolationTrees(columns: Float64Array, rows: number, features: number, options: GrowOptions): GrownTrees {
  const { trees, sampleSize, random } = options;
  const heightLimit = Math.ceil(Math.log2(sampleSize));
  const maxNodesPerTree = 2 * sampleSize - 1;
  const feature = new Int16Array(trees * maxNodesPerTree);
  const value = new Float64Array(trees * maxNodesPerTree);
  const treeNodes = new Int32Array(trees);

  // Each tree copies its sample into a small column-major block, so the splits scan contiguous memory.
  const sample = new Float64Array(sampleSize * features);
  const order = new Int32Array(sampleSize);
  const rowPool = Int32Array.from({ length: rows }, (_, i) => i);
  const featureOrder = Int32Array.from({ length: features }, (_, i) => i);
  let next = 0;

  const grow = (start: number, end: number, depth: number): void => {
    const node = next++;
    const n = end - start;
    if (depth >= heightLimit || n <= 1) return leaf(node, n);

    // Draws features without replacement until one is not constant within the node (as scikit-learn does): a split
    // on a constant feature would leave one side empty and waste a level.
    let splitFeature = -1;
    let low = 0;
    let high = 0;
    for (let k = 0; k < features && splitFeature < 0; k++) {
      const pick = k + random.below(features - k);
      const f = featureOrder[pick];
      featureOrder[pick] = featureOrder[k];
      featureOrder[k] = f;
      const base = f * sampleSize;
      low = Infinity;
      high = -Infinity;
      for (let i = start; i < end; i++) {
        const v = sample[base + order[i]];
        if (v < low) low = v;
        if (v > high) high = v;
      }
      if (high > low) splitFeature = f;
    }
    if (splitFeature < 0) return leaf(node, n);

    // low < split ≤ high puts the minimum left (x < split) and the maximum right, so neither side is empty.
    let split = low;
    while (!(split > low && split <= high)) split = low + random.next() * (high - low);

    const base = splitFeature * sampleSize;
    let middle = start;
    for (let i = start; i < end; i++) {
      if (sample[base + order[i]] < split) {
        const swap = order[i];
        order[i] = order[middle];
        order[middle++] = swap;
      }
    }
    feature[node] = splitFeature;
    value[node] = split;
    grow(start, middle, depth + 1);
    grow(middle, end, depth + 1);
  };

  const leaf = (node: number, n: number): void => {
    feature[node] = -1;
    value[node] = n;
  };

  let written = 0;
  for (let t = 0; t < trees; t++) {
    // Partial Fisher–Yates: the first ψ entries of the pool become this tree's sample.
    for (let i = 0; i < sampleSize; i++) {
      const pick = i + random.below(rows - i);
      const row = rowPool[pick];
      rowPool[pick] = rowPool[i];
      rowPool[i] = row;
      for (let f = 0; f < features; f++) sample[f * sampleSize + i] = columns[f * rows + row];
      order[i] = i;
    }
    next = written;
    grow(0, sampleSize, 0);
    treeNodes[t] = next - written;
    written = next;
  }
  return { treeNodes, feature: feature.slice(0, written), value: value.slice(0, written) };
}
