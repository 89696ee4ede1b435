import type { MachineSpec, PartSpec } from './machine-catalog';
import type { SeededRandom } from '@shopfloor/util';
import type { ShiftDef } from './shift-calendar';
import type { JobRow } from './source-rows';
import { ABORT_PROBABILITY, CHANGEOVER, SETUP, type StopReason } from './stop-catalog';

/** Scrap probability of each of the first parts after a setup (first-article adjustment). */
const FIRST_ARTICLE_SCRAP_RATE = 0.2;
/** Extra scrap probability with a fully worn tool (grows with the 4th power of tool life used). */
const WORN_TOOL_SCRAP_RATE = 0.05;

/**
 * One job on one machine: its setup, the parts it cuts and scraps, and its row in the jobs table. Parts follow
 * cutting time: one part per actual cycle (ideal cycle / performance), a cut interrupted by a stop carrying on
 * afterwards.
 */
export class MachineJob {
  setupRemainingS: number;
  private runS = 0;
  /** Seconds of cutting spent on the part in progress. */
  private progressS = 0;
  private scrapNext = false;

  private constructor(
    readonly row: JobRow,
    readonly part: PartSpec,
    /** Actual seconds per part. */
    readonly cycleS: number,
    /** Parts after which the job ends (its quantity, or fewer when it will be aborted). */
    readonly target: number,
    readonly aborts: boolean,
    readonly setupReason: StopReason,
    private firstArticleLeft: number,
  ) {
    this.setupRemainingS = row.setupTime;
  }

  /**
   * The next job of a machine: often a part of the same family as the last one (a short changeover), otherwise
   * any part of its catalogue (a full setup).
   */
  static open(machine: MachineSpec, seq: number, t: number, previous: PartSpec | null, shift: ShiftDef['name'] | null, rng: SeededRandom): MachineJob {
    const sameFamily = previous ? machine.parts.filter((p) => p.family === previous.family) : [];
    const part = previous && rng.chance(0.25) ? rng.pick(sameFamily) : rng.pick(machine.parts);
    const setupReason = previous && previous.family === part.family ? CHANGEOVER : SETUP;
    const median = setupReason === SETUP ? machine.profile.setupMedianS : machine.profile.changeoverMedianS;
    const setupS = Math.round(rng.truncatedLognormal(median, 0.35, median / 3, median * 3));
    // Performance (ideal / actual cycle) of 80–98 %.
    const cycleS = part.idealCycleS / rng.uniform(0.8, 0.98);
    const quantity = Math.max(1, Math.round(rng.lognormal(machine.profile.jobRunMedianH * 3600, 0.6) / cycleS));
    const abortAt = rng.chance(ABORT_PROBABILITY) ? Math.floor(quantity * rng.uniform(0.1, 0.8)) : 0;
    const aborts = abortAt >= 1 && abortAt < quantity;
    const row: JobRow = {
      jobId: `${machine.machineId}-J${String(seq).padStart(6, '0')}`,
      machineId: machine.machineId,
      partNumber: part.partNumber,
      startTime: t,
      endTime: null,
      state: 'SETUP',
      operatorId: operatorFor(machine, shift, rng),
      setupTime: setupS,
      cycleTime: null,
      idealCycleTime: part.idealCycleS,
      partsProduced: 0,
      partsScrapped: 0,
      updatedAt: t,
    };
    const firstArticles = setupReason === SETUP ? rng.int(1, 3) : rng.int(0, 1);
    return new MachineJob(row, part, cycleS, aborts ? abortAt : quantity, aborts, setupReason, firstArticles);
  }

  /** Set up and every part made. */
  get done(): boolean {
    return this.setupRemainingS === 0 && this.row.partsProduced >= this.target;
  }

  /** Cutting seconds until the last part is finished. */
  get remainingCutS(): number {
    return (this.target - this.row.partsProduced) * this.cycleS - this.progressS;
  }

  /** Setup work for `seconds`; when the setup is complete the job runs. Returns whether it is. */
  setUp(seconds: number, t: number): boolean {
    this.setupRemainingS = Math.max(0, this.setupRemainingS - seconds);
    if (this.setupRemainingS >= 0.001) return false;
    this.setupRemainingS = 0;
    this.row.state = 'RUNNING';
    this.touch(t);
    return true;
  }

  /**
   * Cutting for `seconds` ending at `t` (to the last part when `finishesJob`). Scrap: each part has its own
   * probability (first articles after a setup, tool wear); the count of these rare independent events is drawn as
   * a Poisson of their summed probability.
   */
  cut(seconds: number, t: number, finishesJob: boolean, tool: { wearAtStartMin: number; lifeMin: number }, baseScrapRate: number, rng: SeededRandom): void {
    this.runS += seconds;
    const remaining = this.target - this.row.partsProduced;
    let parts: number;
    if (finishesJob) {
      parts = remaining;
      this.progressS = 0;
    } else {
      const progress = this.progressS + seconds;
      parts = Math.min(remaining, Math.floor(progress / this.cycleS + 1e-9));
      this.progressS = Math.max(0, progress - parts * this.cycleS);
    }
    let certain = 0;
    let expected = 0;
    for (let i = 1; i <= parts; i++) {
      if (this.scrapNext) {
        certain += 1;
        this.scrapNext = false;
        continue;
      }
      const toolFraction = (tool.wearAtStartMin + (i * this.cycleS) / 60) / tool.lifeMin;
      const f = toolFraction < 1.2 ? toolFraction : 1.2;
      const p = baseScrapRate + WORN_TOOL_SCRAP_RATE * f * f * f * f;
      if (this.firstArticleLeft > 0) {
        expected += p > FIRST_ARTICLE_SCRAP_RATE ? p : FIRST_ARTICLE_SCRAP_RATE;
        this.firstArticleLeft -= 1;
      } else {
        expected += p;
      }
    }
    this.row.partsProduced += parts;
    this.row.partsScrapped += Math.min(parts, certain + rng.poisson(expected));
    this.touch(t);
  }

  /** The tool broke: the part in the cut is finished with the new tool but scrapped for the damage. */
  scrapPartInCut(): void {
    this.scrapNext = true;
  }

  close(t: number): void {
    this.row.endTime = t;
    this.row.state = this.aborts ? 'ABORTED' : 'COMPLETED';
    this.touch(t);
  }

  /** The row as it stands after `cutSeconds` more cutting (the parts of a cut in progress), at `t`. */
  projected(cutSeconds: number, t: number): JobRow {
    const row = { ...this.row };
    if (cutSeconds <= 0) return row;
    const done = Math.floor((this.progressS + cutSeconds) / this.cycleS + 1e-9);
    row.partsProduced = Math.min(this.target, row.partsProduced + done);
    row.cycleTime = cycleTime(this.runS + cutSeconds, row.partsProduced);
    row.updatedAt = t;
    return row;
  }

  private touch(t: number): void {
    this.row.updatedAt = t;
    this.row.cycleTime = cycleTime(this.runS, this.row.partsProduced);
  }
}

/** Actual mean seconds per part, to the millisecond; null before the first part. */
function cycleTime(runS: number, parts: number): number | null {
  return parts > 0 ? Math.round((runS / parts) * 1000) / 1000 : null;
}

/** Badge-style operator ids: hall, shift and crew member; the regular operator of a machine, or a stand-in. */
function operatorFor(machine: MachineSpec, shift: ShiftDef['name'] | null, rng: SeededRandom): string {
  const hall = machine.profile.hall.slice(-1).charCodeAt(0) - 64;
  const shiftNo = shift === 'NIGHT' ? 3 : shift === 'LATE' ? 2 : 1;
  const member = rng.chance(0.15) ? rng.int(7, 9) : (machine.index % 6) + 1;
  return `OP-${hall}${shiftNo}${String(member).padStart(2, '0')}`;
}
