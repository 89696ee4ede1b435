import type {
  DatasetColumn,
  DatasetRecord,
  DatasetRepository,
  ModelRepository,
  ShopfloorCopyRepository,
  TrainingRunRepository,
} from '@shopfloor/ml/data-access';
import { decodeArtifact, trainOnDataset } from '@shopfloor/ml/modelling';
import { MetricsRegistry } from '@shopfloor/observability';
import type { MlEnv } from '../config/ml.env';
import { MlMetrics } from '../registry/ml.metrics';
import {
  asReal,
  fakeDatasets,
  fakeModelRepository,
  fakeShopfloorCopy,
  fakeTrainingRuns,
  modelRecord,
  SMALL_PARAMS,
  trainingRun,
} from '../testing/ml-fakes.spec-helper';
import { TrainingRunner } from './training-runner';

describe(TrainingRunner.name, () => {
  const env = { ML_TRAINING_CONCURRENCY: 1, ML_TRAINING_STALE_SECONDS: 60, ML_TRAINING_POLL_SECONDS: 2 } as MlEnv;
  // A hot spindle fails: 400 rows of a temperature and a 0/1 label.
  const temps = Float64Array.from({ length: 400 }, (_, i) => 40 + (i % 80) / 2);
  const labels = temps.map((t) => (t > 60 ? 1 : 0));
  const columns: DatasetColumn[] = [
    { name: 'spindle_temp', kind: 'number', values: temps },
    { name: 'failed', kind: 'number', values: labels },
  ];
  const dataset: DatasetRecord = {
    datasetId: 'ds-1',
    name: 'spindles',
    label: 'failed',
    excluded: [],
    groupColumn: null,
    orderColumn: null,
    rowCount: 400,
    columns: columns.map(({ name, kind }) => ({ name, kind })),
    createdAt: new Date(),
  };

  function setUp(queued: ReturnType<typeof trainingRun>[], versions: Parameters<typeof fakeModelRepository>[0] = []) {
    const runs = fakeTrainingRuns(queued);
    const datasets = fakeDatasets();
    datasets.find.mockImplementation(async (datasetId) => (datasetId === dataset.datasetId ? dataset : null));
    datasets.columns.mockResolvedValue(columns);
    const models = fakeModelRepository(versions);
    const copy = fakeShopfloorCopy();
    const registry = new MetricsRegistry();
    const runner = new TrainingRunner(
      asReal<TrainingRunRepository>(runs),
      asReal<DatasetRepository>(datasets),
      asReal<ModelRepository>(models),
      asReal<ShopfloorCopyRepository>(copy),
      env,
      new MlMetrics(registry),
    );
    /** Claims what is queued and waits for the runs to end. */
    const drain = async (): Promise<void> => {
      await runner.wake();
      await runner.idle();
    };
    const counted = async (outcome: 'succeeded' | 'failed', modelType = 'failure_risk'): Promise<number> => {
      const line = (await registry.render())
        .split('\n')
        .find((l) => l.startsWith(`shopfloor_ml_trainings_total{model_type="${modelType}",outcome="${outcome}"}`));
      return Number(line?.split(' ').at(-1));
    };
    return { runs, datasets, models, copy, runner, drain, counted };
  }

  afterEach(() => jest.restoreAllMocks());

  it("claims a queued run with this replica's name, trains it and registers the first version of its type as active", async () => {
    const run = trainingRun({ datasetId: dataset.datasetId, params: SMALL_PARAMS });
    const { runs, models, runner, drain, counted } = setUp([run]);
    await drain();

    expect(runs.claimNext).toHaveBeenCalledWith(runner.worker, 60);
    // The same figures as the trainer gives for the same table and settings: the runner hands the data over unchanged.
    const expected = trainOnDataset(
      'failure_risk',
      { rowCount: 400, inputs: ['spindle_temp'], inputValues: [temps], label: labels, groups: null, orders: null, categorical: [] },
      SMALL_PARAMS,
      () => undefined,
    );
    // Wall-clock time is the one figure that differs between two trainings.
    const metrics = { ...expected.metrics, training_seconds: expect.any(Number) };
    expect(models.create).toHaveBeenCalledTimes(1);
    const [created] = models.create.mock.calls[0];
    expect(created).toMatchObject({
      modelType: 'failure_risk',
      trainingId: run.trainingId,
      datasetId: dataset.datasetId,
      dataFrom: null,
      dataTo: null,
      dataRows: 400,
      hyperparameters: expected.hyperparameters,
      metrics,
      featureNames: expected.featureNames,
      promotion: { decision: 'promoted', reason: 'the first active version of its type', comparison: null },
      replaces: null,
    });
    expect(decodeArtifact(created.artifact)).toEqual(JSON.parse(JSON.stringify(expected.artifact)));
    expect(created.metrics['threshold']).toBeCloseTo(0.495279635, 9);
    expect(runs.succeed).toHaveBeenCalledWith(run.trainingId, runner.worker, created.modelId, metrics);
    expect(runs.fail).not.toHaveBeenCalled();
    expect(await counted('succeeded')).toBe(1);
  }, 30_000);

  it('holds a new version for an admin when the active one learnt from another source', async () => {
    const incumbent = modelRecord('failure_risk', { datasetId: null, dataTo: new Date() });
    const run = trainingRun({ datasetId: dataset.datasetId, params: SMALL_PARAMS });
    const { models, runs, drain } = setUp([run], [{ record: incumbent, artifact: null }]);
    await drain();
    expect(models.create.mock.calls[0][0]).toMatchObject({
      promotion: { decision: 'held', reason: 'waits for an admin: the active version learnt from the shop floor, this one from a dataset', comparison: null },
      replaces: null,
    });
    expect(runs.succeed).toHaveBeenCalledTimes(1);
  }, 30_000);

  it('takes one run at a time at a concurrency of 1, and the next as soon as a slot is free', async () => {
    const first = trainingRun({ datasetId: dataset.datasetId, params: SMALL_PARAMS });
    const second = trainingRun({ datasetId: dataset.datasetId, params: SMALL_PARAMS });
    const { runs, runner, drain } = setUp([first, second]);
    await runner.wake();
    expect(runs.claimNext).toHaveBeenCalledTimes(1);
    await runner.idle();
    // The first run's end woke the runner: the second is claimed without waiting for the poll.
    await drain();
    expect(runs.succeed.mock.calls.map(([trainingId]) => trainingId)).toEqual([first.trainingId, second.trainingId]);
  }, 30_000);

  it('fails a run whose dataset was deleted before it started', async () => {
    const run = trainingRun({ datasetId: 'ds-gone' });
    const { runs, models, runner, drain, counted } = setUp([run]);
    await drain();
    expect(runs.fail).toHaveBeenCalledWith(run.trainingId, runner.worker, 'The dataset was deleted before the training started');
    expect(models.create).not.toHaveBeenCalled();
    expect(runs.succeed).not.toHaveBeenCalled();
    expect(await counted('failed')).toBe(1);
  });

  it('fails a shop-floor run while no shop-floor history has reached the service', async () => {
    const run = trainingRun({ modelType: 'downtime', datasetId: null });
    const { runs, copy, runner, drain, counted } = setUp([run]);
    await drain();
    expect(copy.dataSpan).toHaveBeenCalled();
    expect(runs.fail).toHaveBeenCalledWith(run.trainingId, runner.worker, 'No shop-floor history has reached the ml service yet');
    expect(await counted('failed', 'downtime')).toBe(1);
  });

  it("fails a run the trainer refuses, with the trainer's reason", async () => {
    const run = trainingRun({ modelType: 'anomaly', datasetId: dataset.datasetId });
    const { runs, models, runner, drain, counted } = setUp([run]);
    await drain();
    expect(runs.fail).toHaveBeenCalledTimes(1);
    const [trainingId, worker, reason] = runs.fail.mock.calls[0];
    expect([trainingId, worker]).toEqual([run.trainingId, runner.worker]);
    // The trainer's refusal with the field it is about, as runTrainingJob words it.
    expect(reason).toBe(
      "anomaly models learn from the machines' readings, not from an uploaded dataset (model_type: anomaly models learn from the machines' readings, not from an uploaded dataset)",
    );
    expect(models.create).not.toHaveBeenCalled();
    expect(await counted('failed', 'anomaly')).toBe(1);
  });

  it('fails a run that crashed after training, without the internal reason', async () => {
    const run = trainingRun({ datasetId: dataset.datasetId, params: SMALL_PARAMS });
    const { runs, models, runner, drain } = setUp([run]);
    models.create.mockRejectedValueOnce(new Error('connection reset'));
    await drain();
    expect(runs.fail).toHaveBeenCalledWith(run.trainingId, runner.worker, 'Internal error while training');
    expect(runs.succeed).not.toHaveBeenCalled();
  }, 30_000);

  it('survives a queue it cannot read, and looks again at the next wake-up', async () => {
    const run = trainingRun({ datasetId: 'ds-gone' });
    const { runs, drain } = setUp([run]);
    runs.claimNext.mockRejectedValueOnce(new Error('database unavailable'));
    await expect(drain()).resolves.toBeUndefined();
    expect(runs.fail).not.toHaveBeenCalled();
    await drain();
    expect(runs.fail).toHaveBeenCalledWith(run.trainingId, expect.any(String), 'The dataset was deleted before the training started');
  });

  it('puts the runs in hand back in the queue on shutdown and claims nothing after', async () => {
    const { runs, runner } = setUp([]);
    const stuck = trainingRun();
    // A run in hand whose training never ends (the thread is stopped on shutdown).
    runs.claimNext.mockResolvedValueOnce(stuck);
    jest.spyOn(runner as unknown as { execute: () => Promise<void> }, 'execute').mockReturnValue(new Promise(() => undefined));
    await runner.wake();
    await runner.onModuleDestroy();
    expect(runs.requeue).toHaveBeenCalledWith(stuck.trainingId, runner.worker);
    const claims = runs.claimNext.mock.calls.length;
    await runner.wake();
    expect(runs.claimNext).toHaveBeenCalledTimes(claims);
  });

  it('looks for work soon after the service starts, then every ML_TRAINING_POLL_SECONDS while idle', async () => {
    jest.useFakeTimers();
    try {
      const { runs, runner } = setUp([]);
      runner.onApplicationBootstrap();
      await jest.advanceTimersByTimeAsync(199);
      expect(runs.claimNext).not.toHaveBeenCalled();
      await jest.advanceTimersByTimeAsync(1);
      expect(runs.claimNext).toHaveBeenCalledTimes(1);
      await jest.advanceTimersByTimeAsync(1999);
      expect(runs.claimNext).toHaveBeenCalledTimes(1);
      await jest.advanceTimersByTimeAsync(1);
      expect(runs.claimNext).toHaveBeenCalledTimes(2);
      await runner.onModuleDestroy();
      await jest.advanceTimersByTimeAsync(10_000);
      expect(runs.claimNext).toHaveBeenCalledTimes(2);
    } finally {
      jest.useRealTimers();
    }
  });
});
