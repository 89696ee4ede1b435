import { Cron } from 'croner';
import { IANAZone } from 'luxon';

/** Cron times a schedule may pass over while the service was down before the next is searched from now. */
const MAX_CATCH_UP_STEPS = 100_000;

export class CronScheduleError extends Error {
  constructor(
    readonly field: 'cron' | 'timezone',
    message: string,
  ) {
    super(message);
    this.name = CronScheduleError.name;
  }
}

/**
 * A five-field cron expression read as wall-clock time of an IANA zone (croner does the calendar arithmetic). Across
 * a clock change a fixed time keeps its wall time (06:05 stays 06:05 in summer and winter); a time inside the spring
 * gap runs once, when the gap ends; a time inside the repeated autumn hour runs once, at its first occurrence.
 * Expressions that run every hour or more often keep running by elapsed time through the repeated hour.
 */
export class CronSchedule {
  private constructor(private readonly cron: Cron) {}

  /** Throws CronScheduleError naming the field at fault. */
  static parse(expression: string, timezone: string): CronSchedule {
    if (!IANAZone.isValidZone(timezone))
      throw new CronScheduleError('timezone', `${timezone} is not an IANA time zone (e.g. Europe/Berlin, America/Chicago, UTC)`);
    const fields = expression.trim().split(/\s+/);
    if (fields.length !== 5) throw new CronScheduleError('cron', `must have five fields (minute hour day-of-month month day-of-week), not ${fields.length}`);
    let cron: Cron;
    try {
      cron = new Cron(fields.join(' '), { timezone, mode: '5-part', paused: true });
    } catch (error) {
      throw new CronScheduleError('cron', `is not a valid cron expression: ${(error as Error).message.replace(/^CronPattern: /, '')}`);
    }
    const schedule = new CronSchedule(cron);
    if (!schedule.nextAfter(new Date())) throw new CronScheduleError('cron', 'never matches a date');
    return schedule;
  }

  /** The first cron time strictly after `time`, or null when there is none. */
  nextAfter(time: Date): Date | null {
    return this.cron.nextRun(time);
  }

  /**
   * What a tick at `now` runs for a schedule whose earliest unrun time is `due` (≤ now): the latest cron time not
   * after now — missed times (the service was down) are run once, not once each — and the time after it.
   */
  slot(due: Date, now: Date): { scheduledFor: Date; next: Date | null } {
    let scheduledFor = due;
    let next = this.nextAfter(due);
    for (let step = 0; next && next <= now && step < MAX_CATCH_UP_STEPS; step += 1) {
      scheduledFor = next;
      next = this.nextAfter(next);
    }
    if (next && next <= now) next = this.nextAfter(now);
    return { scheduledFor, next };
  }
}
