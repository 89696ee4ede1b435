import { constructSchedules } from './constructive-schedules';
import { indexProblem } from './indexed-problem';
import { MachineSequences } from './machine-sequences';
import { naiveSequences } from './naive-earliest-due';
import { scheduleCost } from './schedule-cost';
import {
  DEFAULT_SCHEDULE_WEIGHTS,
  type OptimizedSchedule,
  type OptimizeScheduleOptions,
  type ScheduleAssignment,
  type ScheduleProblem,
  type ScheduleSearchStats,
} from './schedule-problem';
import { SeededRandom } from '@shopfloor/util';
import { anneal } from './simulated-annealing';

const DEFAULT_TIME_LIMIT_MS = 1000;

/**
 * Assigns every job to one of its eligible machines and orders each machine's jobs to minimise
 * w_t × total tardiness + w_m × makespan + w_r × risk cost (see ScheduleCost). Builds several schedules (the naive
 * earliest-due one, earliest-due and ATC dispatching with a cost look-ahead), then improves the best by simulated
 * annealing. The result never costs more than naiveEarliestDue under the same weights. Throws RangeError on bad input.
 */
export function optimizeSchedule(problem: ScheduleProblem, options: OptimizeScheduleOptions = {}): OptimizedSchedule {
  const started = performance.now();
  const weights = options.weights ?? DEFAULT_SCHEDULE_WEIGHTS;
  const ip = indexProblem(problem, weights);
  const seed = checkedOption('seed', options.seed ?? 1, (v) => Number.isFinite(v));
  const iterations = checkedOption('iterations', options.iterations ?? defaultIterations(ip.jobCount), (v) => Number.isInteger(v) && v >= 0);
  const timeLimitMs = checkedOption('timeLimitMs', options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS, (v) => Number.isFinite(v) && v > 0);

  const naive = MachineSequences.of(ip, naiveSequences(ip));
  // Taken now: the search changes its start in place, and the start may be the naive schedule itself.
  const naiveAssignments = naive.toAssignments();
  let start = naive;
  const deadline = started + timeLimitMs;
  for (const sequences of constructSchedules(ip, deadline)) {
    const candidate = MachineSequences.of(ip, sequences);
    if (candidate.objective() < start.objective()) start = candidate;
  }
  const initialObjective = start.objective();
  let sequences = start.snapshot();
  // With one job or none there is nothing to search; with a zero cap the caller asked for the construction only.
  let search: Pick<ScheduleSearchStats, 'iterations' | 'stoppedBy'> = {
    iterations: 0,
    stoppedBy: iterations === 0 ? 'iterations' : 'converged',
  };
  if (ip.jobCount > 1 && iterations > 0) {
    const outcome = anneal(ip, start, { iterations, deadline, random: new SeededRandom(seed) });
    sequences = outcome.sequences;
    search = { iterations: outcome.iterations, stoppedBy: outcome.stoppedBy };
  }

  // Judge both by the public cost function, so "never worse than naive" holds to the last bit of rounding.
  const naiveCost = scheduleCost(problem, naiveAssignments, weights);
  let assignments: ScheduleAssignment[] = MachineSequences.of(ip, sequences).toAssignments();
  let cost = scheduleCost(problem, assignments, weights);
  if (cost.objective > naiveCost.objective) {
    assignments = naiveAssignments;
    cost = naiveCost;
  }
  return { assignments, ...cost, search: { naiveObjective: naiveCost.objective, initialObjective, ...search } };
}

/**
 * Moves to try when the caller sets no cap: enough for a few hundred tries per job on small problems, bounded so
 * that 500 jobs on 20 machines stay well within the default second on a slow core.
 */
export function defaultIterations(jobCount: number): number {
  return Math.min(400_000, Math.max(20_000, 500 * jobCount));
}

function checkedOption(name: string, value: number, valid: (v: number) => boolean): number {
  if (typeof value !== 'number' || !valid(value)) throw new RangeError(`options.${name} is invalid: ${String(value)}`);
  return value;
}
