import { SHIFTS, SHIFT_PATTERNS, type ShiftPattern, ShiftCalendar } from './shift-calendar';
import { ZoneClock, dayNumberOf } from './zone-clock';

const berlin = new ZoneClock('Europe/Berlin');
const day = (year: number, month: number, d: number): number => dayNumberOf({ year, month, day: d });
const wall = (t: number): string => berlin.toWall(t).slice(0, 16);

/** Night shift every day, to see a night over each DST change (the real patterns are off on Saturday night). */
const EVERY_NIGHT: ShiftPattern = {
  shifts: [SHIFTS.NIGHT],
  weekdays: { EARLY: [], LATE: [], NIGHT: [0, 1, 2, 3, 4, 5, 6] },
  saturdayOvertime: 0,
};

describe(ShiftCalendar.name, () => {
  it('lays out a weekday of three shifts with meal and short breaks in local time', () => {
    const calendar = new ShiftCalendar(SHIFT_PATTERNS.THREE_SHIFT, berlin, 'Hall A', 1);
    // Wednesday 4 June 2025.
    const pieces = calendar
      .piecesOf(day(2025, 6, 4))
      .map((p) => `${p.kind} ${wall(p.start)}–${wall(p.end).slice(11)}${p.reasonCode ? ` ${p.reasonCode}` : ''}`);
    expect(pieces).toEqual([
      'WORK 2025-06-04 06:00–09:00',
      'BREAK 2025-06-04 09:00–09:15 B02',
      'WORK 2025-06-04 09:15–11:30',
      'BREAK 2025-06-04 11:30–12:00 B01',
      'WORK 2025-06-04 12:00–14:00',
      'WORK 2025-06-04 14:00–17:00',
      'BREAK 2025-06-04 17:00–17:15 B02',
      'WORK 2025-06-04 17:15–19:00',
      'BREAK 2025-06-04 19:00–19:30 B01',
      'WORK 2025-06-04 19:30–22:00',
      'WORK 2025-06-04 22:00–02:00',
      'BREAK 2025-06-05 02:00–02:30 B01',
      'WORK 2025-06-05 02:30–04:00',
      'BREAK 2025-06-05 04:00–04:15 B02',
      'WORK 2025-06-05 04:15–06:00',
    ]);
  });

  it('is off from Friday 22:00 to the Sunday night shift unless a Saturday is worked', () => {
    const calendar = new ShiftCalendar(SHIFT_PATTERNS.THREE_SHIFT, berlin, 'Hall A', 1);
    const fridayEvening = berlin.fromWall(day(2025, 6, 6), 22, 0);
    const off = calendar.at(fridayEvening);
    expect(off.kind).toBe('OFF');
    const resumes = wall(off.end);
    expect(['2025-06-07 06:00', '2025-06-08 22:00']).toContain(resumes);
    expect(calendar.at(berlin.fromWall(day(2025, 6, 8), 23, 0))).toMatchObject({ kind: 'WORK', shift: 'NIGHT' });
  });

  it('works some Saturdays (overtime), the same ones for every machine of a hall', () => {
    const a = new ShiftCalendar(SHIFT_PATTERNS.THREE_SHIFT, berlin, 'Hall A', 1);
    const b = new ShiftCalendar(SHIFT_PATTERNS.THREE_SHIFT, berlin, 'Hall A', 1);
    const saturdays = Array.from({ length: 52 }, (_, i) => day(2025, 1, 4) + 7 * i);
    const worked = saturdays.filter((d) => a.piecesOf(d).length > 0);
    expect(worked.length).toBeGreaterThan(52 * 0.2);
    expect(worked.length).toBeLessThan(52 * 0.5);
    expect(saturdays.filter((d) => b.piecesOf(d).length > 0)).toEqual(worked);
  });

  it('keeps fixed-date holidays off, including the night shift leading into them', () => {
    const calendar = new ShiftCalendar(SHIFT_PATTERNS.THREE_SHIFT, berlin, 'Hall A', 1);
    // Thursday 1 May 2025 is a holiday: only the night shift into Friday starts that day.
    expect(new Set(calendar.piecesOf(day(2025, 5, 1)).map((p) => p.shift))).toEqual(new Set(['NIGHT']));
    expect(calendar.piecesOf(day(2025, 4, 30)).some((p) => p.shift === 'NIGHT')).toBe(false);
    const noHolidays = new ShiftCalendar(SHIFT_PATTERNS.THREE_SHIFT, berlin, 'Hall A', 1, []);
    expect(noHolidays.piecesOf(day(2025, 5, 1)).length).toBeGreaterThan(0);
  });

  it('keeps local clock times over the spring change: a 7-hour night with its 02:00 break moved to 03:00', () => {
    const calendar = new ShiftCalendar(EVERY_NIGHT, berlin, 'Hall A', 1, []);
    const pieces = calendar.piecesOf(day(2025, 3, 29));
    const first = pieces[0];
    const last = pieces[pieces.length - 1];
    expect(wall(first?.start ?? 0)).toBe('2025-03-29 22:00');
    expect(wall(last?.end ?? 0)).toBe('2025-03-30 06:00');
    expect(((last?.end ?? 0) - (first?.start ?? 0)) / 3_600_000).toBe(7);
    const meal = pieces.find((p) => p.reasonCode === 'B01');
    expect(wall(meal?.start ?? 0)).toBe('2025-03-30 03:00');
    expect(((meal?.end ?? 0) - (meal?.start ?? 0)) / 60_000).toBe(30);
    for (const p of pieces) expect(berlin.toWall(p.start).slice(11, 13)).not.toBe('02');
  });

  it('keeps local clock times over the autumn change: a 9-hour night, the break in the first 02:00 hour', () => {
    const calendar = new ShiftCalendar(EVERY_NIGHT, berlin, 'Hall A', 1, []);
    const pieces = calendar.piecesOf(day(2025, 10, 25));
    const first = pieces[0];
    const last = pieces[pieces.length - 1];
    expect(((last?.end ?? 0) - (first?.start ?? 0)) / 3_600_000).toBe(9);
    const meal = pieces.find((p) => p.reasonCode === 'B01');
    expect(meal?.start).toBe(Date.UTC(2025, 9, 26, 0, 0)); // 02:00 CEST, the first of the two
    // Pieces are contiguous and ordered.
    for (let i = 1; i < pieces.length; i++) expect(pieces[i]?.start).toBe(pieces[i - 1]?.end);
  });

  it('answers OFF with the start of the next shift, across a long weekend', () => {
    const calendar = new ShiftCalendar(SHIFT_PATTERNS.TWO_SHIFT, berlin, 'Hall B', 1);
    // Christmas 2025: Wednesday 24 to Friday 26 December are holidays; the weekend follows.
    const t = berlin.fromWall(day(2025, 12, 23), 23, 0);
    const off = calendar.at(t);
    expect(off.kind).toBe('OFF');
    expect(['2025-12-27 06:00', '2025-12-29 06:00']).toContain(wall(off.end));
  });
});
