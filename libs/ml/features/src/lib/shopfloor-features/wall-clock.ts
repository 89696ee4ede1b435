const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** Offsets are looked up per quarter hour: every current tz rule changes offset on a 15-minute UTC boundary. */
const OFFSET_BUCKET_MS = 15 * MINUTE_MS;

/** Wall-clock position of an instant in a zone. */
export interface WallTime {
  /** Minutes since local midnight, with the fraction of the minute. */
  minuteOfDay: number;
  /** ISO weekday from 0 (Monday) to 6 (Sunday). */
  weekday: number;
}

/** Wall time of UTC instants in one IANA zone, through Intl (no tz database of our own). */
export class WallClock {
  private readonly format: Intl.DateTimeFormat | null;
  private readonly offsets = new Map<number, number>();

  /** Throws RangeError for a zone Intl does not know. */
  constructor(readonly zone: string) {
    const canonical = new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
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

  /** Wall time minus UTC at an instant, in ms (+3,600,000 for CET). */
  offsetAt(utcMs: number): number {
    if (this.format === null) return 0;
    const bucket = Math.floor(utcMs / OFFSET_BUCKET_MS);
    let offset = this.offsets.get(bucket);
    if (offset === undefined) {
      const probe = bucket * OFFSET_BUCKET_MS;
      const field = (parts: Intl.DateTimeFormatPart[], type: Intl.DateTimeFormatPartTypes): number =>
        Number(parts.find((p) => p.type === type)?.value ?? Number.NaN);
      const parts = this.format.formatToParts(new Date(probe));
      const wall = Date.UTC(field(parts, 'year'), field(parts, 'month') - 1, field(parts, 'day'), field(parts, 'hour'), field(parts, 'minute'), field(parts, 'second'));
      offset = wall - probe;
      this.offsets.set(bucket, offset);
    }
    return offset;
  }

  at(utcMs: number): WallTime {
    const local = utcMs + this.offsetAt(utcMs);
    const dayNumber = Math.floor(local / DAY_MS);
    // 1970-01-01 was a Thursday (ISO weekday 3 counting Monday as 0).
    return { minuteOfDay: (local - dayNumber * DAY_MS) / MINUTE_MS, weekday: (((dayNumber + 3) % 7) + 7) % 7 };
  }
}
