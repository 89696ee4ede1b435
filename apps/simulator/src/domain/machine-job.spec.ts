import { buildShop } from './machine-catalog';
import { MachineJob } from './machine-job';
import { SeededRandom } from '@shopfloor/util';

const T = Date.UTC(2025, 5, 2, 6);
const [machine] = buildShop(1, 1, T);

function open(seed = 1, previous: MachineJob | null = null): MachineJob {
  if (!machine) throw new Error('no machine');
  return MachineJob.open(machine, 1, T, previous?.part ?? null, 'EARLY', new SeededRandom(seed));
}

describe(MachineJob.name, () => {
  it('opens in SETUP with a full setup after an unrelated part and a performance of 80–98 %', () => {
    const job = open();
    expect(job.row).toMatchObject({
      jobId: 'MC-001-J000001',
      state: 'SETUP',
      endTime: null,
      partsProduced: 0,
      cycleTime: null,
      operatorId: expect.stringMatching(/^OP-11\d\d$/),
    });
    expect(job.setupReason.downtimeType).toBe('SETUP');
    expect(job.part.idealCycleS / job.cycleS).toBeGreaterThanOrEqual(0.8);
    expect(job.part.idealCycleS / job.cycleS).toBeLessThanOrEqual(0.98);
    expect(job.target).toBeGreaterThanOrEqual(1);
  });

  it('uses a changeover when the next part is of the same family', () => {
    const first = open(1);
    const families = Array.from({ length: 40 }, (_, i) => open(100 + i, first)).filter((j) => j.part.family === first.part.family);
    expect(families.length).toBeGreaterThan(0);
    for (const job of families) expect(job.setupReason.downtimeType).toBe('CHANGEOVER');
  });

  it('runs once the setup is done and makes one part per actual cycle, carrying a cut over a stop', () => {
    const job = open(2);
    expect(job.setUp(job.setupRemainingS / 2, T)).toBe(false);
    expect(job.setUp(job.setupRemainingS, T)).toBe(true);
    expect(job.row.state).toBe('RUNNING');
    const rng = new SeededRandom(3);
    const tool = { wearAtStartMin: 0, lifeMin: 300 };
    job.cut(job.cycleS * 0.6, T, false, tool, 0, rng);
    expect(job.row.partsProduced).toBe(0);
    job.cut(job.cycleS * 0.6, T, false, tool, 0, rng);
    expect(job.row.partsProduced).toBe(Math.min(1, job.target));
    expect(job.projected(job.cycleS * 2, T + 1).partsProduced).toBe(Math.min(3, job.target));
  });

  it('finishes with exactly its quantity, scrap never above it, and closes COMPLETED or ABORTED', () => {
    for (let seed = 10; seed < 60; seed++) {
      const job = open(seed);
      job.setUp(job.setupRemainingS, T);
      job.cut(job.remainingCutS, T + 1000, true, { wearAtStartMin: 250, lifeMin: 300 }, 0.05, new SeededRandom(seed));
      expect(job.done).toBe(true);
      expect(job.row.partsProduced).toBe(job.target);
      expect(job.row.partsScrapped).toBeLessThanOrEqual(job.row.partsProduced);
      expect(job.row.cycleTime).toBeCloseTo(job.cycleS, 2);
      job.close(T + 2000);
      expect(job.row).toMatchObject({ endTime: T + 2000, state: job.aborts ? 'ABORTED' : 'COMPLETED', updatedAt: T + 2000 });
    }
  });

  it('scraps the part that was in the cut when the tool broke', () => {
    const job = open(4);
    job.setUp(job.setupRemainingS, T);
    job.scrapPartInCut();
    job.cut(job.cycleS * 1.01, T, false, { wearAtStartMin: 0, lifeMin: 1e9 }, 0, new SeededRandom(5));
    expect(job.row.partsScrapped).toBe(1);
  });
});
