import { featureNames } from './feature-layout';
import type { JobInput, MachineHistory, ReadingInput, StopInput } from './machine-history';
import { machineFeatures } from './machine-features';

const H = 3_600_000;
/** Tuesday 2024-01-09 00:00 UTC; the history below is written in hours relative to it. */
const AT = Date.UTC(2024, 0, 9);
const T0 = AT - 8 * 24 * H;

const stop = (type: string, startH: number, durationH: number): StopInput => ({ type, start: AT + startH * H, durationS: durationH * 3600 });
const job = (startH: number, endH: number | null, ideal: number, cycle: number, produced: number, scrapped: number): JobInput => ({
  start: AT + startH * H,
  end: endH === null ? null : AT + endH * H,
  idealCycleTimeS: ideal,
  cycleTimeS: cycle,
  partsProduced: produced,
  partsScrapped: scrapped,
});
const reading = (metric: string, timeH: number, value: number): ReadingInput => ({ metric, time: AT + timeH * H, value });

const STOPS: StopInput[] = [
  stop('PLANNED_MAINTENANCE', -100, 3),
  stop('MATERIAL', -50, 0.5),
  stop('NO_DEMAND', -30, 4),
  stop('BREAK', -20, 1),
  stop('SETUP', -10, 0.5),
  stop('BREAKDOWN', -5, 2),
  stop('OPERATOR', -3, 60 / 3600),
  // Still running at AT: counts up to AT only.
  stop('MATERIAL', -1, 2),
];
const JOBS: JobInput[] = [job(-30, -6, 60, 66, 100, 4), job(-6, -2, 100, 120, 50, 0), job(-2, null, 60, 60, 10, 10)];
const READINGS: ReadingInput[] = [
  reading('vibration', -30, 100),
  reading('vibration', -3, 1),
  reading('vibration', -2, 2),
  reading('vibration', -1, 4),
  reading('mystery', -1, 7),
];
const HISTORY: MachineHistory = { since: T0, stops: STOPS, jobs: JOBS, readings: READINGS };

const byName = (history: MachineHistory, at = AT, options = {}): Record<string, number> => {
  const { names, values } = machineFeatures(history, at, options);
  return Object.fromEntries(names.map((name, i) => [name, values[i]]));
};

describe(machineFeatures.name, () => {
  it('counts and times stops by category in each window, a stop over `at` only up to `at`', () => {
    const f = byName(HISTORY);
    expect([f.planned_stop_count_24h, f.planned_stop_hours_24h]).toEqual([1, 0.5]);
    expect([f.unplanned_stop_count_24h, f.unplanned_stop_hours_24h]).toEqual([2, 3]);
    expect([f.small_stop_count_24h, f.small_stop_hours_24h]).toEqual([1, 1 / 60]);
    expect([f.breakdown_count_24h, f.breakdown_hours_24h]).toEqual([1, 2]);
    expect(f.no_production_hours_24h).toBe(1);
    expect([f.planned_stop_count_7d, f.planned_stop_hours_7d]).toEqual([2, 3.5]);
    expect([f.unplanned_stop_count_7d, f.unplanned_stop_hours_7d]).toEqual([3, 3.5]);
    expect(f.no_production_hours_7d).toBe(5);
  });

  it('derives run time, the unplanned stop rate, MTBF and MTTR from the OEE time model', () => {
    const f = byName(HISTORY);
    // 24 h − 1 h break − 0.5 h setup − 3 h unplanned; the small stop stays in run time.
    expect(f.run_hours_24h).toBeCloseTo(19.5, 12);
    expect(f.unplanned_stops_per_run_hour_24h).toBeCloseTo(2 / 19.5, 12);
    expect(f.run_hours_7d).toBeCloseTo(156, 12);
    expect(f.mtbf_hours_7d).toBeCloseTo(52, 12);
    expect(f.mttr_hours_7d).toBeCloseTo(3.5 / 3, 12);
  });

  it('counts overlapping stops once, the higher category winning', () => {
    const f = byName({ since: T0, jobs: [], stops: [stop('BREAK', -4, 2), stop('MATERIAL', -3, 2), stop('TOOLING', -2.5, 0.5)] });
    expect(f.no_production_hours_24h).toBe(2);
    expect(f.unplanned_stop_hours_24h).toBe(1);
    expect(f.unplanned_stop_count_24h).toBe(2);
    expect(f.run_hours_24h).toBe(21);
  });

  it('measures time since the last unplanned stop, breakdown, maintenance and renewal', () => {
    const f = byName(HISTORY);
    expect(f.hours_since_unplanned_stop).toBe(0);
    expect(f.hours_since_breakdown).toBe(3);
    expect(f.hours_since_maintenance).toBe(97);
    // Since the repair ended 3 h ago: 3 h less the 1 h of the running stop.
    expect(f.run_hours_since_renewal).toBeCloseTo(2, 12);
    expect(byName(HISTORY, AT, { sinceCapHours: 50 }).hours_since_maintenance).toBe(50);
  });

  it('weights cycle time against ideal and scrap by parts of finished jobs inside the window', () => {
    const f = byName(HISTORY);
    // 75 % of the first job lies in the 24 h window; the running job is left out.
    expect(f.cycle_time_ratio_24h).toBeCloseTo((75 * 1.1 + 50 * 1.2) / 125, 12);
    expect(f.scrap_rate_24h).toBeCloseTo(3 / 125, 12);
    expect(f.cycle_time_ratio_7d).toBeCloseTo((100 * 1.1 + 50 * 1.2) / 150, 12);
    expect(f.scrap_rate_7d).toBeCloseTo(4 / 150, 12);
  });

  it('aggregates the readings of each configured metric over the short window', () => {
    const f = byName(HISTORY);
    expect(f.vibration_mean_24h).toBeCloseTo(7 / 3, 12);
    expect(f.vibration_std_24h).toBeCloseTo(Math.sqrt(7 / 3), 12);
    expect(f.vibration_slope_per_hour_24h).toBeCloseTo(1.5, 12);
    expect(f.vibration_last_24h).toBe(4);
    expect(f.spindle_temp_mean_24h).toBeNaN();
    expect(Object.keys(f).some((name) => name.startsWith('mystery'))).toBe(false);
  });

  it('places `at` on the clock of the zone and in the shift plan', () => {
    const utc = byName(HISTORY);
    expect([utc.hour_of_day_sin, utc.hour_of_day_cos]).toEqual([0, 1]);
    expect(utc.weekday_sin).toBeCloseTo(Math.sin((2 * Math.PI) / 7), 12);
    expect(utc.shift_index).toBeUndefined();
    const shifts = [
      { start: '06:00', end: '14:00' },
      { start: '14:00', end: '22:00' },
      { start: '22:00', end: '06:00' },
    ];
    const berlin = byName(HISTORY, AT, { timezone: 'Europe/Berlin', shifts });
    expect(berlin.hour_of_day_sin).toBeCloseTo(Math.sin((2 * Math.PI) / 24), 12);
    expect(berlin.shift_index).toBe(2);
    expect(byName(HISTORY, AT + 7 * H, { shifts }).shift_index).toBe(0);
  });

  it('ignores everything at or after `at`', () => {
    const future: MachineHistory = {
      ...HISTORY,
      stops: [...STOPS, stop('BREAKDOWN', 0, 3), stop('SETUP', 2, 1)],
      jobs: [...JOBS, job(-20, 0, 60, 90, 10, 5), job(-1, 5, 60, 90, 10, 5)],
      readings: [...READINGS, reading('vibration', 0, 50), reading('spindle_load', 1, 60)],
    };
    expect(Array.from(machineFeatures(future, AT).values)).toEqual(Array.from(machineFeatures(HISTORY, AT).values));
  });

  it('does not depend on the order of the input records', () => {
    const shuffled: MachineHistory = { ...HISTORY, stops: [...STOPS].reverse(), jobs: [...JOBS].reverse(), readings: [...READINGS].reverse() };
    expect(Array.from(machineFeatures(shuffled, AT).values)).toEqual(Array.from(machineFeatures(HISTORY, AT).values));
  });

  it('keeps one fixed column list, with or without readings', () => {
    const withReadings = machineFeatures(HISTORY, AT);
    const without = machineFeatures({ stops: [], jobs: [] }, AT);
    expect(withReadings.names).toEqual(featureNames());
    expect(without.names).toEqual(withReadings.names);
    expect(without.values).toHaveLength(withReadings.names.length);
    expect(new Set(withReadings.names).size).toBe(withReadings.names.length);
  });

  it('gives NaN where a figure does not exist and 0 where nothing happened', () => {
    const f = byName({ stops: [], jobs: [] });
    for (const name of ['hours_since_breakdown', 'run_hours_since_renewal', 'mtbf_hours_7d', 'cycle_time_ratio_24h', 'scrap_rate_7d', 'power_last_24h']) {
      expect(f[name]).toBeNaN();
    }
    expect(f.unplanned_stop_count_24h).toBe(0);
    // No records: no time is known to be run time.
    expect(f.run_hours_24h).toBe(0);
  });

  it('clips windows to the start of the history', () => {
    const f = byName({ since: AT - 10 * H, stops: [], jobs: [] });
    expect(f.run_hours_24h).toBe(10);
    expect(f.run_hours_7d).toBe(10);
  });
});
