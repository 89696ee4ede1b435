import { Global, Module } from '@nestjs/common';
import { ApplicationConfig } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import { NatsConnectionHolder, RpcClient } from '@shopfloor/nats';
import { HealthRegistry, MetricsRegistry } from '@shopfloor/observability';
import { RedisClient } from '@shopfloor/runtime';
import { AppModule } from './app.module';
import { AuthGuard } from './auth/auth.guard';
import { GatewayEnv } from './config/gateway.env';
import { RateLimitGuard } from './rate-limit/rate-limit.guard';

/** What the service's own modules (NATS, env, Redis, database, observability) provide to every feature; none is used here. */
@Global()
@Module({
  providers: [
    { provide: RpcClient, useValue: {} },
    { provide: NatsConnectionHolder, useValue: {} },
    { provide: GatewayEnv, useValue: { JWT_SECRET: 'a-secret-only-for-building-the-module-graph' } },
    { provide: RedisClient, useValue: { redis: { defineCommand: () => undefined } } },
    { provide: getDataSourceToken(), useValue: { getRepository: () => ({}) } },
    HealthRegistry,
    MetricsRegistry,
  ],
  exports: [RpcClient, NatsConnectionHolder, GatewayEnv, RedisClient, getDataSourceToken(), HealthRegistry, MetricsRegistry],
})
class ServiceProvidersStub {}

describe(AppModule.name, () => {
  it("authenticates a request before counting it against its caller's budget", async () => {
    const moduleRef = await Test.createTestingModule({ imports: [ServiceProvidersStub, AppModule] }).compile();

    const guards = moduleRef.get(ApplicationConfig).getGlobalGuards();
    expect(guards.map((guard) => guard.constructor)).toEqual([AuthGuard, RateLimitGuard]);
    await moduleRef.close();
  });
});
