import { WallClock, type JobInput } from '@shopfloor/ml/features';
import { recommendWindow } from './shopfloor-maintenance';

const HOUR = 3_600_000;
/** Europe/Berlin's offset from UTC in hours on a day of 2026 (summer time from 29 March). */
const berlinOffset = (day: number): number => (day >= Date.UTC(2026, 2, 29) ? 2 : 1);

describe(recommendWindow.name, () => {
  // A Berlin shop that works every day from 06:00 to 02:00 local time: its only calm hours are 02:00–06:00 local.
  const now = Date.UTC(2026, 3, 10, 12);
  const jobs: JobInput[] = [];
  for (let day = Date.UTC(2026, 1, 1); day < now; day += 24 * HOUR) {
    const start = day + (6 - berlinOffset(day)) * HOUR;
    jobs.push({ start, end: Math.min(start + 20 * HOUR, now), idealCycleTimeS: null, cycleTimeS: null, partsProduced: null, partsScrapped: null });
  }
  const history = { jobs, stops: [] };

  it("finds the calm hours in the shop's wall time, where the last weeks straddle a change to summer time", () => {
    const window = recommendWindow(history, now, 500, 'Europe/Berlin');
    expect(window.expectedLoad).toBe(0);
    expect(window.end - window.start).toBe(4 * HOUR);
    expect(new WallClock('Europe/Berlin').at(window.start).minuteOfDay).toBe(2 * 60);
    expect(window.start).toBeGreaterThan(now);
  });

  it('would see no fully calm slot in UTC hours of the week, which move by an hour at the change', () => {
    expect(recommendWindow(history, now, 500, 'UTC').expectedLoad).toBeGreaterThan(0);
  });
});
