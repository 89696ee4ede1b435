import request from 'supertest';
import WebSocket from 'ws';
import { waitFor } from '@shopfloor/testing';
import { ADMIN_KEY, Stack } from './stack';

/** The close code for credentials no longer accepted (README, WebSocket). */
const CLOSE_UNAUTHORIZED = 4401;
/** Well inside the 30 s a replica trusts its memory: what arrives by then came with the NATS broadcast. */
const AT_ONCE_MS = 2_000;

type Channel = 'machine-status' | 'alerts';

/** An open WebSocket and how it ended. */
class Connection {
  readonly closed: Promise<{ code: number; reason: string }>;

  private constructor(
    readonly socket: WebSocket,
    readonly label: string,
  ) {
    this.closed = new Promise((resolve) => socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  }

  static async open(url: string, label: string, headers: Record<string, string> = {}): Promise<Connection> {
    const socket = new WebSocket(url, { headers });
    const connection = new Connection(socket, label);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
      socket.once('unexpected-response', (_req, res) => reject(new Error(`${label}: upgrade refused with ${res.statusCode}`)));
    });
    return connection;
  }
}

/** The status and error code of an upgrade that must be refused. */
async function refusedUpgrade(url: string, headers: Record<string, string> = {}): Promise<{ status: number; error_code: unknown }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    socket.once('unexpected-response', (_req, res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => {
        socket.terminate();
        resolve({ status: res.statusCode ?? 0, error_code: (JSON.parse(text) as { error_code?: unknown }).error_code });
      });
    });
    socket.once('open', () => {
      socket.terminate();
      reject(new Error(`the upgrade to ${url} was accepted`));
    });
    socket.once('error', reject);
  });
}

/**
 * Revoking an API key ends everything made from it on every gateway replica: the key and the bearer tokens minted
 * from it are refused on REST and on WebSocket upgrade, and the WebSockets already open with either are closed.
 */
describe('API key revocation across gateway replicas', () => {
  const stack = new Stack();
  let replicas: string[] = [];
  const bystanders: Connection[] = [];
  const opened: Connection[] = [];
  let keyId = '';
  let key = '';
  let token = '';

  const wsUrl = (base: string, channel: Channel, query = ''): string => `${base.replace('http', 'ws')}/ws/${channel}${query}`;
  const asKey = (): Record<string, string> => ({ 'X-API-Key': key });
  const asToken = (): Record<string, string> => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    await stack.start();
    replicas = [stack.gatewayUrl, await stack.addGateway()];
    const created = await request(stack.gatewayUrl).post('/api/v1/auth/api-keys').set('X-API-Key', ADMIN_KEY).send({ name: 'e2e wall board', role: 'viewer' });
    expect(created.status).toBe(201);
    ({ id: keyId, key } = created.body as { id: string; key: string });
    const minted = await request(stack.gatewayUrl).post('/api/v1/auth/token').set('X-API-Key', key);
    expect(minted.status).toBe(200);
    token = (minted.body as { access_token: string }).access_token;
  }, 120_000);

  afterAll(async () => {
    for (const connection of [...opened, ...bystanders]) connection.socket.terminate();
    stack.kill();
    await stack.database?.drop();
  });

  it('accepts the key and its token on REST and on both WebSockets of both replicas before the revocation', async () => {
    for (const base of replicas) {
      // Each replica now holds the key and the token's key state in memory, for 30 s.
      expect((await request(base).get('/api/v1/machines').set(asKey())).status).toBe(200);
      expect((await request(base).get('/api/v1/machines').set(asToken())).status).toBe(200);
      for (const channel of ['machine-status', 'alerts'] as const) {
        opened.push(
          await Connection.open(wsUrl(base, channel), `${base} ${channel} key header`, asKey()),
          await Connection.open(wsUrl(base, channel, `?api_key=${encodeURIComponent(key)}`), `${base} ${channel} key query`),
          await Connection.open(wsUrl(base, channel), `${base} ${channel} token header`, asToken()),
          await Connection.open(wsUrl(base, channel, `?token=${encodeURIComponent(token)}`), `${base} ${channel} token query`),
        );
      }
      bystanders.push(await Connection.open(wsUrl(base, 'machine-status'), `${base} bystander`, { 'X-API-Key': ADMIN_KEY }));
    }
    expect(opened).toHaveLength(16);
    expect(opened.every((c) => c.socket.readyState === WebSocket.OPEN)).toBe(true);
  });

  it('closes every socket of the key and of its token on both replicas with 4401 as soon as the key is revoked', async () => {
    const revoked = await request(stack.gatewayUrl).delete(`/api/v1/auth/api-keys/${keyId}`).set('X-API-Key', ADMIN_KEY);
    expect(revoked.status).toBe(204);
    const revokedAt = Date.now();

    const endings = await Promise.all(opened.map(async (c) => ({ label: c.label, ...(await c.closed) })));

    expect(Date.now() - revokedAt).toBeLessThan(AT_ONCE_MS);
    expect(endings).toEqual(opened.map((c) => ({ label: c.label, code: CLOSE_UNAUTHORIZED, reason: 'API key revoked' })));
    expect(bystanders.map((c) => c.socket.readyState)).toEqual([WebSocket.OPEN, WebSocket.OPEN]);
  });

  it('refuses the key and its token on REST on both replicas with 401 and the error body', async () => {
    for (const base of replicas) {
      for (const credentials of [asKey(), asToken()]) {
        const res = await waitFor(
          `${base} to refuse ${Object.keys(credentials)[0]}`,
          async () => {
            const attempt = await request(base).get('/api/v1/machines').set(credentials);
            return attempt.status === 401 && attempt;
          },
          AT_ONCE_MS,
          50,
        );
        expect(res.body).toMatchObject({ error_code: 'UNAUTHORIZED', details: null, request_id: res.headers['x-request-id'] });
      }
      expect((await request(base).post('/api/v1/auth/token').set(asKey())).status).toBe(401);
    }
  });

  it('refuses new upgrades with the key or its token on both replicas and both paths', async () => {
    for (const base of replicas) {
      for (const channel of ['machine-status', 'alerts'] as const) {
        const attempts = [
          await refusedUpgrade(wsUrl(base, channel), asKey()),
          await refusedUpgrade(wsUrl(base, channel, `?api_key=${encodeURIComponent(key)}`)),
          await refusedUpgrade(wsUrl(base, channel), asToken()),
          await refusedUpgrade(wsUrl(base, channel, `?token=${encodeURIComponent(token)}`)),
        ];
        expect(attempts).toEqual(Array(4).fill({ status: 401, error_code: 'UNAUTHORIZED' }));
      }
    }
    expect(bystanders.map((c) => c.socket.readyState)).toEqual([WebSocket.OPEN, WebSocket.OPEN]);
  });
});
