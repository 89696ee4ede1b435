import { indexProblem } from './indexed-problem';
import { MachineSequences } from './machine-sequences';
import { type ScheduleJob, type ScheduleProblem, type ScheduleWeights } from './schedule-problem';
import { SeededRandom } from '@shopfloor/util';

export const HOUR_MS = 3_600_000;
export const HORIZON_START = Date.UTC(2024, 2, 4, 6);

export interface RandomProblemShape {
  readonly jobs: number;
  readonly machines: number;
}

/**
 * A seeded random shop: half-hour to four-hour jobs, each eligible on a random subset of the machines, due dates
 * spread over about the time the work takes (so some are late whatever the plan), hazards up to 0.05 per hour and a
 * third of the machines busy for up to four hours at the start.
 */
export function randomProblem(seed: number, shape: RandomProblemShape): ScheduleProblem {
  const random = new SeededRandom(seed);
  const machines = Array.from({ length: shape.machines }, (_, m) => `M-${String(m + 1).padStart(3, '0')}`);
  const eligibility = 0.3 + 0.6 * random.next();
  const jobs: ScheduleJob[] = [];
  let work = 0;
  for (let j = 0; j < shape.jobs; j++) {
    const duration = Math.round(1800 + random.next() * 3.5 * 3600);
    work += duration;
    const eligibleMachines = machines.filter(() => random.next() < eligibility);
    if (eligibleMachines.length === 0) eligibleMachines.push(machines[random.below(machines.length)]);
    jobs.push({ jobId: `J-${j + 1}`, partNumber: `P-${(j % 7) + 1}`, duration, due: 0, eligibleMachines });
  }
  const spreadMs = (work / shape.machines) * 1000 * (0.6 + random.next());
  const withDue = jobs.map((job) => ({ ...job, due: HORIZON_START + Math.round(random.next() * spreadMs) }));
  const used = new Set(withDue.flatMap((job) => job.eligibleMachines));
  const machineRisk: Record<string, number> = {};
  const availableFrom: Record<string, number> = {};
  for (const m of used) {
    machineRisk[m] = random.next() * 0.05;
    if (random.next() < 0.3) availableFrom[m] = HORIZON_START + Math.round(random.next() * 4 * HOUR_MS);
  }
  return { jobs: withDue, horizonStart: HORIZON_START, machineRisk, availableFrom };
}

/** The least objective over every assignment and order (tiny problems only: grows like jobs! × machines^jobs). */
export function exhaustiveOptimum(problem: ScheduleProblem, weights: ScheduleWeights): number {
  const ip = indexProblem(problem, weights);
  const sequences: number[][] = ip.machineIds.map(() => []);
  let best = Infinity;
  const place = (j: number): void => {
    if (j === ip.jobCount) {
      best = Math.min(best, MachineSequences.of(ip, sequences).objective());
      return;
    }
    for (const m of ip.eligible[j]) {
      for (let position = 0; position <= sequences[m].length; position++) {
        sequences[m].splice(position, 0, j);
        place(j + 1);
        sequences[m].splice(position, 1);
      }
    }
  };
  place(0);
  return best;
}
