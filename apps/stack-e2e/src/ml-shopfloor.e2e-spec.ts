import { randomUUID } from 'node:crypto';
import { JSONCodec, connect, type NatsConnection } from 'nats';
import { Client } from 'pg';
import request from 'supertest';
import {
  SUBJECTS,
  type AnomaliesView,
  type AnomalyEvent,
  type DowntimeRecord,
  type JobRecord,
  type MachineReadingRecord,
  type MaintenanceWindowResult,
  type ModelAccuracyView,
  type PredictionResult,
  type TrainingView,
} from '@shopfloor/contracts';
import { waitFor } from '@shopfloor/testing';
import { ADMIN_KEY, Stack } from './stack';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const DAYS = 120;
/**
 * Run hours each machine lasts after a renewal before it breaks down (even machines are never maintained; odd ones
 * get planned maintenance every 8 days, before they wear out). Chosen so that at the end of the history machine 6 is
 * about 30 run hours from its next breakdown and machine 1 was maintained yesterday.
 */
const LIFE_HOURS: Record<number, number> = { 1: 400, 2: 250, 3: 400, 4: 300, 5: 400, 6: 325 };

/** 120 days of two-shift work (06:00–22:00 UTC) for six machines whose breakdowns come from wear. */
function shopHistory(prefix: string, end: number): { jobs: JobRecord[]; stops: DowntimeRecord[] } {
  const jobs: JobRecord[] = [];
  const stops: DowntimeRecord[] = [];
  const iso = (ms: number) => new Date(ms).toISOString();
  const first = Math.floor(end / DAY) * DAY - DAYS * DAY;
  for (let m = 1; m <= 6; m += 1) {
    const machineId = `${prefix}-${m}`;
    let wear = 0;
    const stop = (type: string, at: number, minutes: number, reason: string) =>
      stops.push({
        record_id: `${machineId}-S${stops.length}`,
        job_id: null,
        machine_id: machineId,
        downtime_type: type,
        start_time: iso(at),
        duration: minutes * 60,
        reason_code: reason,
        description: null,
        source_updated_at: iso(at),
      });
    for (let d = 0; d < DAYS; d += 1) {
      const day = first + d * DAY;
      jobs.push({
        job_id: `${machineId}-J${d}`,
        machine_id: machineId,
        part_number: 'P-1',
        start_time: iso(day + 6 * HOUR),
        end_time: iso(day + 22 * HOUR),
        state: 'COMPLETED',
        operator_id: null,
        setup_time: null,
        cycle_time: 60,
        ideal_cycle_time: 50,
        parts_produced: 900,
        parts_scrapped: 9,
        source_updated_at: iso(day + 22 * HOUR),
      });
      if (m % 2 === 1 && (d + 1) % 8 === 0) {
        stop('PLANNED_MAINTENANCE', day + 5 * HOUR, 60, 'M01');
        wear = 0;
      }
      stop('MATERIAL', day + 12 * HOUR, 10, 'U03'); // short: never a downtime label
      if (d % 7 === 3) stop('QUALITY', day + 9 * HOUR, 40, 'U22'); // weekly, wear or not
      for (let h = 6; h < 22; h += 1) {
        wear += 1;
        if (wear >= LIFE_HOURS[m]) {
          stop('BREAKDOWN', day + h * HOUR + 15 * 60_000, 120, 'B99');
          wear = 0;
        }
      }
    }
  }
  return { jobs, stops };
}

/** The ml service learns downtime from the shop floor it copies from SHOPFLOOR, and predicts it per machine. */
describe('ml downtime from the shop-floor history', () => {
  const stack = new Stack();
  const prefix = `WEAR${randomUUID().slice(0, 6)}`;
  const syncId = `e2e-ml-${randomUUID()}`;
  let nats: NatsConnection;
  let operatorKey: string;
  const trained = async (modelType: string): Promise<TrainingView> => {
    const started = await post('/api/v1/ml/train').send({ model_type: modelType });
    expect(started.status).toBe(202);
    const id = (started.body as { training_id: string }).training_id;
    return waitFor(
      `the ${modelType} training to finish`,
      async () => {
        const view = (await request(stack.gatewayUrl).get(`/api/v1/ml/train/${id}`).set('X-API-Key', ADMIN_KEY)).body as TrainingView;
        return view.state === 'succeeded' || view.state === 'failed' ? view : undefined;
      },
      170_000,
      1000,
    );
  };
  const post = (path: string, key = ADMIN_KEY) => request(stack.gatewayUrl).post(path).set('X-API-Key', key);

  beforeAll(async () => {
    await stack.start();
    nats = await connect({ servers: stack.natsUrl });
    operatorKey = ((await post('/api/v1/auth/api-keys').send({ name: 'e2e ml operator', role: 'operator' })).body as { key: string }).key;
  }, 120_000);

  afterAll(async () => {
    await nats?.close();
    stack.kill();
    await stack.database?.drop();
  });

  it('refuses to predict before a downtime model exists, and for an unknown machine', async () => {
    expect((await post('/api/v1/ml/predict/downtime', operatorKey).send({ machine_id: 'NOPE', horizon_hours: 24 })).body).toMatchObject({
      error_code: 'MACHINE_NOT_FOUND',
    });
    expect((await post('/api/v1/ml/predict/downtime', operatorKey).send({ machine_id: 'NOPE', horizon_hours: 500 })).status).toBe(400);
  });

  it('predicts more downtime for a worn machine than for one just maintained, explains it and tracks the outcome', async () => {
    const end = Date.now();
    const { jobs, stops } = shopHistory(prefix, end);
    const js = nats.jetstream();
    const codec = JSONCodec();
    await js.publish(
      SUBJECTS.shopfloor.machinesUpserted,
      codec.encode({
        sync_id: syncId,
        records: [1, 2, 3, 4, 5, 6].map((m) => ({
          machine_id: `${prefix}-${m}`,
          name: `Mill ${m}`,
          type: 'MILL',
          location: 'Hall A',
          installation_date: null,
          specifications: null,
          source_updated_at: new Date(end - DAYS * DAY).toISOString(),
        })),
      }),
      { msgID: `${syncId}-m` },
    );
    for (let i = 0; i < jobs.length; i += 500)
      await js.publish(SUBJECTS.shopfloor.jobsUpserted, codec.encode({ sync_id: syncId, records: jobs.slice(i, i + 500) }), { msgID: `${syncId}-j${i}` });
    for (let i = 0; i < stops.length; i += 500)
      await js.publish(SUBJECTS.shopfloor.downtimeRecordsUpserted, codec.encode({ sync_id: syncId, records: stops.slice(i, i + 500) }), {
        msgID: `${syncId}-s${i}`,
      });
    const pg = new Client({ connectionString: stack.database?.adminDatabaseUrl });
    await pg.connect();
    try {
      // Generous: the ml consumer may first work through batches other suites left on SHOPFLOOR.
      await waitFor(
        'the ml service to hold every stop',
        async () => Number((await pg.query(`SELECT count(*) AS n FROM ml.stops WHERE machine_id LIKE '${prefix}%'`)).rows[0].n) === stops.length,
        120_000,
        250,
      );
    } finally {
      await pg.end();
    }

    const run = await trained('downtime');
    expect(run.error).toBeNull();
    expect(run.metrics).toMatchObject({ evaluated_on: 'held-out machines' });

    const predict = async (machine: number) =>
      (await post('/api/v1/ml/predict/downtime', operatorKey).send({ machine_id: `${prefix}-${machine}`, horizon_hours: 72 })).body as PredictionResult;
    const worn = await predict(6);
    const fresh = await predict(1);
    expect(worn).toMatchObject({ prediction_type: 'downtime', horizon_hours: 72, stop_minutes: 30, model_version: 1 });
    expect(worn.predicted_value).toBeGreaterThan(fresh.predicted_value);
    expect(worn.factors.length).toBeGreaterThan(0);
    expect(worn.factors.map((f) => f.feature)).toEqual(expect.arrayContaining([expect.stringMatching(/renewal|maintenance|breakdown/)]));

    const accuracy = (await request(stack.gatewayUrl).get(`/api/v1/ml/models/${run.model_id}/accuracy`).set('X-API-Key', ADMIN_KEY)).body as ModelAccuracyView;
    expect(accuracy).toMatchObject({ model_type: 'downtime', predictions: 2, with_actual: 0, pending: 2 });

    // Remaining life from the same history: the worn machine has little left, the maintained one the cap; maintenance
    // is recommended in the calmest hours (the machines work 06:00–22:00) before the predicted breakdown.
    const rul = await trained('maintenance_window');
    expect(rul.error).toBeNull();
    const life = async (machine: number) =>
      (await post('/api/v1/ml/predict/maintenance-window', operatorKey).send({ machine_id: `${prefix}-${machine}` })).body as MaintenanceWindowResult;
    const wornLife = await life(6);
    const freshLife = await life(1);
    expect(wornLife.predicted_value).toBeLessThan(freshLife.predicted_value);
    expect(wornLife.predicted_value).toBeLessThan(240);
    const window = wornLife.recommended_window;
    expect(Date.parse(window.start)).toBeGreaterThanOrEqual(Date.now() - 60_000);
    expect(Date.parse(window.end)).toBeLessThanOrEqual(Date.parse(wornLife.predicted_failure_at) + 3_600_000);
    expect(window.expected_load).toBeLessThan(0.2);
  }, 240_000);

  it('learns normal readings and finds an hour that is not, names the reading behind it, and publishes it', async () => {
    // Spindle temperature and load every 15 minutes over the last 10 days of work; machine 3 overheats for one hour.
    const end = Math.floor(Date.now() / HOUR) * HOUR;
    const hot = end - 30 * HOUR;
    const readings: MachineReadingRecord[] = [];
    let id = 9_000_000 + Math.floor(Math.random() * 1_000_000) * 100;
    for (let m = 1; m <= 6; m += 1) {
      for (let t = end - 10 * 24 * HOUR; t < end; t += 15 * 60_000) {
        const wave = Math.sin(t / 3_600_000 + m);
        const overheated = m === 3 && t >= hot - HOUR && t < hot;
        readings.push({
          reading_id: (id += 1),
          machine_id: `${prefix}-${m}`,
          reading_time: new Date(t).toISOString(),
          metric: 'spindle_temp',
          value: 40 + 2 * wave + (overheated ? 25 : 0),
          unit: '°C',
        });
        readings.push({
          reading_id: (id += 1),
          machine_id: `${prefix}-${m}`,
          reading_time: new Date(t).toISOString(),
          metric: 'spindle_load',
          value: 55 + 5 * wave,
          unit: '%',
        });
      }
    }
    const codec = JSONCodec();
    for (let i = 0; i < readings.length; i += 1000) {
      await nats.jetstream().publish(SUBJECTS.shopfloor.machineReadingsAppended, codec.encode({ sync_id: syncId, records: readings.slice(i, i + 1000) }), {
        msgID: `${syncId}-r${i}`,
      });
    }
    const pg = new Client({ connectionString: stack.database?.adminDatabaseUrl });
    await pg.connect();
    try {
      await waitFor(
        'the ml service to hold every reading',
        async () => Number((await pg.query(`SELECT count(*) AS n FROM ml.readings WHERE machine_id LIKE '${prefix}%'`)).rows[0].n) === readings.length,
        120_000,
        250,
      );
    } finally {
      await pg.end();
    }
    const run = await trained('anomaly');
    expect(run.error).toBeNull();
    expect(run.state).toBe('succeeded');

    const published: AnomalyEvent[] = [];
    const subscription = nats.subscribe(SUBJECTS.mlEvents.anomaly, { callback: (_e, msg) => published.push(codec.decode(msg.data) as AnomalyEvent) });
    const res = await post('/api/v1/ml/predict/anomalies', operatorKey).send({
      machine_id: `${prefix}-3`,
      from: new Date(hot - 12 * HOUR).toISOString(),
      to: new Date(hot + 12 * HOUR).toISOString(),
    });
    expect(res.status).toBe(200);
    const view = res.body as AnomaliesView;
    expect(view.hours_scored).toBe(24);
    expect(view.anomalies.map((a) => a.at)).toContain(new Date(hot).toISOString());
    const found = view.anomalies.find((a) => a.at === new Date(hot).toISOString()) as AnomalyEvent;
    expect(found.score).toBeGreaterThan(view.threshold);
    expect(found.factors[0].feature).toMatch(/spindle_temp/);
    await waitFor('the anomaly on ml.prediction.anomaly', () => published.some((p) => p.anomaly_id === found.anomaly_id), 5000, 100);
    subscription.unsubscribe();

    const bad = await post('/api/v1/ml/predict/anomalies', operatorKey).send({
      machine_id: `${prefix}-3`,
      from: new Date(hot).toISOString(),
      to: new Date(hot - HOUR).toISOString(),
    });
    expect(bad.status).toBe(400);
  }, 240_000);

  it('predicts failure risk of a machine from its latest readings when the model reads its metrics', async () => {
    // A model of spindle temperature and load (a dataset named like the machines' metrics).
    const rows = Array.from({ length: 400 }, (_, i) => {
      const spindle_temp = 35 + ((i * 37) % 35);
      const spindle_load = 40 + ((i * 53) % 30);
      return { spindle_temp, spindle_load, failed: spindle_temp > 60 ? 1 : 0 };
    });
    const dataset = (await post('/api/v1/ml/datasets').send({ name: 'spindle', label: 'failed', rows })).body as { dataset_id: string };
    const started = await post('/api/v1/ml/train').send({ model_type: 'failure_risk', dataset_id: dataset.dataset_id });
    const id = (started.body as { training_id: string }).training_id;
    await waitFor(
      'the failure_risk training',
      async () => ((await request(stack.gatewayUrl).get(`/api/v1/ml/train/${id}`).set('X-API-Key', ADMIN_KEY)).body as TrainingView).state === 'succeeded',
      120_000,
      500,
    );

    const now = Date.now();
    const fresh = (machine: number, temp: number, n: number): MachineReadingRecord[] => [
      {
        reading_id: 8_000_000 + machine * 10 + n,
        machine_id: `${prefix}-${machine}`,
        reading_time: new Date(now - 60_000).toISOString(),
        metric: 'spindle_temp',
        value: temp,
        unit: '°C',
      },
      {
        reading_id: 8_000_000 + machine * 10 + n + 1,
        machine_id: `${prefix}-${machine}`,
        reading_time: new Date(now - 60_000).toISOString(),
        metric: 'spindle_load',
        value: 55,
        unit: '%',
      },
    ];
    await nats
      .jetstream()
      .publish(SUBJECTS.shopfloor.machineReadingsAppended, JSONCodec().encode({ sync_id: syncId, records: [...fresh(3, 68, 0), ...fresh(1, 41, 2)] }), {
        msgID: `${syncId}-fresh`,
      });
    const predict = (machine: number) => post('/api/v1/ml/predict/failure-risk', operatorKey).send({ machine_id: `${prefix}-${machine}` });
    const hot = await waitFor(
      'the fresh readings to be used',
      async () => {
        const body = (await predict(3)).body as PredictionResult;
        return body.predicted_value > 0.5 ? body : undefined;
      },
      15_000,
      250,
    );
    const cool = (await predict(1)).body as PredictionResult;
    expect(hot).toMatchObject({ machine_id: `${prefix}-3`, prediction_type: 'failure_risk' });
    expect(cool.predicted_value).toBeLessThan(hot.predicted_value);
    expect(hot.factors[0].feature).toMatch(/spindle_temp/);
    expect((await post('/api/v1/ml/predict/failure-risk', operatorKey).send({ machine_id: 'NOPE' })).body).toMatchObject({ error_code: 'MACHINE_NOT_FOUND' });
  }, 180_000);
});
