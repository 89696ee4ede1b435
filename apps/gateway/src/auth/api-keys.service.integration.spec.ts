import { Logger, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { validateEnv } from '@shopfloor/config';
import { DomainError, ErrorCode, SUBJECTS } from '@shopfloor/contracts';
import { ApiKeyRepository, GATEWAY_ENTITIES, GATEWAY_MIGRATIONS } from '@shopfloor/gateway/data-access';
import { httpObservabilityMiddleware, MetricsRegistry } from '@shopfloor/observability';
import { ServiceModule } from '@shopfloor/runtime';
import { createTestDatabase, TEST_INFRA, waitFor, type TestDatabase } from '@shopfloor/testing';
import { connect, JSONCodec, type NatsConnection } from 'nats';
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import { Client } from 'pg';
import request from 'supertest';
import { AppModule } from '../app.module';
import { GatewayEnv } from '../config/gateway.env';
import { configureHttp } from '../http/configure-http';
import { ApiKeysService } from './api-keys.service';
import { CREDENTIAL_CACHE_OPTIONS, DEFAULT_CREDENTIAL_CACHE_OPTIONS } from './credential-cache.options';
import { BOOTSTRAP_ADMIN_ID, type Principal } from './principal';

/** Short enough to wait out in a test, long enough to tell a broadcast from the cache running out. */
const CACHE_TTL_MS = 4_000;
const ADMIN: Principal = { id: BOOTSTRAP_ADMIN_ID, name: 'bootstrap admin', role: 'admin', via: 'api_key' };

describe(ApiKeysService.name, () => {
  const adminKey = randomBytes(24).toString('hex');
  let db: TestDatabase;
  let sql: Client;
  let nats: NatsConnection;
  let app: INestApplication;
  let server: Server;

  /** A fresh admin key (so it may call an admin route) and a bearer token minted from it. */
  async function keyAndToken(name: string): Promise<{ id: string; key: string; token: string }> {
    const created = await request(server).post('/api/v1/auth/api-keys').set('X-API-Key', adminKey).send({ name, role: 'admin' });
    expect(created.status).toBe(201);
    const { id, key } = created.body as { id: string; key: string };
    const minted = await request(server).post('/api/v1/auth/token').set('X-API-Key', key);
    expect(minted.status).toBe(200);
    return { id, key, token: (minted.body as { access_token: string }).access_token };
  }

  /** The status of an authenticated call with the key and with the token: 200 while the key is active. */
  async function statuses(credentials: { key: string; token: string }): Promise<[number, number]> {
    const byKey = await request(server).get('/api/v1/auth/api-keys').set('X-API-Key', credentials.key);
    const byToken = await request(server).get('/api/v1/auth/api-keys').set('Authorization', `Bearer ${credentials.token}`);
    return [byKey.status, byToken.status];
  }

  beforeAll(async () => {
    db = await createTestDatabase('sf_keys');
    const env = validateEnv(GatewayEnv, {
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      PORT: '3000',
      NATS_URL: TEST_INFRA.natsUrl,
      REDIS_URL: TEST_INFRA.redisUrl,
      DATABASE_URL: db.serviceUrl('gateway'),
      DATABASE_POOL_SIZE: '2',
      JWT_SECRET: randomBytes(32).toString('hex'),
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
      .overrideProvider(CREDENTIAL_CACHE_OPTIONS)
      .useValue({ ...DEFAULT_CREDENTIAL_CACHE_OPTIONS, ttlMs: CACHE_TTL_MS })
      .compile();
    app = moduleRef.createNestApplication({ bodyParser: false, logger: false });
    app.use(httpObservabilityMiddleware(app.get(MetricsRegistry)));
    configureHttp(app, env);
    await app.init();
    server = app.getHttpServer() as Server;
    sql = new Client({ connectionString: db.adminDatabaseUrl });
    await sql.connect();
    nats = await connect({ servers: TEST_INFRA.natsUrl, name: 'api-keys-service-spec' });
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await nats?.close();
    await sql?.end();
    await db?.drop();
  }, 30_000);

  describe('revocation', () => {
    it('refuses the key and every token minted from it with 401 and the error body as soon as it is revoked', async () => {
      const credentials = await keyAndToken('revoked here');
      expect(await statuses(credentials)).toEqual([200, 200]);

      expect((await request(server).delete(`/api/v1/auth/api-keys/${credentials.id}`).set('X-API-Key', adminKey)).status).toBe(204);

      expect(await statuses(credentials)).toEqual([401, 401]);
      const refused = await request(server).get('/api/v1/auth/api-keys').set('Authorization', `Bearer ${credentials.token}`);
      expect(refused.body).toMatchObject({ error_code: 'UNAUTHORIZED', message: expect.stringContaining('revoked'), details: null });
    });

    it("refuses a key another replica revoked as soon as that replica's broadcast arrives, long before the cache runs out", async () => {
      const credentials = await keyAndToken('revoked elsewhere');
      expect(await statuses(credentials)).toEqual([200, 200]);

      // What the other replica does: the row first, then the broadcast.
      await sql.query(`UPDATE gateway.api_keys SET revoked_at = now() WHERE id = $1`, [credentials.id]);
      const revokedAt = Date.now();
      nats.publish(SUBJECTS.gateway.apiKeyRevoked, JSONCodec().encode({ id: credentials.id }));

      await waitFor('the broadcast to be applied', async () => (await statuses(credentials)).every((status) => status === 401), CACHE_TTL_MS, 20);
      expect(Date.now() - revokedAt).toBeLessThan(CACHE_TTL_MS / 2);
    });

    it('refuses a key whose broadcast was lost once the cache lifetime has passed, and trusts the cache until then', async () => {
      const credentials = await keyAndToken('broadcast lost');
      expect(await statuses(credentials)).toEqual([200, 200]);

      await sql.query(`UPDATE gateway.api_keys SET revoked_at = now() WHERE id = $1`, [credentials.id]);
      const revokedAt = Date.now();

      expect(await statuses(credentials)).toEqual([200, 200]);
      await waitFor('the cache to run out', async () => (await statuses(credentials)).every((status) => status === 401), CACHE_TTL_MS + 2_000, 50);
      expect(Date.now() - revokedAt).toBeLessThanOrEqual(CACHE_TTL_MS + 1_000);
    });

    it("asks PostgreSQL about a token's key once per cache lifetime, however many requests arrive together", async () => {
      const credentials = await keyAndToken('busy dashboard');
      const lookups = jest.spyOn(ApiKeyRepository.prototype, 'isRevoked');
      try {
        const burst = async (): Promise<number[]> =>
          Promise.all(
            Array.from(
              { length: 20 },
              async () => (await request(server).get('/api/v1/auth/api-keys').set('Authorization', `Bearer ${credentials.token}`)).status,
            ),
          );

        expect(await burst()).toEqual(Array(20).fill(200));
        expect(await burst()).toEqual(Array(20).fill(200));

        expect(lookups.mock.calls.filter(([id]) => id === credentials.id)).toHaveLength(1);
      } finally {
        lookups.mockRestore();
      }
    });

    it('never refuses the bootstrap admin or a token of it', async () => {
      const minted = await request(server).post('/api/v1/auth/token').set('X-API-Key', adminKey);
      const token = (minted.body as { access_token: string }).access_token;

      expect((await request(server).get('/api/v1/auth/api-keys').set('Authorization', `Bearer ${token}`)).status).toBe(200);
      expect((await request(server).delete(`/api/v1/auth/api-keys/${BOOTSTRAP_ADMIN_ID}`).set('X-API-Key', adminKey)).status).toBe(404);
    });
  });

  describe('a failed insert', () => {
    let loggedErrors: jest.SpyInstance;

    beforeEach(() => {
      loggedErrors = jest.spyOn(Logger.prototype, 'error');
    });

    afterEach(() => {
      loggedErrors.mockRestore();
    });

    it('answers a name the database cannot store with 400 VALIDATION_FAILED on the name', async () => {
      const failure = await app
        .get(ApiKeysService)
        .create('line\u00003', 'viewer', ADMIN)
        .catch((error: unknown) => error);

      expect(failure).toBeInstanceOf(DomainError);
      expect((failure as DomainError).code).toBe(ErrorCode.ValidationFailed);
      expect((failure as DomainError).fieldErrors?.map((e) => e.field)).toEqual(['name']);
    });

    it('answers a unique violation on what the client sent with 409 CONFLICT', async () => {
      await sql.query(`CREATE UNIQUE INDEX uq_api_keys_name ON gateway.api_keys (name)`);
      try {
        const first = await request(server).post('/api/v1/auth/api-keys').set('X-API-Key', adminKey).send({ name: 'one of a kind', role: 'viewer' });
        const second = await request(server).post('/api/v1/auth/api-keys').set('X-API-Key', adminKey).send({ name: 'one of a kind', role: 'viewer' });

        expect(first.status).toBe(201);
        expect(second.status).toBe(409);
        expect(second.body).toMatchObject({ error_code: 'CONFLICT', details: { constraint: 'uq_api_keys_name' } });
      } finally {
        await sql.query(`DROP INDEX gateway.uq_api_keys_name`);
      }
    });

    it('is a 500 whose log line names the table and SQLSTATE but holds no key, hash or other query parameter', async () => {
      await sql.query(`ALTER TABLE gateway.api_keys ADD CONSTRAINT ck_api_keys_test CHECK (created_by <> '${BOOTSTRAP_ADMIN_ID}') NOT VALID`);
      try {
        const res = await request(server).post('/api/v1/auth/api-keys').set('X-API-Key', adminKey).send({ name: 'never stored', role: 'viewer' });

        expect(res.status).toBe(500);
        expect(res.body).toMatchObject({ error_code: 'INTERNAL_ERROR', message: 'Internal error' });
        expect(loggedErrors).toHaveBeenCalledTimes(1);
        const logged = JSON.stringify(loggedErrors.mock.calls);
        expect(logged).toContain('api_keys');
        expect(logged).toContain('23514');
        expect(logged).not.toMatch(/[0-9a-f]{64}/);
        expect(logged).not.toContain('sfk_');
        expect(logged).not.toContain('never stored');
        expect(logged).not.toContain('parameters');
      } finally {
        await sql.query(`ALTER TABLE gateway.api_keys DROP CONSTRAINT ck_api_keys_test`);
      }
    });
  });
});
