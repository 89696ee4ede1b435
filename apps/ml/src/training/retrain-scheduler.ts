import { randomUUID } from 'node:crypto';
import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { ModelRepository, TrainingRunRepository } from '@shopfloor/ml/data-access';
import { MlEnv } from '../config/ml.env';
import { TrainingRunner } from './training-runner';

const CHECK_MS = 10 * 60_000;
const SHOPFLOOR_TYPES = ['downtime', 'maintenance_window', 'anomaly'] as const;

/**
 * With ML_RETRAIN_HOURS set, queues a fresh training of each shop-floor model type that has an active version, from
 * the history as it is then, once per period across all replicas. The new version is registered inactive: an admin
 * compares its metrics and activates it.
 */
@Injectable()
export class RetrainScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(RetrainScheduler.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly runs: TrainingRunRepository,
    private readonly models: ModelRepository,
    private readonly runner: TrainingRunner,
    private readonly env: MlEnv,
  ) {}

  onApplicationBootstrap(): void {
    if (this.env.ML_RETRAIN_HOURS === 0) return;
    this.timer = setInterval(() => void this.check(), CHECK_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  async check(): Promise<string[]> {
    const queued: string[] = [];
    try {
      for (const modelType of SHOPFLOOR_TYPES) {
        const active = await this.models.findActive(modelType);
        if (!active || active.datasetId) continue;
        if (await this.runs.enqueueIfDue(randomUUID(), modelType, {}, this.env.ML_RETRAIN_HOURS)) queued.push(modelType);
      }
    } catch (error) {
      this.logger.warn({ message: 'Could not check the retraining schedule', reason: (error as Error).message });
    }
    if (queued.length > 0) {
      this.logger.log({ message: 'Scheduled retraining queued', model_types: queued });
      this.runner.wake();
    }
    return queued;
  }
}
