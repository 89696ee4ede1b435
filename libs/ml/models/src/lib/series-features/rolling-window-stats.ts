/** Where `moments` writes; `null` skips a statistic nobody asked for. */
export interface MomentOutputs {
  mean: Float64Array | null;
  std: Float64Array | null;
  slope: Float64Array | null;
}

export interface ExtremeOutputs {
  min: Float64Array | null;
  max: Float64Array | null;
}

/**
 * Trailing-window statistics over one sorted series in O(length) per window: position `i` sees the values at
 * `max(0, i − w + 1) … i` only, so no output depends on a later row. Early positions use the shorter history there is.
 */
export class RollingWindowStats {
  private deque: Int32Array;

  constructor(capacity = 0) {
    this.deque = new Int32Array(capacity);
  }

  /**
   * Mean, population standard deviation and least-squares slope of y against x (the order, so irregular spacing
   * counts). Running sums are kept relative to an anchor value that is reset, with the sums recomputed, every `w`
   * steps: round-off then never builds up along a long series nor suffers from large raw values such as epoch times.
   */
  moments(y: Float64Array, x: Float64Array, length: number, w: number, out: MomentOutputs): void {
    let yRef = 0;
    let xRef = 0;
    let s1 = 0;
    let s2 = 0;
    let x1 = 0;
    let x2 = 0;
    let xy = 0;
    let anchoredAt = -w;
    for (let i = 0; i < length; i++) {
      const lo = i - w + 1 > 0 ? i - w + 1 : 0;
      const n = i - lo + 1;
      if (i - anchoredAt >= w) {
        anchoredAt = i;
        yRef = y[i];
        xRef = x[i];
        s1 = s2 = x1 = x2 = xy = 0;
        for (let j = lo; j <= i; j++) {
          const dy = y[j] - yRef;
          const dx = x[j] - xRef;
          s1 += dy;
          s2 += dy * dy;
          x1 += dx;
          x2 += dx * dx;
          xy += dx * dy;
        }
      } else {
        const dy = y[i] - yRef;
        const dx = x[i] - xRef;
        s1 += dy;
        s2 += dy * dy;
        x1 += dx;
        x2 += dx * dx;
        xy += dx * dy;
        if (lo > 0) {
          const oy = y[lo - 1] - yRef;
          const ox = x[lo - 1] - xRef;
          s1 -= oy;
          s2 -= oy * oy;
          x1 -= ox;
          x2 -= ox * ox;
          xy -= ox * oy;
        }
      }
      let syy = s2 - (s1 * s1) / n;
      // A constant window must give exactly 0, not the square root of a rounding error.
      if (syy <= 1e-12 * s2) syy = 0;
      if (out.mean) out.mean[i] = yRef + s1 / n;
      if (out.std) out.std[i] = Math.sqrt(syy / n);
      if (out.slope) {
        const sxx = x2 - (x1 * x1) / n;
        out.slope[i] = n < 2 || syy === 0 ? 0 : sxx > 0 ? (xy - (x1 * s1) / n) / sxx : NaN;
      }
    }
  }

  /** Minimum and maximum with monotonic index queues (each index enters and leaves once). */
  extremes(y: Float64Array, length: number, w: number, out: ExtremeOutputs): void {
    if (out.min) this.extreme(y, length, w, out.min, (a, b) => a >= b);
    if (out.max) this.extreme(y, length, w, out.max, (a, b) => a <= b);
  }

  /**
   * Exponentially weighted mean with span `w` (α = 2 / (w + 1)) over all history so far, weights normalised over the
   * values that exist (pandas `ewm(span=w, adjust=True)`), so the first value is its own mean.
   */
  ewm(y: Float64Array, length: number, w: number, out: Float64Array): void {
    const decay = 1 - 2 / (w + 1);
    const ref = length > 0 ? y[0] : 0;
    let num = 0;
    let den = 0;
    for (let i = 0; i < length; i++) {
      num = y[i] - ref + decay * num;
      den = 1 + decay * den;
      out[i] = ref + num / den;
    }
  }

  /** `dominated(old, new)` says the older value can never again be the window's answer. */
  private extreme(y: Float64Array, length: number, w: number, out: Float64Array, dominated: (older: number, newer: number) => boolean): void {
    if (this.deque.length < length) this.deque = new Int32Array(length);
    const q = this.deque;
    let head = 0;
    let tail = 0;
    for (let i = 0; i < length; i++) {
      while (tail > head && dominated(y[q[tail - 1]], y[i])) tail--;
      q[tail++] = i;
      while (q[head] <= i - w) head++;
      out[i] = y[q[head]];
    }
  }
}
