import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import type { DatasetView } from '@shopfloor/contracts';
import { ADMIN_KEY, Stack } from './stack';

const AI4I = join(__dirname, '..', '..', '..', '..', 'shared', 'data', 'ai4i2020-train.csv');

/** The ml service through the gateway: datasets (uploaded whole, validated, stored by column). */
describe('ml through the gateway', () => {
  const stack = new Stack();
  let viewerKey: string;

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
      expect(view).toMatchObject({ name: 'ai4i', label: 'Machine failure', rows: 8000, group: null, order: null });
      expect(view.columns.map((c) => c.name)).toEqual(['Air temperature [K]', 'Process temperature [K]', 'Rotational speed [rpm]', 'Torque [Nm]', 'Tool wear [min]', 'Machine failure']);
      const list = await request(stack.gatewayUrl).get('/api/v1/ml/datasets').set('X-API-Key', ADMIN_KEY);
      expect((list.body as { items: DatasetView[] }).items.map((d) => d.dataset_id)).toContain(view.dataset_id);
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

    it('refuses a dataset without its label column and a non-numeric feature with 400 and field_errors', async () => {
      const noLabel = await post('/api/v1/ml/datasets').send({ name: 'x', label: 'Machine failure', rows: [{ a: 1 }] });
      expect(noLabel.status).toBe(400);
      expect(noLabel.body).toMatchObject({ error_code: 'VALIDATION_FAILED', field_errors: [expect.objectContaining({ field: 'label' })] });

      const csv = 'Type,Torque [Nm],Machine failure\nL,42.8,0\nM,46.3,1\n';
      const text = await post('/api/v1/ml/datasets?name=x&label=Machine%20failure').set('Content-Type', 'text/csv').send(csv);
      expect(text.status).toBe(400);
      expect(text.body).toMatchObject({ error_code: 'VALIDATION_FAILED', field_errors: [expect.objectContaining({ field: 'columns.Type', invalid_value: 'L' })] });
    });

    it('refuses another content type with 415, a viewer with 403, and broken JSON with 400', async () => {
      expect((await post('/api/v1/ml/datasets').set('Content-Type', 'application/xml').send('<rows/>')).status).toBe(415);
      expect((await post('/api/v1/ml/datasets', viewerKey).send({ name: 'x', label: 'y', rows: [{ y: 1, a: 1 }] })).status).toBe(403);
      const broken = await post('/api/v1/ml/datasets').set('Content-Type', 'application/json').send('{"name": "x", "rows": [');
      expect(broken.status).toBe(400);
      expect(broken.body).toMatchObject({ error_code: 'VALIDATION_FAILED' });
    });
  });
});
