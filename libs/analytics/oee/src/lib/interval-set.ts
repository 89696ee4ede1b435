import { lowerBound, upperBound } from '@shopfloor/util';

/** A half-open interval [start, end) in epoch milliseconds. */
export interface Interval {
  start: number;
  end: number;
}

/**
 * Collects the intervals of a set operation's result in order, merging any that touch, so every set stays canonical:
 * sorted, disjoint, non-empty and not touching.
 */
class IntervalBuilder {
  readonly starts: number[] = [];
  readonly ends: number[] = [];

  push(start: number, end: number): void {
    if (end <= start) return;
    const last = this.ends.length - 1;
    if (last >= 0 && start <= this.ends[last]) {
      if (end > this.ends[last]) this.ends[last] = end;
      return;
    }
    this.starts.push(start);
    this.ends.push(end);
  }
}

/**
 * The values sorted ascending, in place. Records usually come ordered by start from the database, so the O(n)
 * check saves most sorts (a typed-array sort is a merge sort and does not exploit existing order itself).
 */
export function ascending(values: Float64Array): Float64Array {
  for (let i = 1; i < values.length; i += 1) if (values[i] < values[i - 1]) return values.sort();
  return values;
}

/**
 * An immutable set of instants, held as sorted, disjoint, non-touching half-open intervals. OEE time categories are
 * sets, not sums of records: overlapping stops cover their union once, and the stop priority of API.md ("where they
 * overlap, no_production wins over planned_stop, which wins over unplanned_stop") is set difference. With integer
 * millisecond bounds every length here is an exact integer.
 */
export class IntervalSet {
  static readonly EMPTY = new IntervalSet([], []);

  /** prefix[i] = total length of the first i intervals; built on the first `measureWithin`. */
  private prefix: number[] | null = null;

  private constructor(
    private readonly starts: readonly number[],
    private readonly ends: readonly number[],
  ) {}

  /** The set [start, end), empty when end <= start. */
  static of(start: number, end: number): IntervalSet {
    return end > start ? new IntervalSet([start], [end]) : IntervalSet.EMPTY;
  }

  /** The union of any intervals, in any order; empty and inverted ones are ignored. */
  static fromIntervals(intervals: readonly Interval[]): IntervalSet {
    return IntervalSet.fromBounds(
      intervals.map((i) => i.start),
      intervals.map((i) => i.end),
    );
  }

  /**
   * The union of the intervals [starts[k], ends[k]), in any order; empty and inverted ones are ignored. Starts and
   * ends are sorted separately (typed-array sorts, no comparator): for non-empty intervals the union is where more
   * intervals have started than ended, so the pairing does not matter — and this is the hot path of every request.
   */
  static fromBounds(starts: readonly number[], ends: readonly number[]): IntervalSet {
    let n = 0;
    const s = new Float64Array(starts.length);
    const e = new Float64Array(starts.length);
    for (let k = 0; k < starts.length; k += 1) {
      if (ends[k] > starts[k]) {
        s[n] = starts[k];
        e[n] = ends[k];
        n += 1;
      }
    }
    const sortedStarts = ascending(s.subarray(0, n));
    const sortedEnds = ascending(e.subarray(0, n));
    const out = new IntervalBuilder();
    let depth = 0;
    let open = 0;
    let j = 0;
    for (let i = 0; i < n; i += 1) {
      // Ends before this start close intervals; an end equal to it does not (touching intervals merge).
      while (sortedEnds[j] < sortedStarts[i]) {
        depth -= 1;
        if (depth === 0) out.push(open, sortedEnds[j]);
        j += 1;
      }
      if (depth === 0) open = sortedStarts[i];
      depth += 1;
    }
    if (n > 0) out.push(open, sortedEnds[n - 1]);
    return IntervalSet.built(out);
  }

  private static built(builder: IntervalBuilder): IntervalSet {
    return builder.starts.length === 0 ? IntervalSet.EMPTY : new IntervalSet(builder.starts, builder.ends);
  }

  get isEmpty(): boolean {
    return this.starts.length === 0;
  }

  /** The intervals, in order. */
  intervals(): Interval[] {
    return this.starts.map((start, i) => ({ start, end: this.ends[i] }));
  }

  /** Total length. */
  measure(): number {
    return this.measureWithin(Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY);
  }

  /** Length of the part inside [from, to), in O(log n) so that a series of buckets does not rescan the set. */
  measureWithin(from: number, to: number): number {
    if (!(from < to) || this.starts.length === 0) return 0;
    const first = upperBound(this.ends, from);
    const last = lowerBound(this.starts, to) - 1;
    if (first > last) return 0;
    const prefix = this.prefixSums();
    let total = prefix[last + 1] - prefix[first];
    if (from > this.starts[first]) total -= from - this.starts[first];
    if (this.ends[last] > to) total -= this.ends[last] - to;
    return total;
  }

  /** The first instant of the set at or after `t`, or null when there is none. */
  firstPointAtOrAfter(t: number): number | null {
    const i = upperBound(this.ends, t);
    if (i === this.ends.length) return null;
    return Math.max(this.starts[i], t);
  }

  union(other: IntervalSet): IntervalSet {
    if (other.isEmpty) return this;
    if (this.isEmpty) return other;
    const out = new IntervalBuilder();
    let i = 0;
    let j = 0;
    while (i < this.starts.length || j < other.starts.length) {
      if (j === other.starts.length || (i < this.starts.length && this.starts[i] <= other.starts[j])) {
        out.push(this.starts[i], this.ends[i]);
        i += 1;
      } else {
        out.push(other.starts[j], other.ends[j]);
        j += 1;
      }
    }
    return IntervalSet.built(out);
  }

  intersect(other: IntervalSet): IntervalSet {
    const out = new IntervalBuilder();
    let i = 0;
    let j = 0;
    while (i < this.starts.length && j < other.starts.length) {
      out.push(Math.max(this.starts[i], other.starts[j]), Math.min(this.ends[i], other.ends[j]));
      if (this.ends[i] < other.ends[j]) i += 1;
      else j += 1;
    }
    return IntervalSet.built(out);
  }

  /** This set without the instants of `other`. */
  subtract(other: IntervalSet): IntervalSet {
    if (other.isEmpty || this.isEmpty) return this;
    const out = new IntervalBuilder();
    let j = 0;
    for (let i = 0; i < this.starts.length; i += 1) {
      let cursor = this.starts[i];
      const end = this.ends[i];
      while (j < other.starts.length && other.ends[j] <= cursor) j += 1;
      // `k` walks the cuts inside this interval; `j` stays on the first that may still reach into the next one.
      let k = j;
      while (k < other.starts.length && other.starts[k] < end) {
        out.push(cursor, other.starts[k]);
        cursor = Math.max(cursor, other.ends[k]);
        if (cursor >= end) break;
        k += 1;
      }
      out.push(cursor, end);
    }
    return IntervalSet.built(out);
  }

  /** The part inside [from, to). */
  clip(from: number, to: number): IntervalSet {
    return this.intersect(IntervalSet.of(from, to));
  }

  private prefixSums(): number[] {
    if (this.prefix === null) {
      const prefix = new Array<number>(this.starts.length + 1);
      prefix[0] = 0;
      for (let i = 0; i < this.starts.length; i += 1) prefix[i + 1] = prefix[i] + (this.ends[i] - this.starts[i]);
      this.prefix = prefix;
    }
    return this.prefix;
  }
}
