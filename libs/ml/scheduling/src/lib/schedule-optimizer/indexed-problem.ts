import { FAILURE_COST_SECONDS, MAX_SCHEDULE_JOBS, MAX_SCHEDULE_MACHINES, type ScheduleProblem, type ScheduleWeights } from './schedule-problem';

/**
 * A validated problem with jobs and machines numbered, times in seconds from horizonStart: the form every algorithm
 * here works on (array look-ups instead of string maps in the inner loops).
 */
export interface IndexedProblem {
  readonly problem: ScheduleProblem;
  readonly weights: ScheduleWeights;
  readonly jobCount: number;
  /** Machine index → id, in order of first mention in the eligibility lists. */
  readonly machineIds: readonly string[];
  /** Seconds. */
  readonly duration: Float64Array;
  /** Seconds from horizonStart (negative when already overdue). */
  readonly due: Float64Array;
  /** Machine indices per job, in the job's own order, without duplicates. */
  readonly eligible: readonly (readonly number[])[];
  /** eligibleMask[job × machineCount + machine] = 1 when allowed. */
  readonly eligibleMask: Uint8Array;
  /** Earliest start per machine, seconds from horizonStart, >= 0. */
  readonly ready: Float64Array;
  /** The same as epoch ms, exactly max(horizonStart, availableFrom), so reported starts never round below it. */
  readonly readyAt: Float64Array;
  /** Risk cost (seconds) per second of work on the machine: hazard per hour / 3600 × FAILURE_COST_SECONDS. */
  readonly riskRate: Float64Array;
}

/** Checks a problem and numbers it; every rule broken is a RangeError naming the field and the value. */
export function indexProblem(problem: ScheduleProblem, weights: ScheduleWeights): IndexedProblem {
  checkWeights(weights);
  const { jobs, horizonStart } = problem;
  if (!isList(jobs)) throw new RangeError('jobs must be an array');
  if (jobs.length > MAX_SCHEDULE_JOBS) {
    throw new RangeError(`too many jobs: ${jobs.length}, at most ${MAX_SCHEDULE_JOBS} per request`);
  }
  if (!Number.isFinite(horizonStart)) throw new RangeError(`horizonStart must be a finite epoch ms, got ${String(horizonStart)}`);

  const n = jobs.length;
  const machineIndex = new Map<string, number>();
  const machineIds: string[] = [];
  const seenJobs = new Set<string>();
  const duration = new Float64Array(n);
  const due = new Float64Array(n);
  const eligible: number[][] = [];
  jobs.forEach((job, j) => {
    const where = `jobs[${j}]`;
    if (typeof job.jobId !== 'string' || job.jobId.length === 0) throw new RangeError(`${where}: jobId must be a non-empty string`);
    if (seenJobs.has(job.jobId)) throw new RangeError(`${where}: duplicate jobId '${job.jobId}'`);
    seenJobs.add(job.jobId);
    const label = `${where} ('${job.jobId}')`;
    if (!Number.isFinite(job.duration) || job.duration <= 0) {
      throw new RangeError(`${label}: duration must be a positive finite number of seconds, got ${String(job.duration)}`);
    }
    if (!Number.isFinite(job.due)) throw new RangeError(`${label}: due must be a finite epoch ms, got ${String(job.due)}`);
    if (!isList(job.eligibleMachines) || job.eligibleMachines.length === 0) {
      throw new RangeError(`${label}: eligibleMachines must name at least one machine`);
    }
    const own: number[] = [];
    for (const machineId of job.eligibleMachines) {
      if (typeof machineId !== 'string' || machineId.length === 0) {
        throw new RangeError(`${label}: eligibleMachines must hold non-empty machine ids`);
      }
      let m = machineIndex.get(machineId);
      if (m === undefined) {
        m = machineIds.length;
        if (m >= MAX_SCHEDULE_MACHINES) throw new RangeError(`too many machines: more than ${MAX_SCHEDULE_MACHINES} across all jobs`);
        machineIndex.set(machineId, m);
        machineIds.push(machineId);
      }
      if (!own.includes(m)) own.push(m);
    }
    duration[j] = job.duration;
    due[j] = (job.due - horizonStart) / 1000;
    eligible.push(own);
  });

  const machineCount = machineIds.length;
  const eligibleMask = new Uint8Array(n * machineCount);
  eligible.forEach((own, j) => own.forEach((m) => (eligibleMask[j * machineCount + m] = 1)));

  const ready = new Float64Array(machineCount);
  const readyAt = new Float64Array(machineCount).fill(horizonStart);
  forEachMachineValue(problem.availableFrom, 'availableFrom', machineIndex, (m, at, machineId) => {
    if (!Number.isFinite(at)) throw new RangeError(`availableFrom['${machineId}'] must be a finite epoch ms, got ${String(at)}`);
    ready[m] = Math.max(0, (at - horizonStart) / 1000);
    readyAt[m] = Math.max(horizonStart, at);
  });
  const riskRate = new Float64Array(machineCount);
  forEachMachineValue(problem.machineRisk, 'machineRisk', machineIndex, (m, hazard, machineId) => {
    if (!Number.isFinite(hazard) || hazard < 0 || hazard > 1) {
      throw new RangeError(`machineRisk['${machineId}'] must be a hazard per hour in 0..1, got ${String(hazard)}`);
    }
    riskRate[m] = (hazard / 3600) * FAILURE_COST_SECONDS;
  });

  return { problem, weights, jobCount: n, machineIds, duration, due, eligible, eligibleMask, ready, readyAt, riskRate };
}

/** Array.isArray without its type guard, which would widen a typed array to any[] (input from JSON may be anything). */
function isList(value: unknown): boolean {
  return Array.isArray(value);
}

function checkWeights(weights: ScheduleWeights): void {
  for (const term of ['tardiness', 'makespan', 'risk'] as const) {
    const w = weights[term];
    if (!Number.isFinite(w) || w < 0) throw new RangeError(`weights.${term} must be a finite number >= 0, got ${String(w)}`);
  }
}

function forEachMachineValue(
  values: Readonly<Record<string, number>> | undefined,
  field: string,
  machineIndex: ReadonlyMap<string, number>,
  visit: (machine: number, value: number, machineId: string) => void,
): void {
  if (values === undefined) return;
  for (const [machineId, value] of Object.entries(values)) {
    const m = machineIndex.get(machineId);
    // A typo in a machine id would otherwise silently drop that machine's risk or availability.
    if (m === undefined) throw new RangeError(`${field} names unknown machine '${machineId}' (no job is eligible for it)`);
    visit(m, value, machineId);
  }
}
