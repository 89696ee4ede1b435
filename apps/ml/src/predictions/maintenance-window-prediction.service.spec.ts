import { ErrorCode, SUBJECTS } from '@shopfloor/contracts';
import { recommendWindow, RUL_CAP_HOURS, TrainedModel } from '@shopfloor/ml/modelling';
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
import { MaintenanceWindowPredictionService } from './maintenance-window-prediction.service';

describe(MaintenanceWindowPredictionService.name, () => {
  const now = Date.UTC(2026, 5, 1, 12);
  const machineId = 'M-1';
  const history = machineHistory(now, 60, 9);
  let artifacts: Pick<TrainedArtifacts, 'maintenance' | 'readings'>;

  beforeAll(async () => {
    artifacts = await trainArtifacts(now, ['maintenance', 'readings']);
  }, 60_000);

  function setUp(artifact: 'maintenance' | 'readings' | null = 'maintenance') {
    const record = modelRecord('maintenance_window');
    const models = fakeModelRepository(artifact === null ? [] : [{ record, artifact: artifacts[artifact] }]);
    const copy = fakeShopfloorCopy({ [machineId]: history });
    const predictions = fakePredictionRepository();
    const jetStream = fakeJetStream();
    return {
      record,
      predictions,
      jetStream,
      service: predictionServices({ models, copy, predictions, jetStream, timezone: 'Europe/Berlin' }).maintenanceWindow,
    };
  }

  it('answers the hours to the next breakdown and the calmest window before it, in the shop time zone', async () => {
    const { record, service } = setUp();
    const expected = TrainedModel.fromArtifact(artifacts.maintenance).explainRemainingLife(history, now, 5);
    const window = recommendWindow(history, now, expected.value, 'Europe/Berlin');
    const result = await service.predict({ machine_id: machineId }, { history, now });
    expect(result).toEqual({
      prediction_id: expect.any(String),
      machine_id: machineId,
      prediction_type: 'maintenance_window',
      predicted_value: expected.value,
      confidence_score: 1 - expected.value / RUL_CAP_HOURS,
      prediction_timestamp: new Date(now).toISOString(),
      model_id: record.modelId,
      model_version: 1,
      threshold: null,
      factors: expected.factors,
      remaining_life_cap_hours: RUL_CAP_HOURS,
      predicted_failure_at: new Date(now + expected.value * HOUR).toISOString(),
      recommended_window: { start: new Date(window.start).toISOString(), end: new Date(window.end).toISOString(), expected_load: window.expectedLoad },
    });
    // The seeded fleet's model, pinned: a change of this figure is a change of the model or of what it is given.
    expect(result.predicted_value).toBeCloseTo(29.0613581308, 6);
    expect(Date.parse(result.recommended_window.end)).toBeLessThanOrEqual(Date.parse(result.predicted_failure_at));
  });

  it('stores the prediction due at the predicted failure, and publishes it with its window', async () => {
    const { predictions, jetStream, service } = setUp();
    const result = await service.predict({ machine_id: machineId }, { history, now });
    expect(predictions.stored).toEqual([
      expect.objectContaining({
        predictionId: result.prediction_id,
        modelType: 'maintenance_window',
        horizonHours: null,
        input: { recommended_window: result.recommended_window, cap_hours: RUL_CAP_HOURS, predicted_failure_at: result.predicted_failure_at },
        predictedAt: new Date(now),
        dueAt: new Date(result.predicted_failure_at),
      }),
    ]);
    expect(jetStream.publish).toHaveBeenCalledWith(
      SUBJECTS.mlEvents.prediction('maintenance_window'),
      expect.objectContaining({
        prediction_id: result.prediction_id,
        threshold: null,
        above_threshold: null,
        transition: null,
        window: { start: result.recommended_window.start, end: result.recommended_window.end },
      }),
      result.prediction_id,
    );
  });

  it.each([
    ['an unknown machine', 'M-NOPE', 'maintenance' as const, ErrorCode.MachineNotFound],
    ['no active maintenance_window model', machineId, null, ErrorCode.NoActiveModel],
    ['an active model learnt from a dataset', machineId, 'readings' as const, ErrorCode.Conflict],
  ])('refuses %s', async (_case, machine, artifact, code) => {
    const { predictions, service } = setUp(artifact);
    await expect(service.predict({ machine_id: machine })).rejects.toMatchObject({ code });
    expect(predictions.insert).not.toHaveBeenCalled();
  });
});
