import { addDays, daysPeriod, isDate, todayIn, zonedInstant, zoneOffsetMs } from './zone-time';

describe('zone time', () => {
  it('knows a zone offset in winter and summer', () => {
    expect(zoneOffsetMs(Date.parse('2026-01-15T12:00:00Z'), 'Europe/Berlin')).toBe(3_600_000);
    expect(zoneOffsetMs(Date.parse('2026-07-15T12:00:00Z'), 'Europe/Berlin')).toBe(7_200_000);
    expect(zoneOffsetMs(Date.parse('2026-07-15T12:00:00Z'), 'America/Chicago')).toBe(-5 * 3_600_000);
  });

  it('finds midnight in the zone, on days of clock changes too', () => {
    expect(new Date(zonedInstant('2026-03-29', 'Europe/Berlin')).toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(new Date(zonedInstant('2026-03-30', 'Europe/Berlin')).toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(new Date(zonedInstant('2026-10-25', 'Europe/Berlin')).toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(new Date(zonedInstant('2026-03-08', 'America/Santiago')).toISOString()).toBe('2026-03-08T03:00:00.000Z');
  });

  it('reads a skipped time after the gap and a repeated one as its first occurrence', () => {
    expect(new Date(zonedInstant('2026-03-29', 'Europe/Berlin', 2, 30)).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(new Date(zonedInstant('2026-10-25', 'Europe/Berlin', 2, 30)).toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('makes day periods that last the real length of their days', () => {
    const spring = daysPeriod('2026-03-29', 1, 'Europe/Berlin');
    expect((Date.parse(spring.to) - Date.parse(spring.from)) / 3_600_000).toBe(23);
    const week = daysPeriod('2026-10-19', 7, 'Europe/Berlin');
    expect((Date.parse(week.to) - Date.parse(week.from)) / 3_600_000).toBe(169);
  });

  it('tells today in the zone and walks dates', () => {
    expect(todayIn('Pacific/Kiritimati', Date.parse('2026-12-05T12:00:00Z'))).toBe('2026-12-06');
    expect(todayIn('Pacific/Pago_Pago', Date.parse('2026-12-05T06:00:00Z'))).toBe('2026-12-04');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect([isDate('2026-02-29'), isDate('2028-02-29'), isDate('2026-13-01'), isDate('x'), isDate(null)]).toEqual([false, true, false, false, false]);
  });
});
