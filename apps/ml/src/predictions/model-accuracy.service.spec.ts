import { ErrorCode } from '@shopfloor/contracts';
import { classificationMetrics, regressionMetrics } from '@shopfloor/ml/models';
import { TrainedModel } from '@shopfloor/ml/modelling';
import {
  fakeJetStream,
  fakeModelRepository,
  fakePredictionRepository,
  fakeShopfloorCopy,
  modelRecord,
  predictionServices,
  trainArtifacts,
  type TrainedArtifacts,
} from '../testing/ml-fakes.spec-helper';
import { ModelAccuracyService } from './model-accuracy.service';

describe(ModelAccuracyService.name, () => {
  const now = Date.UTC(2026, 5, 1, 12);
  let artifacts: Pick<TrainedArtifacts, 'readings' | 'maintenance'>;

  beforeAll(async () => {
    artifacts = await trainArtifacts(now, ['readings', 'maintenance']);
  }, 60_000);

  function setUp(kind: 'readings' | 'maintenance', outcomes: { predicted: number[]; actual: number[]; total: number; pending: number }) {
    const record = modelRecord(kind === 'readings' ? 'failure_risk' : 'maintenance_window', { version: 5, active: false });
    const models = fakeModelRepository([{ record, artifact: artifacts[kind] }]);
    const predictions = fakePredictionRepository();
    predictions.outcomes.mockResolvedValue(outcomes);
    return { record, predictions, service: predictionServices({ models, copy: fakeShopfloorCopy(), predictions, jetStream: fakeJetStream() }).accuracy };
  }

  it("scores a classifier's known outcomes: Brier score and the metrics at the model's threshold", async () => {
    const outcomes = { predicted: [0.9, 0.2, 0.7, 0.1], actual: [1, 0, 0, 0], total: 6, pending: 2 };
    const { record, predictions, service } = setUp('readings', outcomes);
    const view = await service.accuracy(record.modelId);
    expect(predictions.outcomes).toHaveBeenCalledWith(record.modelId);
    expect(view).toEqual({
      model_id: record.modelId,
      model_type: 'failure_risk',
      version: 5,
      predictions: 6,
      with_actual: 4,
      pending: 2,
      brier_score: expect.any(Number),
      metrics: { ...classificationMetrics([1, 0, 0, 0], [0.9, 0.2, 0.7, 0.1], TrainedModel.fromArtifact(artifacts.readings).threshold ?? 0.5) },
    });
    // Mean squared error of the probability: (0.1² + 0.2² + 0.7² + 0.1²) / 4.
    expect(view.brier_score).toBeCloseTo(0.1375, 12);
  });

  it("scores a remaining-life model's outcomes in hours, without a Brier score", async () => {
    const { record, service } = setUp('maintenance', { predicted: [100, 200], actual: [120, 150], total: 2, pending: 0 });
    const view = await service.accuracy(record.modelId);
    expect(view).toMatchObject({
      model_type: 'maintenance_window',
      with_actual: 2,
      brier_score: null,
      metrics: { ...regressionMetrics([120, 150], [100, 200]) },
    });
  });

  it('has no figures before an outcome is known', async () => {
    const { record, service } = setUp('readings', { predicted: [], actual: [], total: 3, pending: 3 });
    expect(await service.accuracy(record.modelId)).toMatchObject({ predictions: 3, with_actual: 0, pending: 3, brier_score: null, metrics: null });
  });

  it('refuses an unknown model', async () => {
    const { service } = setUp('readings', { predicted: [], actual: [], total: 0, pending: 0 });
    await expect(service.accuracy('no-such-model')).rejects.toMatchObject({ code: ErrorCode.ModelNotFound });
  });
});
