import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '@shopfloor/contracts';
import type { MachineHistory } from '@shopfloor/ml/features';
import { ShopfloorCopyRepository } from '@shopfloor/ml/data-access';

/** Readings older than this do not describe the machine now. */
const LIVE_READINGS_MS = 3_600_000;
/** History a downtime prediction reads: the feature pipeline's long window is 7 days; 90 days reach the last maintenance. */
const HISTORY_MS = 90 * 86_400_000;
/**
 * Readings are read over the feature windows only: sensor aggregates look back 24 hours (the short window), the
 * anomaly model scores at most the last day of hours from 1-hour windows; an hour's margin on top.
 */
const READINGS_MS = 26 * 3_600_000;

/** A machine's history already read (by scheduled scoring, for all of its models at once) and the instant it is read at. */
export interface PreloadedHistory {
  history: MachineHistory;
  now: number;
}

/** A machine's history for predictions made at `now`. */
export function historyWindow(now: number): { from: number; to: number; readingsFrom: number } {
  return { from: now - HISTORY_MS, to: now, readingsFrom: now - READINGS_MS };
}

/** What the predictions read of a machine from the shop-floor copy, and the refusals when there is too little of it. */
@Injectable()
export class MachineHistoryService {
  constructor(private readonly copy: ShopfloorCopyRepository) {}

  /** The machine's history as predictions at `now` read it. */
  async history(machineId: string, now: number): Promise<MachineHistory> {
    const w = historyWindow(now);
    return this.copy.history(machineId, w.from, w.to, w.readingsFrom);
  }

  /** Between two instants, with every reading in them (the anomaly model scores hours of readings). */
  async between(machineId: string, from: number, to: number): Promise<MachineHistory> {
    return this.copy.history(machineId, from, to);
  }

  /** MACHINE_NOT_FOUND for a machine the shop-floor copy does not know. */
  async requireMachine(machineId: string): Promise<void> {
    if (!(await this.copy.machineExists(machineId)))
      throw new DomainError(ErrorCode.MachineNotFound, `Machine ${machineId} is not known`, { machine_id: machineId });
  }

  /** The history a shop-floor model predicts from (the preloaded one, else read now); INSUFFICIENT_DATA without jobs or stops. */
  async recent(machineId: string, preloaded?: PreloadedHistory): Promise<PreloadedHistory> {
    const now = preloaded?.now ?? Date.now();
    const history = preloaded?.history ?? (await this.history(machineId, now));
    if (history.jobs.length === 0 && history.stops.length === 0) {
      throw new DomainError(ErrorCode.InsufficientData, `Machine ${machineId} has no jobs or stops in the last 90 days to predict from`, {
        machine_id: machineId,
      });
    }
    return { history, now };
  }

  /**
   * A machine's latest value of each model input that is one of its sensor metrics (within the last hour), for a
   * failure_risk model trained on columns named like the machine's metrics (spindle_temp, vibration, ...).
   */
  async latestReadings(machineId: string, inputs: readonly string[]): Promise<Record<string, number>> {
    await this.requireMachine(machineId);
    const now = Date.now();
    const { readings } = await this.copy.history(machineId, now - LIVE_READINGS_MS, now);
    const latest: Record<string, number> = {};
    for (const r of readings) if (inputs.includes(r.metric)) latest[r.metric] = r.value; // in time order: the last wins
    if (Object.keys(latest).length === 0) {
      throw new DomainError(
        ErrorCode.InsufficientData,
        `Machine ${machineId} reported none of the active model's inputs (${inputs.join(', ')}) in the last hour; send readings instead`,
        { machine_id: machineId, inputs },
      );
    }
    return latest;
  }
}
