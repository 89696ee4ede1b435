import type { SchedulePeriod } from '@shopfloor/contracts';
import { DateTime } from 'luxon';

/** The daily report a run sends: the calendar day before the run's own day, in the schedule's zone. */
export function dailyReportDate(scheduledFor: Date, timezone: string): string {
  return DateTime.fromJSDate(scheduledFor, { zone: timezone }).minus({ days: 1 }).toISODate() as string;
}

/**
 * The period a custom report covers, ending at the run in the schedule's zone: whole previous day, ISO week
 * (Monday to Monday) or month by the wall calendar — so a day with a clock change is 23 or 25 hours — or the
 * 24 hours before the run. ISO 8601 with the zone's offsets.
 */
export function customReportWindow(period: SchedulePeriod, scheduledFor: Date, timezone: string): { from: string; to: string } {
  const at = DateTime.fromJSDate(scheduledFor, { zone: timezone });
  const iso = (time: DateTime): string => time.toISO({ suppressMilliseconds: true }) as string;
  switch (period) {
    case 'previous_day': {
      const today = at.startOf('day');
      return { from: iso(today.minus({ days: 1 })), to: iso(today) };
    }
    case 'previous_week': {
      const thisWeek = at.startOf('week');
      return { from: iso(thisWeek.minus({ weeks: 1 })), to: iso(thisWeek) };
    }
    case 'previous_month': {
      const thisMonth = at.startOf('month');
      return { from: iso(thisMonth.minus({ months: 1 })), to: iso(thisMonth) };
    }
    case 'last_24_hours':
      return { from: iso(at.minus({ hours: 24 })), to: iso(at) };
  }
}
