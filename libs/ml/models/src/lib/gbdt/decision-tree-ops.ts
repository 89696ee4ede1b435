import type { DecisionTree, GbdtRow } from './gbdt.types';

/** The leaf a row falls in: `x <= threshold` goes left, NaN follows the node's learned default direction. */
export function leafOf(tree: DecisionTree, row: GbdtRow): number {
  const { feature, threshold, missingLeft, left } = tree;
  let node = 0;
  while (feature[node] !== -1) {
    const v = row[feature[node]];
    const goLeft = Number.isNaN(v) ? missingLeft[node] === 1 : v <= threshold[node];
    node = goLeft ? left[node] : left[node] + 1;
  }
  return node;
}

/** Cover-weighted mean of the leaf values: the tree's output when no feature is known (SHAP's base value). */
export function expectedValue(tree: DecisionTree): number {
  let sum = 0;
  tree.feature.forEach((f, node) => {
    if (f === -1) sum += tree.value[node] * tree.cover[node];
  });
  return sum / tree.cover[0];
}

/** Edges on the longest root-to-leaf path. */
export function treeDepth(tree: DecisionTree): number {
  const depth = new Int32Array(tree.feature.length);
  let max = 0;
  tree.feature.forEach((f, node) => {
    if (f === -1) return;
    const child = tree.left[node];
    depth[child] = depth[child + 1] = depth[node] + 1;
    max = Math.max(max, depth[node] + 1);
  });
  return max;
}
