import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import request from 'supertest';
import { dashboardStatic } from './dashboard-static';
import { securityHeaders } from './security-headers';

const INDEX = '<!doctype html><html><head><script type="module" src="/assets/index-abc123.js"></script></head><body><div id="root"></div></body></html>';

function app(dir: string): express.Express {
  const a = express();
  a.use(securityHeaders());
  a.use(dashboardStatic(dir));
  a.get('/api/v1/machines', (_req, res) => res.json({ items: [] }));
  a.use((_req, res) => res.status(404).json({ error_code: 'NOT_FOUND' }));
  return a;
}

const directives = (policy: string | undefined): Map<string, string> =>
  new Map(
    (policy ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name, values.join(' ')]),
  );

describe(dashboardStatic.name, () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'dashboard-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), INDEX);
    writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
    writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('serves index.html at / to be revalidated on every load, under the dashboard policy', async () => {
    const res = await request(app(dir)).get('/').set('Host', 'shop.example.com:3000');

    expect(res.status).toBe(200);
    expect(res.text).toBe(INDEX);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(directives(res.headers['content-security-policy'])).toEqual(
      new Map([
        ['default-src', "'self'"],
        ['script-src', "'self'"],
        ['style-src', "'self'"],
        ['img-src', "'self' data:"],
        ['font-src', "'self'"],
        ['connect-src', "'self' ws://shop.example.com:3000 wss://shop.example.com:3000"],
        ['object-src', "'none'"],
        ['frame-src', "'none'"],
        ['base-uri', "'self'"],
        ['form-action', "'self'"],
        ['frame-ancestors', "'none'"],
      ]),
    );
  });

  it('keeps a Host that could break out of the policy out of it', async () => {
    const res = await request(app(dir)).get('/').set('Host', "evil; script-src 'unsafe-inline'");

    expect(directives(res.headers['content-security-policy']).get('connect-src')).toBe("'self'");
  });

  it('caches hashed assets for a year, immutable', async () => {
    const res = await request(app(dir)).get('/assets/index-abc123.js');

    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-type']).toMatch(/javascript/);
  });

  it('serves other files of the build, revalidated', async () => {
    const res = await request(app(dir)).get('/favicon.svg');

    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('answers a client-side route a browser asks for with index.html', async () => {
    const res = await request(app(dir)).get('/board/hall-2').set('Accept', 'text/html,application/xhtml+xml,*/*;q=0.8');

    expect(res.status).toBe(200);
    expect(res.text).toBe(INDEX);
  });

  it('leaves a missing asset and a non-page request to the 404 of the API, under the API policy', async () => {
    for (const res of [
      await request(app(dir)).get('/assets/gone-000.js'),
      await request(app(dir)).get('/board').set('Accept', 'application/json'),
      await request(app(dir)).get('/no-such-page'),
    ]) {
      expect(res.status).toBe(404);
      expect(directives(res.headers['content-security-policy']).get('default-src')).toBe("'none'");
    }
  });

  it.each(['/api/v1/nothing', '/ws/machine-status', '/docs', '/health', '/ready', '/metrics'])('never answers %s with the dashboard', async (path) => {
    const res = await request(app(dir)).get(path).set('Accept', 'text/html');

    expect(res.text).not.toBe(INDEX);
    expect(directives(res.headers['content-security-policy']).get('default-src')).toBe("'none'");
  });

  it('keeps the API answering under its own policy', async () => {
    const res = await request(app(dir)).get('/api/v1/machines');

    expect(res.status).toBe(200);
    expect(directives(res.headers['content-security-policy']).get('default-src')).toBe("'none'");
  });

  it('answers / with a 404 error body saying the dashboard is not built when there is no build', async () => {
    const res = await request(app(join(dir, 'missing')))
      .get('/')
      .set('X-Request-Id', 'req-1');

    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      error_code: 'NOT_FOUND',
      message: expect.stringContaining('dashboard is not built'),
      details: { dashboard_dir: join(dir, 'missing') },
      timestamp: expect.any(String),
      request_id: 'req-1',
    });
  });
});
