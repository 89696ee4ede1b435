import { DomainError, ErrorCode, SUBJECTS, type PredictionEvent } from '@shopfloor/contracts';
import { TrainedModel, type DowntimeArtifact } from '@shopfloor/ml/modelling';
import {
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
import { FailureRiskPredictionService } from './failure-risk-prediction.service';

describe(FailureRiskPredictionService.name, () => {
  const now = Date.UTC(2026, 5, 1, 12);
  const machineId = 'M-1';
  const history = machineHistory(now, 60, 9);
  let artifacts: Pick<TrainedArtifacts, 'breakdown' | 'readings'>;

  beforeAll(async () => {
    artifacts = await trainArtifacts(now, ['breakdown', 'readings']);
  }, 60_000);

  afterEach(() => jest.restoreAllMocks());

  function setUp(artifact: 'breakdown' | 'readings' | null, readings: { time: number; metric: string; value: number }[] = []) {
    const record = modelRecord('failure_risk', { version: 2 });
    const models = fakeModelRepository(artifact === null ? [] : [{ record, artifact: artifacts[artifact] }]);
    const copy = fakeShopfloorCopy({ [machineId]: { ...history, readings } });
    const predictions = fakePredictionRepository();
    const jetStream = fakeJetStream();
    return { record, copy, predictions, jetStream, service: predictionServices({ models, copy, predictions, jetStream }).failureRisk };
  }

  const published = (jetStream: ReturnType<typeof fakeJetStream>): PredictionEvent[] =>
    jetStream.publish.mock.calls.map(([, event]) => event as PredictionEvent);

  describe('from a model learnt on a dataset', () => {
    it('scores readings sent without a machine, stores them as a what-if and publishes nothing', async () => {
      const { record, predictions, jetStream, service } = setUp('readings');
      const model = TrainedModel.fromArtifact(artifacts.readings);
      const expected = model.explainInputs(model.readingsFrom({ spindle_temp: 80 }), 5);
      const result = await service.predict({ readings: { spindle_temp: 80 } });
      expect(result).toEqual({
        prediction_id: expect.any(String),
        machine_id: null,
        prediction_type: 'failure_risk',
        predicted_value: expected.value,
        confidence_score: expected.value,
        prediction_timestamp: expect.any(String),
        model_id: record.modelId,
        model_version: 2,
        threshold: model.threshold,
        factors: expected.factors,
      });
      // A hot spindle fails in the data the model learnt.
      expect(result.predicted_value).toBeGreaterThanOrEqual(model.threshold as number);
      expect(predictions.stored).toEqual([
        expect.objectContaining({
          predictionId: result.prediction_id,
          machineId: null,
          horizonHours: null,
          dueAt: null,
          input: { readings: { spindle_temp: 80 } },
        }),
      ]);
      expect(jetStream.publish).not.toHaveBeenCalled();
    });

    it("scores a machine's latest reading of the last hour, and publishes a risk rising over the threshold and falling back", async () => {
      jest.spyOn(Date, 'now').mockReturnValue(now);
      const hot = [
        { time: now - 50 * 60_000, metric: 'spindle_temp', value: 45 },
        { time: now - 2 * 60_000, metric: 'spindle_temp', value: 75 },
        { time: now - 60_000, metric: 'vibration', value: 3 },
      ];
      const { copy, jetStream, service } = setUp('readings', hot);
      const high = await service.predict({ machine_id: machineId });
      expect(copy.history).toHaveBeenCalledWith(machineId, now - HOUR, now);
      copy.history.mockResolvedValueOnce({
        jobs: [],
        stops: [],
        readings: [{ time: now - 60_000, metric: 'spindle_temp', value: 45 }],
        since: now - HOUR,
        until: now,
      });
      const low = await service.predict({ machine_id: machineId });
      expect(high.predicted_value).toBeGreaterThanOrEqual(high.threshold as number);
      expect(low.predicted_value).toBeLessThan(low.threshold as number);
      expect(low.confidence_score).toBe(1 - low.predicted_value);
      expect(published(jetStream).map((e) => [e.prediction_id, e.machine_id, e.above_threshold, e.transition])).toEqual([
        [high.prediction_id, machineId, true, 'raised'],
        [low.prediction_id, machineId, false, 'cleared'],
      ]);
      expect(jetStream.publish.mock.calls.every(([subject]) => subject === SUBJECTS.mlEvents.prediction('failure_risk'))).toBe(true);
    });

    it("refuses a machine that sent none of the model's inputs in the last hour", async () => {
      const { service } = setUp('readings', [{ time: Date.now() - 60_000, metric: 'vibration', value: 3 }]);
      await expect(service.predict({ machine_id: machineId })).rejects.toMatchObject({ code: ErrorCode.InsufficientData });
    });
  });

  describe('from a model learnt on the shop floor', () => {
    it('answers P(a breakdown within 7 days) from the machine history, stored with its horizon and label', async () => {
      const { record, predictions, jetStream, service } = setUp('breakdown');
      const model = TrainedModel.fromArtifact(artifacts.breakdown);
      const expected = model.explainDowntime(history, now, 168, 5);
      const result = await service.predict({ machine_id: machineId }, { history, now });
      const threshold = (artifacts.breakdown as DowntimeArtifact).threshold;
      expect(result).toEqual({
        prediction_id: expect.any(String),
        machine_id: machineId,
        prediction_type: 'failure_risk',
        predicted_value: expected.value,
        confidence_score: expected.value >= threshold ? expected.value : 1 - expected.value,
        prediction_timestamp: new Date(now).toISOString(),
        model_id: record.modelId,
        model_version: 2,
        threshold,
        factors: expected.factors,
        horizon_hours: 168,
        stop_minutes: 0,
        stop_types: ['BREAKDOWN'],
      });
      // The seeded fleet's model, pinned: a change of this figure is a change of the model or of what it is given.
      expect(result.predicted_value).toBeCloseTo(0.999970612, 8);
      expect(predictions.stored).toEqual([
        expect.objectContaining({
          modelType: 'failure_risk',
          horizonHours: 168,
          input: { horizon_hours: 168, threshold_minutes: 0, stop_types: ['BREAKDOWN'] },
          dueAt: new Date(now + 168 * HOUR),
        }),
      ]);
      expect(published(jetStream)).toEqual([expect.objectContaining({ prediction_id: result.prediction_id, horizon_hours: 168, window: null })]);
    });

    it('refuses readings, which such a model cannot read', async () => {
      const { service } = setUp('breakdown');
      await expect(service.predict({ readings: { spindle_temp: 80 } })).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
    });

    it('refuses an unknown machine', async () => {
      const { service } = setUp('breakdown');
      await expect(service.predict({ machine_id: 'M-NOPE' })).rejects.toMatchObject({ code: ErrorCode.MachineNotFound });
    });
  });

  it.each([
    ['both a machine and readings', { machine_id: machineId, readings: { spindle_temp: 80 } }],
    ['neither a machine nor readings', {}],
  ])('refuses %s before reading anything', async (_case, request) => {
    const { copy, predictions, service } = setUp('readings');
    const attempt = service.predict(request);
    await expect(attempt).rejects.toBeInstanceOf(DomainError);
    await expect(attempt).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
    expect(copy.machineExists).not.toHaveBeenCalled();
    expect(predictions.insert).not.toHaveBeenCalled();
  });

  it('refuses when no failure_risk model is active', async () => {
    const { service } = setUp(null);
    await expect(service.predict({ readings: { spindle_temp: 80 } })).rejects.toMatchObject({ code: ErrorCode.NoActiveModel });
  });
});
