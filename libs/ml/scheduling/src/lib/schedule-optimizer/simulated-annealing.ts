import { type IndexedProblem } from './indexed-problem';
import { MachineSequences } from './machine-sequences';
import { type ScheduleSearchStats } from './schedule-problem';
import { type SeededRandom } from '@shopfloor/util';

export interface AnnealingLimits {
  readonly iterations: number;
  /** performance.now() value at which to stop. */
  readonly deadline: number;
  readonly random: SeededRandom;
}

export interface AnnealingOutcome {
  readonly sequences: number[][];
  readonly objective: number;
  readonly iterations: number;
  readonly stoppedBy: ScheduleSearchStats['stoppedBy'];
}

/** Share of moves that relocate one job (to any eligible machine and position); the rest swap two jobs. */
const RELOCATE_SHARE = 0.6;
/** Share of swaps kept within one machine (re-sequencing); the rest swap across machines where both are eligible. */
const SAME_MACHINE_SWAP_SHARE = 0.5;
/** Which worsening of random moves sets the start temperature (see calibrate). */
const START_QUANTILE = 0.01;
/** Within a round the temperature falls geometrically to this fraction of its start: the end is plain descent. */
const END_TEMPERATURE_FRACTION = 1e-3;
/** Moves priced to set the start temperature. */
const CALIBRATION_MOVES = 400;
/** The clock is read once per this many moves. */
const CLOCK_EVERY = 128;
/** Moves per round: per job, with a floor so that tiny problems still get several thousand tries. */
const ROUND_MOVES_PER_JOB = 100;
const MIN_ROUND_MOVES = 5000;
/** A round that found nothing better is followed by one this much hotter, to climb out of a deeper valley... */
const REHEAT_FACTOR = 8;
/** ...this many times in a row, after which the search counts as converged. */
const MAX_REHEATS = 2;

/**
 * Simulated annealing over relocate and swap moves, in rounds: each round starts from the best schedule so far and
 * cools from its start temperature to plain descent, over its share of moves or of the time left, whichever runs out
 * first (so a time-limited run still ends cold). A round that found nothing better makes the next one start hotter.
 * Stops at the iteration cap, at the deadline, or when MAX_REHEATS hotter rounds in a row found nothing better.
 * Changes `initial` in place; returns the best schedule seen, never worse than the start.
 */
export function anneal(ip: IndexedProblem, initial: MachineSequences, limits: AnnealingLimits): AnnealingOutcome {
  return new Annealer(ip, initial, limits).run();
}

class Annealer {
  private state: MachineSequences;
  private move: MoveProposal;
  private bestObjective: number;
  /** null: the current schedule is the best one (copied only before the search first steps away from it). */
  private best: number[][] | null = null;
  private iterations = 0;

  constructor(
    private readonly ip: IndexedProblem,
    initial: MachineSequences,
    private readonly limits: AnnealingLimits,
  ) {
    this.state = initial;
    this.move = new MoveProposal(ip, initial, limits.random);
    this.bestObjective = initial.objective();
  }

  run(): AnnealingOutcome {
    const startTemperature = calibrate(this.ip, this.state, this.limits.random);
    const roundMoves = Math.max(MIN_ROUND_MOVES, ROUND_MOVES_PER_JOB * this.ip.jobCount);
    let stoppedBy: ScheduleSearchStats['stoppedBy'];
    let fruitless = 0;
    for (;;) {
      const round = this.round(startTemperature * REHEAT_FACTOR ** fruitless, roundMoves);
      fruitless = round === 'gain' ? 0 : fruitless + 1;
      if (round === 'time') stoppedBy = 'time';
      else if (this.iterations >= this.limits.iterations) stoppedBy = 'iterations';
      else if (fruitless > MAX_REHEATS) stoppedBy = 'converged';
      else {
        this.restartFromBest();
        continue;
      }
      break;
    }
    return {
      sequences: this.best ?? this.state.snapshot(),
      objective: this.bestObjective,
      iterations: this.iterations,
      stoppedBy,
    };
  }

  private round(startTemperature: number, moves: number): 'time' | 'gain' | 'no-gain' {
    const { limits } = this;
    const { random } = limits;
    const first = this.iterations;
    const end = Math.min(limits.iterations, first + moves);
    const started = performance.now();
    const timeLeft = Math.max(1, limits.deadline - started);
    const target = this.bestObjective * (1 - 1e-9) - 1e-9;
    let temperature = startTemperature;
    while (this.iterations < end) {
      if ((this.iterations - first) % CLOCK_EVERY === 0) {
        const now = performance.now();
        if (now >= limits.deadline) return 'time';
        const progress = Math.max((this.iterations - first) / (end - first), (now - started) / timeLeft);
        temperature = startTemperature * END_TEMPERATURE_FRACTION ** progress;
      }
      this.iterations++;
      const delta = this.move.propose();
      if (Number.isNaN(delta)) continue;
      if (delta > 0 && (temperature <= 0 || random.next() >= Math.exp(-delta / temperature))) continue;
      if (delta > 0 && this.best === null) this.best = this.state.snapshot();
      this.move.apply();
      const current = this.state.objective();
      if (current < this.bestObjective) {
        this.bestObjective = current;
        this.best = null;
      }
    }
    return this.bestObjective < target ? 'gain' : 'no-gain';
  }

  private restartFromBest(): void {
    if (this.best === null) return;
    this.state = MachineSequences.of(this.ip, this.best);
    this.move = new MoveProposal(this.ip, this.state, this.limits.random);
    this.best = null;
  }
}

/**
 * Start temperature: the 1st percentile of the worsening of random moves. Most random moves are far worse than
 * needed (a job pushed to the front of a long queue); calibrating on their mean made the search a random walk that
 * never came back below its start, while this keeps it a descent that can still step over small ridges.
 */
function calibrate(ip: IndexedProblem, state: MachineSequences, random: SeededRandom): number {
  const move = new MoveProposal(ip, state, random);
  const worsening: number[] = [];
  for (let i = 0; i < CALIBRATION_MOVES; i++) {
    const delta = move.propose();
    if (delta > 0) worsening.push(delta);
  }
  if (worsening.length === 0) return 0;
  worsening.sort((a, b) => a - b);
  return worsening[Math.floor(worsening.length * START_QUANTILE)];
}

/** Draws one random feasible move, prices it, and applies it on request. */
class MoveProposal {
  private kind: 'relocate' | 'swap' = 'relocate';
  private job = 0;
  private other = 0;
  private machine = 0;
  private position = 0;

  constructor(
    private readonly ip: IndexedProblem,
    private readonly state: MachineSequences,
    private readonly random: SeededRandom,
  ) {}

  /** The objective change of a fresh random move, or NaN when the draw gave no valid move. */
  propose(): number {
    const { ip, state, random } = this;
    const n = ip.jobCount;
    const j = random.below(n);
    if (random.next() < RELOCATE_SHARE) {
      const eligible = ip.eligible[j];
      const m = eligible[random.below(eligible.length)];
      const home = state.machineOf[j] === m;
      const position = random.below(state.sequences[m].length + (home ? 0 : 1));
      if (home && position === state.positionOf[j]) return NaN;
      this.kind = 'relocate';
      this.job = j;
      this.machine = m;
      this.position = position;
      return state.relocateDelta(j, m, position);
    }
    let other: number;
    if (random.next() < SAME_MACHINE_SWAP_SHARE) {
      const sequence = state.sequences[state.machineOf[j]];
      other = sequence[random.below(sequence.length)];
    } else {
      other = random.below(n);
      const machineCount = ip.machineIds.length;
      if (ip.eligibleMask[j * machineCount + state.machineOf[other]] === 0) return NaN;
      if (ip.eligibleMask[other * machineCount + state.machineOf[j]] === 0) return NaN;
    }
    if (other === j) return NaN;
    this.kind = 'swap';
    this.job = j;
    this.other = other;
    return state.swapDelta(j, other);
  }

  apply(): void {
    if (this.kind === 'relocate') this.state.relocate(this.job, this.machine, this.position);
    else this.state.swap(this.job, this.other);
  }
}
