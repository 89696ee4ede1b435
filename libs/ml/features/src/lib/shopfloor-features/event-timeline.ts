import { lowerBound } from '@shopfloor/util';
import type { Interval } from './interval-coverage';

/** Records of one kind sorted by start, for counts in a window and the end of the latest one before an instant. */
export class EventTimeline {
  private readonly starts: Float64Array;
  /** Latest end among the first k + 1 records: records may overlap, so the last started is not always the last ended. */
  private readonly maxEnds: Float64Array;

  constructor(events: readonly Interval[]) {
    const sorted = [...events].sort((x, y) => x.start - y.start || x.end - y.end);
    this.starts = Float64Array.from(sorted, (e) => e.start);
    this.maxEnds = new Float64Array(sorted.length);
    let max = Number.NEGATIVE_INFINITY;
    sorted.forEach((e, i) => {
      max = Math.max(max, e.end);
      this.maxEnds[i] = max;
    });
  }

  /** Records starting in [a, b). */
  countStarting(a: number, b: number): number {
    return b > a ? lowerBound(this.starts, b) - lowerBound(this.starts, a) : 0;
  }

  /**
   * End of the latest record started before `at`, cut at `at` (so `at` itself while one is still running); NaN when
   * none started before `at`.
   */
  lastEndBefore(at: number): number {
    const k = lowerBound(this.starts, at);
    return k === 0 ? Number.NaN : Math.min(this.maxEnds[k - 1], at);
  }

  /** Start of the first record starting at or after `t`; NaN when none does. */
  firstStartFrom(t: number): number {
    const k = lowerBound(this.starts, t);
    return k < this.starts.length ? this.starts[k] : Number.NaN;
  }
}
