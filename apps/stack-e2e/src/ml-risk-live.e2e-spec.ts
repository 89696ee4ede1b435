import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { HEADERS, STREAMS, SUBJECTS, type AnomalyEvent, type MachineRiskView, type PredictionEvent } from '@shopfloor/contracts';
import { createTestDatabase, freePort, ServiceProcess, TEST_INFRA, waitFor, type TestDatabase } from '@shopfloor/testing';
import { connect, JSONCodec, type Msg, type NatsConnection, type Subscription } from 'nats';
import request from 'supertest';
import WebSocket from 'ws';
import { OwnNats } from './own-server';
import { ADMIN_KEY, JWT_SECRET } from './stack';

const codec = JSONCodec<unknown>();

interface Received {
  type: string;
  machine_id?: string;
  data: Record<string, unknown>;
  timestamp: string;
}

/** A WebSocket client that keeps every message it receives. */
class PredictionsClient {
  readonly messages: Received[] = [];
  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data: Buffer) => this.messages.push(JSON.parse(data.toString('utf8')) as Received));
  }

  static async open(url: string, headers: Record<string, string>): Promise<PredictionsClient> {
    const client = new PredictionsClient(new WebSocket(url, { headers }));
    await new Promise<void>((resolve, reject) => {
      client.socket.once('open', () => resolve());
      client.socket.once('error', reject);
      client.socket.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused with ${res.statusCode}`)));
    });
    return client;
  }

  async subscribe(machines: string[] | '*'): Promise<void> {
    this.socket.send(JSON.stringify({ subscribe: machines }));
    await waitFor('the subscription to be confirmed', () => this.messages.some((m) => m.type === 'subscribed'));
  }

  /** The predictions received, as `machine:id` of the event. */
  predictions(): string[] {
    return this.messages.filter((m) => m.type === 'prediction').map((m) => `${m.machine_id}:${String(m.data['prediction_id'] ?? m.data['anomaly_id'])}`);
  }
}

/** One GET on its own connection with the path sent exactly as given (no client-side resolution of dot segments). */
async function rawGet(base: string, path: string, headers: Record<string, string>): Promise<{ status: number; body: Record<string, unknown> }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: hostname, port, method: 'GET', path, headers, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as Record<string, unknown> }));
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * The gateway's side of continuous scoring, with the built gateway as its own process on the real NATS and a stand-in
 * answering `ml.machines.risk` as the ml service does: `GET /api/v1/machines/{id}/risk` is forwarded there, and every
 * event on `ml.prediction.>` reaches the `/ws/predictions` clients that want its machine. No ml service runs here; an
 * ml replica of another stack on the same NATS would answer the risk requests too, so run it on a NATS with no other
 * stack, as the end-to-end suite is run.
 */
describe('machine risk and live predictions through the gateway', () => {
  const ownNats = new OwnNats();
  const run = randomUUID().slice(0, 8);
  const [machineA, machineB] = [`RISK-A-${run}`, `RISK-B-${run}`];
  let db: TestDatabase;
  let gateway: ServiceProcess;
  let gatewayUrl = '';
  let nats: NatsConnection;
  let standIn: Subscription | undefined;
  let viewer: Record<string, string> = {};
  const asked: { payload: unknown; requestId: string | undefined }[] = [];
  const clients: PredictionsClient[] = [];

  const riskOf = (machineId: string): MachineRiskView => ({
    machine_id: machineId,
    downtime_24h: null,
    downtime_7d: null,
    failure_risk: {
      prediction_id: randomUUID(),
      predicted_value: 0.82,
      threshold: 0.5,
      above_threshold: true,
      horizon_hours: 168,
      predicted_at: '2026-12-05T09:55:00.000Z',
      model_id: randomUUID(),
      model_version: 3,
      factors: [{ feature: 'spindle_temp_mean_24h', value: 71.5, contribution: 0.31 }],
    },
    maintenance_window: null,
    latest_anomaly: null,
    scored_at: '2026-12-05T09:55:00.000Z',
  });

  /** Answers as the ml service would: the view of a known machine, MACHINE_NOT_FOUND for any other. */
  function serveRisk(): void {
    standIn = nats.subscribe(SUBJECTS.ml.machineRisk, {
      callback: (_error, msg: Msg) => {
        const payload = codec.decode(msg.data) as { machine_id: string };
        asked.push({ payload, requestId: msg.headers?.get(HEADERS.requestId) || undefined });
        const known = [machineA, machineB].includes(payload.machine_id);
        msg.respond(
          codec.encode(
            known
              ? { ok: true, data: riskOf(payload.machine_id) }
              : { ok: false, error: { code: 'MACHINE_NOT_FOUND', message: `No machine ${payload.machine_id}`, details: { machine_id: payload.machine_id } } },
          ),
        );
      },
    });
  }

  const wsUrl = (path: string) => `${gatewayUrl.replace('http', 'ws')}${path}`;

  beforeAll(async () => {
    await ownNats.start();
    db = await createTestDatabase('sf_e2e_risk');
    const port = await freePort();
    gateway = new ServiceProcess('gateway', {
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      PORT: String(port),
      NATS_URL: ownNats.url,
      REDIS_URL: TEST_INFRA.redisUrl,
      DATABASE_URL: db.serviceUrl('gateway'),
      OTEL_SDK_DISABLED: 'true',
      JWT_SECRET,
      BOOTSTRAP_ADMIN_API_KEY: ADMIN_KEY,
      RPC_TIMEOUT_MS: '3000',
    });
    gatewayUrl = `http://127.0.0.1:${port}`;
    nats = await connect({ servers: ownNats.url, name: 'ml-risk-live-e2e' });
    // The stream the ml service publishes predictions to (it declares it at start, with limits this test needs not).
    const jsm = await nats.jetstreamManager();
    const stream = STREAMS.mlPredictions;
    if (!(await jsm.streams.info(stream.name).catch(() => undefined))) await jsm.streams.add({ name: stream.name, subjects: [...stream.subjects] });
    serveRisk();
    await nats.flush();
    await gateway.start();
    const created = await request(gatewayUrl)
      .post('/api/v1/auth/api-keys')
      .set('X-API-Key', ADMIN_KEY)
      .send({ name: `risk viewer ${run}`, role: 'viewer' });
    expect(created.status).toBe(201);
    viewer = { 'X-API-Key': (created.body as { key: string }).key };
  }, 90_000);

  afterAll(async () => {
    for (const client of clients) client.socket.terminate();
    standIn?.unsubscribe();
    await nats?.close();
    await gateway?.stop();
    await db?.drop();
    await ownNats.stop();
  });

  describe('GET /api/v1/machines/{machine_id}/risk', () => {
    it("forwards to ml.machines.risk with the request's correlation id and answers the view for a viewer", async () => {
      const res = await request(gatewayUrl).get(`/api/v1/machines/${machineA}/risk`).set(viewer).set('X-Request-Id', `risk-${run}`);

      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        ...riskOf(machineA),
        failure_risk: { ...riskOf(machineA).failure_risk, prediction_id: expect.any(String), model_id: expect.any(String) },
      });
      expect(asked.at(-1)).toEqual({ payload: { machine_id: machineA }, requestId: `risk-${run}` });
    });

    it("answers the service's MACHINE_NOT_FOUND as 404 in the error body", async () => {
      const res = await request(gatewayUrl).get(`/api/v1/machines/NOPE-${run}/risk`).set(viewer).set('X-Request-Id', `risk-404-${run}`);

      expect(res.status).toBe(404);
      expect(res.body).toEqual({
        error_code: 'MACHINE_NOT_FOUND',
        message: `No machine NOPE-${run}`,
        details: { machine_id: `NOPE-${run}` },
        timestamp: expect.any(String),
        request_id: `risk-404-${run}`,
      });
    });

    it('refuses hostile ids with a 4xx in the error body, never asking the service for a malformed one', async () => {
      const before = asked.length;
      for (const segment of ['%00', 'M%00', '%ED%A0%80', 'a%ED%B0%80b', 'x'.repeat(51)]) {
        const res = await rawGet(gatewayUrl, `/api/v1/machines/${segment}/risk`, viewer);
        expect({ segment, status: res.status, code: res.body['error_code'] }).toEqual({ segment, status: 400, code: 'VALIDATION_FAILED' });
      }
      expect(asked.length).toBe(before);
      const refusedAnyhow = ['%', '%ZZ', '../risk', '%2e%2e', '.', '%2E', '..%2F..%2Fetc%2Fpasswd'].map((segment) => `/api/v1/machines/${segment}/risk`);
      for (const path of refusedAnyhow) {
        const res = await rawGet(gatewayUrl, path, viewer);
        expect({ path, client_error: res.status >= 400 && res.status < 500, request_id: typeof res.body['request_id'] }).toEqual({
          path,
          client_error: true,
          request_id: 'string',
        });
      }
    });

    it('refuses a request without credentials with 401', async () => {
      const res = await request(gatewayUrl).get(`/api/v1/machines/${machineA}/risk`);
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ error_code: 'UNAUTHORIZED' });
    });

    it('answers 503 SERVICE_UNAVAILABLE at once while no ml replica listens', async () => {
      standIn?.unsubscribe();
      await nats.flush();
      try {
        const started = Date.now();
        const res = await request(gatewayUrl).get(`/api/v1/machines/${machineA}/risk`).set(viewer);
        expect(res.status).toBe(503);
        expect(res.body).toMatchObject({ error_code: 'SERVICE_UNAVAILABLE', details: { service: 'ml', subject: SUBJECTS.ml.machineRisk } });
        expect(Date.now() - started).toBeLessThan(3000);
      } finally {
        serveRisk();
        await nats.flush();
      }
    });
  });

  describe('/ws/predictions', () => {
    it('pushes each prediction event to the clients that want its machine, drops malformed ones and keeps going', async () => {
      const onlyA = await PredictionsClient.open(wsUrl('/ws/predictions'), viewer);
      const onlyB = await PredictionsClient.open(wsUrl(`/ws/predictions?api_key=${encodeURIComponent(viewer['X-API-Key'])}`), {});
      const everything = await PredictionsClient.open(wsUrl('/ws/predictions'), viewer);
      const status = await PredictionsClient.open(wsUrl('/ws/machine-status'), viewer);
      clients.push(onlyA, onlyB, everything, status);
      await onlyA.subscribe([machineA]);
      await onlyB.subscribe([machineB]);
      await status.subscribe('*');

      const js = nats.jetstream();
      const prediction = (machineId: string, predictedValue: number): PredictionEvent => ({
        prediction_id: randomUUID(),
        machine_id: machineId,
        prediction_type: 'failure_risk',
        predicted_value: predictedValue,
        threshold: 0.5,
        horizon_hours: 168,
        model_id: randomUUID(),
        model_version: 3,
        predicted_at: new Date().toISOString(),
        window: null,
        factors: [{ feature: 'spindle_temp_mean_24h', value: 71.5, contribution: 0.31 }],
        above_threshold: predictedValue >= 0.5,
        transition: null,
      });
      const first = prediction(machineA, 0.82);
      const anomaly: AnomalyEvent = {
        anomaly_id: randomUUID(),
        machine_id: machineB,
        at: new Date().toISOString(),
        score: 0.93,
        threshold: 0.7,
        model_id: randomUUID(),
        model_version: 1,
        factors: [],
      };
      const last = prediction(machineA, 0.12);

      await js.publish(SUBJECTS.mlEvents.prediction('failure_risk'), codec.encode(first));
      await js.publish(SUBJECTS.mlEvents.prediction('downtime'), new TextEncoder().encode('not json'));
      await js.publish(SUBJECTS.mlEvents.prediction('downtime'), codec.encode({ ...prediction(machineA, 0.9), machine_id: null }));
      await js.publish(SUBJECTS.mlEvents.anomaly, codec.encode(anomaly));
      await js.publish(SUBJECTS.mlEvents.prediction('failure_risk'), codec.encode(last));
      await waitFor(
        'the last prediction to reach every client that wants it',
        () => onlyA.predictions().length === 2 && everything.predictions().filter((p) => p.endsWith(last.prediction_id)).length === 1,
      );
      await waitFor("the anomaly to reach its machine's client", () => onlyB.predictions().length === 1);

      expect(onlyA.predictions()).toEqual([`${machineA}:${first.prediction_id}`, `${machineA}:${last.prediction_id}`]);
      expect(onlyB.predictions()).toEqual([`${machineB}:${anomaly.anomaly_id}`]);
      expect(everything.predictions().filter((p) => p.includes(run))).toEqual([
        `${machineA}:${first.prediction_id}`,
        `${machineB}:${anomaly.anomaly_id}`,
        `${machineA}:${last.prediction_id}`,
      ]);
      expect(onlyA.messages.find((m) => m.type === 'prediction')).toEqual({
        type: 'prediction',
        machine_id: machineA,
        data: first,
        timestamp: first.predicted_at,
      });
      expect(onlyB.messages.find((m) => m.type === 'prediction')).toEqual({ type: 'prediction', machine_id: machineB, data: anomaly, timestamp: anomaly.at });
      expect(status.messages.filter((m) => m.type === 'prediction')).toEqual([]);
      const dropped = gateway.logEntries().filter((entry) => String(entry['msg'] ?? entry['message']).startsWith('Dropped a prediction event'));
      expect(dropped.map((entry) => entry['reason'])).toEqual(expect.arrayContaining(['not_a_json_object', 'no_machine_id']));
      expect(gateway.exitCode).toBeUndefined();
    });
  });
});
