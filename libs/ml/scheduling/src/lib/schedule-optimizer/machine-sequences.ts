import { type IndexedProblem } from './indexed-problem';
import { type ScheduleAssignment } from './schedule-problem';

/** New job at each position of a machine's changed sequence, for positions >= the first changed one. */
type JobAt = (position: number) => number;

/**
 * A complete schedule as one job sequence per machine, each job starting as soon as its machine is free (for
 * tardiness and makespan, which only grow with completion times, such semi-active schedules include an optimum).
 * Keeps each machine's completion times and running tardiness so that a move is priced by recomputing only the
 * changed tail of at most two machines.
 */
export class MachineSequences {
  readonly machineOf: Int32Array;
  readonly positionOf: Int32Array;
  private readonly ends: number[][];
  private readonly tardinessThrough: number[][];
  private readonly machineTardiness: Float64Array;
  private readonly machineEnd: Float64Array;
  private readonly machineRisk: Float64Array;
  private totalTardiness = 0;
  private totalRisk = 0;
  private makespan = 0;
  // Result of the last tail evaluation, kept in fields to avoid an allocation per priced move.
  private evaluatedTardiness = 0;
  private evaluatedEnd = 0;

  constructor(
    private readonly ip: IndexedProblem,
    readonly sequences: number[][],
  ) {
    const machineCount = ip.machineIds.length;
    this.machineOf = new Int32Array(ip.jobCount).fill(-1);
    this.positionOf = new Int32Array(ip.jobCount);
    this.ends = sequences.map(() => []);
    this.tardinessThrough = sequences.map(() => []);
    this.machineTardiness = new Float64Array(machineCount);
    this.machineEnd = new Float64Array(machineCount);
    this.machineRisk = new Float64Array(machineCount);
    sequences.forEach((sequence, m) => {
      for (const j of sequence) {
        if (this.machineOf[j] !== -1) throw new Error(`job ${j} is sequenced twice`);
        this.machineOf[j] = m;
      }
      this.refresh(m, 0);
    });
    if (this.machineOf.includes(-1)) throw new Error('every job must be sequenced');
    this.refreshTotals();
  }

  /** Starts from a copy of the sequences, so the caller's arrays are never changed. */
  static of(ip: IndexedProblem, sequences: readonly (readonly number[])[]): MachineSequences {
    return new MachineSequences(
      ip,
      sequences.map((s) => [...s]),
    );
  }

  objective(): number {
    const w = this.ip.weights;
    return w.tardiness * this.totalTardiness + w.makespan * this.makespan + w.risk * this.totalRisk;
  }

  snapshot(): number[][] {
    return this.sequences.map((s) => [...s]);
  }

  /** Change in objective if `job` moved to `position` of `machine` (position counted after taking the job out). */
  relocateDelta(job: number, machine: number, position: number): number {
    const from = this.machineOf[job];
    const at = this.positionOf[job];
    const source = this.sequences[from];
    if (from === machine) {
      if (position === at) return 0;
      const first = Math.min(at, position);
      const jobAt: JobAt =
        position < at
          ? (k) => (k === position ? job : k <= at ? source[k - 1] : source[k])
          : (k) => (k === position ? job : k < position ? source[k + 1] : source[k]);
      this.evaluateTail(from, first, source.length, jobAt);
      return this.deltaOne(from);
    }
    const target = this.sequences[machine];
    this.evaluateTail(from, at, source.length - 1, (k) => source[k + 1]);
    const fromTardiness = this.evaluatedTardiness;
    const fromEnd = this.evaluatedEnd;
    this.evaluateTail(machine, position, target.length + 1, (k) => (k === position ? job : target[k - 1]));
    const riskChange = this.ip.duration[job] * (this.ip.riskRate[machine] - this.ip.riskRate[from]);
    return this.deltaTwo(from, fromTardiness, fromEnd, machine, riskChange);
  }

  relocate(job: number, machine: number, position: number): void {
    const from = this.machineOf[job];
    const at = this.positionOf[job];
    this.sequences[from].splice(at, 1);
    this.sequences[machine].splice(position, 0, job);
    this.machineOf[job] = machine;
    if (from === machine) {
      this.refresh(from, Math.min(at, position));
    } else {
      this.refresh(from, at);
      this.refresh(machine, position);
    }
    this.refreshTotals();
  }

  /** Change in objective if jobs a and b traded places (the caller checks each is eligible on the other's machine). */
  swapDelta(a: number, b: number): number {
    const ma = this.machineOf[a];
    const mb = this.machineOf[b];
    const pa = this.positionOf[a];
    const pb = this.positionOf[b];
    const sa = this.sequences[ma];
    const sb = this.sequences[mb];
    if (ma === mb) {
      this.evaluateTail(ma, Math.min(pa, pb), sa.length, (k) => (k === pa ? b : k === pb ? a : sa[k]));
      return this.deltaOne(ma);
    }
    this.evaluateTail(ma, pa, sa.length, (k) => (k === pa ? b : sa[k]));
    const aTardiness = this.evaluatedTardiness;
    const aEnd = this.evaluatedEnd;
    this.evaluateTail(mb, pb, sb.length, (k) => (k === pb ? a : sb[k]));
    const { duration, riskRate } = this.ip;
    const riskChange = (duration[b] - duration[a]) * (riskRate[ma] - riskRate[mb]);
    return this.deltaTwo(ma, aTardiness, aEnd, mb, riskChange);
  }

  swap(a: number, b: number): void {
    const ma = this.machineOf[a];
    const mb = this.machineOf[b];
    const pa = this.positionOf[a];
    const pb = this.positionOf[b];
    this.sequences[ma][pa] = b;
    this.sequences[mb][pb] = a;
    this.machineOf[a] = mb;
    this.machineOf[b] = ma;
    if (ma === mb) {
      this.refresh(ma, Math.min(pa, pb));
    } else {
      this.refresh(ma, pa);
      this.refresh(mb, pb);
    }
    this.refreshTotals();
  }

  /** One assignment per job, in problem order; times accumulate in epoch ms from each machine's exact ready instant. */
  toAssignments(): ScheduleAssignment[] {
    const { ip } = this;
    const assignments = new Array<ScheduleAssignment>(ip.jobCount);
    this.sequences.forEach((sequence, m) => {
      let t = ip.readyAt[m];
      for (const j of sequence) {
        const end = t + ip.duration[j] * 1000;
        assignments[j] = { jobId: ip.problem.jobs[j].jobId, machineId: ip.machineIds[m], start: t, end };
        t = end;
      }
    });
    return assignments;
  }

  /** Prices positions >= first of machine m's changed sequence of newLength jobs; result in the evaluated* fields. */
  private evaluateTail(m: number, first: number, newLength: number, jobAt: JobAt): void {
    const { duration, due } = this.ip;
    let t = first > 0 ? this.ends[m][first - 1] : this.ip.ready[m];
    let tardiness = first > 0 ? this.tardinessThrough[m][first - 1] : 0;
    for (let k = first; k < newLength; k++) {
      const j = jobAt(k);
      t += duration[j];
      if (t > due[j]) tardiness += t - due[j];
    }
    this.evaluatedTardiness = tardiness;
    // An idle machine adds nothing to the makespan, whatever its ready time.
    this.evaluatedEnd = newLength > 0 ? t : 0;
  }

  private deltaOne(m: number): number {
    const w = this.ip.weights;
    const makespan = Math.max(this.makespanWithout(m, m), this.evaluatedEnd);
    return w.tardiness * (this.evaluatedTardiness - this.machineTardiness[m]) + w.makespan * (makespan - this.makespan);
  }

  /** Machine a's new figures come as arguments, machine b's from the last tail evaluation. */
  private deltaTwo(a: number, aTardiness: number, aEnd: number, b: number, riskChange: number): number {
    const w = this.ip.weights;
    const tardinessChange = aTardiness - this.machineTardiness[a] + this.evaluatedTardiness - this.machineTardiness[b];
    const makespan = Math.max(this.makespanWithout(a, b), aEnd, this.evaluatedEnd);
    return w.tardiness * tardinessChange + w.makespan * (makespan - this.makespan) + w.risk * riskChange;
  }

  private makespanWithout(a: number, b: number): number {
    // Usually another machine holds the makespan and nothing needs scanning.
    if (this.machineEnd[a] < this.makespan && this.machineEnd[b] < this.makespan) return this.makespan;
    let latest = 0;
    for (let m = 0; m < this.machineEnd.length; m++) {
      if (m !== a && m !== b && this.machineEnd[m] > latest) latest = this.machineEnd[m];
    }
    return latest;
  }

  private refresh(m: number, first: number): void {
    const { duration, due, riskRate } = this.ip;
    const sequence = this.sequences[m];
    const ends = this.ends[m];
    const through = this.tardinessThrough[m];
    ends.length = sequence.length;
    through.length = sequence.length;
    let t = first > 0 ? ends[first - 1] : this.ip.ready[m];
    let tardiness = first > 0 ? through[first - 1] : 0;
    for (let k = first; k < sequence.length; k++) {
      const j = sequence[k];
      this.positionOf[j] = k;
      t += duration[j];
      if (t > due[j]) tardiness += t - due[j];
      ends[k] = t;
      through[k] = tardiness;
    }
    this.machineTardiness[m] = tardiness;
    this.machineEnd[m] = sequence.length > 0 ? t : 0;
    let work = 0;
    for (const j of sequence) work += duration[j];
    this.machineRisk[m] = work * riskRate[m];
  }

  private refreshTotals(): void {
    let tardiness = 0;
    let risk = 0;
    let makespan = 0;
    for (let m = 0; m < this.machineEnd.length; m++) {
      tardiness += this.machineTardiness[m];
      risk += this.machineRisk[m];
      if (this.machineEnd[m] > makespan) makespan = this.machineEnd[m];
    }
    this.totalTardiness = tardiness;
    this.totalRisk = risk;
    this.makespan = makespan;
  }
}
