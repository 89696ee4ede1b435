import { Global, Module, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { SUBJECTS } from '@shopfloor/contracts';
import { RpcClient } from '@shopfloor/nats';
import request from 'supertest';
import type { GatewayEnv } from '../config/gateway.env';
import { configureHttp } from '../http/configure-http';
import { AlertsModule } from './alerts.module';

const subjects: string[] = [];

/** RpcClient is global in the service (NatsModule); here it records what was asked and answers with an empty list. */
@Global()
@Module({
  providers: [
    {
      provide: RpcClient,
      useValue: {
        request: async (subject: string) => {
          subjects.push(subject);
          return { items: [] };
        },
      },
    },
  ],
  exports: [RpcClient],
})
class FakeRpcModule {}

describe(AlertsModule.name, () => {
  let app: INestApplication;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [FakeRpcModule, AlertsModule] }).compile();
    app = moduleRef.createNestApplication({ bodyParser: false });
    configureHttp(app, { BODY_LIMIT: '1mb', DATASET_BODY_LIMIT: '1mb' } as GatewayEnv);
    await app.init();
  });

  afterAll(async () => {
    await app.close();
  });

  it("answers /alerts/rules with the rules, not as the alert with id 'rules'", async () => {
    subjects.length = 0;
    const res = await request(app.getHttpServer()).get('/api/v1/alerts/rules');

    expect(res.status).toBe(200);
    expect(subjects).toEqual([SUBJECTS.notification.rulesList]);
  });
});
