import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import request from 'supertest';
import type { PredictionResult, SyncStatusView, TrainingView } from '@shopfloor/contracts';
import { createSourceDatabase, waitFor, workspaceRoot, type TestSourceDatabase } from '@shopfloor/testing';
import { ADMIN_KEY, Stack } from './stack';

const run = promisify(execFile);
const HOUR = 3_600_000;
const MACHINES = 20;
const DAYS = 365;

/**
 * The simulator's own shop floor, end to end: a year of 20 machines written into a CIMCO source by the simulator
 * (breakdowns from a Weibull wear-out hazard in run hours since renewal, planned maintenance every ~590 run hours),
 * synced by ingestion, copied by the ml service from SHOPFLOOR, and a downtime model for breakdowns trained on it.
 */
describe('ml downtime on the simulator shop floor', () => {
  const stack = new Stack();
  const prefix = `S${randomBytes(3).toString('hex')}-`;
  let source: TestSourceDatabase;
  let pg: Client;
  const post = (path: string) => request(stack.gatewayUrl).post(path).set('X-API-Key', ADMIN_KEY);
  const get = (path: string) => request(stack.gatewayUrl).get(path).set('X-API-Key', ADMIN_KEY);

  /** Runs a sync through the gateway and waits for it to succeed, then for the ml copy to hold every stop. */
  const sync = async (mode: 'full' | 'incremental'): Promise<void> => {
    const started = await post('/api/v1/data/sync').send({ mode });
    expect(started.status).toBe(202);
    const id = (started.body as { sync_id: string }).sync_id;
    const done = await waitFor(
      'the sync to finish',
      async () => {
        const last = ((await get('/api/v1/data/sync-status')).body as SyncStatusView).last_run;
        return last?.sync_id === id && last.state !== 'running' ? last : undefined;
      },
      180_000,
      500,
    );
    expect(done.state).toBe('succeeded');
    const [rows] = await source.connection.query(`SELECT COUNT(*) AS n FROM downtime_records`);
    const expected = Number((rows as { n: number }[])[0].n);
    let seen = 0;
    await waitFor(
      'the ml service to hold every stop',
      async () => (seen = Number((await pg.query(`SELECT count(*) AS n FROM ml.stops WHERE machine_id LIKE $1`, [`${prefix}%`])).rows[0].n)) === expected,
      180_000,
      500,
    ).catch((error: Error) => {
      throw new Error(`${error.message}: ${seen} of ${expected} stops after the sync ${JSON.stringify(done.counts)}`);
    });
  };

  beforeAll(async () => {
    source = await createSourceDatabase('cimco_mlsim');
    const simulator = join(workspaceRoot(), 'dist', 'apps', 'simulator', 'apps', 'simulator', 'src', 'main.js');
    await run(
      process.execPath,
      [simulator, '--machines', String(MACHINES), '--days', String(DAYS), '--seed', '3', '--readings-interval-s', '0', '--machine-prefix', prefix],
      {
        env: { ...process.env, CIMCO_DATABASE_URL: source.url },
        maxBuffer: 16 * 1024 * 1024,
      },
    );
    await stack.start({ CIMCO_DATABASE_URL: source.url, SYNC_INTERVAL_SECONDS: '0', SYNC_SAFETY_LAG_MS: '0' });
    pg = new Client({ connectionString: stack.database?.adminDatabaseUrl });
    await pg.connect();
  }, 120_000);

  afterAll(async () => {
    await pg?.end();
    stack.kill();
    if (process.env.KEEP_E2E_DB) return;
    await stack.database?.drop();
    await source?.drop();
  });

  it('predicts more breakdown downtime for a worn machine than for the same machine just maintained', async () => {
    await sync('full');
    const started = await post('/api/v1/ml/train').send({ model_type: 'downtime', params: { stop_types: ['breakdown'] } });
    expect(started.status).toBe(202);
    const trainingId = (started.body as { training_id: string }).training_id;
    const trained = await waitFor(
      'the downtime training to finish',
      async () => {
        const view = (await get(`/api/v1/ml/train/${trainingId}`)).body as TrainingView;
        return view.state === 'succeeded' || view.state === 'failed' ? view : undefined;
      },
      400_000,
      1000,
    );
    expect(trained.error).toBeNull();
    // Breakdowns are rare (a few per machine-year), yet on machines it never saw the model ranks instants by risk.
    const metrics = trained.metrics ?? {};
    expect(metrics).toMatchObject({ evaluated_on: 'held-out machines', roc_auc: expect.any(Number) });
    expect(metrics['roc_auc']).toBeGreaterThan(0.6);
    expect(metrics['wear_prior']).toMatchObject({ shape: expect.any(Number) });
    // The simulator's wear-out shape is 1.84; the curve fitted from its records must show wear-out too.
    expect((metrics['wear_prior'] as { shape: number }).shape).toBeGreaterThan(1.2);

    // The machine renewed (repaired or maintained) longest ago: its wear has built up the most.
    const [renewals] = await source.connection.query(
      `SELECT machine_id, MAX(start_time + INTERVAL duration SECOND) AS renewed FROM downtime_records
       WHERE downtime_type IN ('BREAKDOWN', 'PLANNED_MAINTENANCE') GROUP BY machine_id ORDER BY renewed LIMIT 1`,
    );
    const worn = (renewals as { machine_id: string }[])[0].machine_id;
    const predict = async (): Promise<PredictionResult> => {
      const res = await post('/api/v1/ml/predict/downtime').send({ machine_id: worn, horizon_hours: 168 });
      expect(res.status).toBe(200);
      return res.body as PredictionResult;
    };
    const before = await predict();
    expect(before).toMatchObject({ prediction_type: 'downtime', horizon_hours: 168, stop_types: ['BREAKDOWN'] });
    expect(before.factors.map((f) => f.feature)).toEqual(expect.arrayContaining([expect.stringMatching(/wear|renewal|maintenance|breakdown/)]));

    // The shop maintains it now: the MDC records the planned maintenance, the next sync brings it in.
    const end = new Date(Date.now() - 10 * 60_000);
    const start = new Date(end.getTime() - 1.5 * HOUR);
    const wall = (d: Date) => d.toISOString().slice(0, 19).replace('T', ' ');
    await source.connection.query(
      `INSERT INTO downtime_records (record_id, job_id, machine_id, downtime_type, start_time, duration, reason_code, description, updated_at)
       VALUES (?, NULL, ?, 'PLANNED_MAINTENANCE', ?, ?, 'M01', 'Planned maintenance', ?)`,
      [`${worn}-MAINT`, worn, wall(start), 1.5 * 3600, wall(new Date())],
    );
    await sync('incremental');
    const after = await predict();
    expect(after.model_version).toBe(before.model_version);
    expect(after.predicted_value).toBeLessThan(before.predicted_value);
    const age = (p: PredictionResult) => p.factors.find((f) => f.feature === 'run_hours_since_renewal')?.value;
    if (age(after) !== undefined) expect(age(after)).toBeLessThan(1);
  }, 600_000);
});
