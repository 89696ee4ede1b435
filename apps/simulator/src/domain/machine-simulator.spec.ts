import { MachineSimulator } from './machine-simulator';
import { ShopSimulator } from './shop-simulator';
import type { DowntimeRow, JobRow, SimulationBatch } from './source-rows';
import { isUnplanned } from './stop-catalog';
import { ZoneClock } from './zone-clock';

const DAY_MS = 86_400_000;
const berlin = new ZoneClock('Europe/Berlin');
const END = Date.UTC(2025, 5, 2);

function shop(machines: number, days: number, seed: number, intervalS: number | null, end = END, clock = berlin): ShopSimulator {
  return new ShopSimulator({ machines, seed, clock, startMs: end - days * DAY_MS, readingsIntervalMs: intervalS === null ? null : intervalS * 1000 });
}

/** Runs to `end` in slices and keeps the latest version of every job. */
function collect(sim: ShopSimulator, end: number, sliceMs: number): SimulationBatch {
  const all: SimulationBatch = { jobs: [], downtime: [], events: [], readings: [] };
  const jobs = new Map<string, JobRow>();
  for (let t = sim.now; t < end;) {
    t = Math.min(end, t + sliceMs);
    const b = sim.advance(t);
    for (const j of b.jobs) jobs.set(j.jobId, j);
    all.downtime.push(...b.downtime);
    all.events.push(...b.events);
    for (const r of b.readings) all.readings.push(r);
  }
  all.jobs = [...jobs.values()].sort((a, b) => a.jobId.localeCompare(b.jobId));
  return all;
}

const byMachine = <T extends { machineId: string }>(rows: readonly T[]): Map<string, T[]> => {
  const map = new Map<string, T[]>();
  for (const r of rows) {
    const list = map.get(r.machineId);
    if (list) list.push(r);
    else map.set(r.machineId, [r]);
  }
  return map;
};

/** Index of the first reading at or after `t` (readings in time order). */
function firstAtOrAfter(readings: readonly { readingTime: number }[], t: number): number {
  let lo = 0;
  let hi = readings.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((readings[mid]?.readingTime ?? 0) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

describe(MachineSimulator.name, () => {
  const START = END - 40 * DAY_MS;
  let run: SimulationBatch;

  beforeAll(() => {
    run = collect(shop(6, 40, 3, 300), END, 6 * 3_600_000);
  });

  it('produces the same rows for the same seed and different rows for another', () => {
    const a = shop(3, 7, 9, 300).advance(END);
    const b = shop(3, 7, 9, 300).advance(END);
    const c = shop(3, 7, 10, 300).advance(END);
    expect(b).toEqual(a);
    expect(c.events).not.toEqual(a.events);
  });

  it('does not depend on how time is sliced', () => {
    const whole = collect(shop(3, 7, 9, 300), END, 10 * DAY_MS);
    const sliced = collect(shop(3, 7, 9, 300), END, 7 * 60_000 + 13);
    expect(sliced.events).toEqual(whole.events);
    expect(sliced.downtime).toEqual(whole.downtime);
    expect(sliced.readings).toEqual(whole.readings);
    expect(sliced.jobs).toEqual(whole.jobs);
  });

  it('keeps jobs, stops and events identical whatever the readings interval', () => {
    const coarse = shop(3, 7, 9, 900).advance(END);
    const none = shop(3, 7, 9, null).advance(END);
    expect(none.events).toEqual(coarse.events);
    expect(none.downtime).toEqual(coarse.downtime);
    expect(none.jobs).toEqual(coarse.jobs);
    expect(none.readings).toEqual([]);
  });

  it('never overlaps jobs on a machine; only the last one may be open', () => {
    for (const jobs of byMachine(run.jobs).values()) {
      const sorted = [...jobs].sort((a, b) => a.startTime - b.startTime);
      sorted.forEach((job, i) => {
        const next = sorted[i + 1];
        if (next) {
          expect(job.endTime).not.toBeNull();
          expect(next.startTime).toBeGreaterThanOrEqual(job.endTime as number);
        } else {
          expect(['SETUP', 'RUNNING', 'COMPLETED', 'ABORTED']).toContain(job.state);
        }
      });
    }
  });

  it('writes jobs with end ≥ start, scrap ≤ produced and the states that go with end_time', () => {
    expect(run.jobs.length).toBeGreaterThan(100);
    for (const job of run.jobs) {
      expect(job.partsScrapped).toBeLessThanOrEqual(job.partsProduced);
      expect(job.partsScrapped).toBeGreaterThanOrEqual(0);
      expect(job.startTime).toBeGreaterThanOrEqual(START);
      if (job.endTime === null) expect(['SETUP', 'RUNNING']).toContain(job.state);
      else {
        expect(job.endTime).toBeGreaterThanOrEqual(job.startTime);
        expect(['COMPLETED', 'ABORTED']).toContain(job.state);
      }
      expect(job.operatorId).toMatch(/^OP-\d{4}$/);
    }
    expect(run.jobs.some((j) => j.state === 'ABORTED')).toBe(true);
  });

  it('runs closed jobs at 80–98 % of ideal speed, with parts consistent with run time / cycle time', () => {
    const closed = run.jobs.filter((j) => j.endTime !== null && j.partsProduced > 0);
    for (const job of closed) {
      const performance = job.idealCycleTime / (job.cycleTime as number);
      expect(performance).toBeGreaterThan(0.799);
      expect(performance).toBeLessThan(0.981);
      // Wall time covers at least the cutting time.
      expect(((job.endTime as number) - job.startTime) / 1000).toBeGreaterThanOrEqual(job.partsProduced * (job.cycleTime as number) - 1);
    }
  });

  it('keeps scrap between 0.5 % and 5 % overall', () => {
    const produced = run.jobs.reduce((s, j) => s + j.partsProduced, 0);
    const scrapped = run.jobs.reduce((s, j) => s + j.partsScrapped, 0);
    expect(scrapped / produced).toBeGreaterThan(0.005);
    expect(scrapped / produced).toBeLessThan(0.05);
  });

  it('keeps every downtime inside its machine timeline, without overlaps, referencing the job that was open', () => {
    const jobsOf = byMachine(run.jobs);
    const problems: string[] = [];
    for (const [machineId, records] of byMachine(run.downtime)) {
      const sorted = [...records].sort((a, b) => a.startTime - b.startTime);
      let previousEnd = START;
      for (const d of sorted) {
        const end = d.startTime + d.duration * 1000;
        if (!(d.duration > 0)) problems.push(`${d.recordId}: duration ${d.duration}`);
        if (d.startTime < previousEnd) problems.push(`${d.recordId}: overlaps the previous stop`);
        if (end > END) problems.push(`${d.recordId}: ends after the history`);
        previousEnd = end;
        const open = (jobsOf.get(machineId) ?? []).find((j) => j.startTime <= d.startTime && (j.endTime === null || d.startTime < j.endTime));
        if (d.jobId !== (open?.jobId ?? null)) problems.push(`${d.recordId}: job ${d.jobId} instead of ${open?.jobId ?? null}`);
        if (open && open.endTime !== null && end > open.endTime) problems.push(`${d.recordId}: outlasts job ${open.jobId}`);
      }
    }
    expect(run.downtime.length).toBeGreaterThan(1000);
    expect(problems).toEqual([]);
  });

  it('writes a DOWN event with the reason code at the start of each unplanned stop, and a state change at its end', () => {
    const eventsOf = byMachine(run.events);
    const unplanned = run.downtime.filter((d) => isUnplanned(d.downtimeType));
    expect(unplanned.length).toBeGreaterThan(500);
    const problems: string[] = [];
    for (const d of unplanned) {
      const events = eventsOf.get(d.machineId) ?? [];
      const atStart = events.find((e) => e.eventTime === d.startTime && e.state === 'DOWN');
      if (atStart?.reasonCode !== d.reasonCode || atStart.jobId !== d.jobId) problems.push(`${d.recordId}: no DOWN ${d.reasonCode} event at its start`);
      const endTime = d.startTime + d.duration * 1000;
      if (endTime < END && !events.some((e) => e.eventTime === endTime)) problems.push(`${d.recordId}: no event at its end`);
    }
    expect(problems).toEqual([]);
  });

  it('counts parts cumulatively per job on events', () => {
    const last = new Map<string, number>();
    const problems: string[] = [];
    for (const e of run.events) {
      if (e.jobId === null) {
        if (e.partCount !== null) problems.push(`count without a job at ${e.eventTime}`);
        continue;
      }
      if (e.partCount === null || e.partCount < (last.get(e.jobId) ?? 0)) problems.push(`${e.jobId}: count went back at ${e.eventTime}`);
      last.set(e.jobId, e.partCount ?? 0);
    }
    const jobs = new Map(run.jobs.map((j) => [j.jobId, j]));
    for (const [jobId, count] of last) if ((jobs.get(jobId)?.partsProduced ?? -1) < count) problems.push(`${jobId}: fewer parts than counted`);
    expect(last.size).toBeGreaterThan(100);
    expect(problems).toEqual([]);
  });

  it('samples readings only while the machine is powered', () => {
    const readingsOf = byMachine(run.readings);
    const problems: string[] = [];
    for (const [machineId, events] of byMachine(run.events)) {
      const readings = readingsOf.get(machineId) ?? [];
      events.forEach((e, i) => {
        const until = events[i + 1]?.eventTime ?? END;
        const n = firstAtOrAfter(readings, until) - firstAtOrAfter(readings, e.eventTime);
        if (e.state === 'OFFLINE' && n > 0) problems.push(`${machineId}: readings while OFFLINE at ${e.eventTime}`);
        if (e.state !== 'OFFLINE' && until - e.eventTime >= 600_000 && n === 0) problems.push(`${machineId}: no readings while ${e.state} at ${e.eventTime}`);
      });
    }
    expect(problems).toEqual([]);
  });

  it('lets tool wear grow while cutting and start again at each tool change', () => {
    const changes = run.downtime.filter((d) => d.reasonCode === 'T01' || d.reasonCode === 'T02');
    expect(changes.length).toBeGreaterThan(20);
    const readingsOf = byMachine(run.readings);
    let checked = 0;
    const notReset: string[] = [];
    for (const d of changes) {
      const readings = readingsOf.get(d.machineId) ?? [];
      const i = firstAtOrAfter(readings, d.startTime);
      const before = readings[i - 1];
      const after = readings[firstAtOrAfter(readings, d.startTime + d.duration * 1000)];
      if (!before || !after) continue;
      if (after.toolWear >= before.toolWear) notReset.push(d.recordId);
      checked += 1;
    }
    expect(notReset).toEqual([]);
    expect(checked).toBeGreaterThan(20);
  });

  it('writes only wall times that exist, with 23 and 25 hours of readings on the Europe/Berlin change days', () => {
    // Machine 3 is a 5-axis machine that stays powered (and sampled) over the weekend.
    const spring = shop(3, 3, 5, 60, Date.UTC(2025, 2, 31, 6)).advance(Date.UTC(2025, 2, 31, 6));
    const autumn = shop(3, 3, 5, 60, Date.UTC(2025, 9, 27, 6)).advance(Date.UTC(2025, 9, 27, 6));
    const walls = (batch: SimulationBatch, day: string): string[] =>
      batch.readings
        .filter((r) => r.machineId === 'MC-003')
        .map((r) => berlin.toWall(r.readingTime))
        .filter((w) => w.startsWith(day));
    const springDay = walls(spring, '2025-03-30');
    expect(springDay).toHaveLength(23 * 60);
    expect(springDay.some((w) => w.slice(11, 13) === '02')).toBe(false);
    const autumnDay = walls(autumn, '2025-10-26');
    expect(autumnDay).toHaveLength(25 * 60);
    // The repeated hour: every 02:xx wall time twice, in time order the second pass after 02:59.
    expect(autumnDay.filter((w) => w.startsWith('2025-10-26 02:30'))).toHaveLength(2);
    const allEvents: DowntimeRow[] = [...spring.downtime, ...autumn.downtime];
    for (const d of allEvents) expect(berlin.toWall(d.startTime).startsWith('2025-03-30 02')).toBe(false);
  });
});
