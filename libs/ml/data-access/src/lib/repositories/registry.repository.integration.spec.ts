import { randomUUID } from 'node:crypto';
import { runMigrations, serviceDataSourceOptions } from '@shopfloor/database';
import { createTestDatabase, type TestDatabase } from '@shopfloor/testing';
import { DataSource } from 'typeorm';
import { ML_ENTITIES, ML_MIGRATIONS } from '../../index';
import { DatasetRepository } from './dataset.repository';
import { ModelRepository, type NewModel } from './model.repository';
import { TrainingRunRepository } from './training-run.repository';

describe('ml registry repositories', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let datasets: DatasetRepository;
  let runs: TrainingRunRepository;
  let models: ModelRepository;

  const model = (modelType: string): NewModel => ({
    modelId: randomUUID(),
    modelType,
    trainingId: randomUUID(),
    datasetId: null,
    dataFrom: null,
    dataTo: null,
    dataRows: 10,
    hyperparameters: { trees: 5 },
    metrics: { f1: 0.9 },
    featureNames: ['torque × speed'],
    artifact: Buffer.from([1, 2, 3]),
    promotion: { decision: 'held', reason: 'not compared', comparison: null },
    replaces: null,
  });

  beforeAll(async () => {
    db = await createTestDatabase('sf_ml_registry');
    const settings = {
      url: db.serviceUrl('ml'),
      schema: 'ml',
      ssl: 'disable' as const,
      poolSize: 4,
      applicationName: 'test',
      entities: ML_ENTITIES,
      migrations: ML_MIGRATIONS,
      migrationsRun: false,
    };
    await runMigrations(settings);
    dataSource = await new DataSource(serviceDataSourceOptions(settings)).initialize();
    datasets = new DatasetRepository(dataSource);
    runs = new TrainingRunRepository(dataSource);
    models = new ModelRepository(dataSource);
  });

  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  it('stores a dataset by column and reads it back exactly', async () => {
    const datasetId = randomUUID();
    const numbers = Float64Array.from([1.5, Number.NaN, -3e-12]);
    await datasets.create({ datasetId, name: 'd', label: 'y', excluded: ['id'], groupColumn: 'unit', orderColumn: null, rowCount: 3 }, [
      { name: 'unit', kind: 'text', values: ['a', 'b', null] },
      { name: 'y', kind: 'number', values: numbers },
    ]);
    expect(await datasets.find(datasetId)).toMatchObject({
      name: 'd',
      excluded: ['id'],
      groupColumn: 'unit',
      rowCount: 3,
      columns: [
        { name: 'unit', kind: 'text' },
        { name: 'y', kind: 'number' },
      ],
    });
    const [unit, y] = await datasets.columns(datasetId);
    expect(unit.values).toEqual(['a', 'b', null]);
    expect([...(y.values as Float64Array)]).toEqual([1.5, Number.NaN, -3e-12]);
  });

  it('deletes a dataset with its columns, but not while a training on it waits or runs', async () => {
    const datasetId = randomUUID();
    await datasets.create({ datasetId, name: 'doomed', label: 'y', excluded: [], groupColumn: null, orderColumn: null, rowCount: 1 }, [
      { name: 'y', kind: 'number', values: Float64Array.from([1]) },
    ]);
    const training = await runs.enqueue({ trainingId: randomUUID(), modelType: 'failure_risk', datasetId, params: {} });
    expect(await datasets.delete(datasetId)).toBe('in_use');
    await dataSource.query(`UPDATE "ml"."training_runs" SET "state" = 'failed', "finished_at" = now() WHERE "training_id" = $1`, [training.trainingId]);
    expect(await datasets.delete(datasetId)).toBe('deleted');
    expect(await datasets.find(datasetId)).toBeNull();
    expect(await datasets.columns(datasetId)).toEqual([]);
    expect(await runs.find(training.trainingId)).toMatchObject({ state: 'failed', datasetId: null });
    expect(await datasets.delete(datasetId)).toBe('missing');
  });

  it('hands each queued training to one worker, takes over a stale one, and requeues on request', async () => {
    const first = await runs.enqueue({ trainingId: randomUUID(), modelType: 'failure_risk', datasetId: null, params: {} });
    const claims = await Promise.all([runs.claimNext('w1', 60), runs.claimNext('w2', 60), runs.claimNext('w3', 60)]);
    expect(claims.filter((c) => c?.trainingId === first.trainingId)).toHaveLength(1);
    const holder = claims.find((c) => c)?.worker as string;
    expect(await runs.heartbeat(first.trainingId, holder, 0.5)).toBe(true);
    expect(await runs.heartbeat(first.trainingId, 'someone else', 0.5)).toBe(false);
    // Silent for longer than the stale time: another worker takes it over and the old one loses it.
    await dataSource.query(`UPDATE "ml"."training_runs" SET "heartbeat_at" = now() - interval '2 minutes' WHERE "training_id" = $1`, [first.trainingId]);
    expect((await runs.claimNext('w4', 60))?.trainingId).toBe(first.trainingId);
    expect(await runs.heartbeat(first.trainingId, holder, 0.6)).toBe(false);
    await runs.requeue(first.trainingId, 'w4');
    expect(await runs.find(first.trainingId)).toMatchObject({ state: 'queued', worker: null });
    expect((await runs.claimNext('w5', 60))?.trainingId).toBe(first.trainingId);
    await runs.succeed(first.trainingId, 'w5', randomUUID(), { f1: 0.9 });
    expect(await runs.find(first.trainingId)).toMatchObject({ state: 'succeeded', progress: 1, metrics: { f1: 0.9 } });
  });

  it('lists trainings newest first, by state and type', async () => {
    const anomaly = await runs.enqueue({ trainingId: randomUUID(), modelType: 'anomaly', datasetId: null, params: {} });
    const downtime = await runs.enqueue({ trainingId: randomUUID(), modelType: 'downtime', datasetId: null, params: {} });
    await dataSource.query(`UPDATE "ml"."training_runs" SET "created_at" = now() + interval '1 minute' WHERE "training_id" = $1`, [downtime.trainingId]);
    const newest = await runs.list({ limit: 2 });
    expect(newest.map((r) => r.trainingId)).toEqual([downtime.trainingId, anomaly.trainingId]);
    expect((await runs.list({ modelType: 'anomaly', state: 'queued', limit: 10 })).map((r) => r.trainingId)).toContain(anomaly.trainingId);
    expect((await runs.list({ modelType: 'anomaly', state: 'succeeded', limit: 10 })).map((r) => r.trainingId)).not.toContain(anomaly.trainingId);
    await dataSource.query(`DELETE FROM "ml"."training_runs" WHERE "training_id" = ANY($1::uuid[])`, [[anomaly.trainingId, downtime.trainingId]]);
  });

  it('numbers versions per type, activates only the first by itself, and rolls back by activating an older one', async () => {
    const type = `t_${randomUUID().slice(0, 6)}`;
    const [v1, v2] = [await models.create(model(type)), await models.create(model(type))];
    expect([v1.version, v1.active, v2.version, v2.active]).toEqual([1, true, 2, false]);
    expect(v1.artifactBytes).toBe(3);
    expect((await models.activate(v2.modelId))?.active).toBe(true);
    expect((await models.findActive(type))?.modelId).toBe(v2.modelId);
    await models.activate(v1.modelId);
    expect((await models.list(type)).map((m) => [m.version, m.active])).toEqual([
      [2, false],
      [1, true],
    ]);
    expect(await models.activate(randomUUID())).toBeNull();
    expect([...((await models.artifact(v1.modelId)) as Buffer)]).toEqual([1, 2, 3]);
  });

  it('promotes a version that beat the active one, but not when another was activated meanwhile', async () => {
    const type = `p_${randomUUID().slice(0, 6)}`;
    const v1 = await models.create(model(type));
    expect(v1.promotion).toMatchObject({ decision: 'promoted', reason: 'the first active version of its type' });
    const beat = { decision: 'promoted' as const, reason: 'beat the active version', comparison: { metric: 'log_loss', challenger: 0.1, incumbent: 0.2 } };
    const v2 = await models.create({ ...model(type), promotion: beat, replaces: v1.modelId });
    expect([v2.active, (await models.find(v1.modelId))?.active]).toEqual([true, false]);
    expect(v2.promotion).toEqual(beat);
    // Compared with v1, but v2 is the active one now: it waits, and says why.
    const v3 = await models.create({ ...model(type), promotion: beat, replaces: v1.modelId });
    expect(v3.active).toBe(false);
    expect(v3.promotion).toMatchObject({ decision: 'held', comparison: beat.comparison });
    expect((await models.findActive(type))?.modelId).toBe(v2.modelId);
    const held = await models.create(model(type));
    expect([held.active, held.promotion?.['decision']]).toEqual([false, 'held']);
    expect(await models.activeIds()).toEqual(expect.any(Map));
    expect((await models.activeIds()).get(type)).toBe(v2.modelId);
  });

  it('gives concurrent registrations of one type distinct versions', async () => {
    const type = `c_${randomUUID().slice(0, 6)}`;
    const created = await Promise.all(Array.from({ length: 4 }, () => models.create(model(type))));
    expect(created.map((m) => m.version).sort()).toEqual([1, 2, 3, 4]);
    expect(created.filter((m) => m.active)).toHaveLength(1);
  });

  it('queues a scheduled retraining once per period, never beside a queued or running one', async () => {
    const type = `r_${randomUUID().slice(0, 6)}`;
    const twice = await Promise.all([runs.enqueueIfDue(randomUUID(), type, {}, 24), runs.enqueueIfDue(randomUUID(), type, {}, 24)]);
    expect(twice.filter(Boolean)).toHaveLength(1);
    expect(await runs.enqueueIfDue(randomUUID(), type, {}, 24)).toBe(false);
    // Trained a day and a half ago: due again.
    await dataSource.query(`UPDATE "ml"."training_runs" SET "state" = 'succeeded', "created_at" = now() - interval '36 hours' WHERE "model_type" = $1`, [type]);
    expect(await runs.enqueueIfDue(randomUUID(), type, {}, 24)).toBe(true);
  });
});
