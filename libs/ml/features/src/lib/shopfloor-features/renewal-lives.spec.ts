import type { MachineHistory, StopInput } from './machine-history';
import { renewalLives } from './renewal-lives';

const H = 3_600_000;
const T0 = Date.UTC(2024, 0, 1);
const stop = (type: string, startH: number, durationH: number): StopInput => ({ type, start: T0 + startH * H, durationS: durationH * 3600 });

describe(renewalLives.name, () => {
  const history: MachineHistory = {
    since: T0,
    until: T0 + 200 * H,
    jobs: [],
    stops: [
      stop('BREAKDOWN', 10, 2), // the first renewal: the 10 hours before it are of unknown wear
      stop('NO_DEMAND', 20, 8), // not run time
      stop('MATERIAL', 30, 1), // unplanned: not run time either
      stop('PLANNED_MAINTENANCE', 50, 2),
      stop('Breakdown', 100, 4),
    ],
  };

  it('measures run hours from each renewal to the next, breakdowns as failures, the last one censored', () => {
    expect(renewalLives(history, T0, T0 + 200 * H)).toEqual([
      { runHours: 38 - 8 - 1, failed: 0, from: T0 + 12 * H },
      { runHours: 48, failed: 1, from: T0 + 52 * H },
      { runHours: 96, failed: 0, from: T0 + 104 * H },
    ]);
  });

  it('keeps to the span asked for', () => {
    expect(renewalLives(history, T0 + 40 * H, T0 + 150 * H)).toEqual([
      { runHours: 48, failed: 1, from: T0 + 52 * H },
      { runHours: 46, failed: 0, from: T0 + 104 * H },
    ]);
  });

  it('finds no life without a renewal', () => {
    expect(renewalLives({ jobs: [], stops: [stop('MATERIAL', 5, 1)] }, T0, T0 + 100 * H)).toEqual([]);
  });
});
