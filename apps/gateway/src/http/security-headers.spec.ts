import express from 'express';
import request from 'supertest';
import { API_SECURITY_HEADERS, DOCS_PATH, securityHeaders } from './security-headers';

function app(): express.Express {
  const a = express();
  a.set('trust proxy', 'loopback');
  a.use(securityHeaders());
  a.get('/api/v1/machines', (_req, res) => res.json([]));
  a.get(DOCS_PATH, (_req, res) => res.type('html').send('<!DOCTYPE html><title>docs</title>'));
  a.get(`${DOCS_PATH}/swagger-ui.css`, (_req, res) => res.type('css').send('body{}'));
  a.get(`${DOCS_PATH}-json`, (_req, res) => res.json({ openapi: '3.0.0' }));
  return a;
}

const directives = (policy: string | undefined): Map<string, string> =>
  new Map(
    (policy ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name, values.join(' ')]),
  );

describe(securityHeaders.name, () => {
  it('gives an API response a policy that lets nothing load, run or frame it', async () => {
    const res = await request(app()).get('/api/v1/machines');

    expect(res.status).toBe(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cross-origin-resource-policy']).toBe('same-origin');
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(directives(res.headers['content-security-policy'])).toEqual(
      new Map([
        ['default-src', "'none'"],
        ['base-uri', "'none'"],
        ['form-action', "'none'"],
        ['frame-ancestors', "'none'"],
      ]),
    );
  });

  it('gives the docs page and its assets their own policy: own scripts, inline styles, never framed', async () => {
    for (const path of [DOCS_PATH, `${DOCS_PATH}/swagger-ui.css`]) {
      const res = await request(app()).get(path);
      const csp = directives(res.headers['content-security-policy']);

      expect(csp.get('default-src')).toBe("'self'");
      expect(csp.get('script-src')).toBe("'self'");
      expect(csp.get('style-src')).toBe("'self' 'unsafe-inline'");
      expect(csp.get('frame-ancestors')).toBe("'none'");
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('keeps the strict policy on the OpenAPI document, a JSON response beside the docs page', async () => {
    const res = await request(app()).get(`${DOCS_PATH}-json`);

    expect(directives(res.headers['content-security-policy']).get('default-src')).toBe("'none'");
  });

  it('sends HSTS only on a request that came over TLS', async () => {
    const plain = await request(app()).get('/api/v1/machines');
    const viaTlsProxy = await request(app()).get('/api/v1/machines').set('X-Forwarded-Proto', 'https');

    expect(plain.headers['strict-transport-security']).toBeUndefined();
    expect(viaTlsProxy.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });

  it('does not take X-Forwarded-Proto from a hop it does not trust', async () => {
    const untrusting = express();
    untrusting.use(securityHeaders());
    untrusting.get('/', (_req, res) => res.json({}));

    const res = await request(untrusting).get('/').set('X-Forwarded-Proto', 'https');

    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('lists for raw responses exactly the headers the API policy sets', async () => {
    const res = await request(app()).get('/api/v1/machines');

    expect(API_SECURITY_HEADERS.length).toBeGreaterThan(5);
    for (const [name, value] of API_SECURITY_HEADERS) expect([name, res.headers[name.toLowerCase()]]).toEqual([name, value]);
  });
});
