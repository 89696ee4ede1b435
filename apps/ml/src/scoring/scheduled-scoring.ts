import { createHash, randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DomainError, ErrorCode, SCORED_DOWNTIME_HORIZONS_HOURS, type ModelType } from '@shopfloor/contracts';
import type { MachineHistory } from '@shopfloor/ml/features';
import { ModelRepository, PredictionRepository, ScoringRepository, ShopfloorCopyRepository } from '@shopfloor/ml/data-access';
import { PeriodicTask } from '@shopfloor/util';
import { MlEnv } from '../config/ml.env';
import { AnomalyDetectionService } from '../predictions/anomaly-detection.service';
import { DowntimePredictionService } from '../predictions/downtime-prediction.service';
import { FailureRiskPredictionService } from '../predictions/failure-risk-prediction.service';
import { MachineHistoryService } from '../predictions/machine-history.service';
import { MaintenanceWindowPredictionService } from '../predictions/maintenance-window-prediction.service';
import { MlMetrics } from '../registry/ml.metrics';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** How often a replica looks whether a round is due or the active models changed. */
const WATCH_MS = 10_000;
/** Machines silent for longer are not scored (decommissioned, or their source is gone). */
const ACTIVE_MACHINE_MS = 7 * DAY_MS;
/** Anomalies are looked for in at most the last day of completed hours. */
const ANOMALY_LOOKBACK_MS = DAY_MS;
const PRUNE_BATCH = 10_000;
/** Outcomes the models report for a machine they cannot score now (too little history, no readings): skipped, not errors. */
const EXPECTED = new Set<string>([ErrorCode.InsufficientData, ErrorCode.NoActiveModel, ErrorCode.MachineNotFound, ErrorCode.Conflict]);

export interface RoundCounts {
  machines: number;
  predictions: number;
  skipped: number;
  errors: number;
}

/**
 * Scores every machine with recent data with each active model, on a schedule (ML_SCORING_INTERVAL_SECONDS) and
 * whenever the set of active versions changes; each round runs once across replicas (the first replica to register
 * it runs it). Each score is stored and published like an asked-for prediction (PredictionPublisher), so the
 * notification rules and the live channel see risks rise and clear without any client asking.
 */
@Injectable()
export class ScheduledScoring implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ScheduledScoring.name);
  readonly worker = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly rounds = new PeriodicTask(
    async () => {
      await this.tick();
      return WATCH_MS;
    },
    { intervalMs: WATCH_MS, firstDelayMs: 1000, onError: (error) => this.logger.warn({ message: 'Scheduled scoring failed', reason: error.message }) },
  );
  private stopping = false;
  private lastSlot = -1;
  private lastModels = '';
  private lastPruneHour = -1;

  constructor(
    private readonly scoring: ScoringRepository,
    private readonly models: ModelRepository,
    private readonly copy: ShopfloorCopyRepository,
    private readonly stored: PredictionRepository,
    private readonly histories: MachineHistoryService,
    private readonly downtimes: DowntimePredictionService,
    private readonly failureRisks: FailureRiskPredictionService,
    private readonly maintenanceWindows: MaintenanceWindowPredictionService,
    private readonly anomalyDetection: AnomalyDetectionService,
    private readonly env: MlEnv,
    private readonly metrics: MlMetrics,
  ) {}

  onApplicationBootstrap(): void {
    if (this.env.ML_SCORING_INTERVAL_SECONDS === 0) return;
    this.rounds.start();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    await this.rounds.stop();
  }

  /** Runs the round that is due, if this replica is the one to run it. */
  async tick(now = Date.now()): Promise<RoundCounts | null> {
    try {
      await this.prune(now);
      const active = await this.models.activeIds();
      if (active.size === 0) return null;
      const models = [...active].map(([type, id]) => `${type}=${id}`).join(',');
      const intervalMs = this.env.ML_SCORING_INTERVAL_SECONDS * 1000;
      const slot = Math.floor(now / intervalMs);
      let key: string | null = null;
      if (models !== this.lastModels) key = `models:${createHash('sha1').update(models).digest('hex').slice(0, 16)}`;
      else if (slot !== this.lastSlot) key = `interval:${new Date(slot * intervalMs).toISOString()}`;
      this.lastModels = models;
      this.lastSlot = slot;
      if (key === null || !(await this.scoring.claimRound(key, this.worker))) return null;
      return await this.round(key, now);
    } catch (error) {
      this.logger.warn({ message: 'Scheduled scoring failed', reason: (error as Error).message });
      return null;
    }
  }

  /** Scores every machine with data in the last 7 days with every active model; returns what it did. */
  async round(key: string, now = Date.now()): Promise<RoundCounts> {
    const started = performance.now();
    const counts: RoundCounts = { machines: 0, predictions: 0, skipped: 0, errors: 0 };
    const active = await this.models.activeIds();
    const machines = (await this.copy.machines()).filter((m) => m.lastDataAt !== null && m.lastDataAt >= now - ACTIVE_MACHINE_MS);
    const cursors = active.has('anomaly') ? await this.scoring.anomalyCursors() : new Map<string, number>();
    // The next machine's history is read while this one is scored: the database and the models work side by side.
    let next = machines.length > 0 ? this.histories.history(machines[0].machineId, now) : null;
    for (const [i, machine] of machines.entries()) {
      if (this.stopping) break;
      counts.machines += 1;
      const current = next as Promise<MachineHistory>;
      next = i + 1 < machines.length ? this.histories.history(machines[i + 1].machineId, now) : null;
      next?.catch(() => undefined); // awaited, and reported, on its turn
      let history: MachineHistory;
      try {
        history = await current;
      } catch (error) {
        counts.errors += 1;
        this.logger.warn({ message: 'Could not read a machine history to score', machine_id: machine.machineId, reason: (error as Error).message });
        continue;
      }
      const attempt = async (type: ModelType, score: () => Promise<number>): Promise<void> => {
        if (!active.has(type)) return;
        try {
          counts.predictions += await score();
        } catch (error) {
          if (error instanceof DomainError && EXPECTED.has(error.code)) counts.skipped += 1;
          else {
            counts.errors += 1;
            this.logger.warn({ message: 'Could not score a machine', machine_id: machine.machineId, model_type: type, reason: (error as Error).message });
          }
        }
      };
      const preloaded = { history, now };
      for (const horizon of SCORED_DOWNTIME_HORIZONS_HOURS) {
        await attempt('downtime', async () => (await this.downtimes.predict({ machine_id: machine.machineId, horizon_hours: horizon }, preloaded), 1));
      }
      await attempt('failure_risk', async () => (await this.failureRisks.predict({ machine_id: machine.machineId }, preloaded), 1));
      await attempt('maintenance_window', async () => (await this.maintenanceWindows.predict({ machine_id: machine.machineId }, preloaded), 1));
      await attempt('anomaly', () => this.anomalies(machine.machineId, machine.lastDataAt as number, cursors.get(machine.machineId) ?? null, history, now));
      // Predictions asked for meanwhile are answered between machines.
      await yieldToEventLoop();
    }
    await this.scoring.finishRound(key, counts);
    this.metrics.scoringRound((performance.now() - started) / 1000, counts);
    this.logger.log({ message: 'Scoring round done', round: key, ...counts, duration_ms: Math.round(performance.now() - started) });
    return counts;
  }

  /** The hours completed since the machine's last scored one (at most a day back) that its data covers. */
  private async anomalies(machineId: string, lastDataAt: number, cursor: number | null, history: MachineHistory, now: number): Promise<number> {
    const to = Math.floor(Math.min(now, lastDataAt) / HOUR_MS) * HOUR_MS;
    const from = Math.max(cursor ?? Number.NEGATIVE_INFINITY, to - ANOMALY_LOOKBACK_MS);
    if (!(to > from)) return 0;
    const view = await this.anomalyDetection.detect({ machine_id: machineId, from: new Date(from).toISOString(), to: new Date(to).toISOString() }, history);
    await this.scoring.advanceAnomalyCursor(machineId, to);
    return view.anomalies.length;
  }

  /** Once an hour across replicas: predictions past their retention, and old round records, go. */
  private async prune(now: number): Promise<void> {
    const hour = Math.floor(now / HOUR_MS);
    if (hour === this.lastPruneHour) return;
    this.lastPruneHour = hour;
    if (!(await this.scoring.claimRound(`prune:${new Date(hour * HOUR_MS).toISOString()}`, this.worker))) return;
    await this.scoring.pruneRounds(new Date(now - 7 * DAY_MS));
    const days = this.env.ML_PREDICTION_RETENTION_DAYS;
    if (days === 0) return;
    let removed = 0;
    for (;;) {
      const batch = await this.stored.prune(new Date(now - days * DAY_MS), PRUNE_BATCH);
      removed += batch;
      if (batch < PRUNE_BATCH || this.stopping) break;
    }
    if (removed > 0) this.logger.log({ message: 'Old predictions removed', removed, retention_days: days });
  }
}
