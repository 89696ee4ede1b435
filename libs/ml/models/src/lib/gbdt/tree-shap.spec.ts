import { expectedValue, leafOf } from './decision-tree-ops';
import type { DecisionTree, GbdtRow } from './gbdt.types';
import { gaussLegendre, TreeShap } from './tree-shap';

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

/** Deterministic uniform numbers in [0, 1) (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A random tree of depth ≤ `depth` over `width` features in [0, 1), breadth-first. Level l mostly splits on feature
 * l mod width, so that many paths have `depth` distinct features (the most quadrature points), and some repeat one.
 */
function randomTree(depth: number, width: number, seed: number): DecisionTree {
  const next = random(seed);
  type Node = { feature: number; threshold: number; missingLeft: number; left: number; value: number; cover: number };
  const nodes: Node[] = [];
  const queue: [number, number][] = [[0, 1000]];
  nodes.push({ feature: -1, threshold: 0, missingLeft: 0, left: -1, value: 0, cover: 1000 });
  for (let i = 0; i < queue.length; i++) {
    const [level, cover] = queue[i];
    const node = nodes[i];
    if (level === depth || cover < 2 || (level >= 2 && next() < 0.2)) {
      node.value = 2 * next() - 1;
      continue;
    }
    const leftCover = Math.min(cover - 1, Math.max(1, Math.round(cover * (0.1 + 0.8 * next()))));
    const feature = next() < 0.7 ? level % width : Math.floor(next() * width);
    Object.assign(node, { feature, threshold: next(), missingLeft: next() < 0.5 ? 1 : 0 });
    node.left = nodes.length;
    for (const c of [leftCover, cover - leftCover]) {
      queue.push([level + 1, c]);
      nodes.push({ feature: -1, threshold: 0, missingLeft: 0, left: -1, value: 0, cover: c });
    }
  }
  return {
    feature: Int32Array.from(nodes, (n) => n.feature),
    threshold: Float64Array.from(nodes, (n) => n.threshold),
    missingLeft: Uint8Array.from(nodes, (n) => n.missingLeft),
    left: Int32Array.from(nodes, (n) => n.left),
    value: Float64Array.from(nodes, (n) => n.value),
    cover: Float64Array.from(nodes, (n) => n.cover),
  };
}

describe('TreeShap on deeper trees', () => {
  // Depth ≤ 6 runs the unrolled three-point code, deeper the general one; a larger maxDepth than needed is also exact.
  it.each([
    [5, 5, 5],
    [6, 6, 5],
    [6, 6, 6],
    [6, 9, 6],
    [8, 8, 8],
    [8, 16, 8],
  ])('matches brute-force Shapley values on random trees of depth %i, made for depth %i, over %i features', (depth, maxDepth, width) => {
    const shap = new TreeShap(maxDepth);
    for (let seed = 1; seed <= 4; seed++) {
      const sample = randomTree(depth, width, seed);
      const next = random(100 + seed);
      for (let r = 0; r < 3; r++) {
        const row = Array.from({ length: width }, () => (next() < 0.1 ? NaN : next()));
        const phi = new Float64Array(width);
        shap.accumulate(sample, row, phi);
        bruteForceShap(sample, row, width).forEach((expected, f) => expect(phi[f]).toBeCloseTo(expected, 12));
        const output = sample.value[leafOf(sample, row)] - expectedValue(sample);
        expect(phi.reduce((a, b) => a + b)).toBeCloseTo(output, 12);
      }
    }
  });

  it('adds to what phi holds, tree after tree, with one scratch', () => {
    const [a, b] = [randomTree(5, 4, 7), randomTree(4, 4, 8)];
    const row = [0.3, 0.6, NaN, 0.1];
    const both = new Float64Array(4);
    const shap = new TreeShap(5);
    shap.accumulate(a, row, both);
    shap.accumulate(b, row, both);
    const [fromA, fromB] = [bruteForceShap(a, row, 4), bruteForceShap(b, row, 4)];
    fromA.forEach((v, f) => expect(both[f]).toBeCloseTo(v + fromB[f], 12));
  });

  it('refuses a tree deeper than it was made for', () => {
    expect(() => new TreeShap(2).accumulate(tree, [0, 0, 0, 0], new Float64Array(4))).toThrow(RangeError);
  });

  it('integrates polynomials of degree up to 2n − 1 exactly with the n-point Gauss–Legendre rule', () => {
    for (let n = 1; n <= 8; n++) {
      const { nodes, weights } = gaussLegendre(n);
      for (let k = 0; k < 2 * n; k++) {
        expect(nodes.reduce((sum, t, q) => sum + weights[q] * t ** k, 0)).toBeCloseTo(1 / (k + 1), 14);
      }
    }
  });
});
