const SECOND = 1_000;
const DAY = 86_400_000;
// Offsets are sampled once a day and a transition searched between samples that differ: zones change offset at most
// a few times a year, weeks apart (even Morocco's Ramadan suspension lasts a month).
const SAMPLE_STEP = DAY;
// Offsets never reach a day (UTC−12 to UTC+14), so a wall time is within a day of its instant; the prepared years
// reach two days past every instant or wall time asked about, so no transition that could matter is missed.
const MARGIN = 2 * DAY;
// Years Intl writes as plain numbers and Date.UTC reads back unchanged (it maps 0–99 to 1900–1999).
const FIRST_YEAR = 100;
const LAST_YEAR = 9_999;

/** The offsets of one zone over one UTC year: `offsets[0]` at its start, `offsets[k + 1]` from `transitions[k]`. */
interface YearOffsets {
  transitions: number[];
  offsets: number[];
}

type OffsetOf = (instant: number) => number;

/** Wall time minus UTC at an instant (ms), read from Intl to the second; the tz database is the runtime's. */
function intlOffsetOf(zone: string): OffsetOf {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  return (instant) => {
    let year = 0;
    let month = 0;
    let day = 0;
    let hour = 0;
    let minute = 0;
    let second = 0;
    for (const part of format.formatToParts(instant)) {
      if (part.type === 'year') year = Number(part.value);
      else if (part.type === 'month') month = Number(part.value);
      else if (part.type === 'day') day = Number(part.value);
      else if (part.type === 'hour') hour = Number(part.value);
      else if (part.type === 'minute') minute = Number(part.value);
      else if (part.type === 'second') second = Number(part.value);
    }
    return Date.UTC(year, month - 1, day, hour, minute, second) - Math.floor(instant / SECOND) * SECOND;
  };
}

/** Transitions in (start of `year`, start of `year + 1`], found by daily samples and a binary search in seconds. */
function yearOffsets(offsetOf: OffsetOf, year: number): YearOffsets {
  const end = Date.UTC(year + 1, 0, 1);
  let t = Date.UTC(year, 0, 1);
  let offset = offsetOf(t);
  const result: YearOffsets = { transitions: [], offsets: [offset] };
  while (t < end) {
    const next = Math.min(t + SAMPLE_STEP, end);
    if (offsetOf(next) === offset) {
      t = next;
      continue;
    }
    // tz transitions fall on whole seconds.
    let lo = Math.floor(t / SECOND);
    let hi = next / SECOND;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (offsetOf(mid * SECOND) === offset) lo = mid;
      else hi = mid;
    }
    t = hi * SECOND;
    offset = offsetOf(t);
    result.transitions.push(t);
    result.offsets.push(offset);
  }
  return result;
}

/** The UTC year of an instant, without allocating a Date. */
function utcYearOf(instant: number): number {
  let year = 1970 + Math.floor(instant / 31_556_952_000);
  if (instant < Date.UTC(year, 0, 1)) year -= 1;
  else if (instant >= Date.UTC(year + 1, 0, 1)) year += 1;
  return year;
}

/** Number of values in an ascending array that are ≤ x (the index of the offset in force). */
function countAtOrBelow(values: readonly number[], x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid] > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

// One clock per zone name for the process: a memo of the tz database, which cannot change under a running process.
const clocks = new Map<string, ZoneClock>();

/**
 * The clock of one IANA zone: instants (UTC epoch ms) ↔ wall times, where a wall time is the local date and time
 * written as if it were UTC epoch ms, so date arithmetic on it is plain arithmetic.
 *
 * DST (API.md "OEE conventions", RFC 9557 / TC39 Temporal "compatible"): an instant has exactly one wall time; a
 * wall time repeated by an autumn change means its first occurrence, one skipped by a spring change moves forward
 * by the gap (02:30 → 03:30 in Europe/Berlin).
 *
 * The offsets of each zone-year are read from Intl once (a sample a day) and kept as a table of transitions, so a
 * conversion is a binary search; the constant-offset stretch of the last answer is remembered, so converting rows
 * in time order (a sync, a series, a simulation) costs two comparisons. Years 100–9999; NaN outside them.
 */
export class ZoneClock {
  /** Prepared UTC years [firstYear, lastYear]; empty while firstYear > lastYear. */
  private firstYear = 0;
  private lastYear = -1;
  private readonly years = new Map<number, YearOffsets>();
  /** Instants at which a new offset begins, ascending. */
  private transitions: number[] = [];
  /** offsets[k] holds before transitions[k] (and from transitions[k − 1]); one more than transitions. */
  private offsets: number[];
  /** Wall times from which offsets[k + 1] is the answer for a wall time: after transition k's gap or fold. */
  private wallBounds: number[] = [];
  // The constant-offset stretches of the last answers, [lo, hi), one for instants and one for wall times.
  private instantLo = 0;
  private instantHi = 0;
  private instantOffset = 0;
  private wallLo = 0;
  private wallHi = 0;
  private wallOffset = 0;

  private constructor(
    /** The zone name as given. */
    readonly zone: string,
    /** Null for a zone without any offset change (UTC). */
    private readonly offsetOf: OffsetOf | null,
  ) {
    this.offsets = [0];
    if (offsetOf === null) {
      this.instantLo = this.wallLo = Number.NEGATIVE_INFINITY;
      this.instantHi = this.wallHi = Number.POSITIVE_INFINITY;
    }
  }

  private static readonly UTC = new ZoneClock('UTC', null);

  static utc(): ZoneClock {
    return ZoneClock.UTC;
  }

  /** The clock of an IANA zone; throws a RangeError for a zone the runtime does not know. */
  static forZone(zone: string): ZoneClock {
    let clock = clocks.get(zone);
    if (clock === undefined) {
      // Throws RangeError for an unknown zone.
      const canonical = new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
      clock = canonical === 'UTC' || canonical === 'Etc/UTC' ? new ZoneClock(zone, null) : new ZoneClock(zone, intlOffsetOf(zone));
      clocks.set(zone, clock);
    }
    return clock;
  }

  static isValidZone(zone: string): boolean {
    try {
      ZoneClock.forZone(zone);
      return true;
    } catch {
      return false;
    }
  }

  /** The zone's UTC offset at an instant, in ms (+3,600,000 for CET). */
  offsetAt(instant: number): number {
    if (instant >= this.instantLo && instant < this.instantHi) return this.instantOffset;
    if (!this.prepare(instant)) return Number.NaN;
    const k = countAtOrBelow(this.transitions, instant);
    this.instantOffset = this.offsets[k];
    this.instantLo = k > 0 ? this.transitions[k - 1] : Date.UTC(this.firstYear, 0, 1);
    this.instantHi = k < this.transitions.length ? this.transitions[k] : Date.UTC(this.lastYear + 1, 0, 1);
    return this.instantOffset;
  }

  /** The wall time of an instant. */
  wallOf(instant: number): number {
    return instant + this.offsetAt(instant);
  }

  /**
   * The instant of a wall time: a repeated wall time (autumn) is its first occurrence, one inside a spring gap moves
   * forward by the gap. Both are the wall time read with the offset in force before the change.
   */
  instantOf(wall: number): number {
    if (wall >= this.wallLo && wall < this.wallHi) return wall - this.wallOffset;
    if (!this.prepare(wall)) return Number.NaN;
    const k = countAtOrBelow(this.wallBounds, wall);
    this.wallOffset = this.offsets[k];
    // Stretches are clipped a day inside the prepared years: a transition just outside them could reach a wall time there.
    this.wallLo = Math.max(k > 0 ? this.wallBounds[k - 1] : Number.NEGATIVE_INFINITY, Date.UTC(this.firstYear, 0, 1) + DAY);
    this.wallHi = Math.min(k < this.wallBounds.length ? this.wallBounds[k] : Number.POSITIVE_INFINITY, Date.UTC(this.lastYear + 1, 0, 1) - DAY);
    return wall - this.wallOffset;
  }

  /** The first offset change strictly after `instant`, within a year of it, or null. */
  nextTransitionAfter(instant: number): number | null {
    if (this.offsetOf === null || !this.prepare(instant) || !this.prepare(instant + 366 * DAY)) return null;
    const k = countAtOrBelow(this.transitions, instant);
    return k < this.transitions.length && this.transitions[k] <= instant + 366 * DAY ? this.transitions[k] : null;
  }

  /** Makes the tables reach MARGIN either side of `t`; false when `t` is outside the supported years. */
  private prepare(t: number): boolean {
    if (!Number.isFinite(t)) return false;
    const from = utcYearOf(t - MARGIN);
    const to = utcYearOf(t + MARGIN);
    if (from < FIRST_YEAR || to > LAST_YEAR) return false;
    if (from >= this.firstYear && to <= this.lastYear) return true;
    const offsetOf = this.offsetOf as OffsetOf;
    const empty = this.firstYear > this.lastYear;
    const first = empty ? from : Math.min(from, this.firstYear);
    const last = empty ? to : Math.max(to, this.lastYear);
    for (let year = first; year <= last; year += 1) {
      if (!this.years.has(year)) this.years.set(year, yearOffsets(offsetOf, year));
    }
    const transitions: number[] = [];
    const offsets: number[] = [(this.years.get(first) as YearOffsets).offsets[0]];
    for (let year = first; year <= last; year += 1) {
      const part = this.years.get(year) as YearOffsets;
      transitions.push(...part.transitions);
      for (let k = 1; k < part.offsets.length; k += 1) offsets.push(part.offsets[k]);
    }
    this.firstYear = first;
    this.lastYear = last;
    this.transitions = transitions;
    this.offsets = offsets;
    // A wall time before transition k's bound (its gap or its fold included) is read with the offset before it.
    this.wallBounds = transitions.map((t, k) => t + Math.max(offsets[k], offsets[k + 1]));
    // The remembered stretches were clipped to the old years: forget them.
    this.instantLo = this.instantHi = this.wallLo = this.wallHi = 0;
    return true;
  }
}
