import { indexProblem } from './indexed-problem';
import { MachineSequences } from './machine-sequences';
import { naiveSequences } from './naive-earliest-due';
import { DEFAULT_SCHEDULE_WEIGHTS } from './schedule-problem';
import { randomProblem } from './schedule-instances.spec-helper';
import { SeededRandom } from '@shopfloor/util';

describe(MachineSequences.name, () => {
  it('prices relocations and swaps exactly as recomputing the whole schedule would', () => {
    const ip = indexProblem(randomProblem(3, { jobs: 40, machines: 4 }), DEFAULT_SCHEDULE_WEIGHTS);
    const state = MachineSequences.of(ip, naiveSequences(ip));
    const random = new SeededRandom(11);
    const machineCount = ip.machineIds.length;
    let checked = 0;
    for (let i = 0; i < 2000; i++) {
      const job = random.below(ip.jobCount);
      const before = state.objective();
      let delta: number;
      if (random.next() < 0.5) {
        const machine = ip.eligible[job][random.below(ip.eligible[job].length)];
        const position = random.below(state.sequences[machine].length + (state.machineOf[job] === machine ? 0 : 1));
        delta = state.relocateDelta(job, machine, position);
        state.relocate(job, machine, position);
      } else {
        const other = random.below(ip.jobCount);
        const allowed =
          ip.eligibleMask[job * machineCount + state.machineOf[other]] === 1 && ip.eligibleMask[other * machineCount + state.machineOf[job]] === 1;
        if (other === job || !allowed) continue;
        delta = state.swapDelta(job, other);
        state.swap(job, other);
      }
      const recomputed = MachineSequences.of(ip, state.sequences).objective();

      expect(before + delta).toBeCloseTo(recomputed, 4);
      expect(state.objective()).toBeCloseTo(recomputed, 4);
      checked++;
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('starts each machine at its availability and chains jobs end to start', () => {
    const ip = indexProblem(
      {
        jobs: [
          { jobId: 'A', partNumber: 'P', duration: 60, due: 0, eligibleMachines: ['M-1'] },
          { jobId: 'B', partNumber: 'P', duration: 30, due: 0, eligibleMachines: ['M-1'] },
        ],
        horizonStart: 1_000_000,
        availableFrom: { 'M-1': 1_500_000 },
      },
      DEFAULT_SCHEDULE_WEIGHTS,
    );

    const assignments = MachineSequences.of(ip, [[1, 0]]).toAssignments();

    expect(assignments).toEqual([
      { jobId: 'A', machineId: 'M-1', start: 1_530_000, end: 1_590_000 },
      { jobId: 'B', machineId: 'M-1', start: 1_500_000, end: 1_530_000 },
    ]);
  });
});
