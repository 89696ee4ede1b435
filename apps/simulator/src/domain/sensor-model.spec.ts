import { buildShop } from './machine-catalog';
import { SeededRandom } from '@shopfloor/util';
import { PRECURSOR_WINDOW_H, type SensorContext, SensorModel, precursor } from './sensor-model';
import { ShopSimulator } from './shop-simulator';
import type { EventRow, ReadingSample, SimulationBatch } from './source-rows';
import { ZoneClock } from './zone-clock';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const END = Date.UTC(2025, 0, 1);
const utc = new ZoneClock('UTC');

const mean = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
const cutting = (over: Partial<SensorContext> = {}): SensorContext => ({
  mode: 'CUTTING',
  cuttingLoadPct: 50,
  toolWearMin: 0,
  toolLifeMin: 300,
  wearFraction: 0,
  precursor: 0,
  ...over,
});

describe(SensorModel.name, () => {
  const [machine] = buildShop(1, 1, END);
  const model = (seed: number): SensorModel => {
    if (!machine) throw new Error('no machine');
    return new SensorModel(machine, new SeededRandom(seed), utc, END);
  };
  /** Mean of each channel over a steady stretch (after the thermal lag has settled). */
  const steady = (ctx: SensorContext, seed = 1): ReadingSample => {
    const sensors = model(seed);
    const samples = Array.from({ length: 600 }, (_, i) => sensors.sample(END + i * 60_000, ctx)).slice(300);
    const avg = (key: 'spindleLoad' | 'spindleTemp' | 'coolantTemp' | 'vibration' | 'power'): number => mean(samples.map((s) => s[key]));
    return {
      ...samples[0],
      spindleLoad: avg('spindleLoad'),
      spindleTemp: avg('spindleTemp'),
      coolantTemp: avg('coolantTemp'),
      vibration: avg('vibration'),
      power: avg('power'),
    };
  };

  it('reports a precursor only inside the window before a breakdown, rising to 1', () => {
    expect(precursor(PRECURSOR_WINDOW_H + 1)).toBe(0);
    expect(precursor(PRECURSOR_WINDOW_H / 2)).toBeCloseTo(0.25, 5);
    expect(precursor(0)).toBe(1);
  });

  it('warms the spindle and draws power while cutting, cools and idles in standby', () => {
    const cut = steady(cutting());
    const idle = steady(cutting({ mode: 'STANDBY' }));
    expect(cut.spindleTemp).toBeGreaterThan(idle.spindleTemp + 8);
    expect(cut.power).toBeGreaterThan(idle.power + 3);
    expect(cut.spindleLoad).toBeGreaterThan(40);
    expect(idle.spindleLoad).toBe(0);
    expect(idle.vibration).toBeLessThan(0.2);
  });

  it('raises vibration and temperatures with wear and, most, before a breakdown', () => {
    const fresh = steady(cutting());
    const worn = steady(cutting({ wearFraction: 1, toolWearMin: 280 }));
    const failing = steady(cutting({ precursor: 1 }));
    expect(worn.vibration).toBeGreaterThan(fresh.vibration * 1.3);
    expect(failing.vibration).toBeGreaterThan(fresh.vibration * 2.5);
    expect(failing.spindleTemp).toBeGreaterThan(fresh.spindleTemp + 6);
    expect(failing.coolantTemp).toBeGreaterThan(fresh.coolantTemp + 1.5);
  });

  it('reports the tool wear it is given', () => {
    expect(model(2).sample(END, cutting({ toolWearMin: 123.44 })).toolWear).toBe(123.4);
  });

  describe('in a simulated shop', () => {
    let run: SimulationBatch;
    let readingsOf: Map<string, ReadingSample[]>;

    beforeAll(() => {
      run = new ShopSimulator({ machines: 10, seed: 2, clock: utc, startMs: END - 150 * DAY_MS, readingsIntervalMs: 900_000 }).advance(END);
      readingsOf = new Map();
      for (const r of run.readings) {
        const list = readingsOf.get(r.machineId);
        if (list) list.push(r);
        else readingsOf.set(r.machineId, [r]);
      }
    });

    const cuttingReadings = (machineId: string, from: number, to: number): ReadingSample[] =>
      (readingsOf.get(machineId) ?? []).filter((r) => r.readingTime >= from && r.readingTime < to && r.spindleLoad > 10);
    const isEvent = (state: EventRow['state'], code: (c: string) => boolean) => (e: EventRow) => e.state === state && code(e.reasonCode ?? '');

    it('drifts vibration and spindle temperature upward in the hours before a breakdown', () => {
      const ratios: number[] = [];
      const tempRise: number[] = [];
      for (const e of run.events.filter(isEvent('DOWN', (c) => c.startsWith('F')))) {
        const before = cuttingReadings(e.machineId, e.eventTime - 8 * HOUR_MS, e.eventTime);
        const baseline = cuttingReadings(e.machineId, e.eventTime - 30 * DAY_MS, e.eventTime - 10 * DAY_MS);
        if (before.length < 3 || baseline.length < 30) continue;
        ratios.push(mean(before.map((r) => r.vibration)) / mean(baseline.map((r) => r.vibration)));
        tempRise.push(mean(before.map((r) => r.spindleTemp)) - mean(baseline.map((r) => r.spindleTemp)));
      }
      expect(ratios.length).toBeGreaterThan(5);
      expect(mean(ratios)).toBeGreaterThan(1.5);
      expect(mean(tempRise)).toBeGreaterThan(3);
    });

    it('brings vibration down after planned maintenance', () => {
      const ratios: number[] = [];
      for (const e of run.events.filter(isEvent('OFFLINE', (c) => c === 'P01'))) {
        const before = cuttingReadings(e.machineId, e.eventTime - 5 * DAY_MS, e.eventTime).slice(-20);
        const after = cuttingReadings(e.machineId, e.eventTime, e.eventTime + 5 * DAY_MS).slice(0, 20);
        if (before.length < 10 || after.length < 10) continue;
        ratios.push(mean(after.map((r) => r.vibration)) / mean(before.map((r) => r.vibration)));
      }
      expect(ratios.length).toBeGreaterThan(5);
      expect(mean(ratios)).toBeLessThan(0.93);
    });
  });
});
