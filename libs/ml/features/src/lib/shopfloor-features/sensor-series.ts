import { lowerBound } from '@shopfloor/util';

const HOUR_MS = 3_600_000;

/** Aggregates of one metric's readings over a window; NaN where they do not exist. */
export interface SensorAggregates {
  mean: number;
  /** Sample standard deviation (n − 1); NaN below two readings. */
  std: number;
  /** Least-squares slope, value units per hour; NaN below two distinct times. */
  slopePerHour: number;
  /** Latest reading in the window. */
  last: number;
}

/**
 * One metric's readings in time order. A window is found by binary search and summed in one pass, with times and
 * values taken relative to the window's first reading: whole-history prefix sums of t² would lose the small
 * windows' variance to rounding, and a window holds at most a day of readings.
 */
export class SensorSeries {
  private readonly times: Float64Array;
  private readonly values: Float64Array;

  /** `times` (epoch ms) and `values` pair up; they need not be sorted. Non-finite values are dropped. */
  constructor(times: ArrayLike<number>, values: ArrayLike<number>) {
    const t = new Float64Array(times.length);
    const v = new Float64Array(times.length);
    let n = 0;
    let sorted = true;
    for (let i = 0; i < times.length; i++) {
      if (!Number.isFinite(times[i]) || !Number.isFinite(values[i])) continue;
      if (n > 0 && times[i] < t[n - 1]) sorted = false;
      t[n] = times[i];
      v[n] = values[i];
      n++;
    }
    if (sorted) {
      this.times = t.subarray(0, n);
      this.values = v.subarray(0, n);
    } else {
      const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => t[a] - t[b] || v[a] - v[b]);
      this.times = Float64Array.from(order, (i) => t[i]);
      this.values = Float64Array.from(order, (i) => v[i]);
    }
  }

  get size(): number {
    return this.times.length;
  }

  /** Aggregates of the readings with time in [a, b). */
  aggregate(a: number, b: number): SensorAggregates {
    const i = lowerBound(this.times, a);
    const j = Math.max(i, lowerBound(this.times, b));
    const n = j - i;
    if (n === 0) return { mean: Number.NaN, std: Number.NaN, slopePerHour: Number.NaN, last: Number.NaN };
    const t0 = this.times[i];
    const v0 = this.values[i];
    let st = 0;
    let sv = 0;
    let stt = 0;
    let stv = 0;
    let svv = 0;
    for (let k = i; k < j; k++) {
      const t = (this.times[k] - t0) / HOUR_MS;
      const v = this.values[k] - v0;
      st += t;
      sv += v;
      stt += t * t;
      stv += t * v;
      svv += v * v;
    }
    const sxx = stt - (st * st) / n;
    const sxy = stv - (st * sv) / n;
    const syy = Math.max(0, svv - (sv * sv) / n);
    return {
      mean: v0 + sv / n,
      std: n >= 2 ? Math.sqrt(syy / (n - 1)) : Number.NaN,
      // All readings at one instant have no slope.
      slopePerHour: n >= 2 && this.times[j - 1] > t0 ? sxy / sxx : Number.NaN,
      last: this.values[j - 1],
    };
  }
}
