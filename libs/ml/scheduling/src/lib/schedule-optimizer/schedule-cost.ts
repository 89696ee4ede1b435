import { indexProblem } from './indexed-problem';
import {
  DEFAULT_SCHEDULE_WEIGHTS,
  FAILURE_COST_SECONDS,
  type ScheduleAssignment,
  type ScheduleCost,
  type ScheduleProblem,
  type ScheduleWeights,
} from './schedule-problem';

/**
 * The objective of any schedule of the problem's jobs, from its assignments alone, so the optimiser, the naive
 * baseline and a caller's own plan are all judged by the same code. Feasibility is not checked here
 * (see scheduleViolations); each job must be assigned exactly once.
 */
export function scheduleCost(
  problem: ScheduleProblem,
  assignments: readonly ScheduleAssignment[],
  weights: ScheduleWeights = DEFAULT_SCHEDULE_WEIGHTS,
): ScheduleCost {
  indexProblem(problem, weights);
  const jobs = new Map(problem.jobs.map((job) => [job.jobId, job]));
  const assigned = new Set<string>();
  let tardiness = 0;
  let riskCost = 0;
  let latestEnd = problem.horizonStart;
  for (const a of assignments) {
    const job = jobs.get(a.jobId);
    if (job === undefined) throw new RangeError(`assignment for unknown job '${a.jobId}'`);
    if (assigned.has(a.jobId)) throw new RangeError(`job '${a.jobId}' is assigned twice`);
    assigned.add(a.jobId);
    tardiness += Math.max(0, a.end - job.due) / 1000;
    riskCost += (job.duration / 3600) * (problem.machineRisk?.[a.machineId] ?? 0) * FAILURE_COST_SECONDS;
    latestEnd = Math.max(latestEnd, a.end);
  }
  if (assigned.size !== jobs.size) throw new RangeError(`${jobs.size - assigned.size} job(s) have no assignment`);
  const makespan = (latestEnd - problem.horizonStart) / 1000;
  const objective = weights.tardiness * tardiness + weights.makespan * makespan + weights.risk * riskCost;
  return { tardiness, makespan, riskCost, objective };
}
