import { type IndexedProblem } from './indexed-problem';

/**
 * Look-ahead constants of the ATC (Apparent Tardiness Cost) rule: small K favours the jobs closest to being late,
 * large K tends to shortest-processing-time first. Vepsalainen & Morton (1987) found K between 0.5 and 4 best for
 * total weighted tardiness; a few values cover loose and tight due dates alike.
 */
const ATC_LOOK_AHEAD = [0.5, 1, 2, 4];

/**
 * Starting schedules for the local search: earliest due date and ATC dispatching, each job placed on the eligible
 * machine where appending it costs least (its own tardiness, the makespan it adds, its risk cost; ties to the
 * earliest finish). Returned as job sequences per machine.
 */
export function constructSchedules(ip: IndexedProblem, deadline = Infinity): number[][][] {
  const edd = Array.from({ length: ip.jobCount }, (_, j) => j).sort((a, b) => ip.due[a] - ip.due[b] || a - b);
  const schedules = [placeInOrder(ip, edd)];
  // ATC costs O(jobs²) per look-ahead (about 0.1 s for 2,000 jobs on a slow core): given up once time is up.
  for (const k of ATC_LOOK_AHEAD) {
    const schedule = dispatchByAtc(ip, k, deadline);
    if (schedule === null) break;
    schedules.push(schedule);
  }
  return schedules;
}

/** Appends jobs in a fixed order, each where it costs least. */
function placeInOrder(ip: IndexedProblem, order: readonly number[]): number[][] {
  const builder = new AppendBuilder(ip);
  for (const j of order) builder.place(j);
  return builder.sequences;
}

/**
 * ATC dispatching over parallel machines with eligibility: the next job is the one with the highest index
 * exp(−max(0, slack) / (K × mean duration)) / duration, its slack counted from the earliest moment any of its
 * machines is free.
 */
function dispatchByAtc(ip: IndexedProblem, lookAhead: number, deadline: number): number[][] | null {
  const n = ip.jobCount;
  const builder = new AppendBuilder(ip);
  let total = 0;
  for (let j = 0; j < n; j++) total += ip.duration[j];
  const inverseScale = 1 / (lookAhead * (n > 0 ? total / n : 1));
  const logDuration = ip.duration.map(Math.log);
  const earliest = new Float64Array(n);
  for (let j = 0; j < n; j++) earliest[j] = minFree(builder.free, ip.eligible[j]);
  const jobsOn: number[][] = ip.machineIds.map(() => []);
  ip.eligible.forEach((machines, j) => machines.forEach((m) => jobsOn[m].push(j)));
  const open = Array.from({ length: n }, (_, j) => j);
  const placed = new Uint8Array(n);
  while (open.length > 0) {
    if (open.length % 64 === 0 && performance.now() >= deadline) return null;
    let bestAt = 0;
    let bestIndex = -Infinity;
    for (let i = 0; i < open.length; i++) {
      const j = open[i];
      const slack = ip.due[j] - ip.duration[j] - earliest[j];
      // The log of the index: same order, no underflow to 0 for large slacks, no exp in the inner loop.
      const index = (slack > 0 ? -slack * inverseScale : 0) - logDuration[j];
      if (index > bestIndex || (index === bestIndex && j < open[bestAt])) {
        bestIndex = index;
        bestAt = i;
      }
    }
    const job = open[bestAt];
    open[bestAt] = open[open.length - 1];
    open.pop();
    placed[job] = 1;
    const m = builder.place(job);
    const freedBefore = builder.previousFree;
    // Only jobs whose earliest start came from this machine can have moved.
    for (const j of jobsOn[m]) if (placed[j] === 0 && earliest[j] === freedBefore) earliest[j] = minFree(builder.free, ip.eligible[j]);
  }
  return builder.sequences;
}

function minFree(free: Float64Array, machines: readonly number[]): number {
  let t = Infinity;
  for (const m of machines) if (free[m] < t) t = free[m];
  return t;
}

/** A schedule grown by appending jobs at the end of machines. */
class AppendBuilder {
  readonly sequences: number[][];
  readonly free: Float64Array;
  /** The chosen machine's free time before the last placement. */
  previousFree = 0;
  private makespan = 0;

  constructor(private readonly ip: IndexedProblem) {
    this.sequences = ip.machineIds.map(() => []);
    this.free = Float64Array.from(ip.ready);
  }

  /** Appends the job where it costs least and returns that machine. */
  place(j: number): number {
    const { weights, duration, due, riskRate } = this.ip;
    let best = -1;
    let bestCost = Infinity;
    let bestEnd = Infinity;
    for (const m of this.ip.eligible[j]) {
      const end = this.free[m] + duration[j];
      const cost =
        weights.tardiness * Math.max(0, end - due[j]) + weights.makespan * Math.max(0, end - this.makespan) + weights.risk * riskRate[m] * duration[j];
      const tolerance = 1e-9 * Math.max(1, Math.abs(cost));
      if (best === -1 || cost < bestCost - tolerance || (cost <= bestCost + tolerance && end < bestEnd)) {
        best = m;
        bestCost = cost;
        bestEnd = end;
      }
    }
    this.sequences[best].push(j);
    this.previousFree = this.free[best];
    this.free[best] = bestEnd;
    this.makespan = Math.max(this.makespan, bestEnd);
    return best;
  }
}
