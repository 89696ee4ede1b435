import type { MachineHistory } from '@shopfloor/ml/features';
import { compareOnNewHeldOut } from './shopfloor-comparison';
import { trainMaintenance } from './shopfloor-maintenance';
import { DEFAULT_DOWNTIME_LABEL, trainDowntime } from './shopfloor-trainer';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const SMALL = { trees: 15, seed: 1 };

/** mulberry32 */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Six machines over 120 days: 8-hour jobs, a breakdown every 1–4 days. */
function fleet(end: number): Map<string, MachineHistory> {
  const random = seeded(5);
  const start = end - 120 * DAY;
  return new Map(
    ['M1', 'M2', 'M3', 'M4', 'M5', 'M6'].map((id) => {
      const jobs = [];
      for (let t = start; t < end; t += 8 * HOUR)
        jobs.push({ start: t, end: t + 8 * HOUR, idealCycleTimeS: 60, cycleTimeS: 62, partsProduced: 450, partsScrapped: 3 });
      const stops = [];
      for (let t = start + DAY * random(); t < end - DAY; t += (1 + 3 * random()) * DAY)
        stops.push({ start: Math.round(t), durationS: 3600 + Math.round(3600 * random()), type: 'BREAKDOWN' });
      return [id, { jobs, stops, readings: [], since: start, until: end }];
    }),
  );
}

describe(compareOnNewHeldOut.name, () => {
  const end = Date.UTC(2026, 5, 1);
  const histories = fleet(end);
  const cut =
    (until: number) =>
    async (id: string): Promise<MachineHistory> => {
      const h = histories.get(id) as MachineHistory;
      return { ...h, jobs: h.jobs.filter((j) => j.start < until), stops: h.stops.filter((s) => s.start < until), until };
    };
  const machines = [...histories.keys()];
  const from = end - 120 * DAY;

  it("scores the active version and the new one on the held-out machines' instants after the active version's data", async () => {
    const oldEnd = end - 40 * DAY;
    const incumbent = await trainDowntime(machines, cut(oldEnd), { from, to: oldEnd }, SMALL, () => undefined, DEFAULT_DOWNTIME_LABEL);
    const challenger = await trainDowntime(machines, cut(end), { from, to: end }, SMALL, () => undefined, DEFAULT_DOWNTIME_LABEL);
    const comparison = await compareOnNewHeldOut('log_loss', challenger.heldOut, { artifact: incumbent.artifact, dataTo: oldEnd }, cut(end));
    if (typeof comparison === 'string') throw new Error(comparison);
    expect(comparison.rows).toBe(challenger.heldOut.filter((h) => h.at >= oldEnd).length);
    expect(comparison.rows).toBeGreaterThanOrEqual(100);
    expect(comparison.method).toBe('stored');
    expect(comparison.challenger).toBeGreaterThan(0);
    expect(comparison.incumbent).toBeGreaterThan(0);
  }, 60_000);

  it('says why when the active version saw nearly all of the held-out history', async () => {
    const incumbent = await trainMaintenance(machines, cut(end), { from, to: end }, SMALL, () => undefined);
    const why = await compareOnNewHeldOut('rmse', incumbent.heldOut, { artifact: incumbent.artifact, dataTo: end - DAY }, cut(end));
    expect(why).toMatch(/too little new held-out history/);
    expect(await compareOnNewHeldOut('rmse', incumbent.heldOut, { artifact: { kind: 'tabular' }, dataTo: from }, cut(end))).toMatch(/tabular model/);
  }, 60_000);
});
