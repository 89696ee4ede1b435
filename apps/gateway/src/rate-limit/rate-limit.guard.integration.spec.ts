import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, ErrorCode } from '@shopfloor/contracts';
import { HealthRegistry } from '@shopfloor/observability';
import { RedisClient } from '@shopfloor/runtime';
import { TEST_INFRA, uniqueName } from '@shopfloor/testing';
import type { GatewayEnv } from '../config/gateway.env';
import { RateLimitGuard } from './rate-limit.guard';

class TestController {
  handler(): void {
    return undefined;
  }
}

function context(principalId: string, headers: Record<string, string>): ExecutionContext {
  const req = { principal: { id: principalId, name: 'test', role: 'viewer', via: 'api_key' }, ip: '10.0.0.1' };
  const res = { setHeader: (name: string, value: string) => (headers[name] = value) };
  return {
    getType: () => 'http',
    getHandler: () => TestController.prototype.handler,
    getClass: () => TestController,
    switchToHttp: () => ({ getRequest: () => req, getResponse: () => res }),
  } as unknown as ExecutionContext;
}

async function redisClient(url: string): Promise<RedisClient> {
  const client = new RedisClient({ REDIS_URL: url } as GatewayEnv, new HealthRegistry());
  await client.onModuleInit();
  return client;
}

describe(RateLimitGuard.name, () => {
  let redis: RedisClient;
  let guard: RateLimitGuard;

  beforeAll(async () => {
    redis = await redisClient(TEST_INFRA.redisUrl);
    guard = new RateLimitGuard(new Reflector(), redis, { RATE_LIMIT_PER_MINUTE: 3 } as GatewayEnv);
    // Stay inside one one-minute window for the whole test.
    const msLeft = 60_000 - (Date.now() % 60_000);
    if (msLeft < 3000) await new Promise((resolve) => setTimeout(resolve, msLeft + 50));
  });

  afterAll(async () => {
    await redis.onApplicationShutdown();
  });

  it('lets a caller make its budget of requests, then answers RATE_LIMITED with Retry-After', async () => {
    const caller = uniqueName('caller');
    const headers: Record<string, string> = {};
    for (let i = 0; i < 3; i += 1) await expect(guard.canActivate(context(caller, headers))).resolves.toBe(true);
    expect(headers['X-RateLimit-Remaining']).toBe('0');
    const error = (await guard.canActivate(context(caller, headers)).catch((e: unknown) => e)) as DomainError;
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe(ErrorCode.RateLimited);
    const retryAfter = Number(headers['Retry-After']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
  });

  it('counts each caller separately', async () => {
    const first = uniqueName('first');
    const second = uniqueName('second');
    for (let i = 0; i < 3; i += 1) await guard.canActivate(context(first, {}));
    await expect(guard.canActivate(context(first, {}))).rejects.toBeInstanceOf(DomainError);
    await expect(guard.canActivate(context(second, {}))).resolves.toBe(true);
  });

  it('lets requests through while Redis is unreachable', async () => {
    const down = await redisClient('redis://127.0.0.1:1');
    const open = new RateLimitGuard(new Reflector(), down, { RATE_LIMIT_PER_MINUTE: 1 } as GatewayEnv);
    const caller = uniqueName('offline');
    await expect(open.canActivate(context(caller, {}))).resolves.toBe(true);
    await expect(open.canActivate(context(caller, {}))).resolves.toBe(true);
    down.redis.disconnect();
  });
});
