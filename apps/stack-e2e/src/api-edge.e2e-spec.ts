import { randomUUID } from 'node:crypto';
import Ajv, { type ValidateFunction } from 'ajv';
import fc from 'fast-check';
import { Client } from 'pg';
import { createShopfloorClient } from '@shopfloor/client';
import { OPENAPI_DOCUMENT, type OpenApiOperation, type OpenApiParameter } from '@shopfloor/client/openapi';
import { createSourceDatabase, type TestSourceDatabase } from '@shopfloor/testing';
import { ADMIN_KEY, Stack } from './stack';

// The API edge as an attacker meets it, driven by the OpenAPI document: every route with every role, then every route
// with generated hostile input. Nothing may answer 5xx, drop the connection or answer outside the contract's error
// body, and nothing a refused request touched may change.

type Credential = 'none' | 'viewer' | 'operator' | 'admin' | 'revoked key' | 'token of a revoked key';
type Role = 'viewer' | 'operator' | 'admin';
const ROLE_ORDER: Role[] = ['viewer', 'operator', 'admin'];

interface Operation {
  method: string;
  path: string;
  op: OpenApiOperation;
}

const OPERATIONS: Operation[] = Object.entries(OPENAPI_DOCUMENT.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, op]) => ({ method, path, op })),
);
const label = ({ method, path }: Operation): string => `${method.toUpperCase()} ${path}`;

/**
 * The role rules of the README: viewers read everything but keys, dead letters, alert rules and deliveries; operators
 * also sync, ask for predictions and schedules, and acknowledge and resolve alerts; admins do everything else.
 */
function roleByReadme({ method, path }: Operation): Role {
  const adminReads = ['/api/v1/auth/api-keys', '/api/v1/data/dead-letters', '/api/v1/alerts/rules', '/api/v1/notifications/'];
  if (adminReads.some((prefix) => path.startsWith(prefix))) return 'admin';
  if (path === '/api/v1/auth/token' || path === '/api/v1/auth/token/refresh' || path === '/api/v1/reports/custom') return 'viewer';
  if (method === 'get') return 'viewer';
  if (
    path === '/api/v1/data/sync' ||
    path.startsWith('/api/v1/ml/predict/') ||
    path === '/api/v1/ml/optimize-schedule' ||
    /^\/api\/v1\/alerts\/\{id\}\/(acknowledge|resolve)$/.test(path)
  )
    return 'operator';
  return 'admin';
}

const ajv = new Ajv({ strict: false, allErrors: false, validateFormats: false });
ajv.addSchema({ $id: 'https://shopfloor.invalid/openapi.json', components: OPENAPI_DOCUMENT.components });
const validatorOf = (ref: string): ValidateFunction => {
  const validate = ajv.getSchema(`https://shopfloor.invalid/openapi.json${ref}`);
  if (!validate) throw new Error(`no schema ${ref}`);
  return validate;
};
const errorBodyValid = validatorOf('#/components/schemas/ErrorBody');

interface Answer {
  status: number;
  body: unknown;
  text: string;
  contentType: string;
  requestId: string | null;
}

interface RawRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | Buffer;
}

describe('the API edge', () => {
  const stack = new Stack();
  let source: TestSourceDatabase;
  let pg: Client;
  const keys = {} as Record<Credential, Record<string, string>>;
  let sent = 0;

  /**
   * One request; a 503 SERVICE_UNAVAILABLE (a service behind the gateway slow to answer on this busy machine) is asked
   * again once after a second, so that what fails is what an input causes, every time.
   */
  async function send(req: RawRequest): Promise<Answer> {
    const answer = await sendOnce(req);
    if (answer.status !== 503 || (answer.body as { error_code?: string })?.error_code !== 'SERVICE_UNAVAILABLE') return answer;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    return sendOnce(req);
  }

  async function sendOnce(req: RawRequest): Promise<Answer> {
    sent += 1;
    const res = await fetch(`${stack.gatewayUrl}${req.url}`, {
      method: req.method.toUpperCase(),
      headers: req.headers,
      body: req.body,
      signal: AbortSignal.timeout(20_000),
    }).catch((error: unknown) => {
      throw new Error(`${req.method.toUpperCase()} ${req.url.slice(0, 200)}: no answer (${String(error)})`);
    });
    const text = await res.text();
    let body: unknown = null;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON; judged below
    }
    return { status: res.status, body, text, contentType: res.headers.get('content-type') ?? '', requestId: res.headers.get('x-request-id') };
  }

  /** What the services logged about one request, to tell why it failed. */
  function logsOf(requestId: string | null): string {
    if (!requestId) return '(no request id)';
    return [...stack.services.entries()]
      .flatMap(([name, service]) => service.lines.filter((line) => line.includes(requestId)).map((line) => `  ${name}: ${line.slice(0, 3000)}`))
      .join('\n');
  }

  /** The contract every answer keeps: no 5xx, errors in the one error body with its request id, successes as documented. */
  function judge(op: Operation, req: RawRequest, answer: Answer): string | null {
    const where = `${req.method.toUpperCase()} ${req.url.slice(0, 300)} [${String(req.headers['content-type'] ?? '')}] body ${String(req.body ?? '').slice(0, 300)} → ${answer.status} ${answer.text.slice(0, 500)}`;
    if (answer.status >= 500) return `5xx: ${where}\n${logsOf(answer.requestId)}`;
    if (answer.status >= 400) {
      if (!answer.contentType.startsWith('application/json') || !errorBodyValid(answer.body)) return `not the error body: ${where}`;
      if ((answer.body as { request_id: string }).request_id !== answer.requestId) return `request_id differs from X-Request-Id: ${where}`;
      return null;
    }
    const documented = op.op.responses[String(answer.status)];
    if (!documented) return `undocumented status: ${where}`;
    const schema = documented.content?.['application/json']?.schema as { $ref?: string } | undefined;
    if (schema?.$ref && answer.contentType.startsWith('application/json')) {
      const validate = validatorOf(schema.$ref);
      if (!validate(answer.body)) return `answer unlike its schema (${ajv.errorsText(validate.errors)}): ${where}`;
    }
    return null;
  }

  /** What a refused request must leave as it was: keys, calendars, and the rows that starting something would add. */
  async function storedState(): Promise<string> {
    const { rows } = await pg.query<{ state: string }>(`SELECT concat_ws('|',
      (SELECT md5(coalesce(string_agg(concat_ws(',', id, name, role, revoked_at), ';' ORDER BY id), '')) FROM gateway.api_keys),
      (SELECT md5(coalesce(string_agg(c::text, ';' ORDER BY c::text), '')) FROM analytics.calendars c),
      (SELECT count(*) FROM gateway.audit_log), (SELECT count(*) FROM ingestion.sync_runs), (SELECT count(*) FROM ml.datasets),
      (SELECT count(*) FROM ml.training_runs), (SELECT count(*) FROM ml.models), (SELECT count(*) FROM ml.model_predictions)) AS state`);
    return rows[0].state;
  }

  beforeAll(async () => {
    source = await createSourceDatabase('cimco_edge');
    await source.connection.query(`INSERT INTO machines (machine_id, name, type, location) VALUES ('EDGE-M1', 'Edge 1', 'MILL', 'Hall 1')`);
    await stack.start({ CIMCO_DATABASE_URL: source.url, SYNC_INTERVAL_SECONDS: '0', RATE_LIMIT_PER_MINUTE: '1000000' });
    pg = new Client({ connectionString: stack.database!.adminDatabaseUrl });
    await pg.connect();
    const admin = createShopfloorClient({ baseUrl: stack.gatewayUrl, apiKey: ADMIN_KEY });
    const mint = async (role: Role): Promise<string> => {
      const { data, error } = await admin.POST('/api/v1/auth/api-keys', { body: { name: `edge ${role}`, role } });
      if (!data) throw new Error(`could not create a ${role} key: ${JSON.stringify(error)}`);
      return data.key;
    };
    for (const role of ROLE_ORDER) keys[role] = { 'X-API-Key': await mint(role) };
    keys.none = {};
    const doomed = await admin.POST('/api/v1/auth/api-keys', { body: { name: 'edge doomed', role: 'admin' } });
    const doomedKey = doomed.data!.key;
    const token = await createShopfloorClient({ baseUrl: stack.gatewayUrl, apiKey: doomedKey }).POST('/api/v1/auth/token');
    expect(token.data?.token_type).toBe('Bearer');
    const revoked = await admin.DELETE('/api/v1/auth/api-keys/{id}', { params: { path: { id: doomed.data!.id } } });
    expect(revoked.response.status).toBe(204);
    keys['revoked key'] = { 'X-API-Key': doomedKey };
    keys['token of a revoked key'] = { Authorization: `Bearer ${token.data!.access_token}` };
  }, 180_000);

  afterAll(async () => {
    console.log(`API edge: ${sent} requests sent over ${OPERATIONS.length} operations`);
    await pg?.end();
    await stack.stop();
    await source?.drop();
  });

  it('documents every route it serves: each documented operation reaches a handler', async () => {
    for (const operation of OPERATIONS) {
      const url = operation.path.replace(/\{[^}]+\}/g, () => randomUUID());
      const answer = await send({
        method: operation.method,
        url,
        headers: { ...keys.admin, 'Content-Type': 'application/json' },
        body: operation.op.requestBody ? '{}' : undefined,
      });
      expect({ route: label(operation), message: (answer.body as { message?: string })?.message ?? '' }).not.toMatchObject({
        message: expect.stringMatching(/^No route for/),
      });
    }
  });

  it('refuses each reported reproduction with a 4xx in the error body, and the named ones with their code', async () => {
    const admin = keys.admin;
    const json = (body: unknown) => JSON.stringify(body);
    const deep = `${'['.repeat(50_000)}${']'.repeat(50_000)}`;
    const mb = 'x'.repeat(1024 * 1024);
    const cases: [RawRequest, number, string][] = [
      ...[
        '/api/v1/machines/%00',
        '/api/v1/machines/%00/jobs',
        '/api/v1/machines/%00/downtime',
        '/api/v1/machines/%00/risk',
        `/api/v1/machines/${'x'.repeat(51)}/risk`,
        '/api/v1/calendars/%00',
      ].map((url): [RawRequest, number, string] => [{ method: 'get', url, headers: admin }, 400, 'VALIDATION_FAILED']),
      [{ method: 'delete', url: '/api/v1/calendars/%00', headers: admin }, 400, 'VALIDATION_FAILED'],
      ...(
        [
          ['/api/v1/reports/custom', { metrics: ['overall_oee'], machine_ids: ['\u0000'], from: '2026-01-01T00:00:00Z', to: '2026-01-02T00:00:00Z' }],
          ['/api/v1/ml/datasets', { name: '\u0000', label: 'y', rows: [{ a: 1, y: 0 }] }],
          ['/api/v1/ml/predict/downtime', { machine_id: '\u0000', horizon_hours: 24 }],
          ['/api/v1/ml/predict/anomalies', { machine_id: '\u0000', from: '2026-01-01T00:00:00Z', to: '2026-01-02T00:00:00Z' }],
          ['/api/v1/ml/predict/maintenance-window', { machine_id: '\u0000' }],
          [
            '/api/v1/ml/optimize-schedule',
            { jobs: [{ job_id: 'J', duration: 60, due: '2026-01-02T00:00:00Z', eligible_machines: ['\u0000'] }], horizon_start: '2026-01-01T00:00:00Z' },
          ],
          ['/api/v1/auth/api-keys', { name: '\u0000', role: 'viewer' }],
          ['/api/v1/ml/datasets', { name: mb, label: 'y', rows: [{ a: 1, y: 0 }] }],
          ['/api/v1/ml/datasets', { name: 'big cell', label: 'y', rows: [{ a: mb, y: 0 }] }],
          ['/api/v1/ml/train', { model_type: 'downtime', params: { trees: mb } }],
          ['/api/v1/ml/predict/failure-risk', { readings: { torque: mb } }],
          ['/api/v1/data/sync', { mode: null }],
          [
            '/api/v1/ml/datasets',
            {
              name: 'flags',
              label: 'y',
              rows: [
                { a: true, y: 0 },
                { a: null, y: 1 },
              ],
            },
          ],
        ] as [string, unknown][]
      ).map(([url, body]): [RawRequest, number, string] => [
        { method: 'post', url, headers: { ...admin, 'content-type': 'application/json' }, body: json(body) },
        400,
        'VALIDATION_FAILED',
      ]),
      ...['/api/v1/data/sync', '/api/v1/reports/custom', '/api/v1/ml/train', '/api/v1/auth/api-keys'].map((url): [RawRequest, number, string] => [
        { method: 'post', url, headers: { ...admin, 'content-type': 'application/json' }, body: deep },
        400,
        'VALIDATION_FAILED',
      ]),
      [{ method: 'post', url: '/api/v1/data/sync', headers: { ...admin, 'content-type': 'application/json' } }, 400, 'VALIDATION_FAILED'],
      [
        { method: 'post', url: '/api/v1/data/sync', headers: { ...admin, 'content-type': 'application/x-www-form-urlencoded' }, body: 'mode=full' },
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      ],
      [{ method: 'get', url: `/api/v1/machines?location=${mb}`, headers: admin }, 414, 'PAYLOAD_TOO_LARGE'],
    ];
    const problems: string[] = [];
    const syncsBefore = await storedState();
    for (const [req, status, code] of cases) {
      const answer = await send(req);
      const verdict = judge(OPERATIONS[0], req, answer);
      const got = `${answer.status} ${String((answer.body as { error_code?: string })?.error_code)}`;
      if (verdict && answer.status >= 400) problems.push(verdict);
      // A too-long request line may be seen as too-long headers (431) when it arrives in pieces; both are the right refusal.
      const acceptable = status === 414 ? [414, 431] : [status];
      if (!acceptable.includes(answer.status) || (answer.body as { error_code?: string })?.error_code !== code)
        problems.push(`${req.method.toUpperCase()} ${req.url.slice(0, 80)} ${String(req.body ?? '').slice(0, 80)}: expected ${status} ${code}, got ${got}`);
    }
    expect(problems).toEqual([]);
    expect(await storedState()).toBe(syncsBefore);
  });

  describe('with each role', () => {
    const credentials: Credential[] = ['none', 'viewer', 'operator', 'admin', 'revoked key', 'token of a revoked key'];

    it("follows the README's role rules, and the document says the same", async () => {
      const problems: string[] = [];
      for (const operation of OPERATIONS) {
        const required = roleByReadme(operation);
        if (operation.op['x-required-role'] !== required)
          problems.push(`${label(operation)}: the document says ${String(operation.op['x-required-role'])}, the README ${required}`);
        for (const credential of credentials) {
          const url = operation.path.replace(/\{([^}]+)\}/g, (_, name: string) =>
            /_id$|^id$/.test(name) && name !== 'machine_id' && name !== 'calendar_id' ? randomUUID() : 'EDGE-M1',
          );
          const req: RawRequest = {
            method: operation.method,
            url,
            headers: { ...keys[credential], 'Content-Type': 'application/json' },
            body: operation.op.requestBody ? '{}' : undefined,
          };
          const answer = await send(req);
          const verdict = judge(operation, req, answer);
          if (verdict) problems.push(`${credential}: ${verdict}`);
          const code = (answer.body as { error_code?: string })?.error_code;
          const allowed = ROLE_ORDER.includes(credential as Role) && ROLE_ORDER.indexOf(credential as Role) >= ROLE_ORDER.indexOf(required);
          if (!ROLE_ORDER.includes(credential as Role)) {
            if (answer.status !== 401 || code !== 'UNAUTHORIZED')
              problems.push(`${label(operation)} with ${credential}: expected 401 UNAUTHORIZED, got ${answer.status} ${String(code)}`);
          } else if (!allowed) {
            if (answer.status !== 403 || code !== 'FORBIDDEN')
              problems.push(`${label(operation)} as ${credential}: expected 403 FORBIDDEN, got ${answer.status} ${String(code)}`);
          } else if (answer.status === 401 || answer.status === 403) {
            problems.push(`${label(operation)} as ${credential}: refused with ${answer.status} although the role may`);
          }
        }
      }
      expect(problems).toEqual([]);
    });
  });

  describe('with generated hostile input', () => {
    const NASTY = [
      '',
      ' ',
      '\u0000',
      'M\u0000',
      '\ud800',
      'x\udfff',
      '😀'.repeat(60),
      'e\u0301\u0301\u0301',
      '\u202eRTL',
      '\u0007\u001b[2J',
      '\r\nX-Injected: 1',
      "' OR '1'='1' --",
      '"; DROP TABLE machines; --',
      '1; SELECT pg_sleep(10)',
      '${jndi:ldap://x/a}',
      '{{7*7}}',
      '<script>alert(1)</script>',
      '../../../../etc/passwd',
      'null',
      'undefined',
      'NaN',
      'Infinity',
      '-0',
      '1e309',
      '9'.repeat(400),
      '__proto__',
      'constructor',
      '\\',
      '*',
      '%',
      '2026-02-30T25:61:00Z',
      '0000-00-00',
    ];
    const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => `a${String.fromCharCode(c)}b`);
    const longText = fc.constantFrom(1_000, 70_000, 1_100_000).map((n) => 'x'.repeat(n));
    const hostileString = fc.oneof(
      fc.constantFrom(...NASTY),
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.string({ unit: 'grapheme', maxLength: 20 }),
      loneSurrogate,
      longText,
    );
    const hostileNumber = fc.oneof(
      fc.constantFrom(0, -0, -1, 0.5, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2, 1e308, -1e308, Number.MIN_VALUE),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.integer(),
    );
    const hostileScalar = fc.oneof(hostileString, hostileNumber, fc.boolean(), fc.constant(null));
    const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
      { weight: 4, arbitrary: hostileScalar },
      { weight: 1, arbitrary: fc.array(hostileScalar, { maxLength: 5 }) },
      {
        weight: 1,
        arbitrary: fc.dictionary(
          hostileString.filter((k) => k.length < 200),
          hostileScalar,
          { maxKeys: 4 },
        ),
      },
      { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
    );
    /** Raw JSON text, for what JSON.stringify cannot write (nesting deeper than its recursion). */
    const deepJson = fc.constantFrom(40, 5_000, 60_000).map((n) => `${'['.repeat(n)}${']'.repeat(n)}`);

    const resolve = (schema: Record<string, unknown> | undefined): Record<string, unknown> => {
      let s = schema ?? {};
      for (let i = 0; i < 5 && typeof s.$ref === 'string'; i += 1) s = OPENAPI_DOCUMENT.components.schemas[s.$ref.replace('#/components/schemas/', '')] ?? {};
      return s;
    };

    const bodyOf = (op: OpenApiOperation): fc.Arbitrary<{ contentType: string | null; body: string | Buffer | undefined }> => {
      const properties = Object.keys((resolve(op.requestBody?.content['application/json']?.schema).properties as Record<string, unknown> | undefined) ?? {});
      const shaped = fc
        .record({
          values: fc.tuple(...(properties.length ? properties : ['x']).map(() => fc.option(hostileValue, { nil: undefined }))),
          extra: fc.option(fc.tuple(hostileString, hostileValue), { nil: undefined }),
        })
        .map(({ values, extra }) => {
          const body: Record<string, unknown> = {};
          (properties.length ? properties : ['x']).forEach((p, i) => {
            if (values[i] !== undefined) body[p] = values[i];
          });
          if (extra) body[extra[0]] = extra[1];
          return JSON.stringify(body);
        });
      return fc.oneof(
        { weight: 6, arbitrary: shaped.map((body) => ({ contentType: 'application/json', body })) },
        { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => ({ contentType: 'application/json', body: JSON.stringify(v) })) },
        { weight: 1, arbitrary: deepJson.map((body) => ({ contentType: 'application/json', body })) },
        {
          weight: 1,
          arbitrary: fc
            .constantFrom('{', '{"a":', '[1,2', 'nul', '{"a":1}}', "{'a':1}", '{"a":1,}', '\u0000', '"\\ud800"', '{"a":"\\u0000"}')
            .map((body) => ({ contentType: 'application/json', body })),
        },
        {
          weight: 1,
          arbitrary: fc
            .constantFrom(
              'application/x-www-form-urlencoded',
              'text/plain',
              'application/xml',
              'multipart/form-data; boundary=x',
              'application/json; charset=latin-9',
              null,
            )
            .map((contentType) => ({ contentType, body: 'mode=full&name=x' })),
        },
        {
          weight: 1,
          arbitrary: fc.constantFrom<{ contentType: string | null; body: string | Buffer | undefined }>(
            { contentType: 'application/json', body: undefined },
            { contentType: 'application/json', body: '' },
            { contentType: 'application/json', body: Buffer.alloc(11 * 1024 * 1024, 0x20) },
          ),
        },
      );
    };

    const encodeSegment = (value: string): string => {
      try {
        return encodeURIComponent(value);
      } catch {
        return '%ED%A0%80'; // a lone surrogate has no UTF-8: send the bytes a careless client would
      }
    };
    // Not '.', '..' or their %2e spellings: the client itself resolves those, so the request would reach another route than the one judged.
    const rawSegment = fc.oneof(
      hostileString.filter((s) => s.length < 5000 && s !== '.' && s !== '..').map(encodeSegment),
      fc.constantFrom('%', '%ZZ', '%ED%A0%80', '%C0%AF', '%00', '%2F', '...'),
    );
    const queryOf = (parameters: OpenApiParameter[]): fc.Arbitrary<string> => {
      const names = [...parameters.filter((p) => p.in === 'query').map((p) => p.name), 'unknown_param', '__proto__', 'a[b]'];
      return fc
        .array(fc.tuple(fc.constantFrom(...names), rawSegment), { maxLength: 4 })
        .map((pairs) => (pairs.length ? `?${pairs.map(([k, v]) => `${encodeSegment(k)}=${v}`).join('&')}` : ''));
    };
    const credentialOf = fc.constantFrom<Credential>('admin', 'admin', 'admin', 'operator', 'viewer', 'none', 'token of a revoked key');

    for (const operation of OPERATIONS) {
      it(`${label(operation)}: no 5xx, the error body, and nothing changed by a refusal`, async () => {
        const parameters = operation.op.parameters ?? [];
        const pathNames = parameters.filter((p) => p.in === 'path').map((p) => p.name);
        const problems: string[] = [];
        await fc
          .assert(
            fc.asyncProperty(
              fc.tuple(...(pathNames.length ? pathNames : ['none']).map(() => rawSegment)),
              queryOf(parameters),
              operation.op.requestBody || operation.method !== 'get' ? bodyOf(operation.op) : fc.constant({ contentType: null, body: undefined }),
              credentialOf,
              async (segments, query, { contentType, body }, credential) => {
                let i = 0;
                const url = operation.path.replace(/\{[^}]+\}/g, () => segments[i++] || 'x') + query;
                const headers: Record<string, string> = { ...keys[credential] };
                if (contentType) headers['content-type'] = contentType;
                const req: RawRequest = { method: operation.method, url, headers, body };
                const mutating = operation.method !== 'get';
                const before = mutating ? await storedState() : '';
                const answer = await send(req);
                const verdict = judge(operation, req, answer);
                if (verdict) problems.push(verdict);
                if (mutating && answer.status >= 400) {
                  const after = await storedState();
                  if (after !== before)
                    problems.push(
                      `a refused request changed stored data (${before} → ${after}): ${req.method} ${url.slice(0, 200)} ${String(body ?? '').slice(0, 200)} → ${answer.status}`,
                    );
                }
                return problems.length === 0;
              },
            ),
            // Bounded in time as well as in runs: a route whose answers take seconds (the integrity report) gets fewer.
            { numRuns: Number(process.env.API_FUZZ_RUNS ?? 40), endOnFailure: true, interruptAfterTimeLimit: 20_000, markInterruptAsFailure: false },
          )
          .catch((error: unknown) => {
            throw new Error(`${problems.join('\n')}\n${String(error).slice(0, 2000)}`);
          });
      });
    }
  });
});
