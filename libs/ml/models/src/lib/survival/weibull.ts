/** A two-parameter Weibull life distribution: S(t) = exp(−(t/scale)^shape). */
export interface Weibull {
  readonly shape: number;
  readonly scale: number;
}

/** One observed life: how long it lasted and whether it ended in a failure (1) or was cut short — censored (0). */
export interface ObservedLife {
  readonly duration: number;
  readonly failed: 0 | 1;
}

export interface WeibullFit extends Weibull {
  /** Failures and lives the fit saw. */
  readonly failures: number;
  readonly lives: number;
}

/**
 * Maximum-likelihood Weibull fit to right-censored lives (failures and lives cut short by planned maintenance or
 * by the end of the records). For a fixed shape the scale has a closed form, scale^k = Σ tᵢ^k / r (r failures); the
 * shape solves the profile equation Σ tᵢ^k ln tᵢ / Σ tᵢ^k − 1/k − Σ_failed ln tᵢ / r = 0, whose left side rises with
 * k, by bisection. Lives of zero length carry no information and are left out. Null without `minFailures`
 * failures, or when every failure has the same length (no spread to estimate a shape from).
 */
export function fitWeibull(lives: readonly ObservedLife[], minFailures = 3): WeibullFit | null {
  const kept = lives.filter((l) => Number.isFinite(l.duration) && l.duration > 0);
  const failed = kept.filter((l) => l.failed === 1);
  const r = failed.length;
  if (r < Math.max(1, minFailures)) return null;
  // Durations relative to their largest keep t^k finite for any shape tried.
  const top = Math.max(...kept.map((l) => l.duration));
  const logs = kept.map((l) => Math.log(l.duration / top));
  const failedLogMean = failed.reduce((sum, l) => sum + Math.log(l.duration / top), 0) / r;
  if (failed.every((l) => l.duration === failed[0].duration) && kept.length === r) return null;
  const profile = (k: number): number => {
    let sumTk = 0;
    let sumTkLog = 0;
    for (const x of logs) {
      const tk = Math.exp(k * x);
      sumTk += tk;
      sumTkLog += tk * x;
    }
    return sumTkLog / sumTk - 1 / k - failedLogMean;
  };
  let lo = 0.05;
  let hi = 50;
  if (profile(lo) > 0 || profile(hi) < 0) return null;
  for (let i = 0; i < 100; i++) {
    const mid = Math.sqrt(lo * hi);
    if (profile(mid) < 0) lo = mid;
    else hi = mid;
  }
  const shape = Math.sqrt(lo * hi);
  const sumTk = logs.reduce((sum, x) => sum + Math.exp(shape * x), 0);
  const scale = top * Math.pow(sumTk / r, 1 / shape);
  return { shape, scale, failures: r, lives: kept.length };
}

/** Cumulative hazard H(t) = (t/scale)^shape. */
export function weibullCumulativeHazard(w: Weibull, t: number): number {
  return Math.pow(Math.max(0, t) / w.scale, w.shape);
}

/** P(failure within `more` further units of life | survived to `age`) = 1 − exp(−(H(age + more) − H(age))). */
export function weibullConditionalFailure(w: Weibull, age: number, more: number): number {
  if (!(more > 0)) return 0;
  return 1 - Math.exp(weibullCumulativeHazard(w, age) - weibullCumulativeHazard(w, age + more));
}
