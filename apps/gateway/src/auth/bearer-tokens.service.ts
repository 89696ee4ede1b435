import { Injectable } from '@nestjs/common';
import { API_KEY_ROLES, type ApiKeyRole } from '@shopfloor/gateway/data-access';
import jwt from 'jsonwebtoken';
import { GatewayEnv } from '../config/gateway.env';
import type { Principal } from './principal';

const ISSUER = 'shopfloor-gateway';
const AUDIENCE = 'shopfloor-api';

interface TokenClaims {
  sub: string;
  name: string;
  role: ApiKeyRole;
}

/** Short-lived HS256 bearer tokens for browsers and mobile apps, exchanged for an API key. */
@Injectable()
export class BearerTokensService {
  constructor(private readonly env: GatewayEnv) {}

  issue(principal: Principal): { token: string; expiresIn: number } {
    const claims: TokenClaims = { sub: principal.id, name: principal.name, role: principal.role };
    const token = jwt.sign(claims, this.env.JWT_SECRET, {
      algorithm: 'HS256',
      expiresIn: this.env.JWT_TTL_SECONDS,
      issuer: ISSUER,
      audience: AUDIENCE,
    });
    return { token, expiresIn: this.env.JWT_TTL_SECONDS };
  }

  /** The principal of a valid, unexpired token of ours; null for anything else. */
  verify(token: string): Principal | null {
    try {
      const claims = jwt.verify(token, this.env.JWT_SECRET, { algorithms: ['HS256'], issuer: ISSUER, audience: AUDIENCE }) as Partial<TokenClaims>;
      if (typeof claims.sub !== 'string' || !API_KEY_ROLES.includes(claims.role as ApiKeyRole)) return null;
      return { id: claims.sub, name: typeof claims.name === 'string' ? claims.name : claims.sub, role: claims.role as ApiKeyRole, via: 'bearer' };
    } catch {
      return null;
    }
  }
}
