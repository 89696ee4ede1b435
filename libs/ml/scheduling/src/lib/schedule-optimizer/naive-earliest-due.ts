import { indexProblem, type IndexedProblem } from './indexed-problem';
import { MachineSequences } from './machine-sequences';
import { scheduleCost } from './schedule-cost';
import { DEFAULT_SCHEDULE_WEIGHTS, type ScheduleProblem, type ScheduleResult, type ScheduleWeights } from './schedule-problem';

/**
 * The baseline a dispatcher would use by hand: jobs by due date (ties in request order), each to the eligible machine
 * where it can start earliest (ties to the first listed). Blind to risk and to what comes next.
 */
export function naiveEarliestDue(problem: ScheduleProblem, options: { readonly weights?: ScheduleWeights } = {}): ScheduleResult {
  const weights = options.weights ?? DEFAULT_SCHEDULE_WEIGHTS;
  const ip = indexProblem(problem, weights);
  const assignments = MachineSequences.of(ip, naiveSequences(ip)).toAssignments();
  return { assignments, ...scheduleCost(problem, assignments, weights) };
}

/** The naive schedule as job sequences per machine, for the optimiser to start from. */
export function naiveSequences(ip: IndexedProblem): number[][] {
  const order = Array.from({ length: ip.jobCount }, (_, j) => j).sort((a, b) => ip.due[a] - ip.due[b] || a - b);
  const free = Float64Array.from(ip.ready);
  const sequences = ip.machineIds.map((): number[] => []);
  for (const j of order) {
    const eligible = ip.eligible[j];
    let best = eligible[0];
    for (const m of eligible) if (free[m] < free[best]) best = m;
    sequences[best].push(j);
    free[best] += ip.duration[j];
  }
  return sequences;
}
