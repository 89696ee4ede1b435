import { naiveEarliestDue } from './naive-earliest-due';
import { optimizeSchedule } from './schedule-optimizer';
import { DEFAULT_SCHEDULE_WEIGHTS, FAILURE_COST_SECONDS, type ScheduleJob, type ScheduleProblem } from './schedule-problem';
import { exhaustiveOptimum, HORIZON_START, HOUR_MS, randomProblem } from './schedule-instances.spec-helper';
import { scheduleViolations } from './schedule-violations';

const job = (jobId: string, hours: number, dueHours: number, eligibleMachines: string[] = ['M-1']): ScheduleJob => ({
  jobId,
  partNumber: 'P-1',
  duration: hours * 3600,
  due: HORIZON_START + dueHours * HOUR_MS,
  eligibleMachines,
});

const sequenceOn = (result: ReturnType<typeof optimizeSchedule>, machineId: string): string[] =>
  result.assignments
    .filter((a) => a.machineId === machineId)
    .sort((a, b) => a.start - b.start)
    .map((a) => a.jobId);

// Deterministic runs: the iteration cap, not the clock, ends the search.
const CAPPED = { iterations: 2000, timeLimitMs: 60_000 };

describe(optimizeSchedule.name, () => {
  it('puts two short jobs before a long overdue one on a single machine, beating earliest due date', () => {
    // EDD runs J1 first: J1 ends at 10 h (1 h late), J2 at 11 h, J3 at 12 h (1 + 2 h late): 4 h in all.
    // J2, J3, J1 ends them at 1, 2 and 12 h: only J1 is late, by 3 h. Makespan and risk do not depend on the order.
    const problem: ScheduleProblem = { jobs: [job('J1', 10, 9), job('J2', 1, 10), job('J3', 1, 10)], horizonStart: HORIZON_START };

    const result = optimizeSchedule(problem, CAPPED);

    expect(naiveEarliestDue(problem).tardiness).toBe(4 * 3600);
    expect(result.tardiness).toBe(3 * 3600);
    expect(result.makespan).toBe(12 * 3600);
    expect(sequenceOn(result, 'M-1')[2]).toBe('J1');
  });

  it('keeps earliest-due-date order on a single machine when it is on time', () => {
    const problem: ScheduleProblem = { jobs: [job('C', 2, 4), job('A', 1, 1), job('B', 1, 3)], horizonStart: HORIZON_START };

    const result = optimizeSchedule(problem, CAPPED);

    expect(sequenceOn(result, 'M-1')).toEqual(['A', 'B', 'C']);
    expect(result.tardiness).toBe(0);
    expect(result.makespan).toBe(4 * 3600);
  });

  it('avoids a risky machine when an equally free safe one exists', () => {
    const problem: ScheduleProblem = {
      jobs: [job('J1', 1, 24, ['M-risky', 'M-safe'])],
      horizonStart: HORIZON_START,
      machineRisk: { 'M-risky': 0.2, 'M-safe': 0 },
    };

    const result = optimizeSchedule(problem, CAPPED);

    // The baseline takes the first machine listed: 1 h × 0.2 failures per hour × the cost of a failure.
    expect(naiveEarliestDue(problem).riskCost).toBeCloseTo(0.2 * FAILURE_COST_SECONDS, 6);
    expect(result.assignments).toEqual([{ jobId: 'J1', machineId: 'M-safe', start: HORIZON_START, end: HORIZON_START + HOUR_MS }]);
    expect(result.riskCost).toBe(0);
  });

  it('respects eligibility, the horizon start and machine availability without overlaps', () => {
    const problem: ScheduleProblem = {
      jobs: [job('A', 2, 2, ['M-1']), job('B', 1, 1, ['M-1', 'M-2']), job('C', 3, 3, ['M-2']), job('D', 1, 2, ['M-1', 'M-2'])],
      horizonStart: HORIZON_START,
      availableFrom: { 'M-2': HORIZON_START + 2 * HOUR_MS, 'M-1': HORIZON_START - 5 * HOUR_MS },
    };

    const result = optimizeSchedule(problem, CAPPED);

    expect(scheduleViolations(problem, result.assignments)).toEqual([]);
    expect(result.assignments.map((a) => a.jobId)).toEqual(['A', 'B', 'C', 'D']);
    expect(result.assignments.find((a) => a.jobId === 'C')?.start).toBeGreaterThanOrEqual(HORIZON_START + 2 * HOUR_MS);
  });

  it('finds the exhaustive optimum of tiny problems', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const problem = randomProblem(seed, { jobs: 4 + (seed % 2), machines: 2 + ((seed >> 1) % 2) });

      const result = optimizeSchedule(problem, { ...CAPPED, seed });

      expect(result.objective).toBeCloseTo(exhaustiveOptimum(problem, DEFAULT_SCHEDULE_WEIGHTS), 3);
    }
  });

  it('is feasible, never worse than the naive baseline, and better on most random problems', () => {
    const instances = 40;
    let better = 0;
    for (let seed = 1; seed <= instances; seed++) {
      const random = randomProblem(seed * 7919, { jobs: 5 + ((seed * 37) % 56), machines: 2 + ((seed * 13) % 7) });
      const naive = naiveEarliestDue(random);

      const result = optimizeSchedule(random, { ...CAPPED, seed });

      expect(scheduleViolations(random, result.assignments)).toEqual([]);
      expect(scheduleViolations(random, naive.assignments)).toEqual([]);
      expect(result.objective).toBeLessThanOrEqual(naive.objective);
      expect(result.search.naiveObjective).toBe(naive.objective);
      if (result.objective < naive.objective * (1 - 1e-9)) better++;
    }
    expect(better).toBeGreaterThan(instances / 2);
  });

  it('gives the same schedule for the same seed', () => {
    const problem = randomProblem(42, { jobs: 40, machines: 4 });

    const first = optimizeSchedule(problem, { ...CAPPED, seed: 9 });
    const second = optimizeSchedule(problem, { ...CAPPED, seed: 9 });

    expect(second.assignments).toEqual(first.assignments);
    expect(second.objective).toBe(first.objective);
  });

  it('stops the search at the time limit', () => {
    const problem = randomProblem(5, { jobs: 500, machines: 20 });
    const started = performance.now();

    const result = optimizeSchedule(problem, { iterations: 1e9, timeLimitMs: 100 });

    expect(result.search.stoppedBy).not.toBe('iterations');
    // Generous: the machine running the tests is shared; without the limit this run would take minutes.
    expect(performance.now() - started).toBeLessThan(3000);
    expect(scheduleViolations(problem, result.assignments)).toEqual([]);
  });

  it('returns an empty schedule for no jobs', () => {
    const result = optimizeSchedule({ jobs: [], horizonStart: HORIZON_START });

    expect(result).toMatchObject({ assignments: [], tardiness: 0, makespan: 0, riskCost: 0, objective: 0 });
  });

  it('rejects bad options', () => {
    const problem: ScheduleProblem = { jobs: [job('J1', 1, 1)], horizonStart: HORIZON_START };

    expect(() => optimizeSchedule(problem, { iterations: -1 })).toThrow(RangeError);
    expect(() => optimizeSchedule(problem, { iterations: 1.5 })).toThrow(RangeError);
    expect(() => optimizeSchedule(problem, { timeLimitMs: 0 })).toThrow(RangeError);
    expect(() => optimizeSchedule(problem, { seed: Number.NaN })).toThrow(RangeError);
    expect(() => optimizeSchedule(problem, { weights: { tardiness: -1, makespan: 0, risk: 0 } })).toThrow(/weights.tardiness/);
  });
});
