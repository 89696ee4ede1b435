import { naiveEarliestDue } from './naive-earliest-due';
import { HORIZON_START, HOUR_MS } from './schedule-instances.spec-helper';

describe(naiveEarliestDue.name, () => {
  it('takes jobs by due date, each to the eligible machine free soonest', () => {
    const hour = 3600;
    const result = naiveEarliestDue({
      jobs: [
        { jobId: 'late', partNumber: 'P', duration: hour, due: HORIZON_START + 9 * HOUR_MS, eligibleMachines: ['M-1', 'M-2'] },
        { jobId: 'first', partNumber: 'P', duration: 2 * hour, due: HORIZON_START + HOUR_MS, eligibleMachines: ['M-1', 'M-2'] },
        { jobId: 'second', partNumber: 'P', duration: hour, due: HORIZON_START + 2 * HOUR_MS, eligibleMachines: ['M-1', 'M-2'] },
      ],
      horizonStart: HORIZON_START,
      availableFrom: { 'M-2': HORIZON_START + HOUR_MS },
    });

    // 'first' takes M-1 (free now), 'second' M-2 (free at 1 h, before M-1 at 2 h), 'late' M-1 at 2 h (tie: first listed).
    expect(result.assignments).toEqual([
      { jobId: 'late', machineId: 'M-1', start: HORIZON_START + 2 * HOUR_MS, end: HORIZON_START + 3 * HOUR_MS },
      { jobId: 'first', machineId: 'M-1', start: HORIZON_START, end: HORIZON_START + 2 * HOUR_MS },
      { jobId: 'second', machineId: 'M-2', start: HORIZON_START + HOUR_MS, end: HORIZON_START + 2 * HOUR_MS },
    ]);
    expect(result.tardiness).toBe(hour);
    expect(result.makespan).toBe(3 * hour);
  });
});
