import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { PredictionRepository, ShopfloorCopyRepository } from '@shopfloor/ml/data-access';
import { RUL_CAP_HOURS } from '@shopfloor/ml/modelling';
import { PeriodicTask } from '@shopfloor/util';

const INTERVAL_MS = 60_000;
const BATCH = 500;
const DEFAULT_THRESHOLD_MINUTES = 30;

/**
 * Fills in what really happened for predictions whose horizon has passed: for downtime, whether an unplanned stop longer
 * than the model's threshold (and of its stop types, if it has some) started in [predicted_at, due_at); for remaining
 * life, the hours to the next breakdown. It waits until the machine's data has reached the end of the horizon (the
 * source is synced with a delay), so a late sync is not mistaken for "no stop". Idempotent:
 * several replicas may run it; a prediction's actual value is written once.
 */
@Injectable()
export class OutcomeRecorder implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OutcomeRecorder.name);
  private readonly task = new PeriodicTask(
    async () => {
      await this.recordDue();
    },
    { intervalMs: INTERVAL_MS, onError: (error) => this.logger.warn({ message: 'Could not record prediction outcomes', reason: error.message }) },
  );

  constructor(
    private readonly predictions: PredictionRepository,
    private readonly copy: ShopfloorCopyRepository,
  ) {}

  onApplicationBootstrap(): void {
    this.task.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.task.stop();
  }

  /** Records the outcomes that can be known now; returns how many it recorded. */
  async recordDue(now = new Date()): Promise<number> {
    const due = await this.predictions.due(now, BATCH);
    if (due.length === 0) return 0;
    const lastData = new Map((await this.copy.machines()).map((m) => [m.machineId, m.lastDataAt]));
    let recorded = 0;
    for (const p of due) {
      const dataUntil = lastData.get(p.machineId) ?? null;
      if (dataUntil === null) continue;
      if (p.modelType === 'maintenance_window') {
        // The actual remaining life: hours to the next breakdown, or the cap once the data shows none came within it.
        const next = await this.copy.nextBreakdownAfter(p.machineId, p.predictedAt.getTime());
        const capEnd = p.predictedAt.getTime() + RUL_CAP_HOURS * 3_600_000;
        if (next !== null && next <= capEnd) await this.predictions.recordActual(p.predictionId, (next - p.predictedAt.getTime()) / 3_600_000);
        else if (dataUntil >= capEnd) await this.predictions.recordActual(p.predictionId, RUL_CAP_HOURS);
        else continue;
        recorded += 1;
        continue;
      }
      // A shop-floor failure risk is a downtime prediction of breakdowns (its stop types are stored with it).
      if ((p.modelType !== 'downtime' && p.modelType !== 'failure_risk') || dataUntil < p.dueAt.getTime()) continue;
      const stops = await this.copy.unplannedStopsStarting(
        p.machineId,
        p.predictedAt.getTime(),
        p.dueAt.getTime(),
        (p.threshold ?? DEFAULT_THRESHOLD_MINUTES) * 60,
        p.stopTypes,
      );
      await this.predictions.recordActual(p.predictionId, stops > 0 ? 1 : 0);
      recorded += 1;
    }
    return recorded;
  }
}
