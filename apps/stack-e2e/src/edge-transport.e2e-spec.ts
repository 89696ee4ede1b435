import { connect } from 'node:net';
import request from 'supertest';
import { freePort, ServiceProcess } from '@shopfloor/testing';
import { ADMIN_KEY, JWT_SECRET, Stack } from './stack';

const ALLOWED_ORIGIN = 'https://dashboard.example.com';
const FOREIGN_ORIGIN = 'https://evil.example.net';
const ERROR_BODY_KEYS = ['details', 'error_code', 'message', 'request_id', 'timestamp'];

type Headers = Record<string, string | string[] | undefined>;

const directives = (policy: string | string[] | undefined): Map<string, string> =>
  new Map(
    [policy ?? '']
      .flat()
      .join(';')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name, values.join(' ')]),
  );

/** What every gateway response carries, whichever part of the gateway wrote it. */
function expectSecurityHeaders(headers: Headers): void {
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['cross-origin-resource-policy']).toBe('same-origin');
  expect(directives(headers['content-security-policy']).get('frame-ancestors')).toBe("'none'");
  expect(headers['x-powered-by']).toBeUndefined();
  // Plain HTTP here: HSTS belongs on responses over TLS only.
  expect(headers['strict-transport-security']).toBeUndefined();
}

function expectApiPolicy(headers: Headers): void {
  expectSecurityHeaders(headers);
  expect(directives(headers['content-security-policy']).get('default-src')).toBe("'none'");
}

interface RawResponse {
  status: number;
  headers: Headers;
  body: string;
}

/** Writes bytes on a fresh connection and reads the answer until the gateway closes it. */
function rawExchange(url: string, bytes: string): Promise<RawResponse> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    // The gateway may close while the rest of an oversized request is still on its way.
    socket.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' || error.code === 'EPIPE' ? undefined : reject(error)));
    socket.setTimeout(10_000, () => socket.destroy(new Error('no answer within 10 s')));
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const end = text.indexOf('\r\n\r\n');
      const [statusLine, ...fields] = text.slice(0, end).split('\r\n');
      const headers: Headers = {};
      for (const field of fields) headers[field.slice(0, field.indexOf(':')).toLowerCase()] = field.slice(field.indexOf(':') + 1).trim();
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: text.slice(end + 4) });
    });
    socket.write(bytes);
  });
}

/** The contract's error body, its X-Request-Id, and the API's security headers, on an answer Node's parser refused. */
function expectRawErrorAnswer(res: RawResponse, code: string): Record<string, unknown> {
  expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
  expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(res.body));
  const body = JSON.parse(res.body) as Record<string, unknown>;
  expect(
    Object.keys(body)
      .filter((k) => k !== 'field_errors')
      .sort(),
  ).toEqual(ERROR_BODY_KEYS);
  expect(body['error_code']).toBe(code);
  expect(new Date(body['timestamp'] as string).toISOString()).toBe(body['timestamp']);
  expect(res.headers['x-request-id']).toBe(body['request_id']);
  expectApiPolicy(res.headers);
  return body;
}

describe("the gateway's transport edge", () => {
  const stack = new Stack();

  beforeAll(async () => {
    await stack.start({ CORS_ORIGINS: `${ALLOWED_ORIGIN},http://localhost:5173` });
  }, 120_000);

  afterAll(async () => {
    await stack.stop();
  });

  describe('security headers', () => {
    it('are on a 200 from the API, /health and /metrics', async () => {
      for (const [path, key] of [['/api/v1/machines', ADMIN_KEY], ['/health'], ['/metrics']]) {
        const req = request(stack.gatewayUrl).get(path);
        const res = await (key ? req.set('X-API-Key', key) : req);
        expect([path, res.status]).toEqual([path, 200]);
        expectApiPolicy(res.headers);
      }
    });

    it('are on a refused WebSocket upgrade, written outside Express', async () => {
      const { host } = new URL(stack.gatewayUrl);
      const refused = await rawExchange(
        stack.gatewayUrl,
        `GET /ws/machine-status HTTP/1.1\r\nHost: ${host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`,
      );
      expect(refused.status).toBe(401);
      expectApiPolicy(refused.headers);
    });

    it('are on a 401 and on 404s, route or resource', async () => {
      const unauthorized = await request(stack.gatewayUrl).get('/api/v1/machines');
      expect(unauthorized.status).toBe(401);
      expectApiPolicy(unauthorized.headers);

      for (const path of ['/api/v1/no-such-route', '/no-such-page', '/api/v1/machines/NO-SUCH-MACHINE']) {
        const res = await request(stack.gatewayUrl).get(path).set('X-API-Key', ADMIN_KEY);
        expect([path, res.status]).toEqual([path, 404]);
        expectApiPolicy(res.headers);
      }
    });

    it('give the Swagger UI page a policy that admits what it loads, and nothing from elsewhere', async () => {
      const page = await request(stack.gatewayUrl).get('/api/docs');
      expect(page.status).toBe(200);
      expectSecurityHeaders(page.headers);
      const csp = directives(page.headers['content-security-policy']);
      expect(csp.get('default-src')).toBe("'self'");
      expect(csp.get('script-src')).toBe("'self'");
      expect(csp.get('connect-src')).toBe("'self'");

      // Every script is a file from this origin (script-src 'self'); the inline <style> blocks need 'unsafe-inline'.
      const html = page.text;
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
      expect(scripts.length).toBeGreaterThan(0);
      for (const [, attributes, content] of scripts) {
        expect(attributes).toMatch(/\ssrc="[^":]+"/);
        expect(content.trim()).toBe('');
      }
      expect(html).toMatch(/<style>/);
      expect(csp.get('style-src')).toBe("'self' 'unsafe-inline'");

      // With nosniff a browser runs a script or applies a stylesheet only under its right type.
      const assets = [...html.matchAll(/<(?:script|link)\b[^>]*(?:src|href)="([^"]+\.(?:js|css))"/g)].map(
        (m) => new URL(m[1], `${stack.gatewayUrl}/api/docs/`).pathname,
      );
      expect(assets.length).toBeGreaterThanOrEqual(3);
      for (const asset of assets) {
        const res = await request(stack.gatewayUrl).get(asset);
        expect([asset, res.status]).toEqual([asset, 200]);
        expect(res.headers['content-type']).toMatch(asset.endsWith('.js') ? /javascript/ : /^text\/css/);
        expectSecurityHeaders(res.headers);
      }
    });

    it('keep the strict API policy on the OpenAPI document', async () => {
      const res = await request(stack.gatewayUrl).get('/api/docs-json');
      expect(res.status).toBe(200);
      expectApiPolicy(res.headers);
    });

    it('add HSTS when a trusted proxy says the request came over TLS', async () => {
      const res = await request(stack.gatewayUrl).get('/health').set('X-Forwarded-Proto', 'https');
      expect(res.headers['strict-transport-security']).toMatch(/^max-age=\d+; includeSubDomains$/);
    });
  });

  describe('CORS', () => {
    it('grants an allowed origin and exposes the headers clients read', async () => {
      const res = await request(stack.gatewayUrl).get('/api/v1/machines').set('X-API-Key', ADMIN_KEY).set('Origin', ALLOWED_ORIGIN);

      expect(res.status).toBe(200);
      expect(res.headers['access-control-allow-origin']).toBe(ALLOWED_ORIGIN);
      expect(String(res.headers['vary'])).toMatch(/Origin/);
      const exposed = String(res.headers['access-control-expose-headers'])
        .split(',')
        .map((h) => h.trim());
      expect(exposed).toEqual(expect.arrayContaining(['X-Request-Id', 'Retry-After', 'X-RateLimit-Limit', 'X-RateLimit-Remaining']));
      expectApiPolicy(res.headers);
    });

    it('grants nothing to a foreign origin', async () => {
      const res = await request(stack.gatewayUrl).get('/api/v1/machines').set('X-API-Key', ADMIN_KEY).set('Origin', FOREIGN_ORIGIN);

      expect(res.status).toBe(200);
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
      // The answer depends on Origin, so a shared cache must not hand it to an allowed origin's page, or the reverse.
      expect(String(res.headers['vary'])).toMatch(/Origin/);
    });

    it('answers the preflight of an allowed origin, and gives a foreign one no grant', async () => {
      const preflight = (origin: string) =>
        request(stack.gatewayUrl)
          .options('/api/v1/data/sync')
          .set('Origin', origin)
          .set('Access-Control-Request-Method', 'POST')
          .set('Access-Control-Request-Headers', 'x-api-key,content-type');

      const allowed = await preflight(ALLOWED_ORIGIN);
      expect(allowed.status).toBe(204);
      expect(allowed.headers['access-control-allow-origin']).toBe(ALLOWED_ORIGIN);
      expect(String(allowed.headers['access-control-allow-methods'])).toMatch(/POST/);
      expect(String(allowed.headers['access-control-allow-headers']).toLowerCase()).toMatch(/x-api-key/);
      expectApiPolicy(allowed.headers);

      const foreign = await preflight(FOREIGN_ORIGIN);
      expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
      expectApiPolicy(foreign.headers);
    });

    it('refuses to start on a CORS_ORIGINS entry that is not an exact origin, naming it', async () => {
      const gateway = new ServiceProcess('gateway', {
        PORT: String(await freePort()),
        NATS_URL: stack.natsUrl,
        DATABASE_URL: stack.database?.serviceUrl('gateway') ?? '',
        JWT_SECRET,
        CORS_ORIGINS: `${ALLOWED_ORIGIN},https://dashboard.example.com/app`,
      });
      const { code, output } = await gateway.runToExit();

      expect(code).toBe(1);
      expect(output).toMatch(/CORS_ORIGINS: .*"https:\/\/dashboard\.example\.com\/app"/);
    });
  });

  describe('requests Node cannot parse', () => {
    it('answers a 1 MB query string with 414 and the error body', async () => {
      const res = await rawExchange(
        stack.gatewayUrl,
        `GET /api/v1/machines?q=${'a'.repeat(1024 * 1024)} HTTP/1.1\r\nHost: gateway\r\nX-API-Key: ${ADMIN_KEY}\r\n\r\n`,
      );

      expect(res.status).toBe(414);
      const body = expectRawErrorAnswer(res, 'PAYLOAD_TOO_LARGE');
      expect(body['details']).toEqual({ limit_bytes: expect.any(Number) });
    });

    it('answers a 100 KB header with 431 and the error body', async () => {
      const res = await rawExchange(stack.gatewayUrl, `GET /health HTTP/1.1\r\nHost: gateway\r\nX-Padding: ${'a'.repeat(100 * 1024)}\r\n\r\n`);

      expect(res.status).toBe(431);
      expectRawErrorAnswer(res, 'PAYLOAD_TOO_LARGE');
    });

    it('answers many headers adding up past the limit with 431', async () => {
      const res = await rawExchange(stack.gatewayUrl, `GET /health HTTP/1.1\r\nHost: gateway\r\n${'X-Padding: aaaaaaaaaaaaaaaa\r\n'.repeat(2000)}\r\n`);

      expect(res.status).toBe(431);
      expectRawErrorAnswer(res, 'PAYLOAD_TOO_LARGE');
    });

    it('answers a garbage request line with 400 VALIDATION_FAILED', async () => {
      const res = await rawExchange(stack.gatewayUrl, 'THIS IS NOT HTTP\r\n\r\n');

      expect(res.status).toBe(400);
      expect(expectRawErrorAnswer(res, 'VALIDATION_FAILED')['field_errors']).toEqual([]);
    });

    it('answers a malformed header with 400 VALIDATION_FAILED', async () => {
      const res = await rawExchange(stack.gatewayUrl, 'GET /health HTTP/1.1\r\nHost gateway\r\n\r\n');

      expect(res.status).toBe(400);
      expectRawErrorAnswer(res, 'VALIDATION_FAILED');
    });

    it('keeps serving afterwards', async () => {
      expect((await request(stack.gatewayUrl).get('/health')).status).toBe(200);
    });
  });

  describe('listening addresses', () => {
    it('binds the gateway to every interface and the services behind it to loopback', () => {
      const listening = (service: 'gateway' | 'ingestion' | 'analytics' | 'ml' | 'notification') =>
        stack.service(service).lines.find((line) => line.includes(`${service} listening on port`));

      expect(listening('gateway')).toContain('(0.0.0.0)');
      for (const service of ['ingestion', 'analytics', 'ml', 'notification'] as const) expect(listening(service)).toContain('(127.0.0.1)');
    });
  });
});
