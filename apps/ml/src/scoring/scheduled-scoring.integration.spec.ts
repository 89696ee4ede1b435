import { randomUUID } from 'node:crypto';
import { STREAMS, SUBJECTS, type ModelType, type PredictionEvent } from '@shopfloor/contracts';
import {
  ModelRepository,
  PredictionRepository,
  ScoringRepository,
  ShopfloorCopyRepository,
  type JobCopy,
  type ReadingCopy,
  type StopCopy,
} from '@shopfloor/ml/data-access';
import type { MachineHistory } from '@shopfloor/ml/features';
import { JetStreamService, NatsConnectionHolder } from '@shopfloor/nats';
import { MetricsRegistry } from '@shopfloor/observability';
import { TEST_INFRA, type TestDatabase } from '@shopfloor/testing';
import { connect, type NatsConnection } from 'nats';
import type { DataSource } from 'typeorm';
import { trainAnomaly, trainMaintenance, BREAKDOWN_LABEL, trainDowntime } from '@shopfloor/ml/modelling';
import type { MlEnv } from '../config/ml.env';
import { MachineRiskService } from '../predictions/machine-risk.service';
import { PredictionPublisher } from '../predictions/prediction-publisher';
import { AnomalyDetectionService } from '../predictions/anomaly-detection.service';
import { DowntimePredictionService } from '../predictions/downtime-prediction.service';
import { FailureRiskPredictionService } from '../predictions/failure-risk-prediction.service';
import { MachineHistoryService } from '../predictions/machine-history.service';
import { MaintenanceWindowPredictionService } from '../predictions/maintenance-window-prediction.service';
import { MlMetrics } from '../registry/ml.metrics';
import { ModelsService } from '../registry/models.service';
import { ScheduledScoring } from './scheduled-scoring';
import { openMlDatabase, predictionEvents, registerModel } from '../testing/ml-infra.spec-helper';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const SMALL = { trees: 20, seed: 1 };
const INTERVAL_S = 300;

/** mulberry32: the same histories on every run. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** 40 days of a machine up to `until`: 8-hour jobs, a breakdown every 2–5 days, a spindle temperature every 10 minutes for the last 6 days. */
function fleetHistory(
  machineId: string,
  until: number,
  random: () => number,
  firstReading: number,
): { jobs: JobCopy[]; stops: StopCopy[]; readings: ReadingCopy[] } {
  const from = until - 40 * DAY;
  const jobs: JobCopy[] = [];
  const stops: StopCopy[] = [];
  const readings: ReadingCopy[] = [];
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
  for (let t = until - 6 * DAY, i = 0; t < until; t += 10 * 60_000, i += 1) {
    readings.push({ readingId: firstReading + i, machineId, time: t, metric: 'spindle_temp', value: 40 + 4 * random() });
  }
  return { jobs, stops, readings };
}

describe(ScheduledScoring.name, () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let nats: NatsConnection;
  let jetStream: JetStreamService;
  let replicas: ScheduledScoring[];
  /** Each replica's /metrics. */
  const registries: MetricsRegistry[] = [];
  let risks: MachineRiskService;
  const run = randomUUID().slice(0, 6);
  const machines = ['A', 'B', 'C', 'D'].map((m) => `SC-${run}-${m}`);
  const hot = machines[3];
  const now = Math.floor(Date.now() / HOUR) * HOUR + 10 * 60_000;
  const startedAt = new Date();

  const register = (modelType: ModelType, outcome: Parameters<typeof registerModel>[2]): Promise<void> =>
    registerModel(dataSource, modelType, outcome, { from: now - 40 * DAY, to: now });

  /** This run's events on a subject of ML_PREDICTIONS. */
  const published = async (subject: string): Promise<PredictionEvent[]> =>
    (await predictionEvents(jetStream, subject, startedAt, (event) => machines.includes(event.machine_id))).map((e) => e.event);

  beforeAll(async () => {
    ({ db, dataSource } = await openMlDatabase('sf_ml_scoring', 4));
    nats = await connect({ servers: TEST_INFRA.natsUrl });
    jetStream = new JetStreamService(new NatsConnectionHolder(nats));
    await jetStream.ensureStreams([STREAMS.mlPredictions]);

    const random = seeded(11);
    const fleet = new Map(machines.map((id, i) => [id, fleetHistory(id, now, random, i * 100_000 + 1)]));
    // The last completed hour of one machine runs hot: an anomaly for the scoring to find.
    for (const r of fleet.get(hot)?.readings ?? []) if (r.time >= now - 70 * 60_000 && r.time < now - 10 * 60_000) r.value = 400;
    const copy = new ShopfloorCopyRepository(dataSource);
    await copy.upsertMachines(machines.map((machineId) => ({ machineId, type: 'MILL', location: null, installationDate: null, sourceUpdatedAt: now })));
    for (const h of fleet.values()) {
      await copy.upsertJobs(h.jobs);
      await copy.upsertStops(h.stops);
      await copy.insertReadings(h.readings);
    }
    const span = { from: now - 40 * DAY, to: now };
    const load = (id: string): Promise<MachineHistory> => copy.history(id, span.from, span.to);
    // The anomaly model learns what normal is from the fleet's readings before the hot hour.
    const normal = (id: string): Promise<MachineHistory> => copy.history(id, span.from, now - 2 * HOUR);
    await register('downtime', await trainDowntime(machines, load, span, SMALL, () => undefined));
    await register('failure_risk', await trainDowntime(machines, load, span, SMALL, () => undefined, BREAKDOWN_LABEL));
    await register('maintenance_window', await trainMaintenance(machines, load, span, SMALL, () => undefined));
    await register('anomaly', await trainAnomaly(machines, normal, { from: span.from, to: now - 2 * HOUR }, () => undefined));

    const env = { ML_TIMEZONE: 'UTC', ML_SCORING_INTERVAL_SECONDS: INTERVAL_S, ML_PREDICTION_RETENTION_DAYS: 90 } as MlEnv;
    const predictionRepository = new PredictionRepository(dataSource);
    const replica = (): ScheduledScoring => {
      const registry = new MetricsRegistry();
      registries.push(registry);
      const mlMetrics = new MlMetrics(registry);
      const models = new ModelsService(new ModelRepository(dataSource));
      const histories = new MachineHistoryService(copy);
      const publisher = new PredictionPublisher(predictionRepository, jetStream, mlMetrics);
      return new ScheduledScoring(
        new ScoringRepository(dataSource),
        new ModelRepository(dataSource),
        copy,
        predictionRepository,
        histories,
        new DowntimePredictionService(models, histories, publisher),
        new FailureRiskPredictionService(models, histories, publisher),
        new MaintenanceWindowPredictionService(models, histories, publisher, env),
        new AnomalyDetectionService(models, histories, predictionRepository, jetStream),
        env,
        mlMetrics,
      );
    };
    replicas = [replica(), replica()];
    risks = new MachineRiskService(predictionRepository, copy, new ModelsService(new ModelRepository(dataSource)));
  }, 180_000);

  afterAll(async () => {
    await nats.close();
    await dataSource.destroy();
    await db.drop();
  });

  it('scores every machine with every active model once across replicas, and publishes each score', async () => {
    const rounds = await Promise.all(replicas.map((r) => r.tick(now)));
    const ran = rounds.filter((r) => r !== null);
    expect(ran).toHaveLength(1);
    const anomalies = await published(SUBJECTS.mlEvents.anomaly);
    // Per machine: downtime over 24 h and 7 days, failure risk, remaining life; and the anomalous hours of the last day.
    expect(ran[0]).toEqual({ machines: 4, predictions: 4 * 4 + anomalies.length, skipped: 0, errors: 0 });
    // The replica that ran the round counted it on its /metrics; the other counted nothing.
    const texts = await Promise.all(registries.map((r) => r.render()));
    const runner = texts[rounds.findIndex((r) => r !== null)];
    expect(runner).toMatch(/^shopfloor_ml_scoring_round_duration_seconds_count 1$/m);
    expect(runner).toMatch(new RegExp(`^shopfloor_ml_scoring_results_total\\{result="prediction"\\} ${ran[0]?.predictions}$`, 'm'));
    expect(runner).toMatch(/^shopfloor_ml_predictions_total\{model_type="downtime"\} 8$/m);
    expect(texts[rounds.findIndex((r) => r === null)]).toMatch(/^shopfloor_ml_scoring_round_duration_seconds_count 0$/m);
    // The hot hour is found, and is the worst (the model's 1 % contamination may flag another hour or two).
    const worst = [...anomalies].sort((a, b) => (b as unknown as { score: number }).score - (a as unknown as { score: number }).score)[0] as unknown as {
      machine_id: string;
      at: string;
    };
    expect([worst.machine_id, worst.at]).toEqual([hot, new Date(now - 10 * 60_000).toISOString()]);
    expect(anomalies.length).toBeLessThanOrEqual(4);

    const downtime = await published(SUBJECTS.mlEvents.prediction('downtime'));
    expect(downtime.map((e) => `${e.machine_id}/${e.horizon_hours}`).sort()).toEqual(machines.flatMap((m) => [`${m}/168`, `${m}/24`]).sort());
    const failure = await published(SUBJECTS.mlEvents.prediction('failure_risk'));
    expect(failure.map((e) => e.machine_id).sort()).toEqual([...machines].sort());
    for (const e of [...downtime, ...failure]) {
      expect(e.above_threshold).toBe(e.predicted_value >= (e.threshold as number));
      // A machine's first score: raised when it is over the threshold at once.
      expect(e.transition).toBe(e.above_threshold ? 'raised' : null);
    }
    expect(failure.every((e) => e.horizon_hours === 168 && e.factors.length > 0)).toBe(true);
  }, 60_000);

  it('runs no second round in the same interval, and the next interval scores again without repeating an anomalous hour', async () => {
    expect(await Promise.all(replicas.map((r) => r.tick(now + 60_000)))).toEqual([null, null]);
    const next = (await Promise.all(replicas.map((r) => r.tick(now + INTERVAL_S * 1000)))).filter((r) => r !== null);
    expect(next).toEqual([{ machines: 4, predictions: 4 * 4, skipped: 0, errors: 0 }]);
    const failure = await published(SUBJECTS.mlEvents.prediction('failure_risk'));
    // The same history scored again: no threshold crossed.
    expect(failure.filter((e) => e.machine_id === hot).map((e) => e.transition)).toEqual([failure.find((e) => e.machine_id === hot)?.transition ?? null, null]);
  }, 60_000);

  it("answers a machine's risk: the latest of each kind with its model version, factors and window", async () => {
    const view = await risks.risk(hot, now + INTERVAL_S * 1000);
    expect(view.machine_id).toBe(hot);
    for (const entry of [view.downtime_24h, view.downtime_7d, view.failure_risk, view.maintenance_window]) {
      expect(entry).toMatchObject({ model_version: 1, factors: expect.any(Array) });
      expect(entry?.factors.length).toBeGreaterThan(0);
    }
    expect([view.downtime_24h?.horizon_hours, view.downtime_7d?.horizon_hours, view.failure_risk?.horizon_hours]).toEqual([24, 168, 168]);
    expect(view.downtime_24h?.above_threshold).toBe((view.downtime_24h?.predicted_value ?? 0) >= (view.downtime_24h?.threshold ?? 1));
    expect(view.maintenance_window?.recommended_window).toEqual({ start: expect.any(String), end: expect.any(String) });
    expect(Date.parse(view.maintenance_window?.predicted_failure_at ?? '')).toBeGreaterThan(now);
    expect(view.latest_anomaly).toMatchObject({ at: new Date(now - 10 * 60_000).toISOString(), above_threshold: true });
    expect(view.scored_at).not.toBeNull();
    await expect(risks.risk(`NOPE-${run}`)).rejects.toMatchObject({ code: 'MACHINE_NOT_FOUND' });
  });
});
