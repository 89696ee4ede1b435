import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import type { DatasetView, EvaluationView, ModelView, PredictionPage, PredictionResult, ScheduleView, TrainingView } from '@shopfloor/contracts';
import { waitFor } from '@shopfloor/testing';
import { ADMIN_KEY, Stack } from './stack';

const AI4I = join(__dirname, '..', '..', '..', '..', 'shared', 'data', 'ai4i2020-train.csv');

/** The ml service through the gateway: datasets (uploaded whole, validated, stored by column). */
describe('ml through the gateway', () => {
  const stack = new Stack();
  let viewerKey: string;
  let ai4i: DatasetView;

  const post = (path: string, key = ADMIN_KEY) => request(stack.gatewayUrl).post(path).set('X-API-Key', key);

  beforeAll(async () => {
    await stack.start();
    const res = await post('/api/v1/auth/api-keys').send({ name: 'e2e ml viewer', role: 'viewer' });
    viewerKey = (res.body as { key: string }).key;
  }, 120_000);

  afterAll(async () => {
    stack.kill();
    await stack.database?.drop();
  });

  describe('datasets', () => {
    it('takes the AI4I CSV with its spec in the query string', async () => {
      const res = await post('/api/v1/ml/datasets?name=ai4i&label=Machine%20failure&exclude=UDI,Product%20ID,Type,TWF,HDF,PWF,OSF,RNF')
        .set('Content-Type', 'text/csv')
        .send(readFileSync(AI4I, 'utf8'));
      expect(res.status).toBe(201);
      const view = res.body as DatasetView;
      ai4i = view;
      expect(view).toMatchObject({ name: 'ai4i', label: 'Machine failure', rows: 8000, group: null, order: null });
      expect(view.columns.map((c) => c.name)).toEqual([
        'Air temperature [K]',
        'Process temperature [K]',
        'Rotational speed [rpm]',
        'Torque [Nm]',
        'Tool wear [min]',
        'Machine failure',
      ]);
      const list = await request(stack.gatewayUrl).get('/api/v1/ml/datasets').set('X-API-Key', ADMIN_KEY);
      expect((list.body as { items: DatasetView[] }).items.map((d) => d.dataset_id)).toContain(view.dataset_id);
    });

    it('keeps a text column as a categorical feature and leaves an identifier out, saying why', async () => {
      const res = await post('/api/v1/ml/datasets?name=ai4i-typed&label=Machine%20failure&exclude=UDI,TWF,HDF,PWF,OSF,RNF')
        .set('Content-Type', 'text/csv')
        .send(readFileSync(AI4I, 'utf8'));
      expect(res.status).toBe(201);
      const view = res.body as DatasetView;
      expect(view.columns).toContainEqual({ name: 'Type', kind: 'text' });
      expect(view.columns.map((c) => c.name)).not.toContain('Product ID');
      expect(view.ignored_columns).toEqual([{ name: 'Product ID', reason: expect.stringContaining('identifier') }]);
    });

    it('takes 50,000 rows × 30 columns of JSON in one request', async () => {
      const rows = Array.from({ length: 50_000 }, (_, r) => {
        const row: Record<string, number> = { y: r % 7 === 0 ? 1 : 0 };
        for (let c = 0; c < 29; c += 1) row[`f${c}`] = Math.round(Math.sin(r * (c + 1)) * 1e4) / 100;
        return row;
      });
      const res = await post('/api/v1/ml/datasets').send({ name: 'wide', label: 'y', rows });
      expect(res.status).toBe(201);
      expect((res.body as DatasetView).rows).toBe(50_000);
      expect((res.body as DatasetView).columns).toHaveLength(30);
    }, 120_000);

    it('refuses a dataset without its label column and a numeric feature with a stray text cell with 400 and field_errors', async () => {
      const noLabel = await post('/api/v1/ml/datasets').send({ name: 'x', label: 'Machine failure', rows: [{ a: 1 }] });
      expect(noLabel.status).toBe(400);
      expect(noLabel.body).toMatchObject({ error_code: 'VALIDATION_FAILED', field_errors: [expect.objectContaining({ field: 'label' })] });

      const csv = 'Torque [Nm],Machine failure\n42.8,0\nn/a,1\n46.3,0\n';
      const text = await post('/api/v1/ml/datasets?name=x&label=Machine%20failure').set('Content-Type', 'text/csv').send(csv);
      expect(text.status).toBe(400);
      expect(text.body).toMatchObject({
        error_code: 'VALIDATION_FAILED',
        field_errors: [expect.objectContaining({ field: 'columns.Torque [Nm]', invalid_value: 'n/a' })],
      });
    });

    it('refuses another content type with 415, a viewer with 403, and broken JSON with 400', async () => {
      expect((await post('/api/v1/ml/datasets').set('Content-Type', 'application/xml').send('<rows/>')).status).toBe(415);
      expect((await post('/api/v1/ml/datasets', viewerKey).send({ name: 'x', label: 'y', rows: [{ y: 1, a: 1 }] })).status).toBe(403);
      const broken = await post('/api/v1/ml/datasets').set('Content-Type', 'application/json').send('{"name": "x", "rows": [');
      expect(broken.status).toBe(400);
      expect(broken.body).toMatchObject({ error_code: 'VALIDATION_FAILED' });
    });

    it('deletes a dataset for an admin only, once, and lists it no more', async () => {
      const made = await post('/api/v1/ml/datasets').send({
        name: 'to delete',
        label: 'y',
        rows: [
          { a: 1, y: 0 },
          { a: 2, y: 1 },
        ],
      });
      expect(made.status).toBe(201);
      const id = (made.body as DatasetView).dataset_id;
      const remove = (key: string) => request(stack.gatewayUrl).delete(`/api/v1/ml/datasets/${id}`).set('X-API-Key', key);
      expect((await remove(viewerKey)).status).toBe(403);
      expect((await remove(ADMIN_KEY)).status).toBe(204);
      const again = await remove(ADMIN_KEY);
      expect([again.status, (again.body as { error_code: string }).error_code]).toEqual([404, 'DATASET_NOT_FOUND']);
      const list = await request(stack.gatewayUrl).get('/api/v1/ml/datasets').set('X-API-Key', viewerKey);
      expect((list.body as { items: DatasetView[] }).items.map((d) => d.dataset_id)).not.toContain(id);
    });
  });

  describe('training, registry and evaluation', () => {
    const get = (path: string) => request(stack.gatewayUrl).get(path).set('X-API-Key', viewerKey);
    const trained = async (body: Record<string, unknown>): Promise<TrainingView> => {
      const started = await post('/api/v1/ml/train').send(body);
      expect(started.status).toBe(202);
      const id = (started.body as { training_id: string }).training_id;
      return waitFor(
        'the training to finish',
        async () => {
          const view = (await get(`/api/v1/ml/train/${id}`)).body as TrainingView;
          return view.state === 'succeeded' || view.state === 'failed' ? view : undefined;
        },
        120_000,
        500,
      );
    };

    it('trains failure_risk on AI4I in the background, registers v1 active, and evaluates it', async () => {
      const run = await trained({ model_type: 'failure_risk', dataset_id: ai4i.dataset_id });
      expect(run.error).toBeNull();
      expect(run).toMatchObject({ state: 'succeeded', progress: 1 });
      expect(run.metrics).toMatchObject({ evaluated_on: 'holdout', holdout_rows: 1600 });
      expect((run.metrics as { f1: number }).f1).toBeGreaterThan(0.6);

      const models = (await get('/api/v1/ml/models?model_type=failure_risk')).body as { items: ModelView[] };
      expect(models.items).toEqual([expect.objectContaining({ model_id: run.model_id, version: 1, active: true, dataset_id: ai4i.dataset_id })]);

      const evaluation = await post('/api/v1/ml/evaluate').send({ model_id: run.model_id, dataset_id: ai4i.dataset_id });
      expect(evaluation.status).toBe(200);
      const view = evaluation.body as EvaluationView;
      expect(view.rows_scored).toBe(8000);
      expect(view.metrics).toEqual(
        expect.objectContaining({
          precision: expect.any(Number),
          recall: expect.any(Number),
          f1: expect.any(Number),
          pr_auc: expect.any(Number),
          roc_auc: expect.any(Number),
          confusion: expect.any(Object),
        }),
      );
    }, 180_000);

    it('keeps a second version that does not beat the active one inactive until it is activated, and rolls back by activating the first', async () => {
      // Three stumps cannot beat the default model: the promotion gate holds it, with both scores side by side. v1
      // learnt every row of this dataset, so its settings are refit on the second's training part to be scored fairly.
      const second = await trained({ model_type: 'failure_risk', dataset_id: ai4i.dataset_id, params: { trees: 3, max_depth: 1 } });
      expect(second.state).toBe('succeeded');
      const versions = async () =>
        ((await get('/api/v1/ml/models?model_type=failure_risk')).body as { items: ModelView[] }).items.map((m) => [m.version, m.active]);
      expect(await versions()).toEqual([
        [2, false],
        [1, true],
      ]);
      const held = ((await get('/api/v1/ml/models?model_type=failure_risk')).body as { items: ModelView[] }).items.find((m) => m.version === 2) as ModelView;
      expect(held.promotion).toMatchObject({ decision: 'held', comparison: { metric: 'log_loss', method: 'refit', incumbent_version: 1, rows: 1600 } });
      expect(held.promotion?.comparison?.challenger).toBeGreaterThan(held.promotion?.comparison?.incumbent ?? Infinity);
      const activated = await post(`/api/v1/ml/models/${second.model_id}/activate`).send();
      expect(activated.status).toBe(200);
      expect(await versions()).toEqual([
        [2, true],
        [1, false],
      ]);
      const first = ((await get('/api/v1/ml/models?model_type=failure_risk')).body as { items: ModelView[] }).items.find((m) => m.version === 1) as ModelView;
      expect((await post(`/api/v1/ml/models/${first.model_id}/activate`).send()).status).toBe(200);
      expect(await versions()).toEqual([
        [2, false],
        [1, true],
      ]);
    }, 180_000);

    it('predicts failure risk from readings with the active model, explains it, and refuses bad readings', async () => {
      const operator = (await post('/api/v1/auth/api-keys').send({ name: 'e2e ml operator', role: 'operator' })).body as { key: string };
      const predict = (readings: Record<string, unknown>, key = operator.key) => post('/api/v1/ml/predict/failure-risk', key).send({ readings });
      const normal = { 'Air temperature [K]': 300, 'Process temperature [K]': 310, 'Rotational speed [rpm]': 1500, 'Torque [Nm]': 40, 'Tool wear [min]': 20 };
      // Overstrain: a worn tool under high torque (AI4I's OSF: wear × torque above about 11,000 min·Nm).
      const overstrained = { ...normal, 'Torque [Nm]': 65, 'Tool wear [min]': 220 };
      const low = (await predict(normal)).body as PredictionResult;
      const high = (await predict(overstrained)).body as PredictionResult;
      expect(low).toMatchObject({ prediction_type: 'failure_risk', model_version: 1, machine_id: null });
      expect(high.predicted_value).toBeGreaterThan(high.threshold as number);
      expect(low.predicted_value).toBeLessThan(low.threshold as number);
      expect(high.factors[0].contribution).toBeGreaterThan(0);
      expect(high.factors.map((f) => f.feature).join(' ')).toMatch(/Torque|Tool wear/);

      expect((await predict(normal, viewerKey)).status).toBe(403);
      const unknown = await predict({ 'Spindle colour': 3 });
      expect(unknown.status).toBe(400);
      expect(unknown.body).toMatchObject({ error_code: 'VALIDATION_FAILED', field_errors: [expect.objectContaining({ field: 'readings.Spindle colour' })] });
      expect((await predict({ 'Torque [Nm]': 'high' })).status).toBe(400);
      expect((await post('/api/v1/ml/predict/failure-risk', operator.key).send({})).status).toBe(400);
    });

    it('lists the stored predictions newest first, page by page, to a viewer', async () => {
      const list = (query: string) => request(stack.gatewayUrl).get(`/api/v1/ml/predictions${query}`).set('X-API-Key', viewerKey);
      const first = await list('?type=failure_risk&limit=1');
      expect(first.status).toBe(200);
      const page = first.body as PredictionPage;
      expect(page.items).toHaveLength(1);
      expect(page.items[0]).toMatchObject({
        prediction_type: 'failure_risk',
        model_version: expect.any(Number),
        machine_id: null,
        due_at: null,
        actual_value: null,
      });
      expect(page.next_cursor).toEqual(expect.any(String));
      const second = (await list(`?type=failure_risk&limit=1&cursor=${encodeURIComponent(page.next_cursor!)}`)).body as PredictionPage;
      expect(second.items).toHaveLength(1);
      expect(second.items[0].prediction_id).not.toBe(page.items[0].prediction_id);
      expect(Date.parse(second.items[0].prediction_timestamp)).toBeLessThanOrEqual(Date.parse(page.items[0].prediction_timestamp));
      expect(((await list('?type=anomaly')).body as PredictionPage).items.every((p) => p.prediction_type === 'anomaly')).toBe(true);
      const badCursor = await list('?cursor=not-ours');
      expect([badCursor.status, (badCursor.body as { error_code: string }).error_code]).toEqual([400, 'VALIDATION_FAILED']);
    });

    it('answers bad training requests with a clear 4xx', async () => {
      expect((await post('/api/v1/ml/train').send({ model_type: 'crystal_ball', dataset_id: ai4i.dataset_id })).status).toBe(400);
      const badParams = await post('/api/v1/ml/train').send({ model_type: 'failure_risk', dataset_id: ai4i.dataset_id, params: { trees: 'many', depth: 3 } });
      expect(badParams.body).toMatchObject({
        error_code: 'VALIDATION_FAILED',
        field_errors: [expect.objectContaining({ field: 'params.trees' }), expect.objectContaining({ field: 'params.depth' })],
      });
      expect((await post('/api/v1/ml/train').send({ model_type: 'failure_risk', dataset_id: '00000000-0000-4000-8000-000000000000' })).body).toMatchObject({
        error_code: 'DATASET_NOT_FOUND',
      });
      expect((await post('/api/v1/ml/train', viewerKey).send({ model_type: 'failure_risk', dataset_id: ai4i.dataset_id })).status).toBe(403);
      expect((await get('/api/v1/ml/train/not-a-uuid')).status).toBe(404);
      expect((await post('/api/v1/ml/models/00000000-0000-4000-8000-000000000000/activate').send()).body).toMatchObject({ error_code: 'MODEL_NOT_FOUND' });
      // A dataset whose label is not 0/1 trains no classifier: the run fails with the reason.
      const rul = await post('/api/v1/ml/datasets').send({ name: 'not binary', label: 'y', rows: Array.from({ length: 40 }, (_, i) => ({ x: i, y: i })) });
      const failed = await trained({ model_type: 'failure_risk', dataset_id: (rul.body as DatasetView).dataset_id });
      expect(failed.state).toBe('failed');
      expect(failed.error).toContain('0/1');
    }, 180_000);
  });

  describe('schedule optimisation', () => {
    const horizon = Date.parse('2026-12-01T06:00:00Z');
    const at = (hours: number) => new Date(horizon + hours * 3_600_000).toISOString();
    const jobs = Array.from({ length: 12 }, (_, i) => ({
      job_id: `J-${i + 1}`,
      part_number: `P-${i % 3}`,
      duration: 3600 * (1 + (i % 4)),
      due: at(4 + 2 * i),
      eligible_machines: i % 3 === 0 ? ['M-1'] : ['M-1', 'M-2', 'M-3'],
    }));

    it('assigns every job to an eligible machine without overlaps, never worse than earliest-due-date, shunning a risky machine', async () => {
      const res = await post('/api/v1/ml/optimize-schedule').send({ jobs, horizon_start: at(0), machine_risk: { 'M-3': 0.5 } });
      expect(res.status).toBe(200);
      const view = res.body as ScheduleView;
      expect(view.assignments).toHaveLength(12);
      for (const a of view.assignments) {
        const job = jobs.find((j) => j.job_id === a.job_id);
        expect(job?.eligible_machines).toContain(a.machine_id);
        expect(Date.parse(a.end) - Date.parse(a.start)).toBe((job?.duration ?? 0) * 1000);
        expect(Date.parse(a.start)).toBeGreaterThanOrEqual(horizon);
      }
      for (const machine of ['M-1', 'M-2', 'M-3']) {
        const spans = view.assignments
          .filter((a) => a.machine_id === machine)
          .map((a) => [Date.parse(a.start), Date.parse(a.end)])
          .sort((x, y) => x[0] - y[0]);
        spans.forEach((span, i) => i > 0 && expect(span[0]).toBeGreaterThanOrEqual(spans[i - 1][1]));
      }
      expect(view.objective).toBeLessThanOrEqual(view.baseline_objective);
      expect(view.machine_risk).toEqual({ 'M-1': 0, 'M-2': 0, 'M-3': 0.5 });
      expect(view.assignments.filter((a) => a.machine_id === 'M-3').length).toBeLessThan(view.assignments.filter((a) => a.machine_id === 'M-2').length);
    });

    it('refuses bad jobs with 400 and field_errors, and a viewer with 403', async () => {
      const bad = async (body: Record<string, unknown>) =>
        (await post('/api/v1/ml/optimize-schedule').send(body)).body as { error_code: string; field_errors: { field: string }[] };
      expect((await bad({ jobs: [{ ...jobs[0], eligible_machines: [] }], horizon_start: at(0) })).field_errors[0].field).toBe('jobs.0.eligible_machines');
      expect((await bad({ jobs: [{ ...jobs[0], duration: -5 }], horizon_start: at(0) })).field_errors[0].field).toBe('jobs.0.duration');
      expect((await bad({ jobs, horizon_start: 'tomorrow' })).field_errors[0].field).toBe('horizon_start');
      expect((await bad({ jobs, horizon_start: at(0), machine_risk: { 'M-9': 0.1 } })).field_errors[0].field).toBe('machine_risk.M-9');
      expect((await bad({ jobs: [jobs[0], jobs[0]], horizon_start: at(0) })).error_code).toBe('VALIDATION_FAILED');
      expect((await post('/api/v1/ml/optimize-schedule', viewerKey).send({ jobs, horizon_start: at(0) })).status).toBe(403);
    });
  });
});
