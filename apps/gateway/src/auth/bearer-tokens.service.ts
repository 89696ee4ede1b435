import { createSecretKey, type KeyObject } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { API_KEY_ROLES, type ApiKeyRole } from '@shopfloor/gateway/data-access';
import jwt from 'jsonwebtoken';
import { GatewayEnv } from '../config/gateway.env';
import { ApiKeyRevocationsService } from './api-key-revocations.service';
import type { Principal } from './principal';

const ISSUER = 'shopfloor-gateway';
const AUDIENCE = 'shopfloor-api';
/** Tokens whose signature was checked, kept at most (a token is a few hundred bytes); the oldest go first. */
const VERIFIED_KEPT = 10_000;

interface TokenClaims {
  sub: string;
  name: string;
  role: ApiKeyRole;
  exp: number;
}

/**
 * Short-lived HS256 bearer tokens for browsers and mobile apps, exchanged for an API key. A token is only as good as
 * its key: revoking the key ends every token minted from it.
 */
@Injectable()
export class BearerTokensService {
  /**
   * The secret as a key object, made once: given the string, jsonwebtoken first tries to read it as a PEM public key
   * on every call (and throws), which was about a third of the gateway's time per authenticated request. The HMAC
   * and so the tokens are the same.
   */
  private readonly key: KeyObject;
  /**
   * Tokens already verified, with their principal: the same string always verifies the same way, and only the expiry
   * depends on the time, so it is checked on each use — the HMAC and the JSON parsing (a tenth of a cached answer's
   * cost) are not. Revocation is checked on each request apart from this (`authenticate`).
   */
  private readonly verified = new Map<string, Principal & { expiresAt: Date }>();

  constructor(
    private readonly env: GatewayEnv,
    private readonly revocations: ApiKeyRevocationsService,
  ) {
    this.key = createSecretKey(Buffer.from(env.JWT_SECRET, 'utf8'));
  }

  issue(principal: Principal): { token: string; expiresIn: number } {
    const claims: Omit<TokenClaims, 'exp'> = { sub: principal.id, name: principal.name, role: principal.role };
    const token = jwt.sign(claims, this.key, {
      algorithm: 'HS256',
      expiresIn: this.env.JWT_TTL_SECONDS,
      issuer: ISSUER,
      audience: AUDIENCE,
    });
    return { token, expiresIn: this.env.JWT_TTL_SECONDS };
  }

  /** The principal of a valid, unexpired token of ours whose key is not revoked; null for anything else. */
  async authenticate(token: string): Promise<Principal | null> {
    const principal = this.verify(token);
    if (!principal || (await this.revocations.isRevoked(principal.id))) return null;
    return principal;
  }

  /** The principal of a valid, unexpired token of ours, by its signature and claims alone (no revocation check). */
  verify(token: string): Principal | null {
    const known = this.verified.get(token);
    // As jsonwebtoken judges expiry: expired from the second of `exp` on.
    if (known) return Math.floor(Date.now() / 1000) < known.expiresAt.getTime() / 1000 ? { ...known } : null;
    const principal = this.verifySignature(token);
    if (principal) {
      if (this.verified.size >= VERIFIED_KEPT) this.verified.delete(this.verified.keys().next().value as string);
      this.verified.set(token, principal);
      return { ...principal };
    }
    return null;
  }

  private verifySignature(token: string): (Principal & { expiresAt: Date }) | null {
    try {
      const claims = jwt.verify(token, this.key, { algorithms: ['HS256'], issuer: ISSUER, audience: AUDIENCE }) as Partial<TokenClaims>;
      // jsonwebtoken accepts a token without exp as one that never expires; ours always carry one.
      if (typeof claims.sub !== 'string' || !API_KEY_ROLES.includes(claims.role as ApiKeyRole) || typeof claims.exp !== 'number') return null;
      return {
        id: claims.sub,
        name: typeof claims.name === 'string' ? claims.name : claims.sub,
        role: claims.role as ApiKeyRole,
        via: 'bearer',
        expiresAt: new Date(claims.exp * 1000),
      };
    } catch {
      return null;
    }
  }
}
