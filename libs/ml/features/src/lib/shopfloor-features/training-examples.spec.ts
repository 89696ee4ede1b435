import { featureNames } from './feature-layout';
import type { MachineHistory, StopInput } from './machine-history';
import { machineFeatures } from './machine-features';
import { trainingExamples } from './training-examples';

const H = 3_600_000;
const T0 = Date.UTC(2024, 0, 1);
const stop = (type: string, startH: number, durationMin: number): StopInput => ({ type, start: T0 + startH * H, durationS: durationMin * 60 });

const HISTORY: MachineHistory = {
  since: T0,
  until: T0 + 100 * H,
  jobs: [],
  stops: [stop('OPERATOR', 10, 40), stop('SETUP', 20, 300), stop('BREAK', 24, 600), stop('MATERIAL', 30, 10), stop('BREAKDOWN', 50, 120)],
};
const OPTIONS = { from: T0, to: T0 + 100 * H, step: H, horizonHours: 4, thresholdMinutes: 15 };
const rows = trainingExamples(HISTORY, OPTIONS);
const rowAt = (hour: number) => {
  const row = rows.find((r) => r.at === T0 + hour * H);
  if (!row) throw new Error(`no example at ${hour} h`);
  return row;
};

describe(trainingExamples.name, () => {
  it('labels an unplanned stop over the threshold starting in [at, at + horizon)', () => {
    expect(rowAt(6).downtime).toBe(0); // starts exactly at the horizon's end
    expect(rowAt(7).downtime).toBe(1);
    expect(rowAt(10).downtime).toBe(1); // starts exactly at `at`
    expect(rowAt(11).downtime).toBe(0); // already running
  });

  it('does not label planned stops, no-production time or stops under the threshold', () => {
    for (const hour of [17, 18, 19, 20, 21, 22, 23, 24, 27, 28, 29, 30]) expect(rowAt(hour).downtime).toBe(0);
  });

  it('labels only the chosen stop types when given, case-insensitively', () => {
    const breakdowns = trainingExamples(HISTORY, { ...OPTIONS, stopTypes: ['breakdown'] });
    const at = (hour: number) => breakdowns.find((r) => r.at === T0 + hour * H)?.downtime;
    expect(at(10)).toBe(0); // the operator stop no longer counts
    expect(at(47)).toBe(1);
    expect(trainingExamples(HISTORY, { ...OPTIONS, stopTypes: [] }).map((r) => r.downtime)).toEqual(rows.map((r) => r.downtime));
  });

  it('gives the hours to the next breakdown, null when none follows', () => {
    expect(rowAt(47)).toMatchObject({ downtime: 1, hoursToFailure: 3 });
    expect(rowAt(0).hoursToFailure).toBe(50);
    expect(rowAt(50).hoursToFailure).toBe(0);
    expect(rowAt(51).hoursToFailure).toBeNull();
  });

  it('drops instants whose horizon runs past the end of the history', () => {
    expect(rows).toHaveLength(97);
    expect(rows[rows.length - 1].at).toBe(T0 + 96 * H);
  });

  it('uses the same features as machineFeatures at each instant', () => {
    const row = rowAt(52);
    expect(row.features).toHaveLength(featureNames().length);
    expect(Array.from(row.features)).toEqual(Array.from(machineFeatures(HISTORY, row.at).values));
  });

  it('rejects a step that is not positive', () => {
    expect(() => trainingExamples(HISTORY, { ...OPTIONS, step: 0 })).toThrow(RangeError);
  });
});
