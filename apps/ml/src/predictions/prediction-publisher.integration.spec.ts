import { randomUUID } from 'node:crypto';
import { STREAMS, SUBJECTS, type ModelType, type PredictionEvent } from '@shopfloor/contracts';
import { ModelRepository, PredictionRepository, ShopfloorCopyRepository, type JobCopy, type ReadingCopy, type StopCopy } from '@shopfloor/ml/data-access';
import { JetStreamService, NatsConnectionHolder } from '@shopfloor/nats';
import { MetricsRegistry } from '@shopfloor/observability';
import { TEST_INFRA, type TestDatabase } from '@shopfloor/testing';
import { connect, type NatsConnection } from 'nats';
import type { DataSource } from 'typeorm';
import { trainOnDataset, trainMaintenance, trainDowntime } from '@shopfloor/ml/modelling';
import type { MlEnv } from '../config/ml.env';
import { MlMetrics } from '../registry/ml.metrics';
import { ModelsService } from '../registry/models.service';
import { PredictionPublisher } from './prediction-publisher';
import { DowntimePredictionService } from './downtime-prediction.service';
import { FailureRiskPredictionService } from './failure-risk-prediction.service';
import { MachineHistoryService } from './machine-history.service';
import { MaintenanceWindowPredictionService } from './maintenance-window-prediction.service';
import { openMlDatabase, predictionEvents, registerModel } from '../testing/ml-infra.spec-helper';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const SMALL = { trees: 20, seed: 1 };

/** A deterministic pseudo-random sequence (mulberry32), so that the histories are the same on every run. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** 60 days of a machine up to `until`: 8-hour jobs back to back, a breakdown of 1–2 h every 2–5 days. */
function history(machineId: string, until: number, random: () => number): { jobs: JobCopy[]; stops: StopCopy[] } {
  const from = until - 60 * DAY;
  const jobs: JobCopy[] = [];
  const stops: StopCopy[] = [];
  for (let start = from, i = 0; start < until; start += 8 * HOUR, i += 1) {
    jobs.push({
      jobId: `${machineId}-J${i}`,
      machineId,
      start,
      end: start + 8 * HOUR <= until ? start + 8 * HOUR : null,
      idealCycleTimeS: 60,
      cycleTimeS: 65,
      partsProduced: 400,
      partsScrapped: 4,
      sourceUpdatedAt: until,
    });
  }
  for (let at = from + DAY, i = 0; at < until - 2 * HOUR; at += (2 + 3 * random()) * DAY, i += 1) {
    stops.push({
      recordId: `${machineId}-S${i}`,
      machineId,
      type: 'BREAKDOWN',
      start: Math.round(at),
      durationS: Math.round(3600 + 3600 * random()),
      sourceUpdatedAt: until,
    });
  }
  return { jobs, stops };
}

describe(PredictionPublisher.name, () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let nats: NatsConnection;
  let jetStream: JetStreamService;
  let failureRisks: FailureRiskPredictionService;
  let downtimes: DowntimePredictionService;
  let maintenanceWindows: MaintenanceWindowPredictionService;
  const machineId = `PRED-${randomUUID().slice(0, 8)}`;
  const startedAt = new Date();

  const register = (modelType: ModelType, outcome: Parameters<typeof registerModel>[2]): Promise<void> => registerModel(dataSource, modelType, outcome);

  /** The events of this run on a subject of ML_PREDICTIONS, with the message id each was stored under. */
  const stored = (subject: string): Promise<{ id: string | undefined; event: PredictionEvent }[]> =>
    predictionEvents(jetStream, subject, startedAt, (event) => event.machine_id === machineId || event.machine_id === null);

  beforeAll(async () => {
    ({ db, dataSource } = await openMlDatabase('sf_ml_predictions'));
    nats = await connect({ servers: TEST_INFRA.natsUrl });
    jetStream = new JetStreamService(new NatsConnectionHolder(nats));
    await jetStream.ensureStreams([STREAMS.mlPredictions]);

    // The shop floor the models learn from: four machines; the one predicted for also has sensor readings.
    const now = Date.now();
    const random = seeded(7);
    const fleet = new Map(['A', 'B', 'C', machineId].map((id) => [id, history(id, now, random)]));
    const load = async (id: string) => ({ ...(fleet.get(id) ?? { jobs: [], stops: [] }), readings: [], since: now - 60 * DAY, until: now });
    const span = { from: now - 60 * DAY, to: now };
    await register('downtime', await trainDowntime([...fleet.keys()], load, span, SMALL, () => undefined));
    await register('maintenance_window', await trainMaintenance([...fleet.keys()], load, span, SMALL, () => undefined));
    // failure_risk on a dataset: a hot spindle fails.
    const temps = Float64Array.from({ length: 400 }, (_, i) => 40 + (i % 80) / 2);
    await register(
      'failure_risk',
      trainOnDataset(
        'failure_risk',
        { rowCount: 400, inputs: ['spindle_temp'], inputValues: [temps], label: temps.map((t) => (t > 60 ? 1 : 0)), groups: null, orders: null },
        SMALL,
        () => undefined,
      ),
    );

    const copy = new ShopfloorCopyRepository(dataSource);
    const own = fleet.get(machineId) ?? { jobs: [], stops: [] };
    await copy.upsertMachines([{ machineId, type: 'MILL', location: null, installationDate: null, sourceUpdatedAt: now }]);
    await copy.upsertJobs(own.jobs);
    await copy.upsertStops(own.stops);
    const predictions = new PredictionRepository(dataSource);
    const models = new ModelsService(new ModelRepository(dataSource));
    const histories = new MachineHistoryService(copy);
    const publisher = new PredictionPublisher(predictions, jetStream, new MlMetrics(new MetricsRegistry()));
    failureRisks = new FailureRiskPredictionService(models, histories, publisher);
    downtimes = new DowntimePredictionService(models, histories, publisher);
    maintenanceWindows = new MaintenanceWindowPredictionService(models, histories, publisher, { ML_TIMEZONE: 'UTC' } as MlEnv);
  }, 120_000);

  afterAll(async () => {
    await nats.close();
    await dataSource.destroy();
    await db.drop();
  });

  let readingId = 1;
  /** A spindle temperature of the machine some seconds ago: the latest within the hour is what failure_risk reads. */
  const reading = async (temp: number, secondsAgo: number): Promise<void> => {
    const rows: ReadingCopy[] = [{ readingId: readingId++, machineId, time: Date.now() - secondsAgo * 1000, metric: 'spindle_temp', value: temp }];
    await new ShopfloorCopyRepository(dataSource).insertReadings(rows);
  };

  it("publishes a machine's failure risk over its threshold (raised) and back under it (cleared), and nothing for readings without a machine", async () => {
    await reading(75, 120);
    const high = await failureRisks.predict({ machine_id: machineId });
    await reading(45, 60);
    const low = await failureRisks.predict({ machine_id: machineId });
    await failureRisks.predict({ readings: { spindle_temp: 80 } });
    expect(high.threshold).not.toBeNull();
    expect(high.predicted_value).toBeGreaterThanOrEqual(high.threshold ?? 1);
    expect(low.predicted_value).toBeLessThan(low.threshold ?? 0);

    const events = await stored(SUBJECTS.mlEvents.prediction('failure_risk'));
    expect(events.map((e) => e.id)).toEqual([high.prediction_id, low.prediction_id]);
    expect(events[0].event).toEqual({
      prediction_id: high.prediction_id,
      machine_id: machineId,
      prediction_type: 'failure_risk',
      predicted_value: high.predicted_value,
      threshold: high.threshold,
      horizon_hours: null,
      model_id: high.model_id,
      model_version: high.model_version,
      predicted_at: high.prediction_timestamp,
      window: null,
      factors: high.factors,
      above_threshold: true,
      transition: 'raised',
    });
    expect(events[1].event).toMatchObject({ prediction_id: low.prediction_id, above_threshold: false, transition: 'cleared' });
  });

  it('publishes a downtime prediction with its horizon, and a maintenance window with the window', async () => {
    const downtime = await downtimes.predict({ machine_id: machineId, horizon_hours: 24 });
    const maintenance = await maintenanceWindows.predict({ machine_id: machineId });

    const [downtimeEvent] = await stored(SUBJECTS.mlEvents.prediction('downtime'));
    expect(downtimeEvent.id).toBe(downtime.prediction_id);
    expect(downtimeEvent.event).toEqual({
      prediction_id: downtime.prediction_id,
      machine_id: machineId,
      prediction_type: 'downtime',
      predicted_value: downtime.predicted_value,
      threshold: downtime.threshold,
      horizon_hours: 24,
      model_id: downtime.model_id,
      model_version: downtime.model_version,
      predicted_at: downtime.prediction_timestamp,
      window: null,
      factors: downtime.factors,
      above_threshold: downtime.predicted_value >= (downtime.threshold ?? 1),
      transition: downtime.predicted_value >= (downtime.threshold ?? 1) ? 'raised' : null,
    });
    expect(downtime.factors.length).toBeGreaterThan(0);

    const [maintenanceEvent] = await stored(SUBJECTS.mlEvents.prediction('maintenance_window'));
    expect(maintenanceEvent.id).toBe(maintenance.prediction_id);
    expect(maintenanceEvent.event).toEqual({
      prediction_id: maintenance.prediction_id,
      machine_id: machineId,
      prediction_type: 'maintenance_window',
      predicted_value: maintenance.predicted_value,
      threshold: null,
      horizon_hours: null,
      model_id: maintenance.model_id,
      model_version: maintenance.model_version,
      predicted_at: maintenance.prediction_timestamp,
      window: { start: maintenance.recommended_window.start, end: maintenance.recommended_window.end },
      factors: maintenance.factors,
      above_threshold: null,
      transition: null,
    });
  });
});
