import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { validateEnv } from '@shopfloor/config';
import { SUBJECTS, type AlertRaised, type LiveMessage, type MachineLiveStatus, type PredictionEvent } from '@shopfloor/contracts';
import { GATEWAY_ENTITIES, GATEWAY_MIGRATIONS } from '@shopfloor/gateway/data-access';
import { httpObservabilityMiddleware, MetricsRegistry } from '@shopfloor/observability';
import { ServiceModule } from '@shopfloor/runtime';
import { createTestDatabase, TEST_INFRA, uniqueName, waitFor, type TestDatabase } from '@shopfloor/testing';
import jwt from 'jsonwebtoken';
import { connect, type NatsConnection } from 'nats';
import { randomBytes } from 'node:crypto';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { WebSocket, type ClientOptions } from 'ws';
import { AppModule } from '../app.module';
import { ApiKeysService } from '../auth/api-keys.service';
import { BearerTokensService } from '../auth/bearer-tokens.service';
import { CREDENTIAL_CACHE_OPTIONS, DEFAULT_CREDENTIAL_CACHE_OPTIONS } from '../auth/credential-cache.options';
import type { Principal } from '../auth/principal';
import { GatewayEnv } from '../config/gateway.env';
import { configureHttp } from '../http/configure-http';
import { CLOSE_UNAUTHORIZED } from './live-client';
import { LiveSocketGateway } from './live-socket.gateway';
import { DEFAULT_LIVE_SOCKET_OPTIONS, LIVE_SOCKET_OPTIONS } from './live-socket.options';

const HEARTBEAT_MS = 300;
const CREDENTIAL_CACHE_MS = 1_000;

interface Received {
  type: string;
  machine_id?: string;
  data: Record<string, unknown>;
  timestamp: string;
}

/** A real `ws` client that records every message it gets and how it was closed. */
class TestClient {
  static readonly opened: TestClient[] = [];
  readonly messages: Received[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => this.messages.push(JSON.parse(data.toString('utf8')) as Received));
    this.closed = new Promise((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
    TestClient.opened.push(this);
  }

  static async open(url: string, options?: ClientOptions): Promise<TestClient> {
    const client = new TestClient(new WebSocket(url, options));
    await new Promise<void>((resolve, reject) => {
      client.ws.once('open', () => resolve());
      client.ws.once('error', reject);
    });
    return client;
  }

  send(message: unknown): void {
    this.ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  async next(what: string, predicate: (message: Received) => boolean): Promise<Received> {
    return waitFor(what, () => this.messages.find(predicate), 5_000, 10);
  }

  /**
   * Messages from the subscribe reply on: until then the client is unsubscribed and gets every machine's messages,
   * those other processes on this NATS publish too.
   */
  sinceSubscribed(): Received[] {
    const at = this.messages.findIndex((m) => m.type === 'subscribed');
    return at < 0 ? [] : this.messages.slice(at);
  }

  /** Messages about these machines only: other processes on this NATS may publish live messages of their own. */
  about(...machineIds: string[]): Received[] {
    return this.messages.filter((m) => m.machine_id !== undefined && machineIds.includes(m.machine_id));
  }
}

/** Tries an upgrade that should be refused and returns the HTTP response instead. */
async function refusal(url: string, options?: ClientOptions): Promise<{ status: number; headers: IncomingHttpHeaders; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, options);
    ws.on('unexpected-response', (_req, res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: JSON.parse(text) as Record<string, unknown> });
        ws.terminate();
      });
    });
    ws.on('open', () => {
      ws.terminate();
      reject(new Error(`the upgrade to ${url} was accepted`));
    });
    ws.on('error', reject);
  });
}

/** One plain HTTP/1.1 request on its own connection. */
async function http(
  port: number,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe(LiveSocketGateway.name, () => {
  const run = uniqueName('m');
  const m1 = `${run}-1`;
  const m2 = `${run}-2`;
  const adminKey = randomBytes(24).toString('hex');
  let db: TestDatabase;
  let app: INestApplication;
  let appClosed = false;
  let nats: NatsConnection;
  let port: number;
  let viewerKey: string;
  let viewerToken: string;
  let jwtSecret: string;
  let sql: Client;

  const url = (path: string): string => `ws://127.0.0.1:${port}${path}`;
  const asViewer = (): ClientOptions => ({ headers: { 'X-API-Key': viewerKey } });

  function publishStatus(machineId: string, seq: number): void {
    const now = new Date().toISOString();
    const data: MachineLiveStatus = {
      machine_id: machineId,
      state: 'RUNNING',
      since: now,
      reason_code: null,
      current_job_id: null,
      part_count: seq,
      last_event_at: now,
      last_event_age_seconds: 0,
      last_data_at: now,
      updated_at: now,
    };
    const message: LiveMessage<MachineLiveStatus> = { type: 'machine_status', machine_id: machineId, data, timestamp: now };
    nats.publish(SUBJECTS.live.machine(machineId), JSON.stringify(message));
  }

  function publishAlert(machineId: string, alertId: string): void {
    const now = new Date().toISOString();
    const data: AlertRaised = {
      alert_id: alertId,
      machine_id: machineId,
      kind: 'breakdown',
      level: 'critical',
      message: 'spindle fault',
      raised_at: now,
      details: {},
    };
    const message: LiveMessage<AlertRaised> = { type: 'alert', machine_id: machineId, data, timestamp: now };
    nats.publish(SUBJECTS.live.alerts, JSON.stringify(message));
  }

  function publishPrediction(machineId: string, predictionId: string): void {
    const event: PredictionEvent = {
      prediction_id: predictionId,
      machine_id: machineId,
      prediction_type: 'failure_risk',
      predicted_value: 0.7,
      threshold: 0.5,
      horizon_hours: 168,
      model_id: 'model-1',
      model_version: 1,
      predicted_at: new Date().toISOString(),
      window: null,
      factors: [],
      above_threshold: true,
      transition: 'raised',
    };
    nats.publish(SUBJECTS.mlEvents.prediction('failure_risk'), JSON.stringify(event));
  }

  /** A new viewer key and a bearer token minted from it over REST. */
  async function keyAndToken(name: string): Promise<{ id: string; key: string; token: string }> {
    const created = await http(
      port,
      'POST',
      '/api/v1/auth/api-keys',
      { 'X-API-Key': adminKey, 'Content-Type': 'application/json' },
      JSON.stringify({ name, role: 'viewer' }),
    );
    const { id, key } = created.body as { id: string; key: string };
    const minted = await http(port, 'POST', '/api/v1/auth/token', { 'X-API-Key': key });
    return { id, key, token: (minted.body as { access_token: string }).access_token };
  }

  /** A socket on each path with the key (header, then query) and with the token (header, then query). */
  async function socketsOf(credentials: { key: string; token: string }): Promise<TestClient[]> {
    return Promise.all([
      TestClient.open(url('/ws/machine-status'), { headers: { 'X-API-Key': credentials.key } }),
      TestClient.open(url(`/ws/alerts?api_key=${encodeURIComponent(credentials.key)}`)),
      TestClient.open(url('/ws/machine-status'), { headers: { Authorization: `Bearer ${credentials.token}` } }),
      TestClient.open(url(`/ws/alerts?token=${encodeURIComponent(credentials.token)}`)),
    ]);
  }

  beforeAll(async () => {
    db = await createTestDatabase('sf_live');
    jwtSecret = randomBytes(32).toString('hex');
    const env = validateEnv(GatewayEnv, {
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      PORT: '3000',
      NATS_URL: TEST_INFRA.natsUrl,
      REDIS_URL: TEST_INFRA.redisUrl,
      DATABASE_URL: db.serviceUrl('gateway'),
      DATABASE_POOL_SIZE: '2',
      JWT_SECRET: jwtSecret,
      BOOTSTRAP_ADMIN_API_KEY: adminKey,
    });
    const moduleRef = await Test.createTestingModule({
      imports: [
        ServiceModule.forService(
          { service: 'gateway', appModule: AppModule, database: { entities: GATEWAY_ENTITIES, migrations: GATEWAY_MIGRATIONS }, redis: true },
          env,
        ),
      ],
    })
      .overrideProvider(LIVE_SOCKET_OPTIONS)
      .useValue({ ...DEFAULT_LIVE_SOCKET_OPTIONS, heartbeatIntervalMs: HEARTBEAT_MS })
      .overrideProvider(CREDENTIAL_CACHE_OPTIONS)
      .useValue({ ...DEFAULT_CREDENTIAL_CACHE_OPTIONS, ttlMs: CREDENTIAL_CACHE_MS })
      .compile();
    app = moduleRef.createNestApplication({ bodyParser: false, logger: false });
    // As bootstrapService does: correlation ids, then the gateway's HTTP edge.
    app.use(httpObservabilityMiddleware(app.get(MetricsRegistry)));
    configureHttp(app, env);
    await app.listen(0, '127.0.0.1');
    port = (app.getHttpServer() as { address(): AddressInfo }).address().port;

    const admin: Principal = { id: 'bootstrap-admin', name: 'bootstrap admin', role: 'admin', via: 'api_key' };
    const created = await app.get(ApiKeysService).create('live viewer', 'viewer', admin);
    viewerKey = created.key;
    viewerToken = app.get(BearerTokensService).issue({ id: created.entity.id, name: 'live viewer', role: 'viewer', via: 'api_key' }).token;
    nats = await connect({ servers: TEST_INFRA.natsUrl, name: 'live-socket-gateway-spec' });
    sql = new Client({ connectionString: db.adminDatabaseUrl });
    await sql.connect();
  }, 60_000);

  afterAll(async () => {
    for (const client of TestClient.opened) client.ws.terminate();
    if (app && !appClosed) await app.close();
    await nats?.close();
    await sql?.end();
    await db?.drop();
  }, 30_000);

  describe('authentication', () => {
    it('refuses an upgrade without credentials with 401 and the public error body', async () => {
      const refused = await refusal(url('/ws/machine-status'), { headers: { 'X-Request-Id': 'ws-no-creds-1' } });
      expect(refused.status).toBe(401);
      expect(refused.headers['x-request-id']).toBe('ws-no-creds-1');
      expect(refused.body).toEqual({
        error_code: 'UNAUTHORIZED',
        message: expect.stringContaining('Credentials required'),
        details: null,
        timestamp: expect.any(String),
        request_id: 'ws-no-creds-1',
      });
    });

    it('refuses unknown, revoked and malformed credentials in headers and in the URL', async () => {
      const revoked = await app
        .get(ApiKeysService)
        .create('revoked viewer', 'viewer', { id: 'bootstrap-admin', name: 'bootstrap admin', role: 'admin', via: 'api_key' });
      expect((await http(port, 'DELETE', `/api/v1/auth/api-keys/${revoked.entity.id}`, { 'X-API-Key': adminKey })).status).toBe(204);
      const attempts: [string, ClientOptions | undefined][] = [
        ['/ws/alerts', { headers: { 'X-API-Key': 'sk_not-a-key-we-ever-issued-000000' } }],
        ['/ws/alerts', { headers: { 'X-API-Key': revoked.key } }],
        ['/ws/alerts', { headers: { Authorization: 'Bearer not.a.jwt' } }],
        [`/ws/alerts?api_key=${encodeURIComponent(revoked.key)}`, undefined],
        ['/ws/machine-status?token=not.a.jwt', undefined],
      ];
      for (const [path, options] of attempts) {
        const refused = await refusal(url(path), options);
        expect({ path, status: refused.status, code: refused.body['error_code'] }).toEqual({ path, status: 401, code: 'UNAUTHORIZED' });
      }
    });

    it('accepts a key in X-API-Key or ?api_key= and a token in Authorization or ?token=, on both paths', async () => {
      const ways: [string, ClientOptions | undefined][] = [
        ['/ws/machine-status', asViewer()],
        ['/ws/alerts', { headers: { Authorization: `Bearer ${viewerToken}` } }],
        [`/ws/machine-status?api_key=${encodeURIComponent(viewerKey)}`, undefined],
        [`/ws/alerts?token=${encodeURIComponent(viewerToken)}`, undefined],
      ];
      for (const [path, options] of ways) {
        const client = await TestClient.open(url(path), options);
        expect(client.ws.readyState).toBe(WebSocket.OPEN);
        client.ws.close();
        await client.closed;
      }
    });
  });

  describe('HTTP beside the WebSocket paths', () => {
    it('answers an upgrade to any other path with the public 404', async () => {
      const refused = await refusal(url('/ws/nowhere'), asViewer());
      expect(refused.status).toBe(404);
      expect(refused.body).toMatchObject({ error_code: 'NOT_FOUND', request_id: refused.headers['x-request-id'] });
    });

    it('leaves plain HTTP alone: no route at the WebSocket paths, REST served even with Upgrade: h2c', async () => {
      expect(await http(port, 'GET', '/ws/machine-status', { 'X-API-Key': viewerKey })).toMatchObject({ status: 404, body: { error_code: 'NOT_FOUND' } });
      const h2c = { Connection: 'Upgrade, HTTP2-Settings', Upgrade: 'h2c', 'HTTP2-Settings': 'AAMAAABkAAQAoAAAAAIAAAAA' };
      expect(await http(port, 'GET', '/health', h2c)).toEqual({ status: 200, body: { status: 'ok' } });
      // The body still reaches the route: only the role is wrong, the name was read.
      const post = await http(
        port,
        'POST',
        '/api/v1/auth/api-keys',
        { ...h2c, 'X-API-Key': adminKey, 'Content-Type': 'application/json' },
        JSON.stringify({ name: 'h2c', role: 'nobody' }),
      );
      expect(post.status).toBe(400);
      expect((post.body['field_errors'] as { field: string }[]).map((e) => e.field)).toEqual(['role']);
    });
  });

  describe('fan-out', () => {
    it('sends a subscribed client only its machines and an unsubscribed one everything, each message once', async () => {
      const filtered = await TestClient.open(url('/ws/machine-status'), asViewer());
      const everything = await TestClient.open(url('/ws/machine-status'), asViewer());
      filtered.send({ subscribe: [m1] });
      expect(await filtered.next('the subscribe reply', (m) => m.type === 'subscribed')).toEqual({
        type: 'subscribed',
        data: { machines: [m1] },
        timestamp: expect.any(String),
      });

      publishStatus(m2, 1);
      publishStatus(m1, 2);
      publishStatus(m1, 3);
      publishStatus(m2, 4);
      await everything.next(`${m2} #4`, (m) => m.machine_id === m2 && m.data['part_count'] === 4);
      await filtered.next(`${m1} #3`, (m) => m.data['part_count'] === 3);
      // One more after the rest: a duplicate or a misrouted message would have arrived before it.
      publishStatus(m1, 5);
      await filtered.next(`${m1} #5`, (m) => m.data['part_count'] === 5);
      await everything.next(`${m1} #5`, (m) => m.machine_id === m1 && m.data['part_count'] === 5);

      expect(filtered.sinceSubscribed().map((m) => [m.type, m.machine_id, m.data['part_count']])).toEqual([
        ['subscribed', undefined, undefined],
        ['machine_status', m1, 2],
        ['machine_status', m1, 3],
        ['machine_status', m1, 5],
      ]);
      expect(everything.about(m1, m2).map((m) => [m.machine_id, m.data['part_count']])).toEqual([
        [m2, 1],
        [m1, 2],
        [m1, 3],
        [m2, 4],
        [m1, 5],
      ]);
      expect(filtered.about(m1)[0]).toEqual({
        type: 'machine_status',
        machine_id: m1,
        data: expect.objectContaining({ machine_id: m1, state: 'RUNNING' }),
        timestamp: expect.any(String),
      });
    });

    it('sends live.alerts to alerts clients, filtered by machine, and keeps alerts and machine status apart', async () => {
      const alerts = await TestClient.open(url(`/ws/alerts?api_key=${encodeURIComponent(viewerKey)}`));
      const allAlerts = await TestClient.open(url('/ws/alerts'), { headers: { Authorization: `Bearer ${viewerToken}` } });
      const status = await TestClient.open(url('/ws/machine-status'), asViewer());
      alerts.send({ subscribe: [m1] });
      status.send({ subscribe: [m1] });
      await alerts.next('the subscribe reply', (m) => m.type === 'subscribed');
      await status.next('the subscribe reply', (m) => m.type === 'subscribed');

      publishAlert(m2, `${run}-a1`);
      publishAlert(m1, `${run}-a2`);
      publishStatus(m1, 6);
      publishAlert(m1, `${run}-a3`);
      await alerts.next('the last alert', (m) => m.data['alert_id'] === `${run}-a3`);
      await allAlerts.next('the last alert', (m) => m.data['alert_id'] === `${run}-a3`);
      await status.next(`${m1} #6`, (m) => m.data['part_count'] === 6);
      publishStatus(m1, 7);
      await status.next(`${m1} #7`, (m) => m.data['part_count'] === 7);

      expect(alerts.sinceSubscribed().map((m) => [m.type, m.data['alert_id']])).toEqual([
        ['subscribed', undefined],
        ['alert', `${run}-a2`],
        ['alert', `${run}-a3`],
      ]);
      expect(allAlerts.about(m1, m2).map((m) => m.data['alert_id'])).toEqual([`${run}-a1`, `${run}-a2`, `${run}-a3`]);
      expect(status.sinceSubscribed().map((m) => [m.type, m.data['part_count']])).toEqual([
        ['subscribed', undefined],
        ['machine_status', 6],
        ['machine_status', 7],
      ]);
    });

    it('wraps ml.prediction events for /ws/predictions clients, filtered by machine, and drops those that name no machine', async () => {
      const predictions = await TestClient.open(url('/ws/predictions'), asViewer());
      const allPredictions = await TestClient.open(url(`/ws/predictions?token=${encodeURIComponent(viewerToken)}`));
      const status = await TestClient.open(url('/ws/machine-status'), asViewer());
      predictions.send({ subscribe: [m1] });
      status.send({ subscribe: [m1] });
      await predictions.next('the subscribe reply', (m) => m.type === 'subscribed');
      await status.next('the subscribe reply', (m) => m.type === 'subscribed');

      publishPrediction(m2, `${run}-p1`);
      nats.publish(SUBJECTS.mlEvents.prediction('downtime'), 'not json');
      nats.publish(SUBJECTS.mlEvents.prediction('downtime'), JSON.stringify({ prediction_id: `${run}-p0`, machine_id: null }));
      publishPrediction(m1, `${run}-p2`);
      publishStatus(m1, 8);
      await predictions.next('the last prediction', (m) => m.data['prediction_id'] === `${run}-p2`);
      await allPredictions.next('the last prediction', (m) => m.data['prediction_id'] === `${run}-p2`);
      await status.next(`${m1} #8`, (m) => m.data['part_count'] === 8);

      expect(predictions.sinceSubscribed().map((m) => [m.type, m.machine_id, m.data['prediction_id']])).toEqual([
        ['subscribed', undefined, undefined],
        ['prediction', m1, `${run}-p2`],
      ]);
      expect(predictions.sinceSubscribed()[1]).toEqual({
        type: 'prediction',
        machine_id: m1,
        data: expect.objectContaining({ machine_id: m1, prediction_type: 'failure_risk' }),
        timestamp: predictions.sinceSubscribed()[1].data['predicted_at'],
      });
      expect(allPredictions.about(m1, m2).map((m) => [m.type, m.data['prediction_id']])).toEqual([
        ['prediction', `${run}-p1`],
        ['prediction', `${run}-p2`],
      ]);
      expect(allPredictions.messages.filter((m) => m.data['prediction_id'] === `${run}-p0`)).toEqual([]);
      expect(status.sinceSubscribed().map((m) => m.type)).toEqual(['subscribed', 'machine_status']);
    });
  });

  describe('credentials that stop being valid', () => {
    it('closes every socket of a revoked key and of its tokens with 4401 at once, and refuses them afterwards', async () => {
      const credentials = await keyAndToken('revoked wall board');
      const sockets = await socketsOf(credentials);
      const bystander = await TestClient.open(url('/ws/machine-status'), asViewer());

      const revokedAt = Date.now();
      expect((await http(port, 'DELETE', `/api/v1/auth/api-keys/${credentials.id}`, { 'X-API-Key': adminKey })).status).toBe(204);

      for (const socket of sockets) expect(await socket.closed).toEqual({ code: CLOSE_UNAUTHORIZED, reason: 'API key revoked' });
      expect(Date.now() - revokedAt).toBeLessThan(CREDENTIAL_CACHE_MS);
      expect(bystander.ws.readyState).toBe(WebSocket.OPEN);
      const attempts: ClientOptions[] = [{ headers: { 'X-API-Key': credentials.key } }, { headers: { Authorization: `Bearer ${credentials.token}` } }];
      for (const options of attempts) {
        const refused = await refusal(url('/ws/alerts'), options);
        expect({ status: refused.status, code: refused.body['error_code'] }).toEqual({ status: 401, code: 'UNAUTHORIZED' });
      }
    });

    it('closes the sockets of a key revoked without a broadcast within the cache lifetime and a heartbeat', async () => {
      const credentials = await keyAndToken('quietly revoked');
      const sockets = await socketsOf(credentials);

      await sql.query(`UPDATE gateway.api_keys SET revoked_at = now() WHERE id = $1`, [credentials.id]);
      const revokedAt = Date.now();

      for (const socket of sockets) expect(await socket.closed).toEqual({ code: CLOSE_UNAUTHORIZED, reason: 'API key revoked' });
      expect(Date.now() - revokedAt).toBeLessThanOrEqual(CREDENTIAL_CACHE_MS + 2 * HEARTBEAT_MS + 200);
    });

    it('closes a socket opened with a token when the token expires, not before', async () => {
      const { id } = await keyAndToken('short-lived token');
      const exp = Math.floor(Date.now() / 1000) + 2;
      const token = jwt.sign({ sub: id, name: 'short-lived token', role: 'viewer', exp }, jwtSecret, {
        algorithm: 'HS256',
        issuer: 'shopfloor-gateway',
        audience: 'shopfloor-api',
      });
      const client = await TestClient.open(url(`/ws/machine-status?token=${encodeURIComponent(token)}`));

      expect(await client.closed).toEqual({ code: CLOSE_UNAUTHORIZED, reason: 'Token expired' });
      expect(Date.now()).toBeGreaterThanOrEqual(exp * 1000);
    });
  });

  describe('client messages and robustness', () => {
    it('answers malformed input with VALIDATION_FAILED and keeps the socket open', async () => {
      const client = await TestClient.open(url('/ws/machine-status'), asViewer());
      const bad = [
        'not json',
        { subscribe: 5 },
        { subscribe: [''] },
        { subscribe: ['x'.repeat(51)] },
        { subscribe: Array.from({ length: 501 }, (_, i) => `M-${i}`) },
        { hello: [m1] },
      ];
      for (const message of bad) client.send(message);
      // Unsubscribed, the client also gets the machine status other processes on this NATS publish.
      const answers = (): Received[] => client.messages.filter((m) => m.type !== 'machine_status');
      await waitFor('an error for each malformed message', () => answers().length === bad.length, 5_000, 10);
      for (const message of answers()) {
        expect(message).toEqual({ type: 'error', data: { error_code: 'VALIDATION_FAILED', message: expect.any(String) }, timestamp: expect.any(String) });
      }
      expect(client.ws.readyState).toBe(WebSocket.OPEN);
      client.send({ subscribe: '*' });
      expect(await client.next('the subscribe reply', (m) => m.type === 'subscribed')).toMatchObject({ data: { machines: '*' } });
    });

    it('closes with 1009 on a message over 16 KB', async () => {
      const client = await TestClient.open(url('/ws/machine-status'), asViewer());
      client.send(JSON.stringify({ subscribe: [m1], padding: 'x'.repeat(16 * 1024) }));
      expect((await client.closed).code).toBe(1009);
    });

    it('drops a client that stops answering pings and keeps one that answers', async () => {
      const silent = await TestClient.open(url('/ws/machine-status'), { ...asViewer(), autoPong: false });
      const answering = await TestClient.open(url('/ws/machine-status'), asViewer());
      const closed = await silent.closed;
      expect(closed.code).toBe(1006);
      expect(answering.ws.readyState).toBe(WebSocket.OPEN);
    });

    it('counts connected clients in the gateway_websocket_clients gauge', async () => {
      await TestClient.open(url('/ws/alerts'), asViewer());
      const metrics = await app.get(MetricsRegistry).render();
      expect(metrics).toMatch(/^gateway_websocket_clients\{channel="alerts"\} [1-9]/m);
    });

    it('closes every client with 1001 when the application shuts down', async () => {
      const client = await TestClient.open(url('/ws/machine-status'), asViewer());
      appClosed = true;
      await app.close();
      expect(await client.closed).toEqual({ code: 1001, reason: 'Gateway shutting down' });
    });
  });
});
