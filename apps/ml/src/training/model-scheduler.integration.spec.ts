import { randomUUID } from 'node:crypto';
import { ModelRepository, ShopfloorCopyRepository, TrainingRunRepository } from '@shopfloor/ml/data-access';
import { type TestDatabase } from '@shopfloor/testing';
import type { DataSource } from 'typeorm';
import type { MlEnv } from '../config/ml.env';
import { ModelScheduler } from './model-scheduler';
import type { TrainingRunner } from './training-runner';
import { openMlDatabase } from '../testing/ml-infra.spec-helper';

const DAY = 86_400_000;

describe(ModelScheduler.name, () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let copy: ShopfloorCopyRepository;
  let wakes = 0;
  const runner = { wake: () => (wakes += 1) } as unknown as TrainingRunner;
  const env = { ML_AUTO_TRAIN_MIN_DAYS: 7, ML_AUTO_TRAIN_MIN_MACHINES: 3, ML_RETRAIN_HOURS: 168 } as MlEnv;
  const scheduler = (): ModelScheduler => new ModelScheduler(new TrainingRunRepository(dataSource), new ModelRepository(dataSource), copy, runner, env);
  const queued = async (): Promise<string[]> =>
    (await dataSource.query<{ model_type: string }[]>(`SELECT "model_type" FROM "ml"."training_runs" WHERE "state" = 'queued' ORDER BY "model_type"`)).map(
      (r) => r.model_type,
    );
  const machineWithDays = async (machineId: string, days: number, now: number): Promise<void> => {
    await copy.upsertMachines([{ machineId, type: 'LATHE', location: null, installationDate: null, sourceUpdatedAt: now }]);
    await copy.upsertJobs([
      {
        jobId: `${machineId}-1`,
        machineId,
        start: now - days * DAY,
        end: now - days * DAY + 3_600_000,
        idealCycleTimeS: 60,
        cycleTimeS: 60,
        partsProduced: 10,
        partsScrapped: 0,
        sourceUpdatedAt: now,
      },
      {
        jobId: `${machineId}-2`,
        machineId,
        start: now - 3_600_000,
        end: now - 60_000,
        idealCycleTimeS: 60,
        cycleTimeS: 60,
        partsProduced: 10,
        partsScrapped: 0,
        sourceUpdatedAt: now,
      },
    ]);
  };

  beforeAll(async () => {
    ({ db, dataSource } = await openMlDatabase('sf_ml_model_scheduler'));
    copy = new ShopfloorCopyRepository(dataSource);
  });

  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  it('waits for enough history: 7 days on 3 machines whose data has reached the last day', async () => {
    const now = Date.now();
    await machineWithDays('MS-1', 10, now);
    await machineWithDays('MS-2', 10, now);
    await machineWithDays('MS-3', 3, now);
    expect(await scheduler().check(now)).toBe(true);
    expect(await queued()).toEqual([]);
    await machineWithDays('MS-3', 8, now);
    // Enough on paper, but the copy has not reached the present (a first sync still running): wait.
    expect(await scheduler().check(now + 3 * DAY)).toBe(true);
    expect(await queued()).toEqual([]);
  });

  it('queues every shop-floor type without an active version once, across replicas', async () => {
    const now = Date.now();
    await Promise.all([scheduler().check(now), scheduler().check(now)]);
    expect(await queued()).toEqual(['anomaly', 'downtime', 'failure_risk', 'maintenance_window']);
    expect(wakes).toBeGreaterThan(0);
    await scheduler().check(now);
    expect(await queued()).toHaveLength(4);
  });

  it("retrains a shop-floor model after ML_RETRAIN_HOURS with its label settings, and leaves a dataset's model alone", async () => {
    await dataSource.query(`UPDATE "ml"."training_runs" SET "state" = 'succeeded', "created_at" = now() - interval '8 days'`);
    const models = new ModelRepository(dataSource);
    const base = {
      trainingId: randomUUID(),
      dataFrom: null,
      dataTo: null,
      dataRows: 1,
      metrics: {},
      featureNames: [],
      artifact: Buffer.from([1]),
      promotion: { decision: 'promoted' as const },
      replaces: null,
    };
    await models.create({
      ...base,
      modelId: randomUUID(),
      modelType: 'downtime',
      datasetId: null,
      hyperparameters: { threshold_minutes: 45, stop_types: ['BREAKDOWN'] },
    });
    await models.create({ ...base, modelId: randomUUID(), modelType: 'failure_risk', datasetId: randomUUID(), hyperparameters: {} });
    await scheduler().check(Date.now());
    const runs = await dataSource.query<{ model_type: string; params: Record<string, unknown> }[]>(
      `SELECT "model_type", "params" FROM "ml"."training_runs" WHERE "state" = 'queued' ORDER BY "model_type"`,
    );
    // downtime: retrained with its label; failure_risk: a dataset's model is active, no shop-floor retraining.
    expect(runs).toEqual([
      { model_type: 'anomaly', params: {} },
      { model_type: 'downtime', params: { threshold_minutes: 45, stop_types: ['BREAKDOWN'] } },
      { model_type: 'maintenance_window', params: {} },
    ]);
  });
});
