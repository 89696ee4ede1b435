import { IANAZone } from 'luxon';

const SECOND = 1_000;
const MINUTE = 60_000;
const DAY = 86_400_000;
// Offsets are sampled once a day and a transition searched between samples that differ; zones change offset at most
// a few times a year, weeks apart (even Morocco's Ramadan suspension lasts a month).
const SAMPLE_STEP = DAY;
// Wall-clock look-ups reach a day either side of an instant (see `instantOf`), shift occurrences a day before.
const MARGIN = 3 * DAY;
// Zone-years kept; a service answers for a handful of zones and years, so this is never the limit in practice.
const MAX_CACHED_YEARS = 256;

/** The offsets of one zone over one UTC year: `offsets[0]` at its start, `offsets[k + 1]` from `transitions[k]`. */
interface YearOffsets {
  transitions: number[];
  offsets: number[];
}

// A memo of a pure function of the tz database (which cannot change under a running process), not shared state.
const yearCache = new Map<string, YearOffsets>();

/** Transitions in (start of `year`, start of `year + 1`], found by daily samples and a binary search in seconds. */
function yearOffsets(zone: IANAZone, year: number): YearOffsets {
  const key = `${zone.name}|${year}`;
  const cached = yearCache.get(key);
  if (cached !== undefined) return cached;
  const offsetOf = (t: number): number => zone.offset(t) * MINUTE;
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
  if (yearCache.size >= MAX_CACHED_YEARS) yearCache.delete(yearCache.keys().next().value as string);
  yearCache.set(key, result);
  return result;
}

/**
 * Converts between instants and the wall clock of one IANA zone, fast and with the rules API.md asks for: luxon
 * resolves a repeated wall time (autumn) to its second occurrence, we need the first. A "wall time" here is the
 * local date and time written as if it were UTC epoch milliseconds, so date arithmetic on it is plain arithmetic.
 *
 * The offsets of each zone-year are read once per process (one Intl look-up a day) and kept, so a series costs a
 * binary search per conversion instead of an Intl call per bucket and shift.
 */
export class ZoneClock {
  private constructor(
    private readonly zone: IANAZone | null,
    private readonly rangeFrom: number,
    private readonly rangeTo: number,
    /** Instants at which a new offset begins, ascending. */
    private readonly transitions: readonly number[],
    /** offsets[k] holds before transitions[k] (and from transitions[k − 1]); one more than transitions. */
    private readonly offsets: readonly number[],
  ) {}

  static utc(): ZoneClock {
    return new ZoneClock(null, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY, [], [0]);
  }

  /** A clock for `timezone` (a valid IANA name) prepared for instants around [from, to). */
  static forZone(timezone: string, from: number, to: number): ZoneClock {
    const zone = IANAZone.create(timezone);
    const firstYear = new Date(from - MARGIN).getUTCFullYear();
    const lastYear = new Date(Math.max(from, to) + MARGIN).getUTCFullYear();
    const transitions: number[] = [];
    const offsets: number[] = [];
    for (let year = firstYear; year <= lastYear; year += 1) {
      const part = yearOffsets(zone, year);
      if (year === firstYear) offsets.push(part.offsets[0]);
      transitions.push(...part.transitions);
      offsets.push(...part.offsets.slice(1));
    }
    return new ZoneClock(zone, Date.UTC(firstYear, 0, 1), Date.UTC(lastYear + 1, 0, 1), transitions, offsets);
  }

  /** The zone's UTC offset at an instant, in ms. */
  offsetAt(instant: number): number {
    if (this.zone !== null && (instant < this.rangeFrom || instant >= this.rangeTo)) {
      return this.zone.offset(instant) * MINUTE;
    }
    let lo = 0;
    let hi = this.transitions.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.transitions[mid] > instant) hi = mid;
      else lo = mid + 1;
    }
    return this.offsets[lo];
  }

  /** The wall time of an instant. */
  wallOf(instant: number): number {
    return instant + this.offsetAt(instant);
  }

  /**
   * The instant of a wall time. A wall time skipped by a spring change moves forward by the gap (02:30 → 03:30 in
   * Europe/Berlin); one repeated by an autumn change is its first occurrence (API.md / brief; the "compatible"
   * disambiguation of RFC 9557 / TC39 Temporal).
   */
  instantOf(wall: number): number {
    const before = this.offsetAt(wall - DAY);
    const after = this.offsetAt(wall + DAY);
    const early = wall - before;
    const late = wall - after;
    const earlyValid = this.offsetAt(early) === before;
    const lateValid = this.offsetAt(late) === after;
    if (earlyValid && lateValid) return Math.min(early, late);
    if (earlyValid) return early;
    if (lateValid) return late;
    return early;
  }

  /** The first offset change strictly after `instant` within the prepared range, or null. */
  nextTransitionAfter(instant: number): number | null {
    for (const t of this.transitions) if (t > instant) return t;
    return null;
  }
}
