import { ErrorCode, SUBJECTS } from '@shopfloor/contracts';
import { TrainedModel } from '@shopfloor/ml/modelling';
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
  spindleReadings,
  trainArtifacts,
  type TrainedArtifacts,
} from '../testing/ml-fakes.spec-helper';
import { AnomalyDetectionService } from './anomaly-detection.service';

describe(AnomalyDetectionService.name, () => {
  const now = Date.UTC(2026, 5, 1, 12);
  const machineId = 'M-1';
  // The last completed hour runs hot.
  const readings = spindleReadings(now, 2, 42).map((r) => (r.time >= now - HOUR ? { ...r, value: 400 } : r));
  const history = { ...machineHistory(now, 3, 9), readings };
  const request = { machine_id: machineId, from: new Date(now - 12 * HOUR).toISOString(), to: new Date(now).toISOString() };
  let artifacts: Pick<TrainedArtifacts, 'anomaly'>;

  beforeAll(async () => {
    artifacts = await trainArtifacts(now - 2 * DAY, ['anomaly']);
  }, 60_000);

  function setUp(active = true) {
    const record = modelRecord('anomaly', { version: 4 });
    const models = fakeModelRepository(active ? [{ record, artifact: artifacts.anomaly }] : []);
    const copy = fakeShopfloorCopy({ [machineId]: history });
    const predictions = fakePredictionRepository();
    const jetStream = fakeJetStream();
    return { record, copy, predictions, jetStream, service: predictionServices({ models, copy, predictions, jetStream }).anomalies };
  }

  it('finds the hot hour among the hours asked for, and stores and publishes each anomalous hour under an id of its own', async () => {
    const { record, copy, predictions, jetStream, service } = setUp();
    const view = await service.detect(request);
    const model = TrainedModel.fromArtifact(artifacts.anomaly);
    const expected = model.anomalies({ ...history, since: now - 13 * HOUR, until: now }, now - 12 * HOUR, now, 3);
    expect(copy.history).toHaveBeenCalledWith(machineId, now - 13 * HOUR, now);
    expect(view).toMatchObject({
      machine_id: machineId,
      period: { from: request.from, to: request.to },
      model_id: record.modelId,
      model_version: 4,
      threshold: model.threshold,
      hours_scored: expected.scored,
    });
    expect(view.anomalies.map((a) => a.score)).toEqual(expected.found.map((a) => a.score));
    // An hour is named by its end; the hot one scores worst (the model's contamination may flag another).
    const [hot] = [...view.anomalies].sort((a, b) => b.score - a.score);
    expect(hot.at).toBe(new Date(now).toISOString());
    expect(hot.anomaly_id).toBe(`${record.modelId}:${machineId}:${now}`);
    expect(hot.factors.length).toBeGreaterThan(0);
    expect(predictions.stored.map((p) => p.input)).toEqual(view.anomalies.map((a) => ({ at: a.at, anomaly_id: a.anomaly_id })));
    expect(predictions.stored.every((p) => p.modelType === 'anomaly' && p.dueAt === null)).toBe(true);
    expect(jetStream.publish.mock.calls).toEqual(view.anomalies.map((a) => [SUBJECTS.mlEvents.anomaly, a, a.anomaly_id]));
  });

  it('refuses a period that ends before it starts or spans more than 31 days, before reading anything', async () => {
    const { copy, service } = setUp();
    await expect(service.detect({ ...request, to: request.from })).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
    await expect(service.detect({ ...request, from: new Date(now - 32 * DAY).toISOString() })).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
    expect(copy.machineExists).not.toHaveBeenCalled();
  });

  it('refuses an unknown machine, and answers NO_ACTIVE_MODEL without an anomaly model', async () => {
    await expect(setUp().service.detect({ ...request, machine_id: 'M-NOPE' })).rejects.toMatchObject({ code: ErrorCode.MachineNotFound });
    await expect(setUp(false).service.detect(request)).rejects.toMatchObject({ code: ErrorCode.NoActiveModel });
  });
});
