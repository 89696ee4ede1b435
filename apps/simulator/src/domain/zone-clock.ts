const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** Offsets are looked up per quarter hour: every current tz rule changes offset on a 15-minute UTC boundary. */
const OFFSET_BUCKET_MS = 15 * MINUTE_MS;

export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

export interface LocalTime extends LocalDate {
  hour: number;
  minute: number;
  /** Days since 1970-01-01 of the local calendar date. */
  dayNumber: number;
  /** 0 = Sunday ... 6 = Saturday. */
  weekday: number;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));
const pad3 = (n: number): string => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : String(n));

/**
 * Converts between UTC instants (epoch ms) and wall time of one IANA zone, which is how the CIMCO source stores
 * its DATETIMEs.
 *
 * DST: an instant always has exactly one wall time, so nothing written from an instant can fall into a
 * spring-forward gap. The reverse, wall time → instant (used for shift and break times), follows the
 * "compatible" rule of Temporal and luxon: a wall time inside the gap moves forward by the gap (02:30 → 03:30 CEST
 * in Europe/Berlin), and a repeated wall time (autumn) means its first occurrence.
 */
export class ZoneClock {
  private readonly format: Intl.DateTimeFormat | null;
  private readonly offsets = new Map<number, number>();
  private readonly dayOffsets = new Map<number, number | null>();
  private cachedDay = Number.NaN;
  private cachedDayPrefix = '';

  constructor(readonly zone: string) {
    // Throws RangeError for an unknown zone.
    const probe = new Intl.DateTimeFormat('en-US', { timeZone: zone });
    const canonical = probe.resolvedOptions().timeZone;
    this.format =
      canonical === 'UTC' || canonical === 'Etc/UTC'
        ? null
        : new Intl.DateTimeFormat('en-US', {
            timeZone: zone,
            hourCycle: 'h23',
            year: 'numeric',
            month: 'numeric',
            day: 'numeric',
            hour: 'numeric',
            minute: 'numeric',
            second: 'numeric',
          });
  }

  static isValidZone(zone: string): boolean {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }

  /** Wall time minus UTC at an instant, in ms (e.g. +3,600,000 for CET). */
  offsetAt(utcMs: number): number {
    if (this.format === null) return 0;
    // A UTC day with the same offset at both ends has no change inside it (zones change at most twice a year).
    const day = Math.floor(utcMs / DAY_MS);
    let dayOffset = this.dayOffsets.get(day);
    if (dayOffset === undefined) {
      const atStart = this.computeOffset(day * DAY_MS);
      dayOffset = atStart === this.computeOffset((day + 1) * DAY_MS) ? atStart : null;
      this.dayOffsets.set(day, dayOffset);
    }
    if (dayOffset !== null) return dayOffset;
    const bucket = Math.floor(utcMs / OFFSET_BUCKET_MS);
    let offset = this.offsets.get(bucket);
    if (offset === undefined) {
      offset = this.computeOffset(bucket * OFFSET_BUCKET_MS);
      this.offsets.set(bucket, offset);
    }
    return offset;
  }

  /** 'YYYY-MM-DD HH:MM:SS.mmm' wall time, the DATETIME(3) literal the source stores. */
  toWall(utcMs: number): string {
    const local = utcMs + this.offsetAt(utcMs);
    const day = Math.floor(local / DAY_MS);
    if (day !== this.cachedDay) {
      const d = new Date(day * DAY_MS);
      this.cachedDay = day;
      this.cachedDayPrefix = `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())} `;
    }
    let rest = local - day * DAY_MS;
    const hour = Math.floor(rest / 3_600_000);
    rest -= hour * 3_600_000;
    const minute = Math.floor(rest / MINUTE_MS);
    rest -= minute * MINUTE_MS;
    const second = Math.floor(rest / 1000);
    const ms = Math.floor(rest - second * 1000);
    return `${this.cachedDayPrefix}${pad2(hour)}:${pad2(minute)}:${pad2(second)}.${pad3(ms)}`;
  }

  /** The local calendar fields at an instant. */
  localTime(utcMs: number): LocalTime {
    const d = new Date(utcMs + this.offsetAt(utcMs));
    const dayNumber = Math.floor(d.getTime() / DAY_MS);
    return {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      dayNumber,
      weekday: d.getUTCDay(),
    };
  }

  /** The instant of a wall time (gap: moved forward; repeated hour: first occurrence). */
  fromWall(dayNumber: number, hour: number, minute: number): number {
    const wall = dayNumber * DAY_MS + hour * 3_600_000 + minute * MINUTE_MS;
    const before = this.offsetAt(wall - DAY_MS);
    const after = this.offsetAt(wall + DAY_MS);
    const valid = [before, after].filter((o) => this.offsetAt(wall - o) === o);
    if (valid.length > 0) return wall - Math.max(...valid);
    // In the gap: read with the offset in force before the change, which lands after the gap.
    return wall - before;
  }

  private computeOffset(utcMs: number): number {
    const parts = (this.format as Intl.DateTimeFormat).formatToParts(new Date(utcMs));
    const field = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
    const asUtc = Date.UTC(field('year'), field('month') - 1, field('day'), field('hour'), field('minute'), field('second'));
    return asUtc - Math.floor(utcMs / 1000) * 1000;
  }
}

export function dayNumberOf(date: LocalDate): number {
  return Math.floor(Date.UTC(date.year, date.month - 1, date.day) / DAY_MS);
}

export function localDateOf(dayNumber: number): LocalDate & { weekday: number } {
  const d = new Date(dayNumber * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: d.getUTCDay() };
}
