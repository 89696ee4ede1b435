import { expectedValue, leafOf } from './decision-tree-ops';
import type { DecisionTree, GbdtRow } from './gbdt.types';
import { TreeShap } from './tree-shap';

/** E[f(x) | x_S] the path-dependent way (Lundberg et al. 2018, Algorithm 1): unknown features follow both branches. */
function conditional(tree: DecisionTree, row: GbdtRow, known: ReadonlySet<number>, node = 0): number {
  const f = tree.feature[node];
  if (f === -1) return tree.value[node];
  const left = tree.left[node];
  if (known.has(f)) {
    const v = row[f];
    const goLeft = Number.isNaN(v) ? tree.missingLeft[node] === 1 : v <= tree.threshold[node];
    return conditional(tree, row, known, goLeft ? left : left + 1);
  }
  const [cl, cr] = [tree.cover[left], tree.cover[left + 1]];
  return (cl * conditional(tree, row, known, left) + cr * conditional(tree, row, known, left + 1)) / tree.cover[node];
}

/** Shapley values by enumerating every coalition: exponential, fine for a handful of features. */
function bruteForceShap(tree: DecisionTree, row: GbdtRow, width: number): number[] {
  const factorial = (k: number): number => (k <= 1 ? 1 : k * factorial(k - 1));
  const phi = new Array<number>(width).fill(0);
  for (let i = 0; i < width; i++) {
    for (let mask = 0; mask < 1 << width; mask++) {
      if (mask & (1 << i)) continue;
      const s = new Set<number>();
      for (let j = 0; j < width; j++) if (mask & (1 << j)) s.add(j);
      const weight = (factorial(s.size) * factorial(width - s.size - 1)) / factorial(width);
      phi[i] += weight * (conditional(tree, row, new Set([...s, i])) - conditional(tree, row, s));
    }
  }
  return phi;
}

// x0 ≤ 0.5 ? (x1 ≤ 0 ? 1 : 3) : (x0 ≤ 2 ? −2 : (x2 ≤ 7, missing left ? 5 : −1)); x0 is split twice on one path.
const tree: DecisionTree = {
  feature: Int32Array.from([0, 1, 0, -1, -1, -1, 2, -1, -1]),
  threshold: Float64Array.from([0.5, 0, 2, 0, 0, 0, 7, 0, 0]),
  missingLeft: Uint8Array.from([0, 1, 0, 0, 0, 0, 1, 0, 0]),
  left: Int32Array.from([1, 3, 5, -1, -1, -1, 7, -1, -1]),
  value: Float64Array.from([0, 0, 0, 1, 3, -2, 0, 5, -1]),
  cover: Float64Array.from([100, 60, 40, 45, 15, 10, 30, 12, 18]),
};

describe(TreeShap.name, () => {
  const cases: [string, number[]][] = [
    ['a row down the left branch', [0.2, 1, 9, 4]],
    ['a row through the repeated split on x0', [3, -1, 6, 0]],
    ['a row with a missing value taking the default branch', [3, 0, NaN, 0]],
    ['a row with the splitting feature missing at the root', [NaN, -1, 8, 1]],
  ];

  it.each(cases)('matches brute-force Shapley values for %s', (_, row) => {
    const phi = new Float64Array(4);
    new TreeShap(3).accumulate(tree, row, phi);
    bruteForceShap(tree, row, 4).forEach((expected, f) => expect(phi[f]).toBeCloseTo(expected, 12));
  });

  it('adds up to the tree output minus its expected value, and gives an unused feature nothing', () => {
    const row = [3, -1, 8, 123];
    const phi = new Float64Array(4);
    new TreeShap(3).accumulate(tree, row, phi);
    expect(phi.reduce((a, b) => a + b)).toBeCloseTo(tree.value[leafOf(tree, row)] - expectedValue(tree), 12);
    expect(phi[3]).toBe(0);
  });
});
