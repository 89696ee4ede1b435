import { DomainError, ErrorCode, SUBJECTS } from '@shopfloor/contracts';
import { TrainedModel, type DowntimeArtifact } from '@shopfloor/ml/modelling';
import {
  DAY,
  fakeJetStream,
  fakeModelRepository,
  fakePredictionRepository,
  fakeShopfloorCopy,
  HOUR,
  machineHistory,
  modelRecord,
  predictionServices,
  trainArtifacts,
  type TrainedArtifacts,
} from '../testing/ml-fakes.spec-helper';
import { DowntimePredictionService } from './downtime-prediction.service';

describe(DowntimePredictionService.name, () => {
  const now = Date.UTC(2026, 5, 1, 12);
  const machineId = 'M-1';
  const history = machineHistory(now, 60, 9);
  let artifacts: Pick<TrainedArtifacts, 'downtime' | 'readings'>;

  beforeAll(async () => {
    artifacts = await trainArtifacts(now, ['downtime', 'readings']);
  }, 60_000);

  afterEach(() => jest.restoreAllMocks());

  function setUp(artifact: 'downtime' | 'readings' | null = 'downtime') {
    const record = modelRecord('downtime', { version: 3 });
    const models = fakeModelRepository(artifact === null ? [] : [{ record, artifact: artifacts[artifact] }]);
    const copy = fakeShopfloorCopy({ [machineId]: history, 'M-EMPTY': { jobs: [], stops: [] } });
    const predictions = fakePredictionRepository();
    const jetStream = fakeJetStream();
    return { record, copy, predictions, jetStream, service: predictionServices({ models, copy, predictions, jetStream }).downtime };
  }

  it("answers the active model's probability of a stop within the horizon, with the model's factors", async () => {
    const { record, service } = setUp();
    const expected = TrainedModel.fromArtifact(artifacts.downtime).explainDowntime(history, now, 24, 5);
    const result = await service.predict({ machine_id: machineId, horizon_hours: 24 }, { history, now });
    expect(result).toEqual({
      prediction_id: expect.any(String),
      machine_id: machineId,
      prediction_type: 'downtime',
      predicted_value: expected.value,
      confidence_score: Math.max(expected.value, 1 - expected.value),
      prediction_timestamp: new Date(now).toISOString(),
      model_id: record.modelId,
      model_version: 3,
      threshold: (artifacts.downtime as DowntimeArtifact).threshold,
      factors: expected.factors,
      horizon_hours: 24,
      stop_minutes: 30,
      stop_types: [],
      exceeds_threshold: expected.value >= 0.8,
    });
    // The seeded fleet's model, pinned: a change of these figures is a change of the model or of what it is given.
    expect(result.predicted_value).toBeCloseTo(0.6467097155, 8);
    expect(result.factors.map((f) => f.feature)).toEqual([
      'breakdown_probability_from_wear',
      'run_hours_7d',
      'horizon_hours',
      'hours_since_unplanned_stop',
      'hours_since_breakdown',
    ]);
  });

  it('stores the prediction with what it read and when its outcome is due, and publishes it with its side of the threshold', async () => {
    const { predictions, jetStream, service } = setUp();
    const result = await service.predict({ machine_id: machineId, horizon_hours: 168, confidence_threshold: 0 }, { history, now });
    expect(result.exceeds_threshold).toBe(true);
    expect(predictions.stored).toEqual([
      {
        predictionId: result.prediction_id,
        modelId: result.model_id,
        modelType: 'downtime',
        machineId,
        predictedValue: result.predicted_value,
        confidenceScore: result.confidence_score,
        horizonHours: 168,
        input: { horizon_hours: 168, threshold_minutes: 30, stop_types: [] },
        factors: result.factors,
        predictedAt: new Date(now),
        dueAt: new Date(now + 168 * HOUR),
      },
    ]);
    const above = result.predicted_value >= (result.threshold as number);
    expect(jetStream.publish).toHaveBeenCalledWith(
      SUBJECTS.mlEvents.prediction('downtime'),
      {
        prediction_id: result.prediction_id,
        machine_id: machineId,
        prediction_type: 'downtime',
        predicted_value: result.predicted_value,
        threshold: result.threshold,
        horizon_hours: 168,
        model_id: result.model_id,
        model_version: 3,
        predicted_at: new Date(now).toISOString(),
        window: null,
        factors: result.factors,
        above_threshold: above,
        transition: above ? 'raised' : null,
      },
      result.prediction_id,
    );
  });

  it("reads the machine's last 90 days (readings over the last 26 hours) when no history is given", async () => {
    jest.spyOn(Date, 'now').mockReturnValue(now);
    const { copy, service } = setUp();
    const result = await service.predict({ machine_id: machineId, horizon_hours: 24 });
    expect(copy.machineExists).toHaveBeenCalledWith(machineId);
    expect(copy.history).toHaveBeenCalledWith(machineId, now - 90 * DAY, now, now - 26 * HOUR);
    expect(result.prediction_timestamp).toBe(new Date(now).toISOString());
  });

  it.each([
    ['an unknown machine', 'M-NOPE', 'downtime' as const, ErrorCode.MachineNotFound],
    ['no active downtime model', machineId, null, ErrorCode.NoActiveModel],
    ['an active model learnt from a dataset', machineId, 'readings' as const, ErrorCode.Conflict],
    ['a machine without jobs or stops', 'M-EMPTY', 'downtime' as const, ErrorCode.InsufficientData],
  ])('refuses %s, and stores and publishes nothing', async (_case, machine, artifact, code) => {
    const { predictions, jetStream, service } = setUp(artifact);
    const attempt = service.predict({ machine_id: machine, horizon_hours: 24 });
    await expect(attempt).rejects.toBeInstanceOf(DomainError);
    await expect(attempt).rejects.toMatchObject({ code });
    expect(predictions.insert).not.toHaveBeenCalled();
    expect(jetStream.publish).not.toHaveBeenCalled();
  });
});
