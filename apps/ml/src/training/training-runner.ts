import { existsSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { ModelType } from '@shopfloor/contracts';
import {
  DatasetRepository,
  ModelRepository,
  ShopfloorCopyRepository,
  TrainingRunRepository,
  type ModelRecord,
  type TrainingRunRecord,
} from '@shopfloor/ml/data-access';
import { challengerWins, decodeArtifact, type PromotionComparison } from '@shopfloor/ml/modelling';
import { PeriodicTask } from '@shopfloor/util';
import { MlEnv } from '../config/ml.env';
import { MlMetrics } from '../registry/ml.metrics';
import { datasetTable } from '../datasets/dataset-table.mapper';
import { runTrainingJob, type TrainingJobInput, type TrainingJobMessage } from './training-job';

const HEARTBEAT_MS = 5000;
/** Shop-floor models learn from at most the last year of history. */
const HISTORY_DAYS = 365;
const THREAD = join(__dirname, 'training-thread.js');
/** The first look for queued trainings, soon after the service is up. */
const FIRST_POLL_MS = 200;

interface RunningJob {
  thread: Worker | null;
  /** Settles when the run has ended, however it ended. */
  done: Promise<void>;
}

/**
 * Takes queued trainings (each once across replicas: the queue is claimed with SKIP LOCKED) and trains them in a
 * worker thread, so this replica keeps serving predictions meanwhile. Progress and a heartbeat go to the run's row;
 * a run whose replica died is taken over once its heartbeat is stale. On shutdown, runs in hand go back to the queue.
 */
@Injectable()
export class TrainingRunner implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(TrainingRunner.name);
  readonly worker = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly running = new Map<string, RunningJob>();
  private readonly poller: PeriodicTask;
  private stopping = false;
  /** Set by a wake-up; one that comes while a look is in flight is looked at as soon as that look ends. */
  private woken = false;

  constructor(
    private readonly runs: TrainingRunRepository,
    private readonly datasets: DatasetRepository,
    private readonly models: ModelRepository,
    private readonly copy: ShopfloorCopyRepository,
    private readonly env: MlEnv,
    private readonly metrics: MlMetrics,
  ) {
    this.poller = new PeriodicTask(() => this.poll(), {
      intervalMs: this.env.ML_TRAINING_POLL_SECONDS * 1000,
      firstDelayMs: FIRST_POLL_MS,
      onError: (error) => this.logger.warn({ message: 'Could not look for queued trainings', reason: error.message }),
    });
  }

  onApplicationBootstrap(): void {
    this.poller.start();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    await this.poller.stop();
    for (const [trainingId, job] of this.running) {
      await job.thread?.terminate();
      await this.runs.requeue(trainingId, this.worker).catch(() => undefined);
    }
  }

  /** Looks for work now (a training was just queued) instead of at the next poll; resolves once the look has claimed what it could. */
  wake(): Promise<void> {
    this.woken = true;
    return this.poller.runNow();
  }

  /** Resolves once the runs in hand have ended (trained, failed or abandoned). */
  async idle(): Promise<void> {
    await Promise.all([...this.running.values()].map((job) => job.done));
  }

  /** Claims queued runs while this replica has a free slot and starts each; returns the delay before the next look. */
  private async poll(): Promise<number> {
    this.woken = false;
    try {
      while (!this.stopping && this.running.size < this.env.ML_TRAINING_CONCURRENCY) {
        const run = await this.runs.claimNext(this.worker, this.env.ML_TRAINING_STALE_SECONDS);
        if (!run) break;
        const job: RunningJob = { thread: null, done: Promise.resolve() };
        this.running.set(run.trainingId, job);
        job.done = this.execute(run).finally(() => {
          this.running.delete(run.trainingId);
          // A slot is free: the next queued run need not wait for the poll.
          void this.wake();
        });
      }
    } catch (error) {
      this.logger.warn({ message: 'Could not look for queued trainings', reason: (error as Error).message });
    }
    return this.woken ? 0 : this.env.ML_TRAINING_POLL_SECONDS * 1000;
  }

  private async execute(run: TrainingRunRecord): Promise<void> {
    const started = performance.now();
    this.logger.log({ message: 'Training started', training_id: run.trainingId, model_type: run.modelType, dataset_id: run.datasetId });
    try {
      const prepared = await this.prepare(run);
      if ('failure' in prepared) {
        await this.runs.fail(run.trainingId, this.worker, prepared.failure);
        this.metrics.trainingEnded(run.modelType, 'failed');
        return;
      }
      const outcome = await this.train(run.trainingId, prepared.input);
      if (outcome.type === 'failed') {
        await this.runs.fail(run.trainingId, this.worker, outcome.message);
        this.metrics.trainingEnded(run.modelType, 'failed');
        this.logger.warn({ message: 'Training failed', training_id: run.trainingId, reason: outcome.message });
        return;
      }
      if (outcome.type !== 'done') return; // taken over by another replica, or stopping
      const gate = promotionOf(prepared.incumbent, outcome.comparison);
      const model = await this.models.create({
        modelId: randomUUID(),
        modelType: run.modelType,
        trainingId: run.trainingId,
        datasetId: run.datasetId,
        dataFrom: outcome.span ? new Date(outcome.span.from) : null,
        dataTo: outcome.span ? new Date(outcome.span.to) : null,
        dataRows: outcome.rows ?? prepared.rows,
        hyperparameters: outcome.hyperparameters,
        metrics: outcome.metrics,
        featureNames: outcome.featureNames,
        artifact: Buffer.from(outcome.artifact),
        promotion: gate.promotion,
        replaces: gate.replaces,
      });
      await this.runs.succeed(run.trainingId, this.worker, model.modelId, outcome.metrics);
      this.metrics.trainingEnded(run.modelType, 'succeeded');
      this.logger.log({
        message: 'Training succeeded',
        training_id: run.trainingId,
        model_id: model.modelId,
        version: model.version,
        active: model.active,
        promotion: model.promotion?.['reason'],
        duration_ms: Math.round(performance.now() - started),
      });
    } catch (error) {
      this.logger.error({ message: 'Training crashed', training_id: run.trainingId, err: error });
      this.metrics.trainingEnded(run.modelType, 'failed');
      await this.runs.fail(run.trainingId, this.worker, 'Internal error while training').catch(() => undefined);
    }
  }

  /**
   * What the thread needs: the dataset's table, or which machines and period of the shop-floor copy to learn from;
   * and the type's active version, which the promotion gate compares the new one with.
   */
  private async prepare(run: TrainingRunRecord): Promise<{ input: TrainingJobInput; rows: number; incumbent: ModelRecord | null } | { failure: string }> {
    const incumbent = await this.models.findActive(run.modelType);
    if (run.datasetId) {
      const dataset = await this.datasets.find(run.datasetId);
      if (!dataset) return { failure: 'The dataset was deleted before the training started' };
      // Only an incumbent learnt from a dataset reads a dataset's columns.
      const artifact = incumbent !== null && incumbent.datasetId !== null ? await this.models.artifact(incumbent.modelId) : null;
      const table = datasetTable(dataset, await this.datasets.columns(dataset.datasetId));
      const compared =
        incumbent && artifact
          ? { artifact: decodeArtifact(artifact), sameData: incumbent.datasetId === dataset.datasetId, hyperparameters: incumbent.hyperparameters }
          : null;
      return {
        input: { source: 'dataset', modelType: run.modelType as ModelType, table, params: run.params, incumbent: compared },
        rows: dataset.rowCount,
        incumbent,
      };
    }
    const span = await this.copy.dataSpan();
    const machines = (await this.copy.machines()).filter((m) => m.lastDataAt !== null).map((m) => m.machineId);
    if (span.from === null || span.to === null || machines.length === 0) return { failure: 'No shop-floor history has reached the ml service yet' };
    const from = Math.max(span.from, span.to - HISTORY_DAYS * 86_400_000);
    // Only a shop-floor incumbent can be scored on the shop floor's held-out machines.
    const comparable = incumbent !== null && incumbent.datasetId === null && incumbent.dataTo !== null;
    const artifact = comparable ? await this.models.artifact(incumbent.modelId) : null;
    return {
      input: {
        source: 'shopfloor',
        modelType: run.modelType as 'downtime' | 'anomaly' | 'maintenance_window' | 'failure_risk',
        params: run.params,
        database: { url: this.env.DATABASE_URL, ssl: this.env.DATABASE_SSL },
        machineIds: machines,
        span: { from, to: span.to },
        timezone: this.env.ML_TIMEZONE,
        incumbent: comparable && artifact ? { artifact: decodeArtifact(artifact), dataTo: (incumbent.dataTo as Date).getTime() } : null,
      },
      rows: 0,
      incumbent,
    };
  }

  /** Trains in a worker thread (in-process where the compiled thread script is absent, as under ts-jest). */
  private async train(trainingId: string, input: TrainingJobInput): Promise<TrainingJobMessage | { type: 'abandoned' }> {
    let lastBeat = 0;
    let fraction = 0;
    let lost = false;
    const beat = async (force = false): Promise<void> => {
      if (!force && Date.now() - lastBeat < 1000) return;
      lastBeat = Date.now();
      if (!(await this.runs.heartbeat(trainingId, this.worker, fraction).catch(() => true))) lost = true;
    };
    if (!existsSync(THREAD)) {
      let result: TrainingJobMessage = { type: 'failed', code: null, message: 'no result' };
      await runTrainingJob(input, (message) => {
        if (message.type === 'progress') fraction = message.fraction;
        else result = message;
      });
      return result;
    }
    const thread = new Worker(THREAD, { workerData: input });
    const job = this.running.get(trainingId);
    if (job) job.thread = thread;
    // The heartbeat goes on while the thread is busy between progress reports; a run taken over elsewhere is stopped.
    const keepAlive = new PeriodicTask(
      async () => {
        await beat(true);
        if (lost) await thread.terminate();
      },
      {
        intervalMs: HEARTBEAT_MS,
        keepAlive: true,
        onError: (error) => this.logger.warn({ message: 'Could not send a training heartbeat', training_id: trainingId, reason: error.message }),
      },
    );
    keepAlive.start();
    try {
      return await new Promise((resolve) => {
        let settled = false;
        thread.on('message', (message: TrainingJobMessage) => {
          if (message.type === 'progress') {
            fraction = Math.min(0.99, message.fraction);
            void beat();
          } else {
            settled = true;
            resolve(message);
          }
        });
        thread.on('error', (error) => {
          settled = true;
          resolve({ type: 'failed', code: null, message: `The training thread failed: ${error.message}` });
        });
        thread.on('exit', (code) => {
          if (!settled)
            resolve(this.stopping || lost ? { type: 'abandoned' } : { type: 'failed', code: null, message: `The training thread stopped (exit code ${code})` });
        });
      });
    } finally {
      await keepAlive.stop();
      await thread.terminate();
    }
  }
}

/**
 * The promotion gate: a new version replaces the active one only when it scored better on the same held-out rows;
 * without a fair comparison it waits for an admin (the first version of a type is active at once).
 */
export function promotionOf(
  incumbent: ModelRecord | null,
  comparison: PromotionComparison | string | undefined,
): { promotion: Record<string, unknown> & { decision: 'promoted' | 'held' }; replaces: string | null } {
  if (incumbent === null) return { promotion: { decision: 'promoted', reason: 'the first active version of its type', comparison: null }, replaces: null };
  if (comparison === undefined || typeof comparison === 'string') {
    // No comparison at all: the two learnt from different sources (a dataset's columns, the shop-floor history).
    const why =
      comparison ??
      (incumbent.datasetId === null
        ? 'the active version learnt from the shop floor, this one from a dataset'
        : 'the active version learnt from a dataset, this one from the shop floor');
    return { promotion: { decision: 'held', reason: `waits for an admin: ${why}`, comparison: null }, replaces: null };
  }
  const detail = { ...comparison, incumbent_model_id: incumbent.modelId, incumbent_version: incumbent.version };
  const figures = `${comparison.metric} ${round(comparison.challenger)} against ${round(comparison.incumbent)} of version ${incumbent.version} on ${comparison.rows} held-out rows`;
  return challengerWins(comparison)
    ? { promotion: { decision: 'promoted', reason: `beat the active version: ${figures}`, comparison: detail }, replaces: incumbent.modelId }
    : { promotion: { decision: 'held', reason: `did not beat the active version (${figures}); waits for an admin`, comparison: detail }, replaces: null };
}

function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
