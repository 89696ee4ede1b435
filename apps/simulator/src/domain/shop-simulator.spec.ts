import { ShopSimulator } from './shop-simulator';
import type { EventRow, SimulationBatch } from './source-rows';
import { isUnplanned } from './stop-catalog';
import { ZoneClock } from './zone-clock';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const END = Date.UTC(2025, 0, 1);
const utc = new ZoneClock('UTC');

function groupByMachine<T extends { machineId: string }>(rows: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const r of rows) {
    const list = map.get(r.machineId);
    if (list) list.push(r);
    else map.set(r.machineId, [r]);
  }
  return map;
}

const isBreakdown = (e: EventRow): boolean => e.state === 'DOWN' && (e.reasonCode ?? '').startsWith('F');
const isMaintenance = (e: EventRow): boolean => e.state === 'OFFLINE' && e.reasonCode === 'P01';

describe(ShopSimulator.name, () => {
  // About 24 machine-years: enough breakdowns (~80) for the hazard comparison to be stable across seeds.
  const MACHINES = 16;
  const DAYS = 540;
  let year: SimulationBatch;

  beforeAll(() => {
    year = new ShopSimulator({ machines: MACHINES, seed: 1, clock: utc, startMs: END - DAYS * DAY_MS, readingsIntervalMs: null }).advance(END);
  });

  it('makes micro-stops (30–119 s) the bulk of unplanned stops: 55–85 % of them', () => {
    const unplanned = year.downtime.filter((d) => isUnplanned(d.downtimeType));
    const micro = unplanned.filter((d) => /^U0\d$/.test(d.reasonCode));
    expect(micro.every((d) => d.duration >= 30 && d.duration <= 119)).toBe(true);
    expect(micro.length / unplanned.length).toBeGreaterThan(0.55);
    expect(micro.length / unplanned.length).toBeLessThan(0.85);
  });

  it('keeps breakdowns rare and long: 1–6 per machine-year, under 0.5 % of unplanned stops, each over an hour', () => {
    const unplanned = year.downtime.filter((d) => isUnplanned(d.downtimeType));
    const breakdowns = year.downtime.filter((d) => d.downtimeType === 'BREAKDOWN');
    const perMachineYear = breakdowns.length / MACHINES / (DAYS / 365);
    expect(perMachineYear).toBeGreaterThan(1);
    expect(perMachineYear).toBeLessThan(6);
    expect(breakdowns.length / unplanned.length).toBeLessThan(0.005);
    expect(breakdowns.every((d) => d.duration >= 3600)).toBe(true);
  });

  it('breaks breakdown-prone machines down several times as often as the others', () => {
    const shop = new ShopSimulator({ machines: MACHINES, seed: 1, clock: utc, startMs: END - DAYS * DAY_MS, readingsIntervalMs: null, breakdownProne: 4 });
    const prone = new Set(shop.machines.slice(0, 4).map((m) => m.machineId));
    const breakdowns = shop.advance(END).downtime.filter((d) => d.downtimeType === 'BREAKDOWN');
    const rate = (mine: boolean) => breakdowns.filter((d) => prone.has(d.machineId) === mine).length / (mine ? 4 : MACHINES - 4);
    expect(rate(true)).toBeGreaterThan(3 * rate(false));
  });

  it('schedules planned maintenance every few hundred operating hours: 3–10 per machine-year', () => {
    const maintenance = year.downtime.filter((d) => d.downtimeType === 'PLANNED_MAINTENANCE');
    const perMachineYear = maintenance.length / MACHINES / (DAYS / 365);
    expect(perMachineYear).toBeGreaterThan(3);
    expect(perMachineYear).toBeLessThan(10);
  });

  it('runs on weekdays and mostly idles at weekends', () => {
    // Running stretches are short (they end at every stop, break and shift end): each counts for its midpoint's day.
    const running = { weekday: 0, weekend: 0 };
    for (const events of groupByMachine(year.events).values()) {
      for (let i = 0; i < events.length; i++) {
        const e = events[i];
        if (e.state !== 'RUNNING') continue;
        const until = events[i + 1]?.eventTime ?? END;
        const weekday = (Math.floor((e.eventTime + until) / 2 / DAY_MS) + 4) % 7; // 1970-01-01 was a Thursday
        running[weekday === 0 || weekday === 6 ? 'weekend' : 'weekday'] += until - e.eventTime;
      }
    }
    const weekendShare = running.weekend / (MACHINES * DAYS * DAY_MS * (2 / 7));
    const weekdayShare = running.weekday / (MACHINES * DAYS * DAY_MS * (5 / 7));
    expect(weekdayShare).toBeGreaterThan(0.4);
    expect(weekendShare).toBeLessThan(0.15);
  });

  it('makes the breakdown hazard higher late in a maintenance cycle than early', () => {
    // Life table from the event stream: cutting hours since the last renewal (maintenance or repair) at risk,
    // and breakdowns, by age band. A machine's first cycle is skipped (its starting age is unknown).
    const bands = [
      { from: 0, to: 150, hours: 0, failures: 0 },
      { from: 350, to: Infinity, hours: 0, failures: 0 },
    ];
    for (const events of groupByMachine(year.events).values()) {
      let age: number | null = null;
      events.forEach((e, i) => {
        const next = events[i + 1];
        if (age !== null && e.state === 'RUNNING') {
          const hours = ((next?.eventTime ?? END) - e.eventTime) / HOUR_MS;
          for (const band of bands) {
            const overlap = (age + hours < band.to ? age + hours : band.to) - (age > band.from ? age : band.from);
            if (overlap > 0) band.hours += overlap;
          }
          age += hours;
        }
        if (isBreakdown(e) && age !== null) {
          const a = age;
          const band = bands.find((b) => a >= b.from && a < b.to);
          if (band) band.failures += 1;
        }
        if (isBreakdown(e) || isMaintenance(e)) age = 0;
      });
    }
    const [early, late] = bands.map((b) => b.failures / b.hours) as [number, number];
    expect(bands.reduce((s, b) => s + b.failures, 0)).toBeGreaterThan(40);
    expect(late).toBeGreaterThan(2 * early);
  });

  it('resets wear at planned maintenance', () => {
    const shop = new ShopSimulator({ machines: 3, seed: 4, clock: utc, startMs: END - 200 * DAY_MS, readingsIntervalMs: null });
    const sim = shop.machineSimulators()[0];
    if (!sim) throw new Error('no machine');
    let before: number | null = null;
    let after: number | null = null;
    for (let t = shop.now + HOUR_MS; t < END && after === null; t += 15 * 60_000) {
      const wasAge = sim.snapshot().wearAgeH;
      sim.advance(t);
      const now = sim.snapshot();
      if (before === null && now.activity === 'MAINTENANCE') before = wasAge;
      else if (before !== null && now.activity !== 'MAINTENANCE') after = now.wearAgeH;
    }
    expect(before).toBeGreaterThan(400);
    expect(after).toBeLessThan(1);
  });
});
