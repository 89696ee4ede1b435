import type { DecisionTree, GbdtRow } from './gbdt.types';

/**
 * Gauss–Legendre rule with `n` points on [0, 1]: Σ weights[q]·p(nodes[q]) = ∫₀¹ p(t) dt exactly for every polynomial
 * p of degree ≤ 2n − 1 (up to rounding). The nodes are the roots of the Legendre polynomial Pₙ, found by Newton's
 * method from the usual cosine guesses; the weights are all positive, so the sum is as well-conditioned as the
 * integrand.
 */
export function gaussLegendre(n: number): { nodes: Float64Array; weights: Float64Array } {
  const nodes = new Float64Array(n);
  const weights = new Float64Array(n);
  for (let i = 0; i < (n + 1) >> 1; i++) {
    let z = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let derivative = 1;
    for (let iteration = 0; iteration < 100; iteration++) {
      // Pₙ(z) by the three-term recurrence, then Pₙ'(z) from Pₙ and Pₙ₋₁.
      let p = 1;
      let previous = 0;
      for (let j = 1; j <= n; j++) {
        const older = previous;
        previous = p;
        p = ((2 * j - 1) * z * previous - (j - 1) * older) / j;
      }
      derivative = (n * (z * p - previous)) / (z * z - 1);
      const step = p / derivative;
      z -= step;
      if (Math.abs(step) <= 1e-16) break;
    }
    // From [−1, 1] to [0, 1]: t = (1 ∓ z) / 2, the weight halved.
    nodes[i] = (1 - z) / 2;
    nodes[n - 1 - i] = (1 + z) / 2;
    weights[i] = weights[n - 1 - i] = 1 / ((1 - z * z) * derivative * derivative);
  }
  return { nodes, weights };
}

/**
 * A tree with what TreeSHAP needs that does not depend on the row, computed once by `prepareShapTree`: along any
 * root-to-leaf path, the unique-path element a node's split sets, and its share z of the cover, are fixed; only
 * whether the row follows the path (o = 0 or 1) varies.
 */
export interface ShapTree {
  readonly tree: DecisionTree;
  /** Per inner node: the level (edges below the root) of the nearest ancestor split on the same feature, or −1. */
  readonly owner: Int32Array;
  /**
   * Per node but the root: z of the element set on the edge into it, cover(node) / cover(parent) times the z of the
   * same feature's element above it, if any.
   */
  readonly zero: Float64Array;
  /** Edges on the longest root-to-leaf path. */
  readonly depth: number;
}

/** The row-independent part of TreeSHAP for `tree`; throws a RangeError unless children come after their parent. */
export function prepareShapTree(tree: DecisionTree): ShapTree {
  const { feature, left, cover } = tree;
  const size = feature.length;
  const parent = new Int32Array(size).fill(-1);
  const level = new Int32Array(size);
  const owner = new Int32Array(size).fill(-1);
  const zero = new Float64Array(size);
  zero[0] = 1;
  let depth = 0;
  for (let node = 0; node < size; node++) {
    const f = feature[node];
    if (f === -1) continue;
    const child = left[node];
    if (!(child > node && child + 1 < size)) throw new RangeError(`node ${node}: children must come after it`);
    // The nearest ancestor split on f, and its child on the way down here: the element this split merges into.
    let below = node;
    let above = parent[node];
    while (above !== -1 && feature[above] !== f) {
      below = above;
      above = parent[above];
    }
    const inherited = above === -1 ? 1 : zero[below];
    owner[node] = above === -1 ? -1 : level[above];
    for (const c of [child, child + 1]) {
      parent[c] = node;
      level[c] = level[node] + 1;
      zero[c] = (cover[c] / cover[node]) * inherited;
    }
    depth = Math.max(depth, level[node] + 1);
  }
  return { tree, owner, zero, depth };
}

/**
 * Exact SHAP values of tree ensembles in polynomial time: Lundberg, Erion & Lee, "Consistent Individualized Feature
 * Attribution for Tree Ensembles" (2018) — the path-dependent variant of Algorithm 2, where a feature outside the
 * coalition follows both branches weighted by the training rows (cover) that went each way. Per tree,
 * Σ φ = f(x) − E[f], E[f] the cover-weighted leaf mean.
 *
 * As in Algorithm 2, every root-to-leaf path has a "unique path": one element per feature split on, with z = the share
 * of cover that went this way at that feature's splits and o = 1 if the row goes this way at all of them, else 0.
 * Algorithm 2 (and XGBoost's `TreeShap`) keeps the Shapley-weighted sums over subsets of the path as a vector of
 * weights, updated by EXTEND, UNWIND and UNWOUND-SUM at O(depth) each, so O(depth²) per leaf. Here the same sums are a
 * one-dimensional integral, by the Beta integral k!(d−1−k)!/d! = ∫₀¹ tᵏ(1−t)^(d−1−k) dt (as in Yu et al., "Linear
 * TreeShap", 2022): with fⱼ(t) = zⱼ(1 − t) + oⱼt, a leaf of value v whose unique path has elements 1…d gives element i
 *
 *   v·(oᵢ − zᵢ)·Σ_{S ⊆ path∖i} |S|!(d−1−|S|)!/d! · Π_{j∈S} oⱼ · Π_{j∉S, j≠i} zⱼ = v·(oᵢ − zᵢ)·∫₀¹ Π_{j≠i} fⱼ(t) dt.
 *
 * The integrand is a polynomial of degree d − 1 < maxDepth, so a Gauss–Legendre rule of Q ≥ maxDepth / 2 points gives
 * the integral exactly: Σ_q w_q·P(t_q) / fᵢ(t_q) with P(t) = Π_j fⱼ(t) (each fⱼ(t_q) > 0, as covers are > 0). The
 * walk carries w_q·P(t_q) down the tree and, on the way back up, the sums G_q = Σ v·w_q·P(t_q) over the leaves below
 * each node. An edge's element is the same for every leaf below it except those under a later split on the same
 * feature, which merges it into a new element, so its share is (o − z)·Σ_q (G_q − G_q under those splits) / f(t_q):
 * O(Q) per edge, O(nodes·Q) per tree, where Algorithm 2 takes O(depth²) per leaf. No memory is allocated per row. The
 * values equal Algorithm 2's up to rounding.
 */
export class TreeShap {
  private readonly maxDepth: number;
  /** Quadrature points Q: 3 up to depth 6 (the common case, with its own code), else ⌈maxDepth / 2⌉. */
  private readonly points: number;
  private readonly nodes: Float64Array;
  // At [level·Q + q], for the inner node on the current path at that level: w_q·P(t_q) of the path down to it (without
  // its own split's element); the sum G_q of the leaves below it; the part of its current edge's G_q that lies below a
  // later split on the same feature; 1 / f(t_q) of the element its current edge sets; and scratch. At [level]: the o
  // of the element its current edge sets.
  private readonly product: Float64Array;
  private readonly total: Float64Array;
  private readonly excluded: Float64Array;
  private readonly inverse: Float64Array;
  private readonly others: Float64Array;
  private readonly one: Float64Array;

  // The tree and row being explained, set by `explain` so that the recursion passes only small integers (V8 would
  // box doubles passed to or returned from a call it does not inline).
  private feature: Int32Array = new Int32Array(0);
  private threshold: Float64Array = new Float64Array(0);
  private missingLeft: Uint8Array = new Uint8Array(0);
  private left: Int32Array = new Int32Array(0);
  private value: Float64Array = new Float64Array(0);
  private owner: Int32Array = new Int32Array(0);
  private zero: Float64Array = new Float64Array(0);
  private row: GbdtRow = new Float64Array(0);
  private phi: Float64Array = new Float64Array(0);

  /** Scratch for trees of up to `maxDepth` edges from the root to a leaf, allocated once. */
  constructor(maxDepth: number) {
    const q = maxDepth <= 6 ? 3 : Math.ceil(maxDepth / 2);
    const { nodes, weights } = gaussLegendre(q);
    this.maxDepth = maxDepth;
    this.points = q;
    this.nodes = nodes;
    const size = (maxDepth + 1) * q;
    this.product = new Float64Array(size);
    this.total = new Float64Array(size);
    this.excluded = new Float64Array(size);
    this.inverse = new Float64Array(size);
    this.others = new Float64Array(size);
    this.one = new Float64Array(maxDepth + 1);
    this.product.set(weights); // level 0: the empty path, P = 1
  }

  /** Adds the tree's SHAP values for `row` to `phi` (one entry per feature). Prepares the tree on every call. */
  accumulate(tree: DecisionTree, row: GbdtRow, phi: Float64Array): void {
    this.explain(prepareShapTree(tree), row, phi);
  }

  /**
   * Adds the SHAP values of a prepared tree for `row` to `phi`, allocating nothing. Throws a RangeError if the tree
   * is deeper than the `maxDepth` this was made for.
   */
  explain(shapTree: ShapTree, row: GbdtRow, phi: Float64Array): void {
    if (shapTree.depth > this.maxDepth) {
      throw new RangeError(`tree of depth ${shapTree.depth}, TreeShap made for ${this.maxDepth}`);
    }
    const { tree } = shapTree;
    if (tree.feature[0] === -1) return; // a single leaf: f(x) = E[f]
    this.feature = tree.feature;
    this.threshold = tree.threshold;
    this.missingLeft = tree.missingLeft;
    this.left = tree.left;
    this.value = tree.value;
    this.owner = shapTree.owner;
    this.zero = shapTree.zero;
    this.row = row;
    this.phi = phi;
    if (this.points === 3) this.split3(0, 0);
    else this.split(0, 0);
  }

  /**
   * The inner `node` at `level` edges below the root: adds to `phi` the shares of the elements its two edges set, sets
   * total[level] and, for a split on a feature already on the path, adds it to that element's `excluded`.
   */
  private split(node: number, level: number): void {
    const q = this.points;
    const from = level * q;
    const to = from + q;
    const { nodes, product, total, excluded, inverse, others } = this;
    const feature = this.feature[node];
    const x = this.row[feature];
    const left = this.left[node];
    const goLeft = Number.isNaN(x) ? this.missingLeft[node] === 1 : x <= this.threshold[node];
    const owner = this.owner[node];
    // w_q·P(t_q) without the element this split sets: for a feature already on the path, without the one it replaces.
    let incomingOne = 1;
    if (owner === -1) {
      for (let k = 0; k < q; k++) others[from + k] = product[from + k];
    } else {
      incomingOne = this.one[owner];
      for (let k = 0; k < q; k++) others[from + k] = product[from + k] * inverse[owner * q + k];
    }
    for (let k = 0; k < q; k++) total[from + k] = 0;
    let share = 0;
    for (let branch = 0; branch < 2; branch++) {
      const hot = branch === 0;
      const child = hot === goLeft ? left : left + 1;
      const zero = this.zero[child];
      const one = hot ? incomingOne : 0;
      // A branch no training row took, seen from outside the coalition: every term below it is 0.
      if (zero === 0 && one === 0) continue;
      const slope = one - zero;
      let integral = 0;
      if (this.feature[child] === -1) {
        // A leaf: its w_q·P(t_q) / f(t_q) is `others`.
        const value = this.value[child];
        for (let k = 0; k < q; k++) {
          integral += others[from + k];
          total[from + k] += value * others[from + k] * (zero + slope * nodes[k]);
        }
        share += slope * value * integral;
        continue;
      }
      this.one[level] = one;
      for (let k = 0; k < q; k++) {
        const f = zero + slope * nodes[k];
        product[to + k] = others[from + k] * f;
        inverse[from + k] = 1 / f;
        excluded[from + k] = 0;
      }
      this.split(child, level + 1);
      for (let k = 0; k < q; k++) {
        const sum = total[to + k];
        total[from + k] += sum;
        integral += (sum - excluded[from + k]) * inverse[from + k];
      }
      share += slope * integral;
    }
    this.phi[feature] += share;
    if (owner !== -1) for (let k = 0; k < q; k++) excluded[owner * q + k] += total[from + k];
  }

  /**
   * `split` for Q = 3, unrolled with the per-level values in locals, and doing an inner child over two leaves in
   * place: about twice as fast as `split` on trees of depth 5.
   */
  private split3(node: number, level: number): void {
    const from = level * 3;
    const to = from + 3;
    const { nodes, product, total, excluded, inverse } = this;
    const n0 = nodes[0];
    const n1 = nodes[1];
    const n2 = nodes[2];
    const feature = this.feature[node];
    const x = this.row[feature];
    const left = this.left[node];
    const goLeft = Number.isNaN(x) ? this.missingLeft[node] === 1 : x <= this.threshold[node];
    const owner = this.owner[node];
    let incomingOne = 1;
    let s0 = product[from];
    let s1 = product[from + 1];
    let s2 = product[from + 2];
    if (owner !== -1) {
      const o = owner * 3;
      incomingOne = this.one[owner];
      s0 *= inverse[o];
      s1 *= inverse[o + 1];
      s2 *= inverse[o + 2];
    }
    let t0 = 0;
    let t1 = 0;
    let t2 = 0;
    let share = 0;
    for (let branch = 0; branch < 2; branch++) {
      const hot = branch === 0;
      const child = hot === goLeft ? left : left + 1;
      const zero = this.zero[child];
      const one = hot ? incomingOne : 0;
      if (zero === 0 && one === 0) continue;
      const slope = one - zero;
      const f0 = zero + slope * n0;
      const f1 = zero + slope * n1;
      const f2 = zero + slope * n2;
      if (this.feature[child] === -1) {
        const value = this.value[child];
        t0 += value * s0 * f0;
        t1 += value * s1 * f1;
        t2 += value * s2 * f2;
        share += slope * value * (s0 + s1 + s2);
        continue;
      }
      const grandchild = this.left[child];
      if (this.feature[grandchild] === -1 && this.feature[grandchild + 1] === -1) {
        // An inner node over two leaves (about half of the inner nodes): done here, without a call, and without
        // dividing by f(t_q) as every term below it has the factor f(t_q) to cancel.
        const split = this.feature[child];
        const y = this.row[split];
        const down = Number.isNaN(y) ? this.missingLeft[child] === 1 : y <= this.threshold[child];
        const hotLeaf = down ? grandchild : grandchild + 1;
        const coldLeaf = down ? grandchild + 1 : grandchild;
        const childOwner = this.owner[child];
        // Whether the child splits on this edge's feature again, merging into this edge's element.
        const same = childOwner === level;
        // r_q = w_q·P(t_q) / f(t_q) at the child, also without the element its split replaces if that is not this
        // edge's; c_q = the child's `s`, w_q·P(t_q) at the child without the element its split replaces.
        let r0 = s0;
        let r1 = s1;
        let r2 = s2;
        let childOne = same ? one : 1;
        if (!same && childOwner !== -1) {
          const o = childOwner * 3;
          childOne = this.one[childOwner];
          r0 *= inverse[o];
          r1 *= inverse[o + 1];
          r2 *= inverse[o + 2];
        }
        const c0 = same ? r0 : r0 * f0;
        const c1 = same ? r1 : r1 * f1;
        const c2 = same ? r2 : r2 * f2;
        const hotZero = this.zero[hotLeaf];
        const coldZero = this.zero[coldLeaf];
        const hotValue = this.value[hotLeaf];
        const coldValue = this.value[coldLeaf];
        const hotSlope = childOne - hotZero;
        // Σ of the two leaves' v·f(t_q), so that the child's G_q = c_q·h_q.
        const h0 = hotValue * (hotZero + hotSlope * n0) + coldValue * coldZero * (1 - n0);
        const h1 = hotValue * (hotZero + hotSlope * n1) + coldValue * coldZero * (1 - n1);
        const h2 = hotValue * (hotZero + hotSlope * n2) + coldValue * coldZero * (1 - n2);
        this.phi[split] += (hotSlope * hotValue - coldZero * coldValue) * (c0 + c1 + c2);
        const g0 = c0 * h0;
        const g1 = c1 * h1;
        const g2 = c2 * h2;
        t0 += g0;
        t1 += g1;
        t2 += g2;
        // The child's split on this edge's feature takes all of its leaves from this edge's element.
        if (same) continue;
        share += slope * (r0 * h0 + r1 * h1 + r2 * h2);
        if (childOwner !== -1) {
          const o = childOwner * 3;
          excluded[o] += g0;
          excluded[o + 1] += g1;
          excluded[o + 2] += g2;
        }
        continue;
      }
      const i0 = 1 / f0;
      const i1 = 1 / f1;
      const i2 = 1 / f2;
      this.one[level] = one;
      inverse[from] = i0;
      inverse[from + 1] = i1;
      inverse[from + 2] = i2;
      product[to] = s0 * f0;
      product[to + 1] = s1 * f1;
      product[to + 2] = s2 * f2;
      excluded[from] = 0;
      excluded[from + 1] = 0;
      excluded[from + 2] = 0;
      this.split3(child, level + 1);
      const g0 = total[to];
      const g1 = total[to + 1];
      const g2 = total[to + 2];
      t0 += g0;
      t1 += g1;
      t2 += g2;
      share += slope * ((g0 - excluded[from]) * i0 + (g1 - excluded[from + 1]) * i1 + (g2 - excluded[from + 2]) * i2);
    }
    this.phi[feature] += share;
    total[from] = t0;
    total[from + 1] = t1;
    total[from + 2] = t2;
    if (owner !== -1) {
      const o = owner * 3;
      excluded[o] += t0;
      excluded[o + 1] += t1;
      excluded[o + 2] += t2;
    }
  }
}
