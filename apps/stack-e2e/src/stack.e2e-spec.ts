import { randomUUID } from 'node:crypto';
import { JSONCodec, connect, type NatsConnection } from 'nats';
import request from 'supertest';
import {
  DOWNSTREAM_SERVICES,
  STREAMS,
  SUBJECTS,
  type DowntimeRecordsUpserted,
  type DowntimeView,
  type HistoryPage,
  type IntegrityReport,
  type JobsUpserted,
  type JobView,
  type MachinesUpserted,
} from '@shopfloor/contracts';
import { waitFor } from '@shopfloor/testing';
import { ADMIN_KEY, Stack } from './stack';

const ERROR_BODY_KEYS = ['details', 'error_code', 'message', 'request_id', 'timestamp'];

function expectErrorBody(body: Record<string, unknown>, code: string): void {
  expect(
    Object.keys(body)
      .filter((k) => k !== 'field_errors')
      .sort(),
  ).toEqual(ERROR_BODY_KEYS);
  expect(body['error_code']).toBe(code);
  expect(typeof body['message']).toBe('string');
  expect(new Date(body['timestamp'] as string).toISOString()).toBe(body['timestamp']);
}

describe('the platform through its gateway', () => {
  const stack = new Stack();
  let nats: NatsConnection;
  let viewerKey: string;

  beforeAll(async () => {
    await stack.start();
    nats = await connect({ servers: stack.natsUrl });
    const res = await request(stack.gatewayUrl).post('/api/v1/auth/api-keys').set('X-API-Key', ADMIN_KEY).send({ name: 'e2e viewer', role: 'viewer' });
    expect(res.status).toBe(201);
    viewerKey = (res.body as { key: string }).key;
  }, 120_000);

  afterAll(async () => {
    await nats?.close();
    stack.kill();
    await stack.database?.drop();
  });

  it('reports nats, postgres, redis and all four services up on /ready', async () => {
    const res = await request(stack.gatewayUrl).get('/ready');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      status: 'ok',
      dependencies: { nats: 'up', postgres: 'up', redis: 'up', ingestion: 'up', analytics: 'up', ml: 'up', notification: 'up' },
    });
  });

  it('answers /health without credentials', async () => {
    const res = await request(stack.gatewayUrl).get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('refuses /api/v1 without credentials with 401 and the error body', async () => {
    const res = await request(stack.gatewayUrl).get('/api/v1/machines');
    expect(res.status).toBe(401);
    expectErrorBody(res.body as Record<string, unknown>, 'UNAUTHORIZED');
    expect(res.headers['x-request-id']).toBe((res.body as { request_id: string }).request_id);
  });

  it('refuses an unknown API key and a forged bearer token with 401', async () => {
    const unknownKey = await request(stack.gatewayUrl).get('/api/v1/machines').set('X-API-Key', 'sfk_not-a-key-that-exists-anywhere');
    expect(unknownKey.status).toBe(401);
    expectErrorBody(unknownKey.body as Record<string, unknown>, 'UNAUTHORIZED');
    const forged = await request(stack.gatewayUrl)
      .get('/api/v1/machines')
      .set('Authorization', 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4Iiwicm9sZSI6ImFkbWluIn0.');
    expect(forged.status).toBe(401);
  });

  it('refuses a viewer key on an admin route with 403', async () => {
    const res = await request(stack.gatewayUrl).post('/api/v1/auth/api-keys').set('X-API-Key', viewerKey).send({ name: 'x', role: 'admin' });
    expect(res.status).toBe(403);
    expectErrorBody(res.body as Record<string, unknown>, 'FORBIDDEN');
  });

  it('rejects a malformed body with 400 and field_errors naming each bad field', async () => {
    const res = await request(stack.gatewayUrl).post('/api/v1/auth/api-keys').set('X-API-Key', ADMIN_KEY).send({ name: '', role: 'superuser', extra: 1 });
    expect(res.status).toBe(400);
    expectErrorBody(res.body as Record<string, unknown>, 'VALIDATION_FAILED');
    const fields = (res.body as { field_errors: { field: string; invalid_value: unknown }[] }).field_errors;
    expect(fields.map((f) => f.field).sort()).toEqual(['extra', 'name', 'role']);
    expect(fields.find((f) => f.field === 'role')?.invalid_value).toBe('superuser');
  });

  it('rejects a body that is not JSON with 400', async () => {
    const res = await request(stack.gatewayUrl)
      .post('/api/v1/auth/api-keys')
      .set('X-API-Key', ADMIN_KEY)
      .set('Content-Type', 'application/json')
      .send('{"name": ');
    expect(res.status).toBe(400);
    expectErrorBody(res.body as Record<string, unknown>, 'VALIDATION_FAILED');
    expect((res.body as { field_errors: { field: string }[] }).field_errors[0].field).toBe('body');
  });

  it('answers an unknown route with 404 and the error body', async () => {
    const res = await request(stack.gatewayUrl).get('/api/v1/no-such-thing').set('X-API-Key', viewerKey);
    expect(res.status).toBe(404);
    expectErrorBody(res.body as Record<string, unknown>, 'NOT_FOUND');
  });

  it('keeps the client request id and logs it in the downstream service that served the call', async () => {
    const requestId = `e2e-${randomUUID()}`;
    const res = await request(stack.gatewayUrl).get('/api/v1/machines/NO-SUCH-MACHINE').set('X-API-Key', viewerKey).set('X-Request-Id', requestId);
    expect(res.status).toBe(404);
    expectErrorBody(res.body as Record<string, unknown>, 'MACHINE_NOT_FOUND');
    expect(res.headers['x-request-id']).toBe(requestId);
    expect((res.body as { request_id: string }).request_id).toBe(requestId);
    const line = await waitFor('the analytics log line', () =>
      stack
        .service('analytics')
        .logEntries()
        .find((e) => e['request_id'] === requestId && e['subject'] === SUBJECTS.analytics.machineGet),
    );
    expect(line['service']).toBe('analytics');
  });

  it('carries a machine from the SHOPFLOOR stream into the read model', async () => {
    const machineId = `E2E-${randomUUID().slice(0, 8)}`;
    const batch: MachinesUpserted = {
      sync_id: `e2e-sync-${machineId}`,
      records: [
        {
          machine_id: machineId,
          name: 'DMG Mori NLX 2500',
          type: 'LATHE',
          location: 'Hall 2',
          installation_date: '2019-04-01T00:00:00.000Z',
          specifications: { max_rpm: 4000 },
          source_updated_at: '2026-11-01T08:00:00.000Z',
        },
      ],
    };
    await nats.jetstream().publish(SUBJECTS.shopfloor.machinesUpserted, JSONCodec().encode(batch), { msgID: `e2e-${machineId}` });
    const res = await waitFor('the machine to be visible', async () => {
      const r = await request(stack.gatewayUrl).get(`/api/v1/machines/${machineId}`).set('X-API-Key', viewerKey);
      return r.status === 200 ? r : undefined;
    });
    expect(res.body).toMatchObject({ machine_id: machineId, type: 'LATHE', location: 'Hall 2', specifications: { max_rpm: 4000 } });
    expect(STREAMS.shopfloor.subjects).toContain(SUBJECTS.shopfloor.all);
  });

  // Jobs and stops of one machine, published as ingestion does, then read back through the gateway. The tests after
  // this one reuse them. They sit here rather than at the end because the last tests stop the stack.
  const historyMachineId = `E2E-H-${randomUUID().slice(0, 8)}`;
  const historySyncId = `e2e-sync-${historyMachineId}`;
  const historyJobs: JobsUpserted = {
    sync_id: historySyncId,
    records: [
      { start: '2026-11-02T06:00:00.000Z', end: '2026-11-02T08:00:00.000Z' },
      { start: '2026-11-02T08:00:00.000Z', end: '2026-11-02T10:30:00.000Z' },
      { start: '2026-11-02T11:00:00.000Z', end: null },
    ].map(({ start, end }, i) => ({
      job_id: `${historyMachineId}-J${i + 1}`,
      machine_id: historyMachineId,
      part_number: 'P-4711',
      start_time: start,
      end_time: end,
      state: end ? ('COMPLETED' as const) : ('RUNNING' as const),
      operator_id: 'OP-1',
      setup_time: 600,
      cycle_time: 62,
      ideal_cycle_time: 60,
      parts_produced: 100,
      parts_scrapped: 1,
      source_updated_at: '2026-11-02T12:00:00.000Z',
    })),
  };
  const historyDowntime: DowntimeRecordsUpserted = {
    sync_id: historySyncId,
    records: [
      { start: '2026-11-02T07:50:00.000Z', duration: 600 },
      { start: '2026-11-02T10:30:00.000Z', duration: 1800 },
    ].map(({ start, duration }, i) => ({
      record_id: `${historyMachineId}-D${i + 1}`,
      job_id: `${historyMachineId}-J${i + 1}`,
      machine_id: historyMachineId,
      downtime_type: i === 0 ? 'SETUP' : 'BREAKDOWN',
      start_time: start,
      duration,
      reason_code: null,
      description: null,
      source_updated_at: '2026-11-02T12:00:00.000Z',
    })),
  };
  const historyPage = async (kind: 'jobs' | 'downtime', from: string, to: string) =>
    request(stack.gatewayUrl).get(`/api/v1/machines/${historyMachineId}/${kind}`).query({ from, to }).set('X-API-Key', viewerKey);

  it("serves a machine's jobs and downtime from the SHOPFLOOR stream for a period", async () => {
    const machines: MachinesUpserted = {
      sync_id: historySyncId,
      records: [
        {
          machine_id: historyMachineId,
          name: 'Hermle C42',
          type: 'MILL',
          location: null,
          installation_date: null,
          specifications: null,
          source_updated_at: '2026-11-01T08:00:00.000Z',
        },
      ],
    };
    const js = nats.jetstream();
    await js.publish(SUBJECTS.shopfloor.machinesUpserted, JSONCodec().encode(machines), { msgID: `e2e-m-${historyMachineId}` });
    await js.publish(SUBJECTS.shopfloor.jobsUpserted, JSONCodec().encode(historyJobs), { msgID: `e2e-j-${historyMachineId}` });
    await js.publish(SUBJECTS.shopfloor.downtimeRecordsUpserted, JSONCodec().encode(historyDowntime), { msgID: `e2e-d-${historyMachineId}` });

    const downtime = await waitFor('the downtime records to be visible', async () => {
      const r = await historyPage('downtime', '2026-11-02T07:55:00Z', '2026-11-02T12:00:00Z');
      return r.status === 200 && (r.body as HistoryPage<DowntimeView>).items.length === 2 ? r : undefined;
    });
    expect((downtime.body as HistoryPage<DowntimeView>).items).toEqual([
      expect.objectContaining({
        record_id: `${historyMachineId}-D1`,
        start_time: '2026-11-02T07:50:00.000Z',
        end_time: '2026-11-02T08:00:00.000Z',
        duration: 600,
      }),
      expect.objectContaining({ record_id: `${historyMachineId}-D2`, downtime_type: 'BREAKDOWN', end_time: '2026-11-02T11:00:00.000Z' }),
    ]);

    // [08:00, 11:00): the first job ends at 08:00 and is out; the running job starts at 11:00 and is out too.
    const jobs = await historyPage('jobs', '2026-11-02T08:00:00Z', '2026-11-02T11:00:00Z');
    expect(jobs.status).toBe(200);
    expect(jobs.body).toEqual({
      machine_id: historyMachineId,
      from: '2026-11-02T08:00:00.000Z',
      to: '2026-11-02T11:00:00.000Z',
      items: [expect.objectContaining({ job_id: `${historyMachineId}-J2`, state: 'COMPLETED', parts_produced: 100, end_time: '2026-11-02T10:30:00.000Z' })],
    });
    const running = await historyPage('jobs', '2026-11-02T11:00:00Z', '2026-11-03T00:00:00Z');
    expect((running.body as HistoryPage<JobView>).items.map((j) => [j.job_id, j.end_time])).toEqual([[`${historyMachineId}-J3`, null]]);
  });

  it('answers machine history with 404 for an unknown machine and 400 for a period that ends before it starts', async () => {
    const unknown = await request(stack.gatewayUrl).get('/api/v1/machines/NO-SUCH-MACHINE/jobs').set('X-API-Key', viewerKey);
    expect(unknown.status).toBe(404);
    expectErrorBody(unknown.body as Record<string, unknown>, 'MACHINE_NOT_FOUND');
    const reversed = await historyPage('downtime', '2026-11-03T00:00:00Z', '2026-11-02T00:00:00Z');
    expect(reversed.status).toBe(400);
    expectErrorBody(reversed.body as Record<string, unknown>, 'VALIDATION_FAILED');
    const badLimit = await request(stack.gatewayUrl).get(`/api/v1/machines/${historyMachineId}/jobs?limit=0`).set('X-API-Key', viewerKey);
    expect(badLimit.status).toBe(400);
    expect((badLimit.body as { field_errors: { field: string }[] }).field_errors.map((f) => f.field)).toEqual(['limit']);
  });

  it('duplicates nothing when the same jobs and downtime batches are published again', async () => {
    const js = nats.jetstream();
    // A new message id, so JetStream stores it again and the consumer must be the one to make it harmless.
    await js.publish(SUBJECTS.shopfloor.jobsUpserted, JSONCodec().encode(historyJobs), { msgID: `e2e-j2-${historyMachineId}` });
    await js.publish(SUBJECTS.shopfloor.downtimeRecordsUpserted, JSONCodec().encode(historyDowntime), { msgID: `e2e-d2-${historyMachineId}` });
    const applied = (entity: string) =>
      stack
        .service('analytics')
        .logEntries()
        .filter((e) => e['sync_id'] === historySyncId && e['entity'] === entity);
    await waitFor('analytics to apply both batches a second time', () => applied('jobs').length === 2 && applied('downtime_records').length === 2);
    expect([applied('jobs')[1]['changed'], applied('downtime_records')[1]['changed']]).toEqual([0, 0]);

    const jobs = await historyPage('jobs', '2026-11-01T00:00:00Z', '2026-11-03T00:00:00Z');
    expect((jobs.body as HistoryPage<JobView>).items.map((j) => j.job_id)).toEqual(historyJobs.records.map((j) => j.job_id));
    const downtime = await historyPage('downtime', '2026-11-01T00:00:00Z', '2026-11-03T00:00:00Z');
    expect((downtime.body as HistoryPage<DowntimeView>).items.map((d) => d.record_id)).toEqual(historyDowntime.records.map((d) => d.record_id));
  });

  it('serves the data integrity report', async () => {
    const res = await request(stack.gatewayUrl).get('/api/v1/data/integrity').set('X-API-Key', viewerKey);
    expect(res.status).toBe(200);
    const report = res.body as IntegrityReport;
    expect(Object.keys(report).sort()).toEqual([
      'counts',
      'event_gaps',
      'generated_at',
      'orphan_downtime_records',
      'orphan_jobs',
      'overlapping_jobs',
      'source_comparison',
      'source_comparison_error',
    ]);
    expect(new Date(report.generated_at).toISOString()).toBe(report.generated_at);
    expect(report.counts).toMatchObject({ machines: expect.any(Number), downtime_records: expect.any(Number), list_limit: expect.any(Number) });
    expect(report.counts['jobs']).toBeGreaterThanOrEqual(historyJobs.records.length);
    // The machine's jobs are known, contiguous and attached to a known machine: nothing about them is a finding.
    const mentioned = JSON.stringify([report.orphan_jobs, report.orphan_downtime_records, report.overlapping_jobs]);
    expect(mentioned).not.toContain(historyMachineId);
  });

  it('exchanges an API key for a bearer token that works on the API with the same role', async () => {
    const token = await request(stack.gatewayUrl).post('/api/v1/auth/token').set('X-API-Key', viewerKey);
    expect(token.status).toBe(200);
    const { access_token } = token.body as { access_token: string };
    const list = await request(stack.gatewayUrl).get('/api/v1/machines').set('Authorization', `Bearer ${access_token}`);
    expect(list.status).toBe(200);
    const admin = await request(stack.gatewayUrl).get('/api/v1/auth/api-keys').set('Authorization', `Bearer ${access_token}`);
    expect(admin.status).toBe(403);
  });

  it('lists keys without secrets and refuses a revoked key', async () => {
    const created = await request(stack.gatewayUrl).post('/api/v1/auth/api-keys').set('X-API-Key', ADMIN_KEY).send({ name: 'to revoke', role: 'operator' });
    const { id, key } = created.body as { id: string; key: string };
    const list = await request(stack.gatewayUrl).get('/api/v1/auth/api-keys').set('X-API-Key', ADMIN_KEY);
    expect(JSON.stringify(list.body)).not.toContain(key);
    expect((list.body as { items: { id: string }[] }).items.map((k) => k.id)).toContain(id);
    expect((await request(stack.gatewayUrl).get('/api/v1/machines').set('X-API-Key', key)).status).toBe(200);
    expect((await request(stack.gatewayUrl).delete(`/api/v1/auth/api-keys/${id}`).set('X-API-Key', ADMIN_KEY)).status).toBe(204);
    expect((await request(stack.gatewayUrl).get('/api/v1/machines').set('X-API-Key', key)).status).toBe(401);
    const again = await request(stack.gatewayUrl).delete(`/api/v1/auth/api-keys/${id}`).set('X-API-Key', ADMIN_KEY);
    expect(again.status).toBe(404);
  });

  it('serves the OpenAPI document and UI', async () => {
    const doc = await request(stack.gatewayUrl).get('/api/docs-json');
    expect(doc.status).toBe(200);
    const paths = Object.keys((doc.body as { paths: Record<string, unknown> }).paths);
    expect(paths).toEqual(expect.arrayContaining(['/api/v1/auth/api-keys', '/api/v1/machines', '/api/v1/machines/{machine_id}']));
    const ui = await request(stack.gatewayUrl).get('/api/docs/');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger');
  });

  it('guards the data-sync routes: role, body validation, and a clear 503 while no source is configured', async () => {
    const viewer = await request(stack.gatewayUrl).post('/api/v1/data/sync').set('X-API-Key', viewerKey).send({ mode: 'full' });
    expect(viewer.status).toBe(403);
    const bad = await request(stack.gatewayUrl).post('/api/v1/data/sync').set('X-API-Key', ADMIN_KEY).send({ mode: 'sideways' });
    expect(bad.status).toBe(400);
    expect((bad.body as { field_errors: { field: string }[] }).field_errors.map((f) => f.field)).toEqual(['mode']);
    const noSource = await request(stack.gatewayUrl).post('/api/v1/data/sync').set('X-API-Key', ADMIN_KEY).send({});
    expect(noSource.status).toBe(503);
    expectErrorBody(noSource.body as Record<string, unknown>, 'SOURCE_UNAVAILABLE');
    const mapping = await request(stack.gatewayUrl).get('/api/v1/data/mapping').set('X-API-Key', viewerKey);
    expect(mapping.status).toBe(503);
    const status = await request(stack.gatewayUrl).get('/api/v1/data/sync-status').set('X-API-Key', viewerKey);
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({ state: 'idle', last_run: null, source: { reachable: false, circuit: 'closed', mapping_problems: [] } });
    const quarantine = await request(stack.gatewayUrl).get('/api/v1/data/quarantine?limit=10').set('X-API-Key', viewerKey);
    // No source, so nothing of ingestion's own; consumers' reports of records from other runs may be there (shared REJECTIONS stream).
    expect((quarantine.body as { items: { rejected_by: string }[] }).items.filter((q) => q.rejected_by === 'ingestion')).toEqual([]);
    expect((await request(stack.gatewayUrl).get('/api/v1/data/quarantine?limit=0').set('X-API-Key', viewerKey)).status).toBe(400);
    const cursor = await request(stack.gatewayUrl).get('/api/v1/data/quarantine?cursor=not-a-cursor').set('X-API-Key', viewerKey);
    expect(cursor.status).toBe(400);
    expectErrorBody(cursor.body as Record<string, unknown>, 'VALIDATION_FAILED');
  });

  it('exposes Prometheus metrics with a latency histogram per route and per NATS handler', async () => {
    const gateway = await request(stack.gatewayUrl).get('/metrics');
    expect(gateway.status).toBe(200);
    expect(gateway.text).toMatch(/http_request_duration_seconds_count\{[^}]*route="\/api\/v1\/machines\/:machine_id"/);
    const analyticsPort = /port (\d+)/.exec(stack.service('analytics').lines.find((l) => l.includes('analytics listening on port')) ?? '')?.[1];
    const analytics = await fetch(`http://127.0.0.1:${analyticsPort}/metrics`);
    expect(await analytics.text()).toMatch(/nats_handler_duration_seconds_count\{[^}]*subject="analytics\.machines\.get"/);
  });

  it('reports a stopped service down, answers 503 within 5 s, and recovers when it returns', async () => {
    const analytics = stack.service('analytics');
    expect(await analytics.stop()).toBe(0);

    const ready = await request(stack.gatewayUrl).get('/ready');
    expect(ready.status).toBe(503);
    expect((ready.body as { dependencies: Record<string, string> }).dependencies).toMatchObject({
      analytics: 'down',
      ingestion: 'up',
      ml: 'up',
      notification: 'up',
    });
    // The readiness body is the error body plus the dependency list.
    expect(Object.keys(ready.body as object)).toEqual(expect.arrayContaining(ERROR_BODY_KEYS));
    expect(ready.body).toMatchObject({ error_code: 'SERVICE_UNAVAILABLE', status: 'unavailable' });

    const started = Date.now();
    const res = await request(stack.gatewayUrl).get('/api/v1/machines').set('X-API-Key', viewerKey);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(res.status).toBe(503);
    expectErrorBody(res.body as Record<string, unknown>, 'SERVICE_UNAVAILABLE');

    await analytics.start();
    const back = await request(stack.gatewayUrl).get('/api/v1/machines').set('X-API-Key', viewerKey);
    expect(back.status).toBe(200);
    const readyAgain = await request(stack.gatewayUrl).get('/ready');
    expect(readyAgain.status).toBe(200);
  });

  it('stops every service gracefully on SIGTERM', async () => {
    const codes = await stack.stop();
    expect(codes).toEqual({ gateway: 0, ...Object.fromEntries(DOWNSTREAM_SERVICES.map((s) => [s, 0])) });
  });
});
