import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, ErrorCode } from '@shopfloor/contracts';
import type { ApiKeyRole } from '@shopfloor/gateway/data-access';
import type { Request } from 'express';
import { ApiKeysService } from './api-keys.service';
import { PUBLIC_ROUTE, REQUIRED_ROLE, type AuthenticatedRequest } from './auth.decorators';
import { BearerTokensService } from './bearer-tokens.service';
import { roleSatisfies, type Principal } from './principal';

/** Every route needs credentials (X-API-Key or a bearer token) and at least `viewer`, unless marked otherwise. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly apiKeys: ApiKeysService,
    private readonly tokens: BearerTokensService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;

    const req = context.switchToHttp().getRequest<Request & AuthenticatedRequest>();
    const principal = await this.authenticate(req);
    req.principal = principal;
    const required = this.reflector.getAllAndOverride<ApiKeyRole>(REQUIRED_ROLE, targets) ?? 'viewer';
    if (!roleSatisfies(principal.role, required)) {
      throw new DomainError(ErrorCode.Forbidden, `This needs the ${required} role; the credentials have ${principal.role}`, {
        required_role: required,
        role: principal.role,
      });
    }
    return true;
  }

  private async authenticate(req: Request): Promise<Principal> {
    const apiKey = req.header('x-api-key');
    const authorization = req.header('authorization');
    if (apiKey) {
      const principal = await credentialLookup(this.apiKeys.authenticate(apiKey));
      if (principal) return principal;
      throw new DomainError(ErrorCode.Unauthorized, 'The API key is unknown or revoked');
    }
    if (authorization) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      const principal = match ? await credentialLookup(this.tokens.authenticate(match[1])) : null;
      if (principal) return principal;
      throw new DomainError(ErrorCode.Unauthorized, 'The bearer token is invalid or expired, or its API key is revoked');
    }
    throw new DomainError(ErrorCode.Unauthorized, 'Credentials required: send X-API-Key or Authorization: Bearer <token>');
  }
}

/**
 * A lookup of credentials that fails for want of the key store (PostgreSQL down) is an outage the client can wait
 * out, 503, never an internal error and never a pass.
 */
export async function credentialLookup<T>(lookup: Promise<T>): Promise<T> {
  try {
    return await lookup;
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw new DomainError(ErrorCode.ServiceUnavailable, 'Credentials cannot be checked right now; try again shortly', { dependency: 'postgres' });
  }
}
