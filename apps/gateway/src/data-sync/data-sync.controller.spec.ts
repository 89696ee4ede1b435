import type { INestApplication } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { ErrorCode, SUBJECTS, type ReplayDeadLettersReply } from '@shopfloor/contracts';
import { RpcClient } from '@shopfloor/nats';
import request from 'supertest';
import { ApiKeysService } from '../auth/api-keys.service';
import { AuthGuard } from '../auth/auth.guard';
import { BearerTokensService } from '../auth/bearer-tokens.service';
import type { Principal } from '../auth/principal';
import type { GatewayEnv } from '../config/gateway.env';
import { configureHttp } from '../http/configure-http';
import type { ErrorBody } from '../http/error-body';
import { DataSyncController } from './data-sync.controller';

const KEYS: Record<string, Principal> = {
  'admin-key': { id: 'k-admin', name: 'admin', role: 'admin', via: 'api_key' },
  'operator-key': { id: 'k-operator', name: 'operator', role: 'operator', via: 'api_key' },
  'viewer-key': { id: 'k-viewer', name: 'viewer', role: 'viewer', via: 'api_key' },
};

/** The controller behind the gateway's real HTTP edge (guard, body parsers, validation, error body), with ingestion faked. */
describe(DataSyncController.name, () => {
  let app: INestApplication;
  const requests: { subject: string; payload: unknown }[] = [];
  const replies: Record<string, unknown> = {
    [SUBJECTS.ingestion.deadLettersList]: { items: [], next_cursor: null },
    [SUBJECTS.ingestion.deadLettersReplay]: { replayed: 2, ids: ['7', '9'], not_found: ['8'] } satisfies ReplayDeadLettersReply,
  };

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      controllers: [DataSyncController],
      providers: [
        {
          provide: RpcClient,
          useValue: {
            request: async (subject: string, payload: unknown) => {
              requests.push({ subject, payload: JSON.parse(JSON.stringify(payload)) });
              return replies[subject];
            },
          },
        },
        { provide: ApiKeysService, useValue: { authenticate: async (key: string) => KEYS[key] ?? null } },
        { provide: BearerTokensService, useValue: { verify: () => null } },
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
    }).compile();
    app = moduleRef.createNestApplication({ bodyParser: false });
    configureHttp(app, { BODY_LIMIT: '1mb', DATASET_BODY_LIMIT: '1mb' } as GatewayEnv);
    await app.init();
  });

  afterAll(async () => {
    await app.close();
  });

  beforeEach(() => {
    requests.length = 0;
  });

  it('lists dead letters for an admin, passing the query on with the limit as a number', async () => {
    const res = await request(app.getHttpServer()).get('/api/v1/data/dead-letters?limit=20&consumer=analytics-shopfloor').set('X-API-Key', 'admin-key');

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ items: [], next_cursor: null });
    expect(requests).toEqual([{ subject: SUBJECTS.ingestion.deadLettersList, payload: { limit: 20, consumer: 'analytics-shopfloor' } }]);
  });

  it.each(['viewer-key', 'operator-key'])('answers 403 to %s on both routes', async (key) => {
    const list = await request(app.getHttpServer()).get('/api/v1/data/dead-letters').set('X-API-Key', key);
    const replay = await request(app.getHttpServer()).post('/api/v1/data/dead-letters/replay').set('X-API-Key', key).send({ all: true });

    expect([list.status, replay.status]).toEqual([403, 403]);
    expect(list.body.error_code).toBe(ErrorCode.Forbidden);
    expect(replay.body.error_code).toBe(ErrorCode.Forbidden);
    expect(requests).toEqual([]);
  });

  it('answers 401 without credentials', async () => {
    const res = await request(app.getHttpServer()).post('/api/v1/data/dead-letters/replay').send({ all: true });

    expect(res.status).toBe(401);
  });

  it.each([
    ['a limit out of range', '?limit=0', 'limit'],
    ['a limit that is no number', '?limit=many', 'limit'],
    ['a consumer that is a subject pattern', '?consumer=dlq.%3E', 'consumer'],
    ['an unknown parameter', '?stream=SHOPFLOOR', 'stream'],
  ])('answers 400 VALIDATION_FAILED to %s', async (_what, query, field) => {
    const res = await request(app.getHttpServer()).get(`/api/v1/data/dead-letters${query}`).set('X-API-Key', 'admin-key');

    expect(res.status).toBe(400);
    expect(res.body.error_code).toBe(ErrorCode.ValidationFailed);
    expect((res.body as ErrorBody).field_errors?.map((e) => e.field)).toContain(field);
    expect(requests).toEqual([]);
  });

  it('replays for an admin with 200 and the reply of ingestion', async () => {
    const res = await request(app.getHttpServer())
      .post('/api/v1/data/dead-letters/replay')
      .set('X-API-Key', 'admin-key')
      .send({ ids: ['7', '8', '9'] });

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ replayed: 2, ids: ['7', '9'], not_found: ['8'] });
    expect(requests).toEqual([{ subject: SUBJECTS.ingestion.deadLettersReplay, payload: { ids: ['7', '8', '9'] } }]);
  });

  it.each([
    ['nothing chosen', {}, 'all'],
    ['two selections', { ids: ['1'], all: true }, 'all'],
    ['an id that is not a positive integer', { ids: ['0x10'] }, 'ids'],
    ['ids that are numbers', { ids: [12] }, 'ids'],
    ['too many ids', { ids: Array.from({ length: 1001 }, (_, i) => String(i + 1)) }, 'ids'],
    ['all that is not a boolean', { all: 'true' }, 'all'],
    ['an unknown field', { all: true, force: true }, 'force'],
  ])('answers 400 VALIDATION_FAILED to a replay body with %s', async (_what, body, field) => {
    const res = await request(app.getHttpServer()).post('/api/v1/data/dead-letters/replay').set('X-API-Key', 'admin-key').send(body);

    expect(res.status).toBe(400);
    expect(res.body.error_code).toBe(ErrorCode.ValidationFailed);
    expect((res.body as ErrorBody).field_errors?.map((e) => e.field)).toContain(field);
    expect(requests).toEqual([]);
  });
});
