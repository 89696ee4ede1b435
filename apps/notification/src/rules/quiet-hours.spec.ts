import { WEEKDAYS } from '@shopfloor/contracts';
import { coversWholeWeek, noticeNotBefore, quietPeriodEnd, type QuietHoursSpec } from './quiet-hours';

const nights: QuietHoursSpec = { timezone: 'Europe/Berlin', start: '22:00', end: '06:00', days: [...WEEKDAYS], except_critical: true };
const at = (iso: string): Date => new Date(iso);
const endOf = (quiet: QuietHoursSpec, iso: string): string | null => quietPeriodEnd(quiet, at(iso))?.toISOString() ?? null;

describe('quietPeriodEnd', () => {
  it('holds a night across midnight in the zone’s wall time, on both sides of midnight', () => {
    // 2026-01-14 is winter in Berlin (UTC+1): 22:00–06:00 local is 21:00Z–05:00Z.
    expect(endOf(nights, '2026-01-14T22:30:00Z')).toBe('2026-01-15T05:00:00.000Z');
    expect(endOf(nights, '2026-01-15T04:59:00Z')).toBe('2026-01-15T05:00:00.000Z');
    expect(endOf(nights, '2026-01-14T21:00:00Z')).toBe('2026-01-15T05:00:00.000Z');
  });

  it('ends at the end time and does not begin before the start time', () => {
    expect(endOf(nights, '2026-01-15T05:00:00Z')).toBeNull();
    expect(endOf(nights, '2026-01-14T20:59:59Z')).toBeNull();
    expect(endOf(nights, '2026-01-14T12:00:00Z')).toBeNull();
  });

  it('lasts 9 real hours over the autumn change (22:00 CEST to 06:00 CET)', () => {
    // Europe/Berlin leaves summer time on 2026-10-25 at 03:00 CEST.
    expect(endOf(nights, '2026-10-24T20:00:00Z')).toBe('2026-10-25T05:00:00.000Z');
    expect(endOf(nights, '2026-10-24T19:59:00Z')).toBeNull();
    expect(endOf(nights, '2026-10-25T04:30:00Z')).toBe('2026-10-25T05:00:00.000Z');
  });

  it('lasts 7 real hours over the spring change (22:00 CET to 06:00 CEST)', () => {
    // Europe/Berlin enters summer time on 2026-03-29 at 02:00 CET.
    expect(endOf(nights, '2026-03-28T21:00:00Z')).toBe('2026-03-29T04:00:00.000Z');
    expect(endOf(nights, '2026-03-29T03:59:00Z')).toBe('2026-03-29T04:00:00.000Z');
    expect(endOf(nights, '2026-03-29T04:00:00Z')).toBeNull();
  });

  it('moves a start the spring change skips forward by the gap, and takes a repeated one at its first occurrence', () => {
    const skipped = { ...nights, start: '02:30', end: '04:00' };
    // 02:30 does not exist on 2026-03-29: the quiet begins at 03:30 CEST (01:30Z) and ends at 04:00 CEST (02:00Z).
    expect(endOf(skipped, '2026-03-29T01:15:00Z')).toBeNull();
    expect(endOf(skipped, '2026-03-29T01:45:00Z')).toBe('2026-03-29T02:00:00.000Z');
    const repeated = { ...nights, start: '02:30', end: '03:00' };
    // 02:30 happens twice on 2026-10-25: first at 00:30Z (CEST); 03:00 only once, in CET (02:00Z).
    expect(endOf(repeated, '2026-10-25T00:29:00Z')).toBeNull();
    expect(endOf(repeated, '2026-10-25T00:45:00Z')).toBe('2026-10-25T02:00:00.000Z');
  });

  it('follows the days the quiet starts on, including into the morning after', () => {
    const fridays = { ...nights, days: ['fri' as const] };
    // 2026-01-16 is a Friday.
    expect(endOf(fridays, '2026-01-16T22:00:00Z')).toBe('2026-01-17T05:00:00.000Z');
    expect(endOf(fridays, '2026-01-17T03:00:00Z')).toBe('2026-01-17T05:00:00.000Z');
    expect(endOf(fridays, '2026-01-17T22:00:00Z')).toBeNull();
    expect(endOf(fridays, '2026-01-15T22:00:00Z')).toBeNull();
  });

  it('keeps a daytime quiet inside its day', () => {
    const lunch = { ...nights, timezone: 'America/New_York', start: '12:00', end: '13:00' };
    // New York enters summer time on 2026-03-08: noon is 17:00Z the day before, 16:00Z on the day.
    expect(endOf(lunch, '2026-03-07T17:30:00Z')).toBe('2026-03-07T18:00:00.000Z');
    expect(endOf(lunch, '2026-03-08T16:30:00Z')).toBe('2026-03-08T17:00:00.000Z');
    expect(endOf(lunch, '2026-03-08T17:30:00Z')).toBeNull();
  });
});

describe('noticeNotBefore', () => {
  it('lets a notice out at once outside the quiet hours and holds one inside until they end', () => {
    expect(noticeNotBefore(nights, 'warning', at('2026-01-14T12:00:00Z'))).toBeNull();
    expect(noticeNotBefore(nights, 'warning', at('2026-01-15T02:00:00Z'))?.toISOString()).toBe('2026-01-15T05:00:00.000Z');
    expect(noticeNotBefore(null, 'info', at('2026-01-15T02:00:00Z'))).toBeNull();
  });

  it('lets critical alerts through unless the rule holds them too', () => {
    expect(noticeNotBefore(nights, 'critical', at('2026-01-15T02:00:00Z'))).toBeNull();
    expect(noticeNotBefore({ ...nights, except_critical: false }, 'critical', at('2026-01-15T02:00:00Z'))?.toISOString()).toBe('2026-01-15T05:00:00.000Z');
  });

  it('follows quiet periods that run into each other to the last one’s end', () => {
    const weekend = { ...nights, start: '00:00', end: '00:00', days: ['sat' as const, 'sun' as const] };
    // Saturday 2026-01-17 10:00 local: quiet all Saturday and all Sunday, out on Monday 00:00 local (Sunday 23:00Z).
    expect(noticeNotBefore(weekend, 'warning', at('2026-01-17T09:00:00Z'))?.toISOString()).toBe('2026-01-18T23:00:00.000Z');
  });
});

describe('coversWholeWeek', () => {
  it('is true only for whole-day quiet hours on every day', () => {
    expect(coversWholeWeek({ start: '00:00', end: '00:00', days: WEEKDAYS })).toBe(true);
    expect(coversWholeWeek({ start: '06:00', end: '06:00', days: WEEKDAYS })).toBe(true);
    expect(coversWholeWeek({ start: '00:00', end: '00:00', days: ['sat', 'sun'] })).toBe(false);
    expect(coversWholeWeek({ start: '22:00', end: '06:00', days: WEEKDAYS })).toBe(false);
  });
});
