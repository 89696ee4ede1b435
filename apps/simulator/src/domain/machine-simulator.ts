import { PLANNED_MAINTENANCE_INTERVAL_H } from './azure-pdm-calibration';
import type { MachineSpec, PartSpec } from './machine-catalog';
import { MachineJob } from './machine-job';
import { SeededRandom, deriveSeed } from '@shopfloor/util';
import { type SensorContext, SensorModel, precursor } from './sensor-model';
import type { PlanPiece, ShiftCalendar } from './shift-calendar';
import type { DowntimeRow, JobRow, MachineState, SimulationBatch } from './source-rows';
import { emptyBatch } from './source-rows';
import {
  BREAKDOWN_DURATION,
  BREAKDOWN_REASONS,
  type DurationLaw,
  NO_ORDER,
  NO_ORDER_DURATION,
  NO_ORDER_PROBABILITY,
  NO_SHIFT,
  PLANNED_MAINTENANCE,
  PLANNED_MAINTENANCE_DURATION,
  RANDOM_STOP_CLASSES,
  type RandomStopClass,
  SETUP,
  type StopReason,
  TOOL_BREAKAGE,
  TOOL_BREAKAGE_DURATION,
  TOOL_CHANGE,
  TOOL_CHANGE_DURATION,
} from './stop-catalog';
import { WearModel } from './wear-model';
import type { ZoneClock } from './zone-clock';

export interface MachineSimulatorOptions {
  clock: ZoneClock;
  calendar: ShiftCalendar;
  seed: number;
  startMs: number;
  /** Sample period of machine_readings; null writes no readings. */
  readingsIntervalMs: number | null;
  wear?: WearModel;
  /** Operating hours between planned maintenance (default from Azure PdM). */
  maintenanceIntervalH?: number;
}

type RunEnd = 'PLAN' | 'JOB_DONE' | 'FAILURE' | 'TOOL_LIFE' | 'TOOL_BREAK' | 'RANDOM_STOP';

type Activity =
  | { kind: 'RUN'; start: number; end: number; cause: RunEnd; stop: StopReason | null; stopDuration: DurationLaw | null }
  | { kind: 'SETUP'; start: number; end: number; reason: StopReason }
  /** Unplanned stop; `renews` after a breakdown repair, `newTool` after a tool change or breakage. */
  | { kind: 'STOP'; start: number; end: number; reason: StopReason; renews: boolean; newTool: boolean }
  | { kind: 'PLANNED'; start: number; end: number; reason: StopReason; powered: boolean }
  | { kind: 'MAINTENANCE'; start: number; end: number };

/** Internal state for inspection in tests and status output. */
export interface MachineSnapshot {
  activity: Activity['kind'];
  wearAgeH: number;
  failureAgeH: number;
  toolWearMin: number;
  jobId: string | null;
}

const HOUR_MS = 3_600_000;

/**
 * One machine's shop-floor life as a sequence of activities (cutting, setup, stops, breaks, idle time) driven by
 * its hall's shift calendar, its jobs, tool life, random stops and a wear-dependent breakdown hazard. `advance`
 * moves simulated time forward and returns the source rows produced; the result does not depend on how time is
 * sliced, only on the seed. Event timing uses one random stream and sensor noise another, so the readings
 * interval never changes jobs, stops or events.
 */
export class MachineSimulator {
  private readonly rng: SeededRandom;
  private readonly sensors: SensorModel;
  private readonly wear: WearModel;
  private readonly maintenanceIntervalH: number;
  /** Random stop classes weighted by this machine's rates (stops per cutting hour), and their sum. */
  private readonly stopClasses: readonly { weight: number; value: RandomStopClass }[];
  private readonly stopRatePerHour: number;
  private out: SimulationBatch = emptyBatch();
  private changedJobs = new Map<string, JobRow>();
  private activity!: Activity;
  private job: MachineJob | null = null;
  private lastPart: PartSpec | null = null;
  private noOrderPending = false;
  private ageH: number;
  private failureAgeH: number;
  private maintenanceDueH: number;
  private toolWearMin: number;
  private toolChangeAtMin = 0;
  private toolBreaksAtMin = 0;
  private nextSample: number;
  private lastEventKey = '';
  private jobSeq = 0;
  private recordSeq = 0;

  constructor(
    readonly machine: MachineSpec,
    private readonly options: MachineSimulatorOptions,
  ) {
    this.rng = new SeededRandom(deriveSeed(options.seed, machine.machineId, 'events'));
    this.sensors = new SensorModel(machine, new SeededRandom(deriveSeed(options.seed, machine.machineId, 'sensors')), options.clock, options.startMs);
    this.wear = options.wear ?? new WearModel();
    this.stopClasses = RANDOM_STOP_CLASSES.map((c) => ({ weight: c.ratePerRunHour * (c.name === 'MICRO' ? machine.profile.microStopFactor : 1), value: c }));
    this.stopRatePerHour = this.stopClasses.reduce((sum, c) => sum + c.weight, 0);
    this.maintenanceIntervalH = options.maintenanceIntervalH ?? PLANNED_MAINTENANCE_INTERVAL_H;
    // History starts mid-life: somewhere in a maintenance cycle, with a part-worn tool.
    this.maintenanceDueH = this.maintenanceIntervalH * this.rng.uniform(0.9, 1.1);
    this.ageH = this.rng.uniform(0, this.maintenanceDueH);
    this.failureAgeH = this.wear.failureAge(this.ageH, this.rng.exponential(1));
    this.newTool();
    this.toolWearMin = this.rng.uniform(0, 0.8) * this.toolChangeAtMin;
    const interval = options.readingsIntervalMs;
    this.nextSample = interval === null ? Number.POSITIVE_INFINITY : Math.ceil(options.startMs / interval) * interval;
    this.begin(this.decide(options.startMs));
  }

  get now(): number {
    return this.activity.start;
  }

  snapshot(): MachineSnapshot {
    return {
      activity: this.activity.kind,
      wearAgeH: this.ageH,
      failureAgeH: this.failureAgeH,
      toolWearMin: this.toolWearMin,
      jobId: this.job?.row.jobId ?? null,
    };
  }

  /** Simulates up to (not including) `until` and returns what happened since the previous call. */
  advance(until: number): SimulationBatch {
    for (;;) {
      const a = this.activity;
      this.emitReadings(a, Math.min(a.end, until));
      if (a.end > until) break;
      const follow = this.finish(a);
      this.begin(follow ?? this.decide(a.end));
    }
    const batch = this.out;
    batch.jobs = [...this.changedJobs.values()].map((row) => ({ ...row }));
    this.out = emptyBatch();
    this.changedJobs = new Map();
    return batch;
  }

  /**
   * The open job as it stands at `at` (a time not before the current activity's start), counting the parts of a
   * cut in progress, for a snapshot at the end of a history run.
   */
  currentJob(at: number): JobRow | null {
    const a = this.activity;
    const cutS = a.kind === 'RUN' && at > a.start ? (Math.min(at, a.end) - a.start) / 1000 : 0;
    return this.job ? this.job.projected(cutS, at) : null;
  }

  // ---- choosing the next activity -------------------------------------------------------------------------------

  private decide(t: number): Activity {
    this.closeJobIfDone(t);
    const plan = this.options.calendar.at(t);
    switch (plan.kind) {
      case 'OFF':
        return { kind: 'PLANNED', start: t, end: plan.end, reason: NO_SHIFT, powered: this.machine.profile.keepsWarm };
      case 'BREAK':
        return {
          kind: 'PLANNED',
          start: t,
          end: plan.end,
          reason: { downtimeType: 'BREAK', reasonCode: plan.reasonCode ?? 'B02', description: plan.description ?? 'Break' },
          powered: true,
        };
      case 'WORK':
        return this.decideWork(t, plan);
    }
  }

  private decideWork(t: number, plan: PlanPiece): Activity {
    if (this.ageH >= this.maintenanceDueH) {
      return { kind: 'MAINTENANCE', start: t, end: t + this.durationMs(PLANNED_MAINTENANCE_DURATION) };
    }
    if (!this.job) {
      if (this.noOrderPending) {
        this.noOrderPending = false;
        return { kind: 'PLANNED', start: t, end: Math.min(plan.end, t + this.durationMs(NO_ORDER_DURATION)), reason: NO_ORDER, powered: true };
      }
      this.startJob(t, plan);
    }
    const job = this.job as MachineJob;
    if (job.setupRemainingS > 0) {
      return { kind: 'SETUP', start: t, end: Math.min(plan.end, t + Math.ceil(job.setupRemainingS * 1000)), reason: job.setupReason };
    }
    return this.planRun(t, plan, job);
  }

  private planRun(t: number, plan: PlanPiece, job: MachineJob): Activity {
    let end = plan.end;
    let cause: RunEnd = 'PLAN';
    const consider = (at: number, why: RunEnd): void => {
      const bounded = Math.max(t + 1, at);
      if (bounded < end) {
        end = bounded;
        cause = why;
      }
    };
    consider(t + Math.ceil(job.remainingCutS * 1000), 'JOB_DONE');
    consider(t + Math.ceil((this.failureAgeH - this.ageH) * HOUR_MS), 'FAILURE');
    const toolLimit = Math.min(this.toolChangeAtMin, this.toolBreaksAtMin);
    consider(t + Math.ceil((toolLimit - this.toolWearMin) * 60_000), this.toolBreaksAtMin < this.toolChangeAtMin ? 'TOOL_BREAK' : 'TOOL_LIFE');
    // Random stops: one Poisson process per class, merged.
    const wait = this.rng.exponential(this.stopRatePerHour) * HOUR_MS;
    const stopClass = this.rng.weighted(this.stopClasses);
    const stop = this.rng.weighted(stopClass.reasons);
    consider(t + Math.round(wait), 'RANDOM_STOP');
    return { kind: 'RUN', start: t, end, cause, stop, stopDuration: stopClass.duration };
  }

  private startJob(t: number, plan: PlanPiece): void {
    this.jobSeq += 1;
    this.job = MachineJob.open(this.machine, this.jobSeq, t, this.lastPart, plan.shift, this.rng);
    this.jobChanged();
  }

  private closeJobIfDone(t: number): void {
    const job = this.job;
    if (!job?.done) return;
    job.close(t);
    this.jobChanged();
    this.lastPart = job.part;
    this.job = null;
    this.noOrderPending = this.rng.chance(NO_ORDER_PROBABILITY);
  }

  // ---- starting and finishing activities ------------------------------------------------------------------------

  private begin(a: Activity): void {
    this.activity = a;
    switch (a.kind) {
      case 'RUN':
        this.emitEvent(a.start, 'RUNNING', null);
        break;
      case 'SETUP':
        this.emitEvent(a.start, 'SETUP', a.reason.reasonCode);
        break;
      case 'STOP':
        this.emitEvent(a.start, 'DOWN', a.reason.reasonCode);
        break;
      case 'PLANNED':
        this.emitEvent(a.start, a.powered ? 'IDLE' : 'OFFLINE', a.reason.reasonCode);
        break;
      case 'MAINTENANCE':
        this.emitEvent(a.start, 'OFFLINE', PLANNED_MAINTENANCE.reasonCode);
        break;
    }
  }

  /** Applies the effects of a finished activity; returns the stop it leads straight into, if any. */
  private finish(a: Activity): Activity | null {
    if (this.options.readingsIntervalMs !== null) this.sensors.settle(a.end, this.sensorContext(a, a.end));
    switch (a.kind) {
      case 'RUN':
        return this.finishRun(a);
      case 'SETUP':
        this.record(a, a.reason);
        if ((this.job as MachineJob).setUp((a.end - a.start) / 1000, a.end)) {
          // A full setup fits a new tool set; a changeover keeps the tools.
          if (a.reason === SETUP) this.newTool();
          this.jobChanged();
        }
        return null;
      case 'STOP':
        this.record(a, a.reason);
        if (a.renews) this.renew();
        if (a.newTool) this.newTool();
        return null;
      case 'PLANNED':
        this.record(a, a.reason);
        return null;
      case 'MAINTENANCE':
        this.record(a, PLANNED_MAINTENANCE);
        this.renew();
        return null;
    }
  }

  private finishRun(a: Extract<Activity, { kind: 'RUN' }>): Activity | null {
    const job = this.job as MachineJob;
    const seconds = (a.end - a.start) / 1000;
    const tool = { wearAtStartMin: this.toolWearMin, lifeMin: this.machine.toolLifeMin };
    this.ageH += seconds / 3600;
    this.toolWearMin += seconds / 60;
    job.cut(seconds, a.end, a.cause === 'JOB_DONE', tool, this.machine.profile.baseScrapRate, this.rng);
    this.jobChanged();

    const stop = (reason: StopReason, law: DurationLaw, renews: boolean, newTool: boolean): Activity => ({
      kind: 'STOP',
      start: a.end,
      end: a.end + this.durationMs(law),
      reason,
      renews,
      newTool,
    });
    switch (a.cause) {
      case 'PLAN':
      case 'JOB_DONE':
        return null;
      case 'FAILURE':
        return stop(this.rng.weighted(BREAKDOWN_REASONS), BREAKDOWN_DURATION, true, false);
      case 'TOOL_LIFE':
        return stop(TOOL_CHANGE, TOOL_CHANGE_DURATION, false, true);
      case 'TOOL_BREAK':
        job.scrapPartInCut();
        return stop(TOOL_BREAKAGE, TOOL_BREAKAGE_DURATION, false, true);
      case 'RANDOM_STOP':
        return stop(a.stop as StopReason, a.stopDuration as DurationLaw, false, false);
    }
  }

  // ---- state changes ---------------------------------------------------------------------------------------------

  /** Planned maintenance or a repair: wear starts again from zero with a fresh failure age. */
  private renew(): void {
    this.ageH = 0;
    this.failureAgeH = this.wear.failureAge(0, this.rng.exponential(1));
    this.maintenanceDueH = this.maintenanceIntervalH * this.rng.uniform(0.9, 1.1);
  }

  /** A new tool: changed by the operator near its nominal life, unless it breaks first (about one in ten). */
  private newTool(): void {
    const life = this.machine.toolLifeMin;
    this.toolWearMin = 0;
    this.toolChangeAtMin = life * this.rng.uniform(0.9, 1.05);
    this.toolBreaksAtMin = life * this.rng.truncatedLognormal(1.25, 0.2, 0.3, 3);
  }

  private durationMs(law: DurationLaw): number {
    return Math.round(this.rng.truncatedLognormal(law.medianS, law.sigma, law.minS, law.maxS) * 1000);
  }

  // ---- output ------------------------------------------------------------------------------------------------------

  /** Only the latest version of a job matters; it is copied when the batch is handed out. */
  private jobChanged(): void {
    const row = (this.job as MachineJob).row;
    this.changedJobs.set(row.jobId, row);
  }

  private emitEvent(t: number, state: MachineState, reasonCode: string | null): void {
    const jobId = this.job?.row.jobId ?? null;
    const key = `${state}|${reasonCode ?? ''}|${jobId ?? ''}`;
    if (key === this.lastEventKey) return;
    this.lastEventKey = key;
    this.out.events.push({
      machineId: this.machine.machineId,
      eventTime: t,
      state,
      reasonCode,
      jobId,
      partCount: this.job ? this.job.row.partsProduced : null,
    });
  }

  private record(a: Activity, reason: StopReason): void {
    this.recordSeq += 1;
    const row: DowntimeRow = {
      recordId: `${this.machine.machineId}-D${String(this.recordSeq).padStart(7, '0')}`,
      jobId: this.job?.row.jobId ?? null,
      machineId: this.machine.machineId,
      downtimeType: reason.downtimeType,
      startTime: a.start,
      duration: (a.end - a.start) / 1000,
      reasonCode: reason.reasonCode,
      description: reason.description,
      updatedAt: a.end,
    };
    this.out.downtime.push(row);
  }

  private powered(a: Activity): boolean {
    return !(a.kind === 'MAINTENANCE' || (a.kind === 'PLANNED' && !a.powered));
  }

  private sensorContext(a: Activity, t: number): SensorContext {
    const cutting = a.kind === 'RUN';
    const elapsedH = cutting ? (t - a.start) / HOUR_MS : 0;
    const ageH = this.ageH + elapsedH;
    return {
      mode: cutting ? 'CUTTING' : a.kind === 'SETUP' ? 'SETUP' : this.powered(a) ? 'STANDBY' : 'OFF',
      cuttingLoadPct: this.job?.part.cuttingLoadPct ?? 0,
      toolWearMin: this.toolWearMin + elapsedH * 60,
      toolLifeMin: this.machine.toolLifeMin,
      wearFraction: ageH / this.maintenanceIntervalH,
      precursor: precursor(this.failureAgeH - ageH),
    };
  }

  private emitReadings(a: Activity, limit: number): void {
    const interval = this.options.readingsIntervalMs;
    if (interval === null || this.nextSample >= limit) return;
    if (!this.powered(a)) {
      this.nextSample += Math.ceil((limit - this.nextSample) / interval) * interval;
      return;
    }
    for (; this.nextSample < limit; this.nextSample += interval) {
      this.out.readings.push(this.sensors.sample(this.nextSample, this.sensorContext(a, this.nextSample)));
    }
  }
}
