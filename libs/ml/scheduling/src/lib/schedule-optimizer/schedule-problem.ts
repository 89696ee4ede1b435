// The scheduling problem and its answer in plain numbers. Units, once for all:
//   - instants (horizonStart, due, availableFrom, start, end) are epoch milliseconds, as Date.getTime() gives them;
//   - durations (job duration, reported tardiness, makespan and risk cost) are seconds.

/** One job to place on exactly one of its eligible machines, run without interruption. */
export interface ScheduleJob {
  readonly jobId: string;
  /** Carried through for the caller; the optimiser does not use it (no set-up times in the model). */
  readonly partNumber: string;
  /** Processing time in seconds, > 0. */
  readonly duration: number;
  /** Due instant, epoch ms. */
  readonly due: number;
  /** Machine ids the job may run on (at least one; duplicates are ignored). */
  readonly eligibleMachines: readonly string[];
}

export interface ScheduleProblem {
  readonly jobs: readonly ScheduleJob[];
  /** No job starts before this instant, epoch ms. */
  readonly horizonStart: number;
  /**
   * Predicted failure hazard per hour of work on a machine, 0..1 (expected failures per running hour). A machine
   * left out counts as 0. Every key must be a machine some job is eligible for.
   */
  readonly machineRisk?: Readonly<Record<string, number>>;
  /** A machine busy until then takes no job before it, epoch ms. Same key rule as machineRisk. */
  readonly availableFrom?: Readonly<Record<string, number>>;
}

/** Weights of the three objective terms, each term in seconds (so the weights are plain numbers, >= 0). */
export interface ScheduleWeights {
  readonly tardiness: number;
  readonly makespan: number;
  readonly risk: number;
}

export interface ScheduleAssignment {
  readonly jobId: string;
  readonly machineId: string;
  /** Epoch ms. */
  readonly start: number;
  /** Epoch ms; end − start = duration × 1000. */
  readonly end: number;
}

/** The objective and its terms, all in seconds before weighting. */
export interface ScheduleCost {
  /** Σ max(0, end − due) over jobs, seconds. */
  readonly tardiness: number;
  /** Latest end − horizonStart, seconds (0 without jobs). */
  readonly makespan: number;
  /** Σ duration_hours × hazard of its machine × FAILURE_COST_SECONDS: expected seconds lost to failures. */
  readonly riskCost: number;
  /** w_t × tardiness + w_m × makespan + w_r × riskCost. */
  readonly objective: number;
}

export interface ScheduleResult extends ScheduleCost {
  /** One per job, in the order of problem.jobs. */
  readonly assignments: readonly ScheduleAssignment[];
}

/** What the search did, for logs and benches. */
export interface ScheduleSearchStats {
  /** Objective of the naive earliest-due schedule (the baseline the result never loses to). */
  readonly naiveObjective: number;
  /** Objective of the schedule the local search started from (the best construction, naive included). */
  readonly initialObjective: number;
  /** Moves evaluated by the local search. */
  readonly iterations: number;
  /** Why the search ended: iteration cap, time limit, or no better schedule found for a long stretch. */
  readonly stoppedBy: 'iterations' | 'time' | 'converged';
}

export interface OptimizedSchedule extends ScheduleResult {
  readonly search: ScheduleSearchStats;
}

export interface OptimizeScheduleOptions {
  /** Defaults to DEFAULT_SCHEDULE_WEIGHTS. */
  readonly weights?: ScheduleWeights;
  /** Seed of the search; the same seed gives the same schedule unless the time limit ends the search. Default 1. */
  readonly seed?: number;
  /** Cap on local-search move evaluations; default grows with the problem size (see defaultIterations). */
  readonly iterations?: number;
  /** Wall-clock budget of the local search in ms. Default 1,000. */
  readonly timeLimitMs?: number;
}

/**
 * Tardiness weighs most: a late order is what the shop is judged on. Risk cost counts half (an expected, not a certain,
 * loss), and makespan a fifth (one number for the whole plan, against a sum over jobs for tardiness), so it mostly
 * breaks ties by packing work early.
 */
export const DEFAULT_SCHEDULE_WEIGHTS: ScheduleWeights = { tardiness: 1, makespan: 0.2, risk: 0.5 };

/**
 * Seconds lost per failure while a job runs: repair and restart of a CNC spindle or axis plus the scrapped part,
 * about one shift. Turns hazard × hours into seconds, the unit of the other two terms.
 */
export const FAILURE_COST_SECONDS = 8 * 3600;

/** Larger requests are refused: the local search would get too few moves per job within its time budget. */
export const MAX_SCHEDULE_JOBS = 2000;

/** Distinct machines across all eligibility lists. */
export const MAX_SCHEDULE_MACHINES = 500;
