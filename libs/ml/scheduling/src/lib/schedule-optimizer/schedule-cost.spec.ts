import { scheduleCost } from './schedule-cost';
import { FAILURE_COST_SECONDS, type ScheduleProblem } from './schedule-problem';
import { HORIZON_START, HOUR_MS } from './schedule-instances.spec-helper';

const problem: ScheduleProblem = {
  jobs: [
    { jobId: 'A', partNumber: 'P', duration: 7200, due: HORIZON_START + HOUR_MS, eligibleMachines: ['M-1'] },
    { jobId: 'B', partNumber: 'P', duration: 3600, due: HORIZON_START + 5 * HOUR_MS, eligibleMachines: ['M-2'] },
  ],
  horizonStart: HORIZON_START,
  machineRisk: { 'M-1': 0.1 },
};
const assignments = [
  { jobId: 'A', machineId: 'M-1', start: HORIZON_START, end: HORIZON_START + 2 * HOUR_MS },
  { jobId: 'B', machineId: 'M-2', start: HORIZON_START + 3 * HOUR_MS, end: HORIZON_START + 4 * HOUR_MS },
];

describe(scheduleCost.name, () => {
  it('adds weighted tardiness, makespan and expected failure cost, each in seconds', () => {
    const cost = scheduleCost(problem, assignments, { tardiness: 1, makespan: 0.5, risk: 2 });

    // A ends 1 h late; the last job ends 4 h after the start; A runs 2 h on a machine failing 0.1 times per hour.
    expect(cost.tardiness).toBe(3600);
    expect(cost.makespan).toBe(4 * 3600);
    expect(cost.riskCost).toBeCloseTo(2 * 0.1 * FAILURE_COST_SECONDS, 9);
    expect(cost.objective).toBeCloseTo(3600 + 0.5 * 4 * 3600 + 2 * 2 * 0.1 * FAILURE_COST_SECONDS, 6);
  });

  it('refuses a schedule that misses a job or repeats one', () => {
    expect(() => scheduleCost(problem, assignments.slice(0, 1))).toThrow(/1 job\(s\) have no assignment/);
    expect(() => scheduleCost(problem, [...assignments, assignments[0]])).toThrow(/assigned twice/);
    expect(() => scheduleCost(problem, [...assignments, { ...assignments[0], jobId: 'Z' }])).toThrow(/unknown job 'Z'/);
  });
});
