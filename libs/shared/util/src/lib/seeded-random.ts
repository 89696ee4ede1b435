// Module-level references: looking up the global Math on every draw is slow inside vm contexts.
const { imul, log, sqrt, sin, cos, exp, floor, round, max, min, PI } = Math;

/**
 * Deterministic pseudo-random numbers — `Math.random` cannot be seeded, and seeded shop floors, folds, tree splits
 * and schedule searches must repeat exactly: mulberry32 (a 32-bit generator with a full 2^32 period, fast and good
 * enough for simulation and sampling, not for cryptography) plus the distributions the callers draw from.
 * The seed is the generator's initial state, folded into 32 bits (`seed | 0`); see `fmix32` for spreading seeds.
 */
export class SeededRandom {
  /** The generator state in a typed array: updating it never allocates (a plain field would box a uint32). */
  private readonly state = new Int32Array(1);
  private hasSpare = false;
  private spareNormal = 0;

  constructor(seed: number) {
    this.state[0] = seed | 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    const s = (this.state[0] + 0x6d2b79f5) | 0;
    this.state[0] = s;
    let t = s;
    t = imul(t ^ (t >>> 15), t | 1);
    t ^= t + imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  uniform(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** Integer in [0, n). */
  below(n: number): number {
    return floor(this.next() * n);
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[floor(this.next() * items.length)];
  }

  /** Fisher–Yates, in place; returns the same array. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.below(i + 1);
      const tmp = items[i];
      items[i] = items[j];
      items[j] = tmp;
    }
    return items;
  }

  /** Picks by relative weight. */
  weighted<T>(items: readonly { weight: number; value: T }[]): T {
    const total = items.reduce((sum, item) => sum + item.weight, 0);
    let u = this.next() * total;
    for (const item of items) {
      u -= item.weight;
      if (u < 0) return item.value;
    }
    return (items[items.length - 1] as { value: T }).value;
  }

  /** Normal (Box–Muller, the second value of each pair kept for the next call). */
  normal(mean = 0, sd = 1): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return mean + sd * this.spareNormal;
    }
    const u = 1 - this.next();
    const v = this.next();
    const r = sqrt(-2 * log(u));
    this.spareNormal = r * sin(2 * PI * v);
    this.hasSpare = true;
    return mean + sd * r * cos(2 * PI * v);
  }

  /** Lognormal given its median and the sd of its logarithm. */
  lognormal(median: number, sigma: number): number {
    return median * exp(sigma * this.normal());
  }

  /** Lognormal restricted to [lo, hi] by redrawing (a clamp would pile mass on the bounds). */
  truncatedLognormal(median: number, sigma: number, lo: number, hi: number): number {
    for (let attempt = 0; attempt < 32; attempt++) {
      const x = this.lognormal(median, sigma);
      if (x >= lo && x <= hi) return x;
    }
    return min(hi, max(lo, median));
  }

  /** Poisson count of the given mean (Knuth's product method; a normal approximation above a mean of 30). */
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean > 30) return max(0, round(this.normal(mean, sqrt(mean))));
    const limit = exp(-mean);
    let k = 0;
    let product = this.next();
    while (product > limit) {
      k += 1;
      product *= this.next();
    }
    return k;
  }

  /** Exponential waiting time for a Poisson process of the given rate (mean 1 / rate). */
  exponential(rate: number): number {
    return -log(1 - this.next()) / rate;
  }
}

/** The murmur3 32-bit finaliser: spreads nearby inputs (seeds 1, 2, 3) into unrelated 32-bit values (unsigned). */
export function fmix32(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A seed whose neighbours (1, 2, 3) start unrelated streams: the murmur3 finaliser of the seed and a golden-ratio constant. */
export function spreadSeed(seed: number): number {
  return fmix32(seed ^ 0x9e3779b9);
}

/**
 * A 32-bit seed from any safe integer, its bits above 32 folded in so that seeds differing only there still differ
 * (seeds that users type, as a model's training parameter).
 */
export function foldSeed(seed: number): number {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a safe integer, got ${seed}`);
  return (seed ^ Math.floor(seed / 2 ** 32) ^ 0x9e3779b9) | 0;
}

/** A 32-bit seed from any list of parts (FNV-1a, then the murmur3 finaliser to spread nearby inputs). */
export function deriveSeed(...parts: readonly (string | number)[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    const text = `${String(part)}\u0000`;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = imul(h, 0x01000193);
    }
  }
  return fmix32(h);
}

/** Uniform [0, 1) that depends only on its inputs, for decisions that must not depend on simulation order. */
export function hashUniform(...parts: readonly (string | number)[]): number {
  return deriveSeed(...parts) / 4294967296;
}
