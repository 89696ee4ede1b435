import { ZoneClock } from '@shopfloor/time';
import type { ShiftCalendar } from './oee.types';
import { shiftOccurrences } from './shift-occurrences';

const HOUR = 3_600_000;
const at = (iso: string): number => Date.parse(iso);

function occurrences(calendar: ShiftCalendar, from: string, to: string) {
  const [f, t] = [at(from), at(to)];
  return shiftOccurrences(calendar, f, t, ZoneClock.forZone(calendar.timezone));
}

describe(shiftOccurrences.name, () => {
  const night: ShiftCalendar = { timezone: 'Europe/Berlin', shifts: [{ name: 'night', days: ['sat'], start: '22:00', end: '06:00' }] };

  it('gives a night shift across the autumn change its real 9 hours', () => {
    const [shift, ...rest] = occurrences(night, '2026-10-24T00:00:00+02:00', '2026-10-26T00:00:00+01:00');
    expect(rest).toEqual([]);
    expect(shift).toEqual({ name: 'night', start: at('2026-10-24T22:00:00+02:00'), end: at('2026-10-25T06:00:00+01:00'), date: '2026-10-24' });
    expect(shift.end - shift.start).toBe(9 * HOUR);
  });

  it('gives a night shift across the spring change its real 7 hours', () => {
    const [shift] = occurrences(night, '2026-03-28T00:00:00+01:00', '2026-03-30T00:00:00+02:00');
    expect(shift.end - shift.start).toBe(7 * HOUR);
  });

  it('lists the occurrences touching the window, including one that started the day before', () => {
    const calendar: ShiftCalendar = {
      timezone: 'UTC',
      shifts: [
        { name: 'early', days: ['mon', 'tue'], start: '06:00', end: '14:00' },
        { name: 'night', days: ['sun', 'mon'], start: '22:00', end: '06:00' },
      ],
    };
    // Monday 2026-03-02 03:00 to Tuesday 07:00.
    const list = occurrences(calendar, '2026-03-02T03:00:00Z', '2026-03-03T07:00:00Z');
    expect(list.map((o) => `${o.name} ${o.date}`)).toEqual(['night 2026-03-01', 'early 2026-03-02', 'night 2026-03-02', 'early 2026-03-03']);
  });

  it('ends a 24:00 shift at the next midnight, lasting 23 hours on the spring day', () => {
    const calendar: ShiftCalendar = { timezone: 'Europe/Berlin', shifts: [{ name: 'all day', days: ['sun'], start: '00:00', end: '24:00' }] };
    const [shift] = occurrences(calendar, '2026-03-29T00:00:00+01:00', '2026-03-30T00:00:00+02:00');
    expect(shift).toMatchObject({ start: at('2026-03-29T00:00:00+01:00'), end: at('2026-03-30T00:00:00+02:00') });
    expect(shift.end - shift.start).toBe(23 * HOUR);
  });

  it('moves wall times of the spring gap forward by the gap, like luxon and Temporal ("compatible")', () => {
    const calendar: ShiftCalendar = { timezone: 'Europe/Berlin', shifts: [{ name: 'early', days: ['sun'], start: '02:10', end: '02:50' }] };
    expect(occurrences(calendar, '2026-03-29T00:00:00+01:00', '2026-03-30T00:00:00+02:00')).toEqual([
      { name: 'early', start: at('2026-03-29T03:10:00+02:00'), end: at('2026-03-29T03:50:00+02:00'), date: '2026-03-29' },
    ]);
  });

  it('drops a shift whose start the spring gap moves past its end', () => {
    const calendar: ShiftCalendar = { timezone: 'Europe/Berlin', shifts: [{ name: 'short', days: ['sun'], start: '02:30', end: '03:15' }] };
    expect(occurrences(calendar, '2026-03-29T00:00:00+01:00', '2026-03-30T00:00:00+02:00')).toEqual([]);
  });
});
