import { type ScheduleAssignment, type ScheduleProblem } from './schedule-problem';

/**
 * Every way a schedule breaks the rules, in words (empty = feasible): each job exactly once, on an eligible machine,
 * for its full duration, not before horizonStart nor its machine's availableFrom, and no two jobs overlapping on a
 * machine. For tests, benches and callers that bring their own plan.
 */
export function scheduleViolations(problem: ScheduleProblem, assignments: readonly ScheduleAssignment[]): string[] {
  const violations: string[] = [];
  const jobs = new Map(problem.jobs.map((job) => [job.jobId, job]));
  const seen = new Set<string>();
  const byMachine = new Map<string, ScheduleAssignment[]>();
  for (const a of assignments) {
    const job = jobs.get(a.jobId);
    if (job === undefined) {
      violations.push(`'${a.jobId}' is not a job of the problem`);
      continue;
    }
    if (seen.has(a.jobId)) violations.push(`'${a.jobId}' is assigned more than once`);
    seen.add(a.jobId);
    if (!job.eligibleMachines.includes(a.machineId)) violations.push(`'${a.jobId}' runs on ineligible machine '${a.machineId}'`);
    if (!Number.isFinite(a.start) || !Number.isFinite(a.end)) violations.push(`'${a.jobId}' has a non-finite start or end`);
    // Times are float ms; a hundredth of a ms of rounding is not a violation.
    if (Math.abs(a.end - a.start - job.duration * 1000) > 0.01) violations.push(`'${a.jobId}' does not run for its duration`);
    if (a.start < problem.horizonStart) violations.push(`'${a.jobId}' starts before horizonStart`);
    const availableFrom = problem.availableFrom?.[a.machineId];
    if (availableFrom !== undefined && a.start < availableFrom) {
      violations.push(`'${a.jobId}' starts before '${a.machineId}' is available`);
    }
    const onMachine = byMachine.get(a.machineId) ?? [];
    onMachine.push(a);
    byMachine.set(a.machineId, onMachine);
  }
  for (const jobId of jobs.keys()) if (!seen.has(jobId)) violations.push(`'${jobId}' is not scheduled`);
  for (const [machineId, onMachine] of byMachine) {
    onMachine.sort((x, y) => x.start - y.start);
    for (let i = 1; i < onMachine.length; i++) {
      if (onMachine[i].start < onMachine[i - 1].end) {
        violations.push(`'${onMachine[i - 1].jobId}' and '${onMachine[i].jobId}' overlap on '${machineId}'`);
      }
    }
  }
  return violations;
}
