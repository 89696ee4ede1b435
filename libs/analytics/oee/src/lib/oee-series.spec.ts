import { buckets } from './buckets';
import { oeeSeries, oeeSeriesTotals } from './oee-series';
import { oeeTotals } from './oee-totals';
import type { OeeInput, ShiftCalendar } from './oee.types';
import { sumTotals } from './sum-totals';

const MIN = 60_000;
const HOUR = 3_600_000;
const at = (iso: string): number => Date.parse(iso);

const twoShifts: ShiftCalendar = {
  timezone: 'Europe/Berlin',
  shifts: [
    { name: 'early', days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '06:00', end: '14:00' },
    { name: 'late', days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '14:00', end: '22:00' },
  ],
};

const input: OeeInput = {
  from: at('2026-05-04T00:00:00+02:00'),
  to: at('2026-05-06T00:00:00+02:00'),
  calendar: twoShifts,
  stops: [
    // Crosses the early/late boundary on Monday and the day boundary overnight.
    { start: at('2026-05-04T13:30:00+02:00'), durationSeconds: 3600, downtimeType: 'BREAKDOWN', reasonCode: 'E1' },
    { start: at('2026-05-05T05:00:00+02:00'), durationSeconds: 2 * 3600, downtimeType: 'SETUP', reasonCode: null },
  ],
  jobs: [{ start: at('2026-05-04T06:00:00+02:00'), end: at('2026-05-05T10:00:00+02:00'), idealCycleTime: 30, partsProduced: 2800, partsScrapped: 28 }],
  now: at('2030-01-01T00:00:00Z'),
};

describe(oeeSeries.name, () => {
  it('gives each shift bucket its own figures', () => {
    const series = oeeSeries(input, buckets(input.from, input.to, 'shift', twoShifts));
    expect(series.map((s) => s.bucket.label)).toEqual(['early 2026-05-04', 'late 2026-05-04', 'early 2026-05-05', 'late 2026-05-05']);
    expect(series.map((s) => s.figures.time_model.unplanned_stop_time)).toEqual([1800, 1800, 0, 0]);
    expect(series.map((s) => s.figures.kpis.failures)).toEqual([1, 0, 0, 0]);
    expect(series[2].figures.time_model.planned_stop_time).toBe(3600);
    // The job runs 28 h: 8 h of it in each Monday shift, 4 h in Tuesday's early shift.
    expect(series.map((s) => s.figures.counts.total)).toEqual([800, 800, 400, 0]);
    expect(series[3].figures.availability).toBe(1);
    expect(series[3].figures.performance).toBeNull();
  });

  it('sums over day buckets to the whole period exactly', () => {
    const totals = oeeSeriesTotals(input, buckets(input.from, input.to, 'day', twoShifts));
    expect(totals).toHaveLength(2);
    expect(sumTotals(totals)).toEqual(oeeTotals(input));
    expect(totals[0]).toMatchObject({ calendarMs: 16 * HOUR, unplannedStopMs: 60 * MIN, failures: 1 });
    // 18 of the job's 28 hours fall on Monday.
    expect(totals[0].partsProduced).toBeCloseTo(1800, 9);
  });

  it('counts a failure that spans two buckets once, in the first', () => {
    const hourly = oeeSeriesTotals(input, buckets(at('2026-05-04T13:00:00+02:00'), at('2026-05-04T15:00:00+02:00'), 'hour', twoShifts));
    expect(hourly.map((t) => [t.unplannedStopMs / MIN, t.failures])).toEqual([
      [30, 1],
      [30, 0],
    ]);
  });

  it('counts a failure where it first shows: a breakdown that began before the shift counts in the shift', () => {
    const early = { ...input, stops: [{ start: at('2026-05-04T05:30:00+02:00'), durationSeconds: 3600, downtimeType: 'BREAKDOWN', reasonCode: null }] };
    const hourly = oeeSeriesTotals(early, buckets(at('2026-05-04T05:00:00+02:00'), at('2026-05-04T07:00:00+02:00'), 'hour', twoShifts));
    expect(hourly.map((t) => [t.unplannedStopMs / MIN, t.failures])).toEqual([
      [0, 0],
      [30, 1],
    ]);
  });

  it('puts a zero-length job on a bucket boundary into the bucket that starts there', () => {
    const instant = {
      ...input,
      jobs: [{ start: at('2026-05-05T00:00:00+02:00'), end: at('2026-05-05T00:00:00+02:00'), idealCycleTime: 1, partsProduced: 9, partsScrapped: 0 }],
    };
    const daily = oeeSeriesTotals(instant, buckets(input.from, input.to, 'day', twoShifts));
    expect(daily.map((t) => t.partsProduced)).toEqual([0, 9]);
  });

  it('clips buckets to the period of the input', () => {
    const [outside] = oeeSeriesTotals(input, [{ from: at('2026-05-07T00:00:00+02:00'), to: at('2026-05-08T00:00:00+02:00'), label: 'later' }]);
    expect(outside.calendarMs).toBe(0);
  });

  it('handles overlapping buckets, each on its own', () => {
    const whole = { from: input.from, to: input.to, label: 'all' };
    const [a, b] = oeeSeriesTotals(input, [whole, whole]);
    expect(a).toEqual(oeeTotals(input));
    expect(b).toEqual(a);
  });
});
