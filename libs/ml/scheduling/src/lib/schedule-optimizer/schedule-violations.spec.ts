import { type ScheduleProblem } from './schedule-problem';
import { HORIZON_START, HOUR_MS } from './schedule-instances.spec-helper';
import { scheduleViolations } from './schedule-violations';

const problem: ScheduleProblem = {
  jobs: [
    { jobId: 'A', partNumber: 'P', duration: 3600, due: HORIZON_START, eligibleMachines: ['M-1'] },
    { jobId: 'B', partNumber: 'P', duration: 3600, due: HORIZON_START, eligibleMachines: ['M-1', 'M-2'] },
    { jobId: 'C', partNumber: 'P', duration: 3600, due: HORIZON_START, eligibleMachines: ['M-2'] },
  ],
  horizonStart: HORIZON_START,
  availableFrom: { 'M-2': HORIZON_START + HOUR_MS },
};
const at = (jobId: string, machineId: string, startHours: number, hours = 1) => ({
  jobId,
  machineId,
  start: HORIZON_START + startHours * HOUR_MS,
  end: HORIZON_START + (startHours + hours) * HOUR_MS,
});

describe(scheduleViolations.name, () => {
  it('finds nothing wrong with a feasible schedule', () => {
    expect(scheduleViolations(problem, [at('A', 'M-1', 0), at('B', 'M-1', 1), at('C', 'M-2', 1)])).toEqual([]);
  });

  it('names overlaps, ineligible machines, early starts, wrong durations and missing jobs', () => {
    expect(scheduleViolations(problem, [at('A', 'M-1', 0), at('B', 'M-1', 0.5)])).toEqual(["'C' is not scheduled", "'A' and 'B' overlap on 'M-1'"]);
    expect(scheduleViolations(problem, [at('A', 'M-2', 2), at('B', 'M-1', -1), at('C', 'M-2', 0.5, 1.25)])).toEqual([
      "'A' runs on ineligible machine 'M-2'",
      "'B' starts before horizonStart",
      "'C' does not run for its duration",
      "'C' starts before 'M-2' is available",
    ]);
  });
});
