import { randomUUID } from 'node:crypto';
import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { ModelType } from '@shopfloor/contracts';
import { ModelRepository, ShopfloorCopyRepository, TrainingRunRepository, type ModelRecord } from '@shopfloor/ml/data-access';
import { PeriodicTask } from '@shopfloor/util';
import { MlEnv } from '../config/ml.env';
import { TrainingRunner } from './training-runner';

const DAY_MS = 86_400_000;
/** How often the schedule is looked at; more often while a type still lacks an active version. */
const CHECK_MS = 10 * 60_000;
const EAGER_CHECK_MS = 60_000;
const FIRST_CHECK_MS = 5_000;
/** A background first training that failed (history too thin for its label) is tried again after this long. */
const RETRY_HOURS = 24;
export const SHOPFLOOR_MODEL_TYPES = ['downtime', 'failure_risk', 'maintenance_window', 'anomaly'] as const satisfies readonly ModelType[];

/**
 * Keeps the shop-floor models trained without an expert, once per period across all replicas:
 * - a type with no active version is trained as soon as the history is enough (ML_AUTO_TRAIN_MIN_DAYS on
 *   ML_AUTO_TRAIN_MIN_MACHINES machines), and tried again a day later when its label is still too rare;
 * - a type whose active version learnt from the shop floor is retrained every ML_RETRAIN_HOURS with the same label
 *   settings; the promotion gate (TrainingRunner) decides whether the new version replaces it.
 * A type whose active version came from an uploaded dataset is left alone: that choice is an admin's.
 */
@Injectable()
export class ModelScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ModelScheduler.name);
  private readonly checks = new PeriodicTask(async () => ((await this.check()) ? EAGER_CHECK_MS : CHECK_MS), {
    intervalMs: CHECK_MS,
    firstDelayMs: FIRST_CHECK_MS,
    onError: (error) => this.logger.warn({ message: 'Could not check the training schedule', reason: error.message }),
  });

  constructor(
    private readonly runs: TrainingRunRepository,
    private readonly models: ModelRepository,
    private readonly copy: ShopfloorCopyRepository,
    private readonly runner: TrainingRunner,
    private readonly env: MlEnv,
  ) {}

  onApplicationBootstrap(): void {
    if (this.env.ML_RETRAIN_HOURS === 0 && this.env.ML_AUTO_TRAIN_MIN_DAYS === 0) return;
    this.checks.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.checks.stop();
  }

  /** Queues what is due; true while some type still has no active version (so the next look comes sooner). */
  async check(now = Date.now()): Promise<boolean> {
    const queued: string[] = [];
    let missing = false;
    try {
      let enough: boolean | null = null;
      for (const modelType of SHOPFLOOR_MODEL_TYPES) {
        const active = await this.models.findActive(modelType);
        if (active === null) {
          missing = true;
          if (this.env.ML_AUTO_TRAIN_MIN_DAYS === 0) continue;
          enough ??= await this.historyIsEnough(now);
          if (enough && (await this.runs.enqueueIfDue(randomUUID(), modelType, {}, RETRY_HOURS))) queued.push(modelType);
        } else if (active.datasetId === null && this.env.ML_RETRAIN_HOURS > 0) {
          if (await this.runs.enqueueIfDue(randomUUID(), modelType, labelParams(active), this.env.ML_RETRAIN_HOURS)) queued.push(modelType);
        }
      }
    } catch (error) {
      this.logger.warn({ message: 'Could not check the training schedule', reason: (error as Error).message });
    }
    if (queued.length > 0) {
      this.logger.log({ message: 'Background training queued', model_types: queued });
      void this.runner.wake();
    }
    return missing;
  }

  /**
   * At least ML_AUTO_TRAIN_MIN_DAYS of history on at least ML_AUTO_TRAIN_MIN_MACHINES machines whose data has reached
   * the last day (a first sync still copying the history would otherwise train on part of it).
   */
  private async historyIsEnough(now: number): Promise<boolean> {
    const days = this.env.ML_AUTO_TRAIN_MIN_DAYS * DAY_MS;
    const machines = await this.copy.machines();
    const long = machines.filter(
      (m) => m.firstDataAt !== null && m.lastDataAt !== null && m.lastDataAt - m.firstDataAt >= days && m.lastDataAt >= now - DAY_MS,
    );
    return long.length >= this.env.ML_AUTO_TRAIN_MIN_MACHINES;
  }
}

/** The label settings a retraining keeps (a downtime model's stop length and types, as the active version learnt them). */
export function labelParams(active: ModelRecord): Record<string, unknown> {
  if (active.modelType !== 'downtime') return {};
  const params: Record<string, unknown> = {};
  const minutes = active.hyperparameters['threshold_minutes'];
  const types = active.hyperparameters['stop_types'];
  if (typeof minutes === 'number' && Number.isInteger(minutes) && minutes >= 1) params['threshold_minutes'] = minutes;
  if (Array.isArray(types) && types.length > 0 && types.every((t) => typeof t === 'string')) params['stop_types'] = types;
  return params;
}
