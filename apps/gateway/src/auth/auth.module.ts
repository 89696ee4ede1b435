import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApiKeyRepository, AuditRepository } from '@shopfloor/gateway/data-access';
import { AuditService } from '../audit/audit.service';
import { ApiKeyRevocationsService } from './api-key-revocations.service';
import { ApiKeysService } from './api-keys.service';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { BearerTokensService } from './bearer-tokens.service';
import { CREDENTIAL_CACHE_OPTIONS, DEFAULT_CREDENTIAL_CACHE_OPTIONS } from './credential-cache.options';

@Module({
  controllers: [AuthController],
  providers: [
    { provide: CREDENTIAL_CACHE_OPTIONS, useValue: DEFAULT_CREDENTIAL_CACHE_OPTIONS },
    ApiKeyRepository,
    AuditRepository,
    AuditService,
    ApiKeyRevocationsService,
    ApiKeysService,
    BearerTokensService,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  // The WebSocket upgrade checks credentials with the same services (and the same last-used throttle); open sockets
  // are closed on the same revocations.
  exports: [ApiKeysService, BearerTokensService, ApiKeyRevocationsService],
})
export class AuthModule {}
