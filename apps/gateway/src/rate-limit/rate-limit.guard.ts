import { Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, ErrorCode } from '@shopfloor/contracts';
import { RedisClient } from '@shopfloor/runtime';
import type { Request, Response } from 'express';
import { PUBLIC_ROUTE, type AuthenticatedRequest } from '../auth/auth.decorators';
import { GatewayEnv } from '../config/gateway.env';
import { retryAfterSeconds, windowOf } from './fixed-window';

const WINDOW_MS = 60_000;
/** Counts a request in its window (one command per request); the window's key outlives it once, then expires. */
const COUNT = `local n = redis.call('INCR', KEYS[1]) if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end return n`;
/** The script as a command of its own: ioredis sends EVALSHA (the script's text only once, after a NOSCRIPT). */
const COMMAND = 'gatewayRateLimitCount';

type CountingRedis = RedisClient['redis'] & { [COMMAND]: (key: string, ttlMs: number) => Promise<number> };

/**
 * Per-caller request budget per minute, counted in Redis so every gateway replica shares it. If Redis is down the
 * request is let through: losing rate limiting for a while beats refusing every client.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly logger = new Logger(RateLimitGuard.name);
  private lastWarning = 0;

  constructor(
    private readonly reflector: Reflector,
    private readonly redis: RedisClient,
    private readonly env: GatewayEnv,
  ) {
    const client = redis.redis as CountingRedis;
    if (typeof client[COMMAND] !== 'function') client.defineCommand(COMMAND, { numberOfKeys: 1, lua: COUNT });
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [context.getHandler(), context.getClass()])) return true;
    const req = context.switchToHttp().getRequest<Request & AuthenticatedRequest>();
    const res = context.switchToHttp().getResponse<Response>();
    const caller = req.principal ? `p:${req.principal.id}` : `ip:${req.ip ?? 'unknown'}`;
    const now = Date.now();
    const { start } = windowOf(now, WINDOW_MS);
    const key = `gateway:ratelimit:${caller}:${start}`;
    let count: number;
    try {
      count = Number(await (this.redis.redis as CountingRedis)[COMMAND](key, WINDOW_MS * 2));
    } catch (error) {
      if (now - this.lastWarning > WINDOW_MS) {
        this.lastWarning = now;
        this.logger.warn({ message: 'Rate limiting skipped: Redis unavailable', reason: error instanceof Error ? error.message : String(error) });
      }
      return true;
    }
    const limit = this.env.RATE_LIMIT_PER_MINUTE;
    res.setHeader('X-RateLimit-Limit', String(limit));
    res.setHeader('X-RateLimit-Remaining', String(Math.max(0, limit - count)));
    if (count > limit) {
      const retryAfter = retryAfterSeconds(now, WINDOW_MS);
      res.setHeader('Retry-After', String(retryAfter));
      throw new DomainError(ErrorCode.RateLimited, `Rate limit of ${limit} requests per minute exceeded`, { limit, retry_after_seconds: retryAfter });
    }
    return true;
  }
}
