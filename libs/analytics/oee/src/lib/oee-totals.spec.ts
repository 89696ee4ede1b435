import { CalendarError } from './calendar.error';
import { oeeFigures } from './oee-figures';
import { oeeTotals } from './oee-totals';
import type { JobInput, OeeInput, ShiftCalendar, StopInput } from './oee.types';

const MIN = 60_000;
const HOUR = 3_600_000;
const at = (iso: string): number => Date.parse(iso);

function stop(type: string, start: string, minutes: number): StopInput {
  return { start: at(start), durationSeconds: minutes * 60, downtimeType: type, reasonCode: null };
}

function job(start: string, end: string | null, produced: number | null, scrapped = 0, ideal: number | null = 1): JobInput {
  return { start: at(start), end: end === null ? null : at(end), idealCycleTime: ideal, partsProduced: produced, partsScrapped: scrapped };
}

/** 10:00–12:00 UTC on Monday 2026-05-04, planned 24/7, observed long after. */
function input(change: Partial<OeeInput> = {}): OeeInput {
  return { from: at('2026-05-04T10:00:00Z'), to: at('2026-05-04T12:00:00Z'), calendar: null, stops: [], jobs: [], now: at('2030-01-01T00:00:00Z'), ...change };
}

const dayShift: ShiftCalendar = {
  timezone: 'Europe/Berlin',
  shifts: [{ name: 'day', days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '06:00', end: '14:00' }],
};

describe(oeeTotals.name, () => {
  describe('the oee.com worked example (480 min shift, 60 min breaks, 47 min down, 19,271 parts at 1 s, 423 rejects)', () => {
    const stops = [
      stop('BREAK', '2026-05-04T08:00:00+02:00', 15),
      stop('BREAK', '2026-05-04T10:00:00+02:00', 30),
      stop('BREAK', '2026-05-04T12:00:00+02:00', 15),
      stop('BREAKDOWN', '2026-05-04T07:00:00+02:00', 47),
    ];
    const jobs = [job('2026-05-04T06:00:00+02:00', '2026-05-04T14:00:00+02:00', 19_271, 423, 1)];

    it.each([
      ['with a one-shift calendar over the whole day', { calendar: dayShift, from: at('2026-05-04T00:00:00+02:00'), to: at('2026-05-05T00:00:00+02:00') }],
      ['planned 24/7 with the period equal to the shift', { from: at('2026-05-04T06:00:00+02:00'), to: at('2026-05-04T14:00:00+02:00') }],
    ])('gives A 0.888095, P 0.861081, Q 0.978050, OEE 0.747937 %s', (_, period) => {
      const figures = oeeFigures(oeeTotals(input({ ...period, stops, jobs })));
      expect(figures.availability).toBeCloseTo(0.888095, 6);
      expect(figures.performance).toBeCloseTo(0.861081, 6);
      expect(figures.quality).toBeCloseTo(0.97805, 6);
      expect(figures.overall_oee).toBeCloseTo(0.747937, 6);
      expect(figures.benchmark_comparison).toBe((figures.overall_oee as number) / 0.85);
      expect(figures.time_model).toEqual({
        planned_production_time: 420 * 60,
        run_time: 373 * 60,
        planned_stop_time: 0,
        unplanned_stop_time: 47 * 60,
        small_stop_time: 0,
      });
      expect(figures.counts).toEqual({ total: 19_271, good: 18_848, scrap: 423 });
    });
  });

  it('counts overlapping stops once, no_production over planned_stop over unplanned_stop', () => {
    const totals = oeeTotals(
      input({
        stops: [
          stop('BREAK', '2026-05-04T10:00:00Z', 30),
          stop('SETUP', '2026-05-04T10:15:00Z', 30),
          stop('BREAKDOWN', '2026-05-04T10:20:00Z', 40),
          stop('BREAKDOWN', '2026-05-04T10:50:00Z', 5),
          stop('PLANNED_MAINTENANCE', '2026-05-04T11:30:00Z', 10),
          stop('CHANGEOVER', '2026-05-04T11:35:00Z', 10),
        ],
      }),
    );
    expect(totals).toMatchObject({
      calendarMs: 120 * MIN,
      noProductionMs: 30 * MIN,
      plannedProductionMs: 90 * MIN,
      plannedStopMs: 15 * MIN + 15 * MIN,
      setupMs: 15 * MIN + 10 * MIN,
      unplannedStopMs: 15 * MIN,
      smallStopMs: 0,
      runMs: 45 * MIN,
      failures: 2,
    });
  });

  it('clips stops to the period and to the shifts', () => {
    const totals = oeeTotals(
      input({
        calendar: dayShift,
        from: at('2026-05-04T00:00:00+02:00'),
        to: at('2026-05-04T12:00:00+02:00'),
        stops: [
          stop('BREAKDOWN', '2026-05-04T05:30:00+02:00', 40),
          stop('BREAKDOWN', '2026-05-04T11:50:00+02:00', 30),
          stop('BREAK', '2026-05-04T02:00:00+02:00', 60),
          stop('SETUP', '2026-05-03T23:00:00+02:00', 24 * 60),
        ],
      }),
    );
    // The setup covers the whole shift part of the period; the breakdowns then have nothing left to claim.
    expect(totals).toMatchObject({ calendarMs: 6 * HOUR, noProductionMs: 0, plannedStopMs: 6 * HOUR, unplannedStopMs: 0, runMs: 0, failures: 0 });
    const withoutSetup = oeeTotals(
      input({
        calendar: dayShift,
        from: at('2026-05-04T00:00:00+02:00'),
        to: at('2026-05-04T12:00:00+02:00'),
        stops: [stop('BREAKDOWN', '2026-05-04T05:30:00+02:00', 40), stop('BREAKDOWN', '2026-05-04T11:50:00+02:00', 30)],
      }),
    );
    expect(withoutSetup).toMatchObject({ unplannedStopMs: 10 * MIN + 10 * MIN, failures: 2 });
  });

  describe('small stops', () => {
    it('are unplanned stops shorter than 120 s by default, measured by the record’s own duration', () => {
      const totals = oeeTotals(
        input({
          stops: [
            stop('BREAKDOWN', '2026-05-04T10:10:00Z', 1.5),
            stop('JAM', '2026-05-04T10:20:00Z', 2),
            // Only 1 minute of this 10-minute stop lies in the period: still an unplanned stop, not a small one.
            stop('BREAKDOWN', '2026-05-04T09:51:00Z', 10),
          ],
        }),
      );
      expect(totals).toMatchObject({ smallStopMs: 90_000, unplannedStopMs: 2 * MIN + MIN, failures: 2, runMs: 120 * MIN - 3 * MIN });
    });

    it('follow a configured threshold', () => {
      const stops = [stop('BREAKDOWN', '2026-05-04T10:10:00Z', 1.5), stop('BREAKDOWN', '2026-05-04T10:20:00Z', 4)];
      expect(oeeTotals(input({ stops, microStopThresholdSeconds: 300 }))).toMatchObject({ smallStopMs: 5.5 * MIN, unplannedStopMs: 0, failures: 0 });
      expect(oeeTotals(input({ stops, microStopThresholdSeconds: 60 }))).toMatchObject({ smallStopMs: 0, unplannedStopMs: 5.5 * MIN, failures: 2 });
    });

    it('count once when inside a longer stop, and not at all under a planned one', () => {
      const totals = oeeTotals(
        input({
          stops: [
            stop('BREAKDOWN', '2026-05-04T10:00:00Z', 10),
            stop('JAM', '2026-05-04T10:05:00Z', 1),
            stop('JAM', '2026-05-04T10:09:30Z', 1.5),
            stop('SETUP', '2026-05-04T11:00:00Z', 10),
            stop('JAM', '2026-05-04T11:05:00Z', 1),
          ],
        }),
      );
      expect(totals).toMatchObject({ unplannedStopMs: 10 * MIN, smallStopMs: 60_000, plannedStopMs: 10 * MIN, failures: 1 });
    });
  });

  it('leaves performance and quality null for a machine without parts, availability still computed', () => {
    const figures = oeeFigures(oeeTotals(input({ stops: [stop('BREAKDOWN', '2026-05-04T10:00:00Z', 30)] })));
    expect(figures).toMatchObject({ availability: 0.75, performance: null, quality: null, overall_oee: null, benchmark_comparison: null });
  });

  it('gives null for every ratio when there is no planned time at all', () => {
    const weekendOnly: ShiftCalendar = { timezone: 'UTC', shifts: [{ name: 'weekend', days: ['sat', 'sun'], start: '08:00', end: '16:00' }] };
    const jobs = [job('2026-05-04T10:00:00Z', '2026-05-04T11:00:00Z', 100)];
    for (const figures of [
      oeeFigures(oeeTotals(input({ calendar: weekendOnly, jobs }))),
      oeeFigures(oeeTotals(input({ jobs, stops: [stop('SHUTDOWN', '2026-05-04T09:00:00Z', 240)] }))),
    ]) {
      expect(figures.time_model.planned_production_time).toBe(0);
      expect(figures).toMatchObject({ availability: null, performance: null, overall_oee: null, benchmark_comparison: null });
      expect(figures.kpis).toMatchObject({ technical_efficiency: null, setup_rate: null, nee: null, mtbf: null, mttr: null });
    }
  });

  it('runs a running job until now, and counts no time after now', () => {
    const running = [job('2026-05-04T09:00:00Z', null, 300)];
    expect(oeeTotals(input({ jobs: running, now: at('2026-05-04T12:00:00Z') }))).toMatchObject({ partsProduced: 200 });
    const early = oeeTotals(input({ jobs: running, now: at('2026-05-04T11:00:00Z') }));
    // Now 11:00: the job has run 2 h, 1 h of it in the period; the hour after now is no time at all yet.
    expect(early).toMatchObject({ calendarMs: HOUR, runMs: HOUR, partsProduced: 150 });
  });

  it('attributes a job straddling `from` pro rata to its duration inside, not clipped to the shifts', () => {
    const jobs = [job('2026-05-04T09:00:00Z', '2026-05-04T11:00:00Z', 100, 10, 2)];
    expect(oeeTotals(input({ jobs }))).toMatchObject({ partsProduced: 50, partsScrapped: 5, idealProducedSeconds: 100, idealScrappedSeconds: 10 });
    const morning: ShiftCalendar = { timezone: 'UTC', shifts: [{ name: 'short', days: ['mon'], start: '10:30', end: '11:00' }] };
    expect(oeeTotals(input({ jobs, calendar: morning }))).toMatchObject({ calendarMs: 30 * MIN, partsProduced: 50 });
  });

  it('counts a zero-length job wholly where it starts', () => {
    const jobs = [job('2026-05-04T10:00:00Z', '2026-05-04T10:00:00Z', 7), job('2026-05-04T12:00:00Z', '2026-05-04T12:00:00Z', 5)];
    expect(oeeTotals(input({ jobs }))).toMatchObject({ partsProduced: 7 });
  });

  it('keeps parts without an ideal cycle time out of performance and says how many there were', () => {
    const jobs = [job('2026-05-04T10:00:00Z', '2026-05-04T11:00:00Z', 1800, 0, 1), job('2026-05-04T11:00:00Z', '2026-05-04T12:00:00Z', 500, 100, null)];
    const totals = oeeTotals(input({ jobs }));
    expect(totals).toMatchObject({ partsProduced: 2300, partsScrapped: 100, partsWithoutIdealTime: 500, idealProducedSeconds: 1800 });
    const figures = oeeFigures(totals);
    expect(figures.performance).toBeCloseTo(0.25, 12);
    expect(figures.quality).toBeCloseTo(2200 / 2300, 12);
    expect(oeeFigures(oeeTotals(input({ jobs: [jobs[1]] }))).performance).toBeNull();
  });

  it('derives failures, MTBF and MTTR from the unplanned, non-small stops', () => {
    const figures = oeeFigures(
      oeeTotals(
        input({
          stops: [
            stop('BREAKDOWN', '2026-05-04T10:30:00Z', 10),
            stop('BREAKDOWN', '2026-05-04T11:00:00Z', 20),
            stop('SETUP', '2026-05-04T11:40:00Z', 20),
            stop('JAM', '2026-05-04T10:00:00Z', 1),
          ],
        }),
      ),
    );
    // APT = 120 − 30 − 20 − 1 = 69 min; AUPT = APT + 20 min setup = 89 min.
    expect(figures.kpis).toMatchObject({ failures: 2, mtbf: (89 * 60) / 2, mttr: (30 * 60) / 2 });
    expect(figures.kpis.technical_efficiency).toBeCloseTo(69 / (69 + 31), 12);
    expect(figures.kpis.setup_rate).toBeCloseTo(20 / 89, 12);
  });

  it('reads downtime types case-insensitively and unknown ones as unplanned', () => {
    const totals = oeeTotals(input({ stops: [stop('break', '2026-05-04T10:00:00Z', 10), stop('Coffee machine on fire', '2026-05-04T11:00:00Z', 10)] }));
    expect(totals).toMatchObject({ noProductionMs: 10 * MIN, unplannedStopMs: 10 * MIN });
  });

  it('gives a night shift across the autumn change 9 hours of calendar time, across the spring change 7', () => {
    const night: ShiftCalendar = { timezone: 'Europe/Berlin', shifts: [{ name: 'night', days: ['sat'], start: '22:00', end: '06:00' }] };
    const autumn = input({ calendar: night, from: at('2026-10-24T00:00:00+02:00'), to: at('2026-10-26T00:00:00+01:00') });
    expect(oeeTotals(autumn).calendarMs).toBe(9 * HOUR);
    const spring = input({ calendar: night, from: at('2026-03-28T00:00:00+01:00'), to: at('2026-03-30T00:00:00+02:00') });
    expect(oeeTotals(spring).calendarMs).toBe(7 * HOUR);
  });

  it('refuses an invalid calendar and non-finite times', () => {
    expect(() => oeeTotals(input({ calendar: { timezone: 'Europe/Berlin', shifts: [] } }))).toThrow(CalendarError);
    expect(() => oeeTotals(input({ to: Number.NaN }))).toThrow(RangeError);
  });

  it('ignores records that cannot be read instead of counting garbage', () => {
    const totals = oeeTotals(
      input({
        stops: [{ start: Number.NaN, durationSeconds: 60, downtimeType: 'BREAK', reasonCode: null }, stop('BREAK', '2026-05-04T10:00:00Z', -5)],
        jobs: [job('2026-05-04T10:00:00Z', '2026-05-04T11:00:00Z', null), { ...job('2026-05-04T10:00:00Z', null, 5), start: Number.NaN }],
      }),
    );
    expect(totals).toMatchObject({ noProductionMs: 0, partsProduced: 0 });
  });
});
