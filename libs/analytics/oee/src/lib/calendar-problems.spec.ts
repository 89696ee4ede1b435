import { calendarProblems } from './calendar-problems';

const valid = {
  timezone: 'Europe/Berlin',
  shifts: [
    { name: 'early', days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '06:00', end: '14:00' },
    { name: 'late', days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '14:00', end: '22:00' },
    { name: 'night', days: ['sun', 'mon', 'tue', 'wed', 'thu'], start: '22:00', end: '06:00' },
  ],
};

/** The valid calendar with shift 0 changed. */
function withShift(change: Record<string, unknown>) {
  return { ...valid, shifts: [{ ...valid.shifts[0], ...change }, ...valid.shifts.slice(1)] };
}

const fields = (calendar: unknown): string[] => calendarProblems(calendar).map((p) => p.field);

describe(calendarProblems.name, () => {
  it('accepts a three-shift week with a night shift across midnight', () => {
    expect(calendarProblems(valid)).toEqual([]);
  });

  it('accepts a whole-day shift written 00:00–24:00, a shift ending at 24:00 and one ending at 00:00', () => {
    expect(
      calendarProblems({
        timezone: 'UTC',
        shifts: [{ name: 'all day', days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], start: '00:00', end: '24:00' }],
      }),
    ).toEqual([]);
    expect(
      calendarProblems({
        timezone: 'America/New_York',
        shifts: [
          { name: 'late', days: ['mon'], start: '16:00', end: '24:00' },
          { name: 'late2', days: ['tue'], start: '16:00', end: '00:00' },
        ],
      }),
    ).toEqual([]);
  });

  it.each([null, 'calendar', [], 42])('refuses a body that is not an object (%p)', (body) => {
    expect(fields(body)).toEqual(['calendar']);
  });

  it.each([undefined, 'Mars/Olympus', 'CET+1', '', 7])('names the timezone when it is not an IANA zone (%p)', (timezone) => {
    expect(fields({ ...valid, timezone })).toEqual(['timezone']);
  });

  it('needs at least one shift and at most 50', () => {
    expect(fields({ ...valid, shifts: [] })).toEqual(['shifts']);
    expect(fields({ timezone: 'UTC' })).toEqual(['shifts']);
    const many = Array.from({ length: 51 }, (_, i) => ({
      name: `s${i}`,
      days: ['mon'],
      start: `${String(Math.floor(i / 3)).padStart(2, '0')}:${String((i % 3) * 20).padStart(2, '0')}`,
      end: `${String(Math.floor(i / 3)).padStart(2, '0')}:${String((i % 3) * 20 + 10).padStart(2, '0')}`,
    }));
    expect(fields({ timezone: 'UTC', shifts: many })).toEqual(['shifts']);
    expect(fields({ timezone: 'UTC', shifts: many.slice(0, 50) })).toEqual([]);
  });

  it('refuses a shift that is not an object', () => {
    expect(fields({ ...valid, shifts: [valid.shifts[0], 'late'] })).toEqual(['shifts[1]']);
  });

  it.each([
    [{ name: '' }, 'shifts[0].name'],
    [{ name: '   ' }, 'shifts[0].name'],
    [{ name: 3 }, 'shifts[0].name'],
    [{ name: 'x'.repeat(51) }, 'shifts[0].name'],
    [{ days: [] }, 'shifts[0].days'],
    [{ days: 'mon' }, 'shifts[0].days'],
    [{ days: ['mon', 'mon'] }, 'shifts[0].days'],
    [{ days: ['mon', 'Monday'] }, 'shifts[0].days[1]'],
    [{ start: '6:00' }, 'shifts[0].start'],
    [{ start: '24:00' }, 'shifts[0].start'],
    [{ start: '06:60' }, 'shifts[0].start'],
    [{ start: null }, 'shifts[0].start'],
    [{ end: '25:00' }, 'shifts[0].end'],
    [{ end: '14:00:00' }, 'shifts[0].end'],
    [{ end: '06:00' }, 'shifts[0].end'],
  ])('names the field of an invalid shift %p', (change, field) => {
    expect(fields(withShift(change))).toEqual([field]);
  });

  it('accepts a name of exactly 50 characters', () => {
    expect(fields(withShift({ name: 'x'.repeat(50) }))).toEqual([]);
  });

  it('refuses repeated shift names, ignoring case and blanks', () => {
    expect(fields(withShift({ name: ' Late ', days: ['sat'] }))).toEqual(['shifts[1].name']);
  });

  it('refuses shifts that overlap on the same day, naming the later-listed one', () => {
    expect(fields(withShift({ end: '15:00' }))).toEqual(['shifts[1]']);
    expect(calendarProblems(withShift({ end: '15:00' }))[0].message).toContain('early');
  });

  it('refuses a night shift that runs into the next morning’s shift, also from Sunday into Monday', () => {
    const calendar = {
      timezone: 'UTC',
      shifts: [
        { name: 'early', days: ['mon'], start: '05:00', end: '13:00' },
        { name: 'night', days: ['sun'], start: '22:00', end: '06:00' },
      ],
    };
    expect(fields(calendar)).toEqual(['shifts[1]']);
    expect(fields({ ...calendar, shifts: [calendar.shifts[0], { ...calendar.shifts[1], days: ['sat'] }] })).toEqual([]);
  });

  it('lets shifts touch without overlapping', () => {
    expect(
      fields({
        timezone: 'UTC',
        shifts: [
          { name: 'a', days: ['mon'], start: '00:00', end: '24:00' },
          { name: 'b', days: ['tue'], start: '00:00', end: '12:00' },
        ],
      }),
    ).toEqual([]);
  });
});
