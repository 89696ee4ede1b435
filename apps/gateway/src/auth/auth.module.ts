import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApiKeyRepository, AuditRepository } from '@shopfloor/gateway/data-access';
import { AuditService } from '../audit/audit.service';
import { RateLimitGuard } from '../rate-limit/rate-limit.guard';
import { ApiKeysService } from './api-keys.service';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { BearerTokensService } from './bearer-tokens.service';

@Module({
  controllers: [AuthController],
  providers: [
    ApiKeyRepository,
    AuditRepository,
    AuditService,
    ApiKeysService,
    BearerTokensService,
    // Order matters: authenticate first, then count the request against the caller's budget.
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_GUARD, useClass: RateLimitGuard },
  ],
  // The WebSocket upgrade checks credentials with the same services (and the same last-used throttle).
  exports: [ApiKeysService, BearerTokensService],
})
export class AuthModule {}
