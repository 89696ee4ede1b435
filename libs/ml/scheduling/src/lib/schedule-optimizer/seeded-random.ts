/**
 * Mulberry32: a small, fast 32-bit generator, so a seed fixes the whole search (Math.random cannot be seeded).
 * Statistical quality is ample for choosing moves; it is not for cryptography.
 */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    // Any finite number is a usable seed; fold it into 32 bits.
    this.state = Math.trunc(seed) >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
}
