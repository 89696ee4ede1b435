import { currentShiftWindow } from './current-shift';
import type { ShiftCalendar } from './oee.types';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
const berlin: ShiftCalendar = {
  timezone: 'Europe/Berlin',
  shifts: [
    { name: 'early', days: [...WEEKDAYS], start: '06:00', end: '14:00' },
    { name: 'late shift', days: [...WEEKDAYS], start: '14:00', end: '22:00' },
    { name: 'night', days: ['mon', 'tue', 'wed', 'thu', 'sun'], start: '22:00', end: '06:00' },
  ],
};
const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

describe(currentShiftWindow.name, () => {
  it('is the shift in progress, from its start to now, with its real end', () => {
    const w = currentShiftWindow(berlin, at('2026-12-02T14:30:00Z'));
    expect(w.shift && { ...w.shift, start: iso(w.shift.start), end: iso(w.shift.end) }).toEqual({
      name: 'late shift',
      start: '2026-12-02T13:00:00.000Z',
      end: '2026-12-02T21:00:00.000Z',
      inProgress: true,
    });
    expect([iso(w.from), iso(w.to)]).toEqual(['2026-12-02T13:00:00.000Z', '2026-12-02T14:30:00.000Z']);
  });

  it('finds a night shift across midnight and one lasting its real length across the autumn change', () => {
    const night = currentShiftWindow(berlin, at('2026-12-03T02:00:00Z'));
    expect(night.shift?.name).toBe('night');
    expect(iso(night.from)).toBe('2026-12-02T21:00:00.000Z');
    const nights: ShiftCalendar = {
      timezone: 'Europe/Berlin',
      shifts: [{ name: 'night', days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], start: '22:00', end: '06:00' }],
    };
    const autumn = currentShiftWindow(nights, at('2026-10-25T03:00:00Z'));
    expect(autumn.shift && (autumn.shift.end - autumn.shift.start) / 3_600_000).toBe(9);
  });

  it('falls back to the shift that ended last when none is in progress', () => {
    const saturday = currentShiftWindow(berlin, at('2026-12-05T10:00:00Z'));
    // Friday's late shift; no night shift follows it.
    expect(saturday.shift).toEqual({ name: 'late shift', start: at('2026-12-04T13:00:00Z'), end: at('2026-12-04T21:00:00Z'), inProgress: false });
    expect(saturday.shift && saturday.to).toBe(saturday.shift?.end);
  });

  it('has no shift after more than a day without one, nor without a calendar', () => {
    const sunday = currentShiftWindow(berlin, at('2026-12-06T12:00:00Z'));
    expect(sunday.shift).toBeNull();
    expect(sunday.to - sunday.from).toBe(86_400_000);
    const allDay = currentShiftWindow(null, at('2026-12-06T12:34:00Z'));
    expect([allDay.shift, iso(allDay.from), iso(allDay.to)]).toEqual([null, '2026-12-06T00:00:00.000Z', '2026-12-06T12:34:00.000Z']);
  });
});
