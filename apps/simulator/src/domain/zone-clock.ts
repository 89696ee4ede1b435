import { ZoneClock as SharedZoneClock } from '@shopfloor/time';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

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
 * The simulator's view of a zone's wall time (@shopfloor/time's ZoneClock underneath): the DATETIME(3) literals the
 * CIMCO source stores, and the local calendar fields shifts and breaks are planned in.
 *
 * DST: an instant always has exactly one wall time, so nothing written from an instant can fall into a
 * spring-forward gap. The reverse, wall time → instant (used for shift and break times), follows the
 * "compatible" rule of Temporal and luxon: a wall time inside the gap moves forward by the gap (02:30 → 03:30 CEST
 * in Europe/Berlin), and a repeated wall time (autumn) means its first occurrence.
 */
export class ZoneClock {
  private readonly clock: SharedZoneClock;
  private cachedDay = Number.NaN;
  private cachedDayPrefix = '';

  /** Throws RangeError for an unknown zone. */
  constructor(readonly zone: string) {
    this.clock = SharedZoneClock.forZone(zone);
  }

  static isValidZone(zone: string): boolean {
    return SharedZoneClock.isValidZone(zone);
  }

  /** Wall time minus UTC at an instant, in ms (e.g. +3,600,000 for CET). */
  offsetAt(utcMs: number): number {
    return this.clock.offsetAt(utcMs);
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
    return this.clock.instantOf(dayNumber * DAY_MS + hour * 3_600_000 + minute * MINUTE_MS);
  }
}

export function dayNumberOf(date: LocalDate): number {
  return Math.floor(Date.UTC(date.year, date.month - 1, date.day) / DAY_MS);
}

export function localDateOf(dayNumber: number): LocalDate & { weekday: number } {
  const d = new Date(dayNumber * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: d.getUTCDay() };
}
