import { AZURE_PDM, BREAKDOWN_WEIBULL_SCALE_H } from './azure-pdm-calibration';
import { type MachineSpec, buildShop } from './machine-catalog';
import { MachineSimulator } from './machine-simulator';
import { FIXED_HOLIDAYS, SHIFT_PATTERNS, ShiftCalendar } from './shift-calendar';
import type { JobRow, SimulationBatch } from './source-rows';
import { WearModel } from './wear-model';
import type { ZoneClock } from './zone-clock';

export interface ShopOptions {
  machines: number;
  seed: number;
  clock: ZoneClock;
  startMs: number;
  /** Sample period of machine_readings; null writes no readings. */
  readingsIntervalMs: number | null;
  /** Fixed-date public holidays off (default true). */
  holidays?: boolean;
  /** Start of the machine ids (default MC-). */
  machinePrefix?: string;
  /** The first this many machines wear out BREAKDOWN_PRONE_WEAR times faster (default 0). */
  breakdownProne?: number;
}

/** How much faster a breakdown-prone machine wears: its Weibull scale in run hours is this many times shorter. */
export const BREAKDOWN_PRONE_WEAR = 3;

/** The whole shop: one simulator per machine, halls sharing a shift calendar; output merged in time order. */
export class ShopSimulator {
  readonly machines: readonly MachineSpec[];
  private readonly simulators: readonly MachineSimulator[];
  private clockMs: number;

  constructor(options: ShopOptions) {
    this.machines = buildShop(options.machines, options.seed, options.startMs, options.machinePrefix);
    const calendars = new Map<string, ShiftCalendar>();
    const holidays = options.holidays === false ? [] : FIXED_HOLIDAYS;
    const prone = options.breakdownProne ?? 0;
    const fragile = new WearModel(AZURE_PDM.weibullShape, BREAKDOWN_WEIBULL_SCALE_H / BREAKDOWN_PRONE_WEAR);
    this.simulators = this.machines.map((machine, index) => {
      const hall = machine.profile.hall;
      let calendar = calendars.get(hall);
      if (!calendar) {
        calendar = new ShiftCalendar(SHIFT_PATTERNS[machine.profile.shiftPattern], options.clock, hall, options.seed, holidays);
        calendars.set(hall, calendar);
      }
      return new MachineSimulator(machine, {
        clock: options.clock,
        calendar,
        seed: options.seed,
        startMs: options.startMs,
        readingsIntervalMs: options.readingsIntervalMs,
        ...(index < prone ? { wear: fragile } : {}),
      });
    });
    this.clockMs = options.startMs;
  }

  /** Simulated time reached so far. */
  get now(): number {
    return this.clockMs;
  }

  machineSimulators(): readonly MachineSimulator[] {
    return this.simulators;
  }

  /** Everything that happens before `until`, rows of all machines in time order (as an MDC would append them). */
  advance(until: number): SimulationBatch {
    const merged: SimulationBatch = { jobs: [], downtime: [], events: [], readings: [] };
    if (until <= this.clockMs) return merged;
    for (const sim of this.simulators) {
      const batch = sim.advance(until);
      merged.jobs.push(...batch.jobs);
      merged.downtime.push(...batch.downtime);
      merged.events.push(...batch.events);
      for (const r of batch.readings) merged.readings.push(r);
    }
    this.clockMs = until;
    // Array.prototype.sort is stable: equal times keep machine order.
    merged.events.sort((a, b) => a.eventTime - b.eventTime);
    merged.readings.sort((a, b) => a.readingTime - b.readingTime);
    merged.downtime.sort((a, b) => a.updatedAt - b.updatedAt);
    merged.jobs.sort((a, b) => a.updatedAt - b.updatedAt);
    return merged;
  }

  /** Jobs still open at the current simulated time, with their parts so far. */
  openJobs(): JobRow[] {
    return this.simulators.map((sim) => sim.currentJob(this.clockMs)).filter((row): row is JobRow => row !== null);
  }
}
