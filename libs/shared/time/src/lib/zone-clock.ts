import { upperBound } from '@shopfloor/util';

const SECOND = 1_000;
const DAY = 86_400_000;
// Offsets are sampled once a day and a transition searched between samples that differ: zones change offset at most
// a few times a year, weeks apart (even Morocco's Ramadan suspension lasts a month).
const SAMPLE_STEP = DAY;
// Offsets never reach a day (UTC−12 to UTC+14), so only transitions within a day of a wall time can bear on it.
// Zone-years kept per zone; a service answers for a handful of years, so this is never the limit in practice.
const MAX_CACHED_YEARS = 512;
// Years of the common era that Intl writes as plain numbers (a year before 1 would need its era).
const FIRST_YEAR = 1;
const LAST_YEAR = 10_000;

/** The offsets of one zone over one UTC year: `offsets[0]` at its start, `offsets[k + 1]` from `transitions[k]`. */
interface YearOffsets {
  transitions: number[];
  offsets: number[];
}

type OffsetOf = (instant: number) => number;

/**
 * Days from 1970-01-01 to a date of the proleptic Gregorian calendar, as Date counts them (H. Hinnant's
 * days_from_civil): plain integer arithmetic, unlike Date.UTC, which also reads years 0–99 as 1900–1999.
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

/** The year of a day counted from 1970-01-01 (H. Hinnant's civil_from_days). */
function yearOfDay(days: number): number {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1_460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  return yoe + era * 400 + (mp >= 10 ? 1 : 0);
}

const yearStart = (year: number): number => daysFromCivil(year, 1, 1) * DAY;

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
    return daysFromCivil(year, month, day) * DAY + ((hour * 60 + minute) * 60 + second) * SECOND - Math.floor(instant / SECOND) * SECOND;
  };
}

/** Transitions in (start of `year`, start of `year + 1`], found by daily samples and a binary search in seconds. */
function yearOffsets(offsetOf: OffsetOf, year: number): YearOffsets {
  const end = yearStart(year + 1);
  let t = yearStart(year);
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

// One clock per zone name for the process: a memo of the tz database, which cannot change under a running process.
// Intl accepts any spelling of a name's case, so the memo is bounded; real services use a handful of zones.
const clocks = new Map<string, ZoneClock>();
const MAX_CLOCKS = 1_000;

/**
 * The clock of one IANA zone: instants (UTC epoch ms) ↔ wall times, where a wall time is the local date and time
 * written as if it were UTC epoch ms, so date arithmetic on it is plain arithmetic.
 *
 * DST (API.md "OEE conventions", RFC 9557 / TC39 Temporal "compatible"): an instant has exactly one wall time; a
 * wall time repeated by an autumn change means its first occurrence, one skipped by a spring change moves forward
 * by the gap (02:30 → 03:30 in Europe/Berlin). Both are the wall time read with the offset in force before the change.
 *
 * The offsets of each zone-year are read from Intl once (a sample a day) and kept as a table of transitions, so a
 * conversion is a binary search in a year's two or so changes; the constant-offset stretch of the last answer is
 * remembered, so converting rows in time order (a sync, a series, a simulation) costs two comparisons.
 * Years 1–10000; NaN outside them.
 */
export class ZoneClock {
  private readonly years = new Map<number, YearOffsets>();
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
      if (clocks.size >= MAX_CLOCKS) clocks.clear();
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
    const year = this.yearOf(instant);
    if (year === null) return Number.NaN;
    const { transitions, offsets } = this.offsetsIn(year);
    const k = upperBound(transitions, instant);
    this.instantOffset = offsets[k];
    this.instantLo = k > 0 ? transitions[k - 1] : yearStart(year);
    this.instantHi = k < transitions.length ? transitions[k] : yearStart(year + 1);
    return this.instantOffset;
  }

  /** The wall time of an instant. */
  wallOf(instant: number): number {
    return instant + this.offsetAt(instant);
  }

  /**
   * The instant of a wall time: a repeated wall time (autumn) is its first occurrence, one inside a spring gap moves
   * forward by the gap.
   */
  instantOf(wall: number): number {
    if (wall >= this.wallLo && wall < this.wallHi) return wall - this.wallOffset;
    const first = this.yearOf(wall - DAY);
    const last = this.yearOf(wall + DAY);
    if (first === null || last === null) return Number.NaN;
    // Changes more than a day before the wall time are in the offset at the start of `first`; later ones cannot reach it.
    let offset = this.offsetsIn(first).offsets[0];
    let lo = yearStart(first) + DAY;
    let hi = yearStart(last + 1) - DAY;
    scan: for (let year = first; year <= last; year += 1) {
      const { transitions, offsets } = this.offsetsIn(year);
      for (let k = 0; k < transitions.length; k += 1) {
        // Up to this bound (the change's gap or fold included) a wall time is read with the offset before the change.
        const bound = transitions[k] + Math.max(offsets[k], offsets[k + 1]);
        if (bound > wall) {
          hi = Math.min(hi, bound);
          break scan;
        }
        offset = offsets[k + 1];
        lo = Math.max(lo, bound);
      }
    }
    this.wallOffset = offset;
    this.wallLo = lo;
    this.wallHi = hi;
    return wall - offset;
  }

  /** The first offset change strictly after `instant`, within a year of it, or null. */
  nextTransitionAfter(instant: number): number | null {
    const year = this.offsetOf === null ? null : this.yearOf(instant);
    if (year === null) return null;
    for (const y of [year, year + 1]) {
      if (y > LAST_YEAR) break;
      const next = this.offsetsIn(y).transitions.find((t) => t > instant);
      if (next !== undefined) return next <= instant + 366 * DAY ? next : null;
    }
    return null;
  }

  /** The UTC year of an instant, or null outside the years the clock answers for. */
  private yearOf(instant: number): number | null {
    if (!Number.isFinite(instant)) return null;
    const year = yearOfDay(Math.floor(instant / DAY));
    return year >= FIRST_YEAR && year <= LAST_YEAR ? year : null;
  }

  private offsetsIn(year: number): YearOffsets {
    let table = this.years.get(year);
    if (table === undefined) {
      table = this.offsetOf === null ? { transitions: [], offsets: [0] } : yearOffsets(this.offsetOf, year);
      if (this.years.size >= MAX_CACHED_YEARS) this.years.delete(this.years.keys().next().value as number);
      this.years.set(year, table);
    }
    return table;
  }
}
