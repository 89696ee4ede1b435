import type { FeatureBinner } from './feature-binner';
import type { DecisionTree } from './gbdt.types';

/** Fewest hessian (loss curvature) per child: keeps a split from isolating rows the model is already sure of. */
const MIN_CHILD_HESSIAN = 1e-3;
/** Gains at or below this are rounding noise, not structure. */
const MIN_GAIN = 1e-12;
/**
 * A node with fewer rows than a feature's bins ÷ this is split on that feature from its rows sorted by bin, not by a
 * scan of every bin: with a bin per distinct value, most bins of a deep node are empty.
 */
const SORTED_SCAN_RATIO = 4;
/** Sort keys pack a row's bin code above its index (codes < 2^16, indices < 2^32: exact in a double). */
const CODE_UNIT = 2 ** 32;

/** Training rows in bin codes, shared by every tree. */
export interface BinnedRows {
  binner: FeatureBinner;
  /** Row-major codes, `codes[i * featureCount + f]`. */
  codes: Uint16Array;
  count: number;
}

/** A grown tree, plus the split bins that route the training codes the same way as the thresholds route values. */
export interface GrownTree {
  tree: DecisionTree;
  splitBin: Int32Array;
}

interface OpenNode {
  id: number;
  start: number;
  end: number;
  /** Null for a node that will be a leaf anyway (at the depth limit or too few rows to split). */
  hist: Float64Array | null;
  g: number;
  h: number;
}

interface Split {
  feature: number;
  bin: number;
  missingLeft: boolean;
  gain: number;
  gl: number;
  hl: number;
  cl: number;
}

/**
 * Grows one regression tree on gradients and hessians (second-order boosting, Chen & Guestrin 2016), depth-wise, from
 * per-node histograms of (Σg, Σh, count) per feature bin. Only the smaller child's histogram is built from rows; the
 * larger one is the parent's minus it (LightGBM's subtraction trick). Missing values are a bin of their own, and each
 * split tries them on both sides and keeps the better (XGBoost's sparsity-aware default direction). With many bins
 * (one per distinct value) deep nodes have far fewer rows than bins: their rows are taken out of the parent's
 * histogram one by one and sorted by bin to find a split, so a node costs its rows, not its bins.
 */
export class TreeGrower {
  private readonly width: number;
  private readonly binCounts: Int32Array;
  /** Start of each feature's slots in a histogram, in bins (each feature has binCount + 1 slots). */
  private readonly offsets: Int32Array;
  private readonly histLength: number;
  private readonly pool: Float64Array[] = [];
  private readonly scratch: Uint32Array;
  private readonly keys: Float64Array;

  constructor(
    private readonly data: BinnedRows,
    private readonly maxDepth: number,
    private readonly minSamplesLeaf: number,
    private readonly l2: number,
    private readonly learningRate: number,
    /** A node is handled from its rows (sorted scan, row removal) below bins ÷ this many rows; 0: always from histograms. */
    private readonly sortedScanRatio: number = SORTED_SCAN_RATIO,
  ) {
    this.width = data.binner.featureCount;
    this.binCounts = Int32Array.from({ length: this.width }, (_, f) => data.binner.binCount(f));
    this.offsets = new Int32Array(this.width);
    let total = 0;
    for (let f = 0; f < this.width; f++) {
      this.offsets[f] = total;
      total += this.binCounts[f] + 1;
    }
    this.histLength = total * 3;
    this.scratch = new Uint32Array(data.count);
    this.keys = new Float64Array(data.count);
  }

  /**
   * Grows a tree on the first `sampleCount` row indices of `order` (which it reorders), considering only `features`.
   */
  grow(grad: Float64Array, hess: Float64Array, order: Uint32Array, sampleCount: number, features: Int32Array): GrownTree {
    const nodes = { feature: [] as number[], threshold: [] as number[], missingLeft: [] as number[], left: [] as number[] };
    const values: number[] = [];
    const covers: number[] = [];
    const splitBins: number[] = [];
    const addNode = (): void => {
      nodes.feature.push(-1);
      nodes.threshold.push(0);
      nodes.missingLeft.push(0);
      nodes.left.push(-1);
      values.push(0);
      covers.push(0);
      splitBins.push(-1);
    };
    addNode();
    const rootHist = this.histogram(grad, hess, order, 0, sampleCount, features);
    let g = 0;
    let h = 0;
    for (let k = 0; k < sampleCount; k++) {
      g += grad[order[k]];
      h += hess[order[k]];
    }
    let level: OpenNode[] = [{ id: 0, start: 0, end: sampleCount, hist: rootHist, g, h }];
    for (let depth = 0; level.length > 0; depth++) {
      const next: OpenNode[] = [];
      for (const node of level) {
        covers[node.id] = node.end - node.start;
        const split = depth < this.maxDepth ? this.bestSplit(node, features, grad, hess, order) : null;
        if (split === null) {
          values[node.id] = (-node.g / (node.h + this.l2)) * this.learningRate;
          if (node.hist) this.pool.push(node.hist);
          continue;
        }
        const edges = this.data.binner.edges[split.feature];
        nodes.feature[node.id] = split.feature;
        // "All values left, missing right" has no edge above it; MAX_VALUE keeps every finite value left.
        nodes.threshold[node.id] = split.bin < edges.length ? edges[split.bin] : Number.MAX_VALUE;
        nodes.missingLeft[node.id] = split.missingLeft ? 1 : 0;
        splitBins[node.id] = split.bin;
        const leftId = nodes.feature.length;
        nodes.left[node.id] = leftId;
        addNode();
        addNode();
        const mid = this.partition(order, node.start, node.end, split);
        const left: OpenNode = { id: leftId, start: node.start, end: mid, hist: null, g: split.gl, h: split.hl };
        const [gr, hr] = [node.g - split.gl, node.h - split.hl];
        const right: OpenNode = { id: leftId + 1, start: mid, end: node.end, hist: null, g: gr, h: hr };
        this.childHistograms(node, left, right, depth + 1, grad, hess, order, features);
        next.push(left, right);
      }
      level = next;
    }
    return {
      tree: {
        feature: Int32Array.from(nodes.feature),
        threshold: Float64Array.from(nodes.threshold),
        missingLeft: Uint8Array.from(nodes.missingLeft),
        left: Int32Array.from(nodes.left),
        value: Float64Array.from(values),
        cover: Float64Array.from(covers),
      },
      splitBin: Int32Array.from(splitBins),
    };
  }

  /**
   * Histograms of the children that may split: the smaller child's from its rows, the larger one's as the parent's
   * minus the smaller's (in place in the parent's buffer). Children that will be leaves get none.
   */
  private childHistograms(
    parent: OpenNode,
    left: OpenNode,
    right: OpenNode,
    depth: number,
    grad: Float64Array,
    hess: Float64Array,
    order: Uint32Array,
    features: Int32Array,
  ): void {
    const parentHist = parent.hist as Float64Array;
    const mayGrow = (n: OpenNode): boolean => depth < this.maxDepth && n.end - n.start >= 2 * this.minSamplesLeaf;
    const [small, large] = left.end - left.start <= right.end - right.start ? [left, right] : [right, left];
    if (!mayGrow(large)) {
      this.pool.push(parentHist);
      if (mayGrow(small)) small.hist = this.histogram(grad, hess, order, small.start, small.end, features);
      return;
    }
    let slots = 0;
    for (const f of features) slots += this.binCounts[f] + 1;
    if ((small.end - small.start) * this.sortedScanRatio * features.length < slots) {
      // Far fewer rows than bins (a bin per distinct value, a deep node): taking the rows out is cheaper than a
      // histogram of them. Coarse bins never get here, so their sums stay those of whole histograms.
      this.removeRows(parentHist, grad, hess, order, small.start, small.end, features);
      large.hist = parentHist;
      if (mayGrow(small)) small.hist = this.histogram(grad, hess, order, small.start, small.end, features);
      return;
    }
    const smallHist = this.histogram(grad, hess, order, small.start, small.end, features);
    for (const f of features) {
      for (let p = this.offsets[f] * 3, end = (this.offsets[f] + this.binCounts[f] + 1) * 3; p < end; p++) {
        parentHist[p] -= smallHist[p];
      }
    }
    large.hist = parentHist;
    if (mayGrow(small)) small.hist = smallHist;
    else this.pool.push(smallHist);
  }

  /** Takes the rows order[start, end) out of a histogram, in place. */
  private removeRows(hist: Float64Array, grad: Float64Array, hess: Float64Array, order: Uint32Array, start: number, end: number, features: Int32Array): void {
    const { codes } = this.data;
    const width = this.width;
    for (let k = start; k < end; k++) {
      const i = order[k];
      const g = grad[i];
      const h = hess[i];
      const base = i * width;
      for (const f of features) {
        const p = (this.offsets[f] + codes[base + f]) * 3;
        hist[p] -= g;
        hist[p + 1] -= h;
        hist[p + 2] -= 1;
      }
    }
  }

  /** Σg, Σh and the row count per bin of each considered feature over order[start, end). */
  private histogram(grad: Float64Array, hess: Float64Array, order: Uint32Array, start: number, end: number, features: Int32Array): Float64Array {
    const hist = this.pool.pop() ?? new Float64Array(this.histLength);
    hist.fill(0);
    const { codes } = this.data;
    const width = this.width;
    const nf = features.length;
    const slots = new Int32Array(nf);
    for (let j = 0; j < nf; j++) slots[j] = this.offsets[features[j]];
    for (let k = start; k < end; k++) {
      const i = order[k];
      const g = grad[i];
      const h = hess[i];
      const base = i * width;
      for (let j = 0; j < nf; j++) {
        const p = (slots[j] + codes[base + features[j]]) * 3;
        hist[p] += g;
        hist[p + 1] += h;
        hist[p + 2] += 1;
      }
    }
    return hist;
  }

  /** The split of highest gain G_L²/(H_L+λ) + G_R²/(H_R+λ) − G²/(H+λ) that respects the leaf limits, if any. */
  private bestSplit(node: OpenNode, features: Int32Array, grad: Float64Array, hess: Float64Array, order: Uint32Array): Split | null {
    const { hist, g, h } = node;
    const count = node.end - node.start;
    if (hist === null) return null;
    const lambda = this.l2;
    const minLeaf = this.minSamplesLeaf;
    if (count < 2 * minLeaf) return null;
    const parentScore = (g * g) / (h + lambda);
    let best: Split | null = null;
    const consider = (f: number, bin: number, missingLeft: boolean, gl: number, hl: number, cl: number): void => {
      const hr = h - hl;
      if (cl < minLeaf || count - cl < minLeaf || hl < MIN_CHILD_HESSIAN || hr < MIN_CHILD_HESSIAN) return;
      const gr = g - gl;
      const gain = (gl * gl) / (hl + lambda) + (gr * gr) / (hr + lambda) - parentScore;
      if (gain > MIN_GAIN && (best === null || gain > best.gain)) best = { feature: f, bin, missingLeft, gain, gl, hl, cl };
    };
    for (const f of features) {
      const bins = this.binCounts[f];
      if (count * this.sortedScanRatio < bins) {
        this.scanSorted(f, node, grad, hess, order, consider);
        continue;
      }
      const base = this.offsets[f] * 3;
      const mg = hist[base + bins * 3];
      const mh = hist[base + bins * 3 + 1];
      const mc = hist[base + bins * 3 + 2];
      let gl = 0;
      let hl = 0;
      let cl = 0;
      for (let b = 0; b < bins; b++) {
        // An empty bin splits the rows as the last non-empty one did, at no higher gain: with a bin per distinct
        // value most bins of a small node are empty.
        if (hist[base + b * 3 + 2] === 0) continue;
        gl += hist[base + b * 3];
        hl += hist[base + b * 3 + 1];
        cl += hist[base + b * 3 + 2];
        if (mc === 0) {
          // No missing values here: send future ones the way most rows went.
          if (b < bins - 1) consider(f, b, cl >= count - cl, gl, hl, cl);
        } else {
          consider(f, b, false, gl, hl, cl);
          if (b < bins - 1) consider(f, b, true, gl + mg, hl + mh, cl + mc);
        }
      }
    }
    return best;
  }

  /** The same candidates as the histogram scan of feature f, from the node's rows sorted by their bin. */
  private scanSorted(
    f: number,
    node: OpenNode,
    grad: Float64Array,
    hess: Float64Array,
    order: Uint32Array,
    consider: (f: number, bin: number, missingLeft: boolean, gl: number, hl: number, cl: number) => void,
  ): void {
    const { codes } = this.data;
    const width = this.width;
    const bins = this.binCounts[f];
    const count = node.end - node.start;
    const keys = this.keys.subarray(0, count);
    for (let k = 0; k < count; k++) {
      const i = order[node.start + k];
      keys[k] = codes[i * width + f] * CODE_UNIT + i;
    }
    keys.sort();
    // Missing values have the highest code: they end the sorted keys.
    let present = count;
    let mg = 0;
    let mh = 0;
    while (present > 0 && keys[present - 1] >= bins * CODE_UNIT) {
      present--;
      const i = keys[present] - bins * CODE_UNIT;
      mg += grad[i];
      mh += hess[i];
    }
    const mc = count - present;
    let gl = 0;
    let hl = 0;
    let cl = 0;
    for (let k = 0; k < present;) {
      const b = Math.floor(keys[k] / CODE_UNIT);
      for (; k < present && keys[k] < (b + 1) * CODE_UNIT; k++) {
        const i = keys[k] - b * CODE_UNIT;
        gl += grad[i];
        hl += hess[i];
        cl++;
      }
      if (mc === 0) {
        if (b < bins - 1) consider(f, b, cl >= count - cl, gl, hl, cl);
      } else {
        consider(f, b, false, gl, hl, cl);
        if (b < bins - 1) consider(f, b, true, gl + mg, hl + mh, cl + mc);
      }
    }
  }

  /** Stable partition of order[start, end) by the split; returns the first index of the right part. */
  private partition(order: Uint32Array, start: number, end: number, split: Split): number {
    const { codes } = this.data;
    const width = this.width;
    const missingCode = this.binCounts[split.feature];
    let l = start;
    let r = 0;
    for (let k = start; k < end; k++) {
      const i = order[k];
      const code = codes[i * width + split.feature];
      const goLeft = code === missingCode ? split.missingLeft : code <= split.bin;
      if (goLeft) order[l++] = i;
      else this.scratch[r++] = i;
    }
    order.set(this.scratch.subarray(0, r), l);
    return l;
  }
}
