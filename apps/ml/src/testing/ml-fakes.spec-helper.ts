import { randomUUID } from 'node:crypto';
import type { ModelType } from '@shopfloor/contracts';
import type { MachineHistory } from '@shopfloor/ml/features';
import type {
  CopiedHistory,
  CopiedMachine,
  DatasetColumn,
  DatasetRecord,
  DatasetRepository,
  ModelRecord,
  ModelRepository,
  NewModel,
  NewPrediction,
  PredictionRepository,
  ShopfloorCopyRepository,
  TrainingRunRecord,
  TrainingRunRepository,
} from '@shopfloor/ml/data-access';
import { encodeArtifact, trainAnomaly, trainDowntime, trainMaintenance, trainOnDataset, BREAKDOWN_LABEL, type ModelArtifact } from '@shopfloor/ml/modelling';
import type { JetStreamService } from '@shopfloor/nats';
import { MetricsRegistry } from '@shopfloor/observability';
import { SeededRandom } from '@shopfloor/util';
import type { MlEnv } from '../config/ml.env';
import { AnomalyDetectionService } from '../predictions/anomaly-detection.service';
import { DowntimePredictionService } from '../predictions/downtime-prediction.service';
import { FailureRiskPredictionService } from '../predictions/failure-risk-prediction.service';
import { MachineHistoryService } from '../predictions/machine-history.service';
import { MaintenanceWindowPredictionService } from '../predictions/maintenance-window-prediction.service';
import { ModelAccuracyService } from '../predictions/model-accuracy.service';
import { PredictionPublisher } from '../predictions/prediction-publisher';
import { MlMetrics } from '../registry/ml.metrics';
import { ModelsService } from '../registry/models.service';

// In-memory stand-ins for the ml repositories and JetStream, and small real models, for unit tests of the services
// (no database, no NATS). Each fake is a jest mock over the methods the services call, so a test can both feed it
// and see what was written.

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
/** Few, shallow trees: the models are real but train in a moment. */
export const SMALL_PARAMS = { trees: 20, seed: 1 };

/** A fake's methods as jest mocks; the service under test receives it as the repository. */
export type Fake<T, K extends keyof T> = jest.Mocked<Pick<T, K>>;

/** A fake handed to a constructor that wants the whole class (the service calls only the faked methods). */
export function asReal<T>(fake: object): T {
  return fake as T;
}

/** `days` of a machine up to `until`: 8-hour jobs back to back, a breakdown of 1–2 h every 2–5 days (seeded, so the same on every run). */
export function machineHistory(until: number, days: number, seed: number): MachineHistory & { since: number; until: number } {
  const random = new SeededRandom(seed);
  const from = until - days * DAY;
  const jobs: CopiedHistory['jobs'] = [];
  const stops: CopiedHistory['stops'] = [];
  for (let start = from; start < until; start += 8 * HOUR) {
    jobs.push({ start, end: start + 8 * HOUR <= until ? start + 8 * HOUR : null, idealCycleTimeS: 60, cycleTimeS: 65, partsProduced: 400, partsScrapped: 4 });
  }
  for (let at = from + DAY; at < until - 2 * HOUR; at += (2 + 3 * random.next()) * DAY) {
    stops.push({ start: Math.round(at), durationS: Math.round(3600 + 3600 * random.next()), type: 'BREAKDOWN' });
  }
  return { jobs, stops, readings: [], since: from, until };
}

/** A registered model version as the repository returns it. */
export function modelRecord(modelType: ModelType, overrides: Partial<ModelRecord> = {}): ModelRecord {
  return {
    modelId: randomUUID(),
    modelType,
    version: 1,
    active: true,
    trainingId: randomUUID(),
    datasetId: null,
    dataFrom: null,
    dataTo: null,
    dataRows: 0,
    hyperparameters: {},
    metrics: {},
    featureNames: [],
    artifactBytes: 0,
    createdAt: new Date('2026-01-01T00:00:00Z'),
    activatedAt: null,
    promotion: null,
    ...overrides,
  };
}

/** Trained artifacts of each kind the prediction services serve, learnt from four seeded machines. */
export interface TrainedArtifacts {
  downtime: ModelArtifact;
  breakdown: ModelArtifact;
  maintenance: ModelArtifact;
  /** failure_risk learnt from a dataset: a spindle over 60 °C fails. */
  readings: ModelArtifact;
  /** Normal hours: a spindle at 40–44 °C. */
  anomaly: ModelArtifact;
}

/** A spindle temperature every 10 minutes over the `days` before `until`, between 40 and 44 °C (seeded). */
export function spindleReadings(until: number, days: number, seed: number): { time: number; metric: string; value: number }[] {
  const random = new SeededRandom(seed);
  const readings: { time: number; metric: string; value: number }[] = [];
  for (let time = until - days * DAY; time < until; time += 10 * 60_000) readings.push({ time, metric: 'spindle_temp', value: 40 + 4 * random.next() });
  return readings;
}

/** Trains the artifacts asked for (each kind takes a moment; a spec trains only those it serves). */
export async function trainArtifacts<K extends keyof TrainedArtifacts>(now: number, kinds: readonly K[]): Promise<Pick<TrainedArtifacts, K>> {
  const fleet = new Map(['A', 'B', 'C', 'D'].map((id, i) => [id, machineHistory(now, 60, i + 1)]));
  const load = async (id: string): Promise<MachineHistory> => fleet.get(id) ?? { jobs: [], stops: [] };
  const span = { from: now - 60 * DAY, to: now };
  const quiet = (): void => undefined;
  const temps = Float64Array.from({ length: 400 }, (_, i) => 40 + (i % 80) / 2);
  const trainers: { [k in keyof TrainedArtifacts]: () => Promise<ModelArtifact> } = {
    downtime: async () => (await trainDowntime([...fleet.keys()], load, span, SMALL_PARAMS, quiet)).artifact,
    breakdown: async () => (await trainDowntime([...fleet.keys()], load, span, SMALL_PARAMS, quiet, BREAKDOWN_LABEL)).artifact,
    maintenance: async () => (await trainMaintenance([...fleet.keys()], load, span, SMALL_PARAMS, quiet)).artifact,
    anomaly: async () =>
      (
        await trainAnomaly(
          [...fleet.keys()],
          async (id) => ({ ...(await load(id)), readings: spindleReadings(now, 4, fleet.size + [...fleet.keys()].indexOf(id)) }),
          span,
          quiet,
        )
      ).artifact,
    readings: async () =>
      trainOnDataset(
        'failure_risk',
        { rowCount: 400, inputs: ['spindle_temp'], inputValues: [temps], label: temps.map((t) => (t > 60 ? 1 : 0)), groups: null, orders: null },
        SMALL_PARAMS,
        quiet,
      ).artifact,
  };
  const trained: Partial<TrainedArtifacts> = {};
  for (const kind of kinds) trained[kind] = await trainers[kind]();
  return trained as Pick<TrainedArtifacts, K>;
}

/** The registry's versions in memory: the active one of each type is the last registered active version. */
export function fakeModelRepository(
  versions: { record: ModelRecord; artifact: ModelArtifact | null }[] = [],
): Fake<ModelRepository, 'find' | 'findActive' | 'artifact' | 'activeIds' | 'create'> {
  const stored = [...versions];
  return {
    find: jest.fn(async (modelId: string) => stored.find((v) => v.record.modelId === modelId)?.record ?? null),
    findActive: jest.fn(async (modelType: string) => stored.filter((v) => v.record.active && v.record.modelType === modelType).at(-1)?.record ?? null),
    artifact: jest.fn(async (modelId: string) => {
      const artifact = stored.find((v) => v.record.modelId === modelId)?.artifact;
      return artifact ? encodeArtifact(artifact) : null;
    }),
    activeIds: jest.fn(async () => new Map(stored.filter((v) => v.record.active).map((v) => [v.record.modelType, v.record.modelId]))),
    create: jest.fn(async ({ artifact, replaces: _replaces, ...model }: NewModel) => {
      const version = stored.filter((v) => v.record.modelType === model.modelType).length + 1;
      const record = modelRecord(model.modelType as ModelType, {
        ...model,
        version,
        active: model.promotion['decision'] === 'promoted',
        artifactBytes: artifact.length,
      });
      stored.push({ record, artifact: null });
      return record;
    }),
  };
}

/** The shop-floor copy: the machines given, each with its history (the window asked for is not cut out). */
export function fakeShopfloorCopy(
  histories: Record<string, MachineHistory> = {},
  machines: CopiedMachine[] = [],
): Fake<ShopfloorCopyRepository, 'machineExists' | 'history' | 'machines' | 'dataSpan'> {
  return {
    machineExists: jest.fn(async (machineId: string) => machineId in histories),
    history: jest.fn(
      async (machineId: string, from: number, to: number, _readingsFrom?: number) =>
        ({ readings: [], ...(histories[machineId] ?? { jobs: [], stops: [] }), since: from, until: to }) as CopiedHistory,
    ),
    machines: jest.fn(async () => machines),
    dataSpan: jest.fn(async () => {
      const known = machines.filter((m) => m.firstDataAt !== null && m.lastDataAt !== null);
      return known.length === 0
        ? { from: null, to: null }
        : { from: Math.min(...known.map((m) => m.firstDataAt as number)), to: Math.max(...known.map((m) => m.lastDataAt as number)) };
    }),
  };
}

/** Stored predictions in memory; `previousValue` answers the last one stored for the machine, type and horizon. */
export function fakePredictionRepository(): Fake<PredictionRepository, 'insert' | 'previousValue' | 'outcomes'> & { stored: NewPrediction[] } {
  const stored: NewPrediction[] = [];
  return {
    stored,
    insert: jest.fn(async (p: NewPrediction) => {
      stored.push(p);
    }),
    previousValue: jest.fn(
      async (machineId: string, modelType: string, horizonHours: number | null, _before: Date) =>
        stored.filter((p) => p.machineId === machineId && p.modelType === modelType && p.horizonHours === horizonHours).at(-1)?.predictedValue ?? null,
    ),
    outcomes: jest.fn(async (_modelId: string) => ({ predicted: [] as number[], actual: [] as number[], total: 0, pending: 0 })),
  };
}

export function fakeJetStream(): Fake<JetStreamService, 'publish'> {
  return { publish: jest.fn(async () => undefined) } as unknown as Fake<JetStreamService, 'publish'>;
}

/** The prediction services wired as the module wires them, over the fakes given. */
export function predictionServices(deps: {
  models: Fake<ModelRepository, 'find' | 'findActive' | 'artifact'>;
  copy: Fake<ShopfloorCopyRepository, 'machineExists' | 'history'>;
  predictions: Fake<PredictionRepository, 'insert' | 'previousValue' | 'outcomes'>;
  jetStream: Fake<JetStreamService, 'publish'>;
  timezone?: string;
}) {
  const models = new ModelsService(asReal(deps.models));
  const histories = new MachineHistoryService(asReal(deps.copy));
  const predictions = asReal<PredictionRepository>(deps.predictions);
  const jetStream = asReal<JetStreamService>(deps.jetStream);
  const publisher = new PredictionPublisher(predictions, jetStream, new MlMetrics(new MetricsRegistry()));
  return {
    models,
    histories,
    downtime: new DowntimePredictionService(models, histories, publisher),
    failureRisk: new FailureRiskPredictionService(models, histories, publisher),
    maintenanceWindow: new MaintenanceWindowPredictionService(models, histories, publisher, { ML_TIMEZONE: deps.timezone ?? 'UTC' } as MlEnv),
    anomalies: new AnomalyDetectionService(models, histories, predictions, jetStream),
    accuracy: new ModelAccuracyService(models, predictions),
  };
}

/** A queued training as `claimNext` hands it over. */
export function trainingRun(overrides: Partial<TrainingRunRecord> = {}): TrainingRunRecord {
  return {
    trainingId: randomUUID(),
    modelType: 'failure_risk',
    datasetId: null,
    params: {},
    state: 'running',
    progress: 0,
    modelId: null,
    metrics: null,
    error: null,
    worker: 'test',
    createdAt: new Date(),
    startedAt: new Date(),
    finishedAt: null,
    ...overrides,
  };
}

/** The training queue: hands out the runs given, in order, then none. */
export function fakeTrainingRuns(queued: TrainingRunRecord[] = []): Fake<TrainingRunRepository, 'claimNext' | 'heartbeat' | 'requeue' | 'succeed' | 'fail'> {
  const queue = [...queued];
  return {
    claimNext: jest.fn(async (_worker: string, _staleSeconds: number) => queue.shift() ?? null),
    heartbeat: jest.fn(async (_trainingId: string, _worker: string, _progress: number): Promise<boolean> => true),
    requeue: jest.fn(async (_trainingId: string, _worker: string): Promise<void> => undefined),
    succeed: jest.fn(async (_trainingId: string, _worker: string, _modelId: string, _metrics: Record<string, unknown>): Promise<void> => undefined),
    fail: jest.fn(async (_trainingId: string, _worker: string, _error: string): Promise<void> => undefined),
  };
}

export function fakeDatasets(): Fake<DatasetRepository, 'find' | 'columns'> {
  return {
    find: jest.fn(async (_datasetId: string): Promise<DatasetRecord | null> => null),
    columns: jest.fn(async (_datasetId: string): Promise<DatasetColumn[]> => []),
  };
}
