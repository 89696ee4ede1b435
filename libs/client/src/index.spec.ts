import { spawnSync } from 'node:child_process';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createShopfloorClient } from './index';

describe('createShopfloorClient', () => {
  let server: Server;
  let baseUrl = '';
  const seen: { url: string; headers: IncomingHttpHeaders }[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push({ url: req.url ?? '', headers: req.headers });
      if (req.url?.startsWith('/api/v1/machines/M-404')) {
        res.writeHead(404, { 'Content-Type': 'application/json' }).end(
          JSON.stringify({
            error_code: 'MACHINE_NOT_FOUND',
            message: 'Machine M-404 is not known',
            details: null,
            timestamp: '2026-01-01T00:00:00.000Z',
            request_id: 'r-1',
          }),
        );
        return;
      }
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ items: [], next_cursor: null }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('sends the API key, path parameters and query as the document describes them', async () => {
    const client = createShopfloorClient({ baseUrl, apiKey: 'sfk_example' });
    const { data, error } = await client.GET('/api/v1/machines', { params: { query: { limit: 5, location: 'Hall 1' } } });
    expect(error).toBeUndefined();
    expect(data).toEqual({ items: [], next_cursor: null });
    expect(seen.at(-1)).toMatchObject({ url: '/api/v1/machines?limit=5&location=Hall%201', headers: { 'x-api-key': 'sfk_example' } });
  });

  it('asks a token function before every request and hands an error answer back as the error body', async () => {
    let issued = 0;
    const client = createShopfloorClient({ baseUrl, token: () => `t-${(issued += 1)}` });
    const { data, error, response } = await client.GET('/api/v1/machines/{machine_id}', { params: { path: { machine_id: 'M-404' } } });
    expect(data).toBeUndefined();
    expect(response.status).toBe(404);
    expect(error?.error_code).toBe('MACHINE_NOT_FOUND');
    expect(seen.at(-1)?.headers.authorization).toBe('Bearer t-1');
    await client.GET('/api/v1/machines');
    expect(seen.at(-1)?.headers.authorization).toBe('Bearer t-2');
  });
});

describe('the OpenAPI document and these types', () => {
  it('say what the code says (regenerate with node tools/openapi/generate.mjs)', () => {
    const root = join(__dirname, '../../..');
    const check = spawnSync(process.execPath, [join(root, 'tools/openapi/generate.mjs'), '--check'], { cwd: root, encoding: 'utf8' });
    expect(`${check.stdout}${check.stderr}`).toContain('match the code');
    expect(check.status).toBe(0);
  });
});
