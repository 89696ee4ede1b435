import type { MachineSpec } from './machine-catalog';
import type { SeededRandom } from '@shopfloor/util';
import type { ReadingSample } from './source-rows';
import type { ZoneClock } from './zone-clock';

/** What the machine is doing at a sample, and how worn it is. */
export interface SensorContext {
  mode: 'CUTTING' | 'SETUP' | 'STANDBY' | 'OFF';
  /** Spindle load of the part being cut (%). */
  cuttingLoadPct: number;
  toolWearMin: number;
  toolLifeMin: number;
  /** Operating hours since the last renewal over the planned-maintenance interval (0 fresh, ≥ 1 overdue). */
  wearFraction: number;
  /** 0 far from a breakdown, rising to 1 as one approaches (see `precursor`). */
  precursor: number;
}

/**
 * Operating hours before a breakdown over which its precursor shows (the P–F interval of condition monitoring:
 * a bearing or drive fault raises vibration and heat days before it stops the machine).
 */
export const PRECURSOR_WINDOW_H = 40;

/** Precursor intensity from the operating hours left until the breakdown: 0 outside the window, 1 at failure. */
export function precursor(hoursToFailure: number): number {
  const x = Math.min(1, Math.max(0, 1 - hoursToFailure / PRECURSOR_WINDOW_H));
  return x * x;
}

/** Thermal time constants (minutes): the spindle housing warms quickly, the coolant tank slowly. */
const SPINDLE_TAU_MIN = 25;
const COOLANT_TAU_MIN = 45;

const round = (value: number, decimals: number): number => {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
};

/**
 * Analog channels of one machine. Temperatures follow first-order lags towards a target set by load, wear and a
 * coming breakdown; vibration and spindle load scale with tool wear and machine wear; noise is Gaussian.
 */
export class SensorModel {
  private spindleTemp: number;
  private coolantTemp: number;
  private at: number;

  constructor(
    private readonly machine: MachineSpec,
    private readonly rng: SeededRandom,
    private readonly clock: ZoneClock,
    startMs: number,
  ) {
    this.at = startMs;
    this.spindleTemp = this.ambient(startMs);
    this.coolantTemp = this.spindleTemp;
  }

  /** Hall temperature: 21 °C with a ±2.5 °C daily swing peaking mid-afternoon local time. */
  ambient(t: number): number {
    const localHour = ((((t + this.clock.offsetAt(t)) % 86_400_000) + 86_400_000) % 86_400_000) / 3_600_000;
    return 21 + 2.5 * Math.sin((2 * Math.PI * (localHour - 9)) / 24);
  }

  /** Moves the thermal state to `t` under the conditions of `ctx` (called at every change of activity). */
  settle(t: number, ctx: SensorContext): void {
    if (t <= this.at) return;
    const dtMin = (t - this.at) / 60_000;
    const load = this.load(ctx, false);
    const [spindleTarget, coolantTarget] = this.targets(t, ctx, load);
    this.spindleTemp = spindleTarget + (this.spindleTemp - spindleTarget) * Math.exp(-dtMin / SPINDLE_TAU_MIN);
    this.coolantTemp = coolantTarget + (this.coolantTemp - coolantTarget) * Math.exp(-dtMin / COOLANT_TAU_MIN);
    this.at = t;
  }

  sample(t: number, ctx: SensorContext): ReadingSample {
    this.settle(t, ctx);
    const load = this.load(ctx, true);
    const spec = this.machine;
    const toolFraction = ctx.toolLifeMin > 0 ? ctx.toolWearMin / ctx.toolLifeMin : 0;
    let vibration: number;
    let power: number;
    switch (ctx.mode) {
      case 'CUTTING':
        vibration =
          spec.baseVibrationMmS *
          (1 + 0.35 * toolFraction * toolFraction + 0.25 * Math.min(1.5, ctx.wearFraction) + 2.2 * ctx.precursor) *
          Math.exp(this.rng.normal(0, 0.07));
        power = spec.standbyKw + spec.specifications.power_kw * (load / 100) * 0.9 * (1 + 0.08 * ctx.precursor) + this.rng.normal(0, 0.15);
        break;
      case 'SETUP':
        vibration = 0.15 + Math.abs(this.rng.normal(0, 0.05)) + 0.2 * ctx.precursor;
        power = spec.standbyKw + 0.8 + this.rng.normal(0, 0.1);
        break;
      case 'STANDBY':
      case 'OFF':
        // Coolant pump and hydraulics only.
        vibration = 0.05 + Math.abs(this.rng.normal(0, 0.02));
        power = spec.standbyKw + this.rng.normal(0, 0.05);
        break;
    }
    return {
      machineId: spec.machineId,
      readingTime: t,
      spindleLoad: round(load, 1),
      spindleTemp: round(this.spindleTemp + this.rng.normal(0, 0.15), 2),
      coolantTemp: round(this.coolantTemp + this.rng.normal(0, 0.1), 2),
      vibration: round(Math.max(0, vibration), 3),
      toolWear: round(ctx.toolWearMin, 1),
      power: round(Math.max(0, power), 2),
    };
  }

  private load(ctx: SensorContext, noisy: boolean): number {
    const noise = (sd: number): number => (noisy ? this.rng.normal(0, sd) : 0);
    switch (ctx.mode) {
      case 'CUTTING': {
        const toolFraction = ctx.toolLifeMin > 0 ? ctx.toolWearMin / ctx.toolLifeMin : 0;
        const base = ctx.cuttingLoadPct * (1 + 0.15 * toolFraction + 0.05 * Math.min(1.5, ctx.wearFraction) + 0.1 * ctx.precursor);
        return Math.min(100, Math.max(1, base + noise(2.5)));
      }
      case 'SETUP':
        return Math.max(0, 3 + noise(1.5));
      case 'STANDBY':
      case 'OFF':
        return 0;
    }
  }

  private targets(t: number, ctx: SensorContext, load: number): [spindle: number, coolant: number] {
    const ambient = this.ambient(t);
    const wear = Math.min(1.5, ctx.wearFraction);
    switch (ctx.mode) {
      case 'CUTTING':
        return [ambient + 10 + 22 * (load / 100) + 2.5 * wear + 9 * ctx.precursor, ambient + 3 + 5 * (load / 100) + 0.8 * wear + 2.5 * ctx.precursor];
      case 'SETUP':
        return [ambient + 5 + 2 * ctx.precursor, ambient + 1.5];
      case 'STANDBY':
        return [ambient + 1.5 + 1.5 * ctx.precursor, ambient + 0.5];
      case 'OFF':
        return [ambient, ambient];
    }
  }
}
