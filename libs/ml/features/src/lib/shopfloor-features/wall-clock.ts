import { ZoneClock } from '@shopfloor/time';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** Wall-clock position of an instant in a zone. */
export interface WallTime {
  /** Minutes since local midnight, with the fraction of the minute. */
  minuteOfDay: number;
  /** ISO weekday from 0 (Monday) to 6 (Sunday). */
  weekday: number;
}

/** Wall time of UTC instants in one IANA zone, as the features read it (@shopfloor/time's ZoneClock underneath). */
export class WallClock {
  private readonly clock: ZoneClock;

  /** Throws RangeError for a zone Intl does not know. */
  constructor(readonly zone: string) {
    this.clock = ZoneClock.forZone(zone);
  }

  /** Wall time minus UTC at an instant, in ms (+3,600,000 for CET). */
  offsetAt(utcMs: number): number {
    return this.clock.offsetAt(utcMs);
  }

  at(utcMs: number): WallTime {
    const local = this.clock.wallOf(utcMs);
    const dayNumber = Math.floor(local / DAY_MS);
    // 1970-01-01 was a Thursday (ISO weekday 3 counting Monday as 0).
    return { minuteOfDay: (local - dayNumber * DAY_MS) / MINUTE_MS, weekday: (((dayNumber + 3) % 7) + 7) % 7 };
  }
}
