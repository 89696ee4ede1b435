/**
 * Deterministic pseudo-random numbers for growing the trees: mulberry32, a 32-bit generator with a full 2^32 period —
 * fast and ample for picking split features and points, not for cryptography. The seed is mixed first (splitmix32
 * finaliser) so that neighbouring seeds (1, 2, 3) give unrelated streams.
 */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    let z = (seed ^ 0x9e3779b9) | 0;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    this.state = (z ^ (z >>> 16)) | 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    const s = (this.state + 0x6d2b79f5) | 0;
    this.state = s;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [0, n). */
  below(n: number): number {
    return Math.floor(this.next() * n);
  }
}
