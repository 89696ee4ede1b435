import jwt from 'jsonwebtoken';
import type { GatewayEnv } from '../config/gateway.env';
import type { ApiKeyRevocationsService } from './api-key-revocations.service';
import { BearerTokensService } from './bearer-tokens.service';
import type { Principal } from './principal';

const SECRET = 'x'.repeat(32);
const ISSUER = 'shopfloor-gateway';
const AUDIENCE = 'shopfloor-api';

const operator: Principal = { id: 'key-7f3a', name: 'Line 3 tablet', role: 'operator', via: 'api_key' };

/** verify() reads the token alone; the revocation check of authenticate() runs against the real key store elsewhere. */
const UNUSED_REVOCATIONS = {} as ApiKeyRevocationsService;

function service(secret = SECRET, ttlSeconds = 900): BearerTokensService {
  return new BearerTokensService({ JWT_SECRET: secret, JWT_TTL_SECONDS: ttlSeconds } as GatewayEnv, UNUSED_REVOCATIONS);
}

function signed(claims: object, options: jwt.SignOptions = {}, secret = SECRET): string {
  return jwt.sign(claims, secret, { algorithm: 'HS256', expiresIn: 60, issuer: ISSUER, audience: AUDIENCE, ...options });
}

function base64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

describe(BearerTokensService.name, () => {
  it('issues a token that verifies back to the same principal, now via bearer and with its expiry', () => {
    const tokens = service();

    const { token } = tokens.issue(operator);

    const exp = (jwt.decode(token) as jwt.JwtPayload).exp ?? 0;
    expect(tokens.verify(token)).toEqual({ id: 'key-7f3a', name: 'Line 3 tablet', role: 'operator', via: 'bearer', expiresAt: new Date(exp * 1000) });
  });

  it('signs with the secret as any HS256 verifier reads it, and takes tokens signed with it as text', () => {
    const { token } = service().issue(operator);

    expect(jwt.verify(token, SECRET, { algorithms: ['HS256'], issuer: ISSUER, audience: AUDIENCE })).toMatchObject({ sub: 'key-7f3a', role: 'operator' });
    expect(service().verify(signed({ sub: 'key-7f3a', name: 'n', role: 'viewer' }))).toMatchObject({ id: 'key-7f3a', role: 'viewer' });
    expect(service('y'.repeat(32)).verify(token)).toBeNull();
  });

  it.each(['viewer', 'operator', 'admin'] as const)('keeps the role %s through a round trip', (role) => {
    const tokens = service();

    expect(tokens.verify(tokens.issue({ ...operator, role }).token)?.role).toBe(role);
  });

  it('issues an HS256 token for the configured lifetime with our issuer and audience', () => {
    const { token, expiresIn } = service(SECRET, 600).issue(operator);

    const decoded = jwt.decode(token, { complete: true });
    const payload = decoded?.payload as jwt.JwtPayload;
    expect(expiresIn).toBe(600);
    expect(decoded?.header.alg).toBe('HS256');
    expect(payload).toMatchObject({ sub: 'key-7f3a', name: 'Line 3 tablet', role: 'operator', iss: ISSUER, aud: AUDIENCE });
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(600);
  });

  it('falls back to the subject as the name when the token has none', () => {
    expect(service().verify(signed({ sub: 'key-1', role: 'viewer' }))).toMatchObject({ id: 'key-1', name: 'key-1', role: 'viewer', via: 'bearer' });
  });

  it('rejects a token signed with another secret', () => {
    const foreign = service('y'.repeat(32)).issue(operator).token;

    expect(service().verify(foreign)).toBeNull();
  });

  it('rejects an expired token', () => {
    const expired = signed({ sub: 'key-7f3a', name: 'Line 3 tablet', role: 'operator' }, { expiresIn: -10 });

    expect(service().verify(expired)).toBeNull();
  });

  it('rejects a token it verified before once it has expired', () => {
    const tokens = service();
    const soon = signed({ sub: 'key-7f3a', name: 'Line 3 tablet', role: 'operator' }, { expiresIn: 2 });
    const exp = (jwt.decode(soon) as jwt.JwtPayload).exp ?? 0;
    const clock = jest.spyOn(Date, 'now');
    try {
      clock.mockReturnValue(exp * 1000 - 1);
      expect(tokens.verify(soon)?.id).toBe('key-7f3a');
      expect(tokens.verify(soon)?.id).toBe('key-7f3a');
      clock.mockReturnValue(exp * 1000);
      expect(tokens.verify(soon)).toBeNull();
    } finally {
      clock.mockRestore();
    }
  });

  it('rejects a token without an expiry, which would otherwise never expire', () => {
    const forever = jwt.sign({ sub: 'key-7f3a', name: 'Line 3 tablet', role: 'operator' }, SECRET, { algorithm: 'HS256', issuer: ISSUER, audience: AUDIENCE });

    expect(service().verify(forever)).toBeNull();
  });

  it('rejects a token with an unknown role', () => {
    expect(service().verify(signed({ sub: 'key-7f3a', name: 'Line 3 tablet', role: 'root' }))).toBeNull();
  });

  it('rejects a token without a role or subject', () => {
    expect(service().verify(signed({ sub: 'key-7f3a', name: 'Line 3 tablet' }))).toBeNull();
    expect(service().verify(signed({ name: 'Line 3 tablet', role: 'admin' }))).toBeNull();
  });

  it('rejects a token for another issuer or audience', () => {
    const claims = { sub: 'key-7f3a', role: 'admin' };

    expect(service().verify(signed(claims, { issuer: 'someone-else' }))).toBeNull();
    expect(service().verify(signed(claims, { audience: 'another-api' }))).toBeNull();
  });

  it('rejects an unsigned token with alg none', () => {
    const now = Math.floor(Date.now() / 1000);
    const unsigned = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ sub: 'key-7f3a', role: 'admin', iss: ISSUER, aud: AUDIENCE, iat: now, exp: now + 60 })}.`;

    expect(service().verify(unsigned)).toBeNull();
  });

  it('rejects a token signed with another algorithm', () => {
    const hs512 = signed({ sub: 'key-7f3a', role: 'admin' }, { algorithm: 'HS512' });

    expect(service().verify(hs512)).toBeNull();
  });

  it('rejects a token whose claims were changed after signing', () => {
    const [header, , signature] = service().issue(operator).token.split('.');
    const now = Math.floor(Date.now() / 1000);
    const forged = `${header}.${base64url({ sub: 'key-7f3a', name: 'Line 3 tablet', role: 'admin', iss: ISSUER, aud: AUDIENCE, iat: now, exp: now + 900 })}.${signature}`;

    expect(service().verify(forged)).toBeNull();
  });

  it.each(['', 'garbage', 'a.b.c', 'Bearer abc'])('rejects the garbage %p', (garbage) => {
    expect(service().verify(garbage)).toBeNull();
  });
});
