import { indexProblem } from './indexed-problem';
import { DEFAULT_SCHEDULE_WEIGHTS, MAX_SCHEDULE_JOBS, type ScheduleJob, type ScheduleProblem } from './schedule-problem';
import { HORIZON_START, HOUR_MS } from './schedule-instances.spec-helper';

const job = (over: Partial<ScheduleJob> = {}): ScheduleJob => ({
  jobId: 'J1',
  partNumber: 'P',
  duration: 3600,
  due: HORIZON_START + HOUR_MS,
  eligibleMachines: ['M-1'],
  ...over,
});
const index = (problem: Partial<ScheduleProblem>) => indexProblem({ jobs: [job()], horizonStart: HORIZON_START, ...problem }, DEFAULT_SCHEDULE_WEIGHTS);

describe(indexProblem.name, () => {
  it('numbers machines by first mention and turns times into seconds from the horizon start', () => {
    const ip = index({
      jobs: [job({ eligibleMachines: ['M-2', 'M-1', 'M-2'] }), job({ jobId: 'J2', due: HORIZON_START - 60_000 })],
      availableFrom: { 'M-1': HORIZON_START + 90_000, 'M-2': HORIZON_START - HOUR_MS },
      machineRisk: { 'M-1': 0.5 },
    });

    expect(ip.machineIds).toEqual(['M-2', 'M-1']);
    expect(ip.eligible).toEqual([[0, 1], [1]]);
    expect([...ip.due]).toEqual([3600, -60]);
    expect([...ip.ready]).toEqual([0, 90]);
    expect([...ip.readyAt]).toEqual([HORIZON_START, HORIZON_START + 90_000]);
    expect(ip.riskRate[1]).toBeCloseTo((0.5 * (8 * 3600)) / 3600, 12);
  });

  it('rejects bad jobs with a message naming the job', () => {
    expect(() => index({ jobs: [job({ eligibleMachines: [] })] })).toThrow(/jobs\[0\] \('J1'\): eligibleMachines must name at least one machine/);
    expect(() => index({ jobs: [job({ duration: 0 })] })).toThrow(/duration must be a positive finite number/);
    expect(() => index({ jobs: [job({ duration: -5 })] })).toThrow(RangeError);
    expect(() => index({ jobs: [job({ duration: Number.POSITIVE_INFINITY })] })).toThrow(RangeError);
    expect(() => index({ jobs: [job({ due: Number.NaN })] })).toThrow(/due must be a finite epoch ms/);
    expect(() => index({ jobs: [job(), job()] })).toThrow(/jobs\[1\]: duplicate jobId 'J1'/);
    expect(() => index({ jobs: [job({ jobId: '' })] })).toThrow(/jobId must be a non-empty string/);
  });

  it('rejects unknown or out-of-range machine risk and availability', () => {
    expect(() => index({ machineRisk: { 'M-9': 0.1 } })).toThrow(/machineRisk names unknown machine 'M-9'/);
    expect(() => index({ machineRisk: { 'M-1': 1.5 } })).toThrow(/hazard per hour in 0\.\.1/);
    expect(() => index({ availableFrom: { 'M-9': HORIZON_START } })).toThrow(/availableFrom names unknown machine 'M-9'/);
    expect(() => index({ availableFrom: { 'M-1': Number.NaN } })).toThrow(RangeError);
    expect(() => index({ horizonStart: Number.NaN })).toThrow(/horizonStart/);
  });

  it('refuses more jobs than the cap', () => {
    const jobs = Array.from({ length: MAX_SCHEDULE_JOBS + 1 }, (_, j) => job({ jobId: `J${j}` }));

    expect(() => index({ jobs })).toThrow(`too many jobs: ${MAX_SCHEDULE_JOBS + 1}, at most ${MAX_SCHEDULE_JOBS} per request`);
  });
});
