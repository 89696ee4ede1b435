import { choosePeriod, MAX_CUSTOM_DAYS } from './period-choice';

const now = Date.parse('2026-12-05T10:00:00Z');

describe(choosePeriod.name, () => {
  it('ends the presets with today, in whole days of the zone', () => {
    expect(choosePeriod('today', 'Europe/Berlin', null, null, now)).toEqual({
      from: '2026-12-04T23:00:00.000Z',
      to: '2026-12-05T23:00:00.000Z',
      first: '2026-12-05',
      last: '2026-12-05',
      problem: null,
    });
    expect(choosePeriod('7d', 'UTC', null, null, now)).toMatchObject({ from: '2026-11-29T00:00:00.000Z', to: '2026-12-06T00:00:00.000Z' });
    expect(choosePeriod('yesterday', 'America/New_York', null, null, now)).toMatchObject({
      first: '2026-12-04',
      from: '2026-12-04T05:00:00.000Z',
      to: '2026-12-05T05:00:00.000Z',
    });
  });

  it('takes a custom range as whole days, swapping reversed dates and bounding long ones', () => {
    expect(choosePeriod('custom', 'UTC', '2026-10-01', '2026-10-31', now)).toMatchObject({
      from: '2026-10-01T00:00:00.000Z',
      to: '2026-11-01T00:00:00.000Z',
      problem: null,
    });
    expect(choosePeriod('custom', 'UTC', '2026-10-31', '2026-10-01', now)).toMatchObject({
      first: '2026-10-01',
      last: '2026-10-31',
      problem: expect.stringContaining('swapped'),
    });
    const long = choosePeriod('custom', 'UTC', '2025-01-01', '2026-10-31', now);
    expect((Date.parse(long.to) - Date.parse(long.from)) / 86_400_000).toBe(MAX_CUSTOM_DAYS);
    expect(long.problem).toContain(`${MAX_CUSTOM_DAYS} days`);
    expect(choosePeriod('custom', 'UTC', 'garbage', null, now)).toMatchObject({ first: '2026-11-29', problem: expect.stringContaining('both dates') });
  });
});
