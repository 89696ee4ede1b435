import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '@shopfloor/contracts';
import type { IncomingMessage } from 'node:http';
import { ApiKeysService } from '../auth/api-keys.service';
import { credentialLookup } from '../auth/auth.guard';
import { BearerTokensService } from '../auth/bearer-tokens.service';
import type { Principal } from '../auth/principal';

/**
 * Authenticates a WebSocket upgrade exactly as REST does (X-API-Key or Authorization: Bearer), plus `?api_key=` and
 * `?token=` because browsers cannot set headers on a WebSocket. Every role may listen, so there is no role check.
 */
@Injectable()
export class LiveAuthService {
  constructor(
    private readonly apiKeys: ApiKeysService,
    private readonly tokens: BearerTokensService,
  ) {}

  /** The caller's principal; throws UNAUTHORIZED for missing, unknown or invalid credentials. */
  async authenticate(req: IncomingMessage): Promise<Principal> {
    const apiKey = singleHeader(req, 'x-api-key');
    if (apiKey) return this.byApiKey(apiKey);
    const authorization = singleHeader(req, 'authorization');
    if (authorization) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      return this.byToken(match?.[1]);
    }
    const query = new URL(req.url ?? '/', 'http://gateway.invalid').searchParams;
    const queryKey = query.get('api_key');
    if (queryKey) return this.byApiKey(queryKey);
    const queryToken = query.get('token');
    if (queryToken) return this.byToken(queryToken);
    throw new DomainError(ErrorCode.Unauthorized, 'Credentials required: send X-API-Key or Authorization: Bearer <token>, or ?api_key= / ?token= in the URL');
  }

  private async byApiKey(key: string): Promise<Principal> {
    const principal = await credentialLookup(this.apiKeys.authenticate(key));
    if (principal) return principal;
    throw new DomainError(ErrorCode.Unauthorized, 'The API key is unknown or revoked');
  }

  private async byToken(token: string | undefined): Promise<Principal> {
    const principal = token ? await credentialLookup(this.tokens.authenticate(token)) : null;
    if (principal) return principal;
    throw new DomainError(ErrorCode.Unauthorized, 'The bearer token is invalid or expired, or its API key is revoked');
  }
}

function singleHeader(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
