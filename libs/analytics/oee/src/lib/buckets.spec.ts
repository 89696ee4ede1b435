import { buckets } from './buckets';
import { CalendarError } from './calendar.error';
import type { Bucket, ShiftCalendar } from './oee.types';

const HOUR = 3_600_000;
const at = (iso: string): number => Date.parse(iso);
const hours = (list: Bucket[]): number[] => list.map((b) => (b.to - b.from) / HOUR);

const berlin: ShiftCalendar = {
  timezone: 'Europe/Berlin',
  shifts: [
    { name: 'early', days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '06:00', end: '14:00' },
    { name: 'night', days: ['sat'], start: '22:00', end: '06:00' },
  ],
};

/** Consecutive buckets that start at `from`, end at `to` and leave no gap. */
function expectPartition(list: Bucket[], from: number, to: number): void {
  expect(list[0].from).toBe(from);
  expect(list[list.length - 1].to).toBe(to);
  list.forEach((b, i) => {
    expect(b.to).toBeGreaterThan(b.from);
    if (i > 0) expect(b.from).toBe(list[i - 1].to);
  });
}

describe(buckets.name, () => {
  it('cuts days of 23 and 25 hours on the clock-change days of the calendar zone', () => {
    const spring = buckets(at('2026-03-28T00:00:00+01:00'), at('2026-03-31T00:00:00+02:00'), 'day', berlin);
    expect(spring.map((b) => b.label)).toEqual(['2026-03-28', '2026-03-29', '2026-03-30']);
    expect(hours(spring)).toEqual([24, 23, 24]);
    const autumn = buckets(at('2026-10-24T00:00:00+02:00'), at('2026-10-27T00:00:00+01:00'), 'day', berlin);
    expect(hours(autumn)).toEqual([24, 25, 24]);
    expectPartition(autumn, at('2026-10-24T00:00:00+02:00'), at('2026-10-27T00:00:00+01:00'));
  });

  it('clips the first and last bucket to the period', () => {
    const list = buckets(at('2026-05-04T10:30:00Z'), at('2026-05-06T03:00:00Z'), 'day', null);
    expect(list).toEqual([
      { from: at('2026-05-04T10:30:00Z'), to: at('2026-05-05T00:00:00Z'), label: '2026-05-04' },
      { from: at('2026-05-05T00:00:00Z'), to: at('2026-05-06T00:00:00Z'), label: '2026-05-05' },
      { from: at('2026-05-06T00:00:00Z'), to: at('2026-05-06T03:00:00Z'), label: '2026-05-06' },
    ]);
  });

  it('aligns days to the zone’s midnight, not UTC’s', () => {
    const [first, second] = buckets(at('2026-05-04T00:00:00Z'), at('2026-05-06T00:00:00Z'), 'day', berlin);
    expect(first).toEqual({ from: at('2026-05-04T00:00:00Z'), to: at('2026-05-05T00:00:00+02:00'), label: '2026-05-04' });
    expect(second.from).toBe(at('2026-05-05T00:00:00+02:00'));
  });

  it('gives the autumn day 25 hour buckets and the spring day 23, the repeated hour told apart by its offset', () => {
    const autumn = buckets(at('2026-10-25T00:00:00+02:00'), at('2026-10-26T00:00:00+01:00'), 'hour', berlin);
    expect(autumn).toHaveLength(25);
    expect(autumn.slice(1, 4).map((b) => b.label)).toEqual(['2026-10-25T01:00+02:00', '2026-10-25T02:00+02:00', '2026-10-25T02:00+01:00']);
    expect(hours(autumn).every((h) => h === 1)).toBe(true);
    const spring = buckets(at('2026-03-29T00:00:00+01:00'), at('2026-03-30T00:00:00+02:00'), 'hour', berlin);
    expect(spring).toHaveLength(23);
    expect(spring[2].label).toBe('2026-03-29T03:00+02:00');
  });

  it('aligns hours to the zone’s wall clock in half-hour zones', () => {
    const kolkata: ShiftCalendar = { timezone: 'Asia/Kolkata', shifts: [{ name: 'day', days: ['mon'], start: '08:00', end: '16:00' }] };
    const list = buckets(at('2026-05-04T00:00:00Z'), at('2026-05-04T02:00:00Z'), 'hour', kolkata);
    expect(list.map((b) => [b.label, (b.to - b.from) / 60_000])).toEqual([
      ['2026-05-04T05:00+05:30', 30],
      ['2026-05-04T06:00+05:30', 60],
      ['2026-05-04T07:00+05:30', 30],
    ]);
  });

  it('starts ISO weeks on Monday 00:00 of the zone and labels them with the ISO week', () => {
    const list = buckets(at('2026-12-23T00:00:00Z'), at('2027-01-12T00:00:00Z'), 'week', null);
    expect(list.map((b) => b.label)).toEqual(['2026-W52', '2026-W53', '2027-W01', '2027-W02']);
    expect(list[1]).toMatchObject({ from: at('2026-12-28T00:00:00Z'), to: at('2027-01-04T00:00:00Z') });
    const autumnWeek = buckets(at('2026-10-19T00:00:00+02:00'), at('2026-10-26T00:00:00+01:00'), 'week', berlin);
    expect(hours(autumnWeek)).toEqual([7 * 24 + 1]);
  });

  it('makes one bucket per shift occurrence, labelled with name and start date, skipping the gaps', () => {
    // Friday 2026-10-23 to Monday 2026-10-26 (autumn change on Sunday).
    const list = buckets(at('2026-10-23T10:00:00+02:00'), at('2026-10-26T08:00:00+01:00'), 'shift', berlin);
    expect(list).toEqual([
      { from: at('2026-10-23T10:00:00+02:00'), to: at('2026-10-23T14:00:00+02:00'), label: 'early 2026-10-23' },
      { from: at('2026-10-24T22:00:00+02:00'), to: at('2026-10-25T06:00:00+01:00'), label: 'night 2026-10-24' },
      { from: at('2026-10-26T06:00:00+01:00'), to: at('2026-10-26T08:00:00+01:00'), label: 'early 2026-10-26' },
    ]);
    expect(hours(list)).toEqual([4, 9, 2]);
  });

  it('refuses shift buckets without a calendar and an invalid calendar', () => {
    expect(() => buckets(0, HOUR, 'shift', null)).toThrow(CalendarError);
    expect(() => buckets(0, HOUR, 'day', { timezone: 'Nowhere/Land', shifts: berlin.shifts })).toThrow(CalendarError);
  });

  it('gives no buckets for an empty period', () => {
    expect(buckets(HOUR, HOUR, 'hour', null)).toEqual([]);
  });

  it('partitions any period exactly at every wall-clock granularity', () => {
    const [from, to] = [at('2026-03-25T13:17:00Z'), at('2026-04-08T09:05:00Z')];
    for (const granularity of ['hour', 'day', 'week'] as const) {
      expectPartition(buckets(from, to, granularity, berlin), from, to);
      expectPartition(buckets(from, to, granularity, null), from, to);
    }
  });
});
