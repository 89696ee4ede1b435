import { customReportWindow, dailyReportDate } from './report-period';

describe(dailyReportDate.name, () => {
  it('is the day before the run in the schedule’s zone, not in UTC', () => {
    // 00:30 on 1 April in Berlin is still 31 March in UTC.
    expect(dailyReportDate(new Date('2026-03-31T22:30:00Z'), 'Europe/Berlin')).toBe('2026-03-31');
    expect(dailyReportDate(new Date('2026-03-31T22:30:00Z'), 'UTC')).toBe('2026-03-30');
  });
});

describe(customReportWindow.name, () => {
  const run = new Date('2026-03-30T04:05:00Z'); // Monday 06:05 CEST

  it('covers the whole previous wall-clock day, 23 hours on the day the clocks go forward', () => {
    expect(customReportWindow('previous_day', run, 'Europe/Berlin')).toEqual({ from: '2026-03-29T00:00:00+01:00', to: '2026-03-30T00:00:00+02:00' });
  });

  it('covers the previous ISO week, the previous month and the last 24 hours', () => {
    expect(customReportWindow('previous_week', run, 'Europe/Berlin')).toEqual({ from: '2026-03-23T00:00:00+01:00', to: '2026-03-30T00:00:00+02:00' });
    expect(customReportWindow('previous_month', run, 'Europe/Berlin')).toEqual({ from: '2026-02-01T00:00:00+01:00', to: '2026-03-01T00:00:00+01:00' });
    expect(customReportWindow('last_24_hours', run, 'Europe/Berlin')).toEqual({ from: '2026-03-29T06:05:00+02:00', to: '2026-03-30T06:05:00+02:00' });
  });
});
