import { lowerBound } from '@shopfloor/util';

export interface Interval {
  readonly start: number;
  readonly end: number;
}

/**
 * Disjoint, sorted intervals with cumulative lengths, so the time they cover inside any [a, b) is two binary
 * searches: the history is indexed once and every instant of a training run reads it in O(log n).
 */
export class IntervalCoverage {
  private readonly starts: Float64Array;
  private readonly ends: Float64Array;
  /** cumulative[k] = total length of the first k intervals. */
  private readonly cumulative: Float64Array;

  private constructor(intervals: readonly Interval[]) {
    const n = intervals.length;
    this.starts = new Float64Array(n);
    this.ends = new Float64Array(n);
    this.cumulative = new Float64Array(n + 1);
    intervals.forEach((iv, i) => {
      this.starts[i] = iv.start;
      this.ends[i] = iv.end;
      this.cumulative[i + 1] = this.cumulative[i] + (iv.end - iv.start);
    });
  }

  /** The union of possibly overlapping intervals. */
  static union(intervals: readonly Interval[]): IntervalCoverage {
    return IntervalCoverage.byPriority([intervals])[0];
  }

  /**
   * One coverage per level, where a point covered by several levels belongs to the first (API.md: overlapping stops
   * count once, no_production winning over planned_stop over unplanned_stop). Empty intervals are ignored.
   */
  static byPriority(levels: readonly (readonly Interval[])[]): IntervalCoverage[] {
    const events: { t: number; level: number; delta: number }[] = [];
    levels.forEach((intervals, level) => {
      for (const iv of intervals) {
        if (!(iv.end > iv.start)) continue;
        events.push({ t: iv.start, level, delta: 1 }, { t: iv.end, level, delta: -1 });
      }
    });
    events.sort((x, y) => x.t - y.t);
    const active = new Array<number>(levels.length).fill(0);
    const out: Interval[][] = levels.map(() => []);
    let i = 0;
    while (i < events.length) {
      const t = events[i].t;
      for (; i < events.length && events[i].t === t; i++) active[events[i].level] += events[i].delta;
      if (i === events.length) break;
      const owner = active.findIndex((count) => count > 0);
      if (owner < 0) continue;
      const segment = { start: t, end: events[i].t };
      const list = out[owner];
      const previous = list[list.length - 1];
      // Segments of one level that touch are merged, so each interval is one maximal covered stretch.
      if (previous !== undefined && previous.end === segment.start) list[list.length - 1] = { start: previous.start, end: segment.end };
      else list.push(segment);
    }
    return out.map((intervals) => new IntervalCoverage(intervals));
  }

  get size(): number {
    return this.starts.length;
  }

  /** Covered time before `t`. */
  coveredBefore(t: number): number {
    // Intervals ending at or before t count whole; the next one counts up to t if it has started.
    const k = lowerBound(this.ends, t);
    const partial = k < this.starts.length && this.starts[k] < t ? t - this.starts[k] : 0;
    return this.cumulative[k] + partial;
  }

  /** Covered time inside [a, b); 0 when b ≤ a. */
  covered(a: number, b: number): number {
    return b > a ? this.coveredBefore(b) - this.coveredBefore(a) : 0;
  }
}
