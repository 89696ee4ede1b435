import { ErrorCode, type DomainError } from '@shopfloor/contracts';
import type { GatewayEnv } from '../config/gateway.env';
import type { ApiKeyRevocationsService } from './api-key-revocations.service';
import type { ApiKeysService } from './api-keys.service';
import { AuthController } from './auth.controller';
import { BearerTokensService } from './bearer-tokens.service';
import type { Principal } from './principal';

/** Revocations as a set of key ids, as the key store answers them. */
function revocations(revoked: Set<string>): ApiKeyRevocationsService {
  return { isRevoked: async (id: string) => revoked.has(id) } as unknown as ApiKeyRevocationsService;
}

describe(AuthController.name, () => {
  const revoked = new Set<string>();
  const tokens = new BearerTokensService({ JWT_SECRET: 'r'.repeat(32), JWT_TTL_SECONDS: 600 } as GatewayEnv, revocations(revoked));
  const controller = new AuthController({} as ApiKeysService, tokens);
  const viewerKey: Principal = { id: 'key-viewer-1', name: 'Hall 2 board', role: 'viewer', via: 'api_key' };

  beforeEach(() => revoked.clear());

  it('refreshes a bearer token into a new one with the same key id, name and role and a later expiry', async () => {
    const first = controller.token(viewerKey);
    const bearer = await tokens.authenticate(first.access_token);
    expect(bearer).not.toBeNull();

    await new Promise((resolve) => setTimeout(resolve, 1100));
    const renewed = controller.refresh(bearer!);

    expect(renewed).toEqual({ access_token: expect.any(String), token_type: 'Bearer', expires_in: 600 });
    const principal = await tokens.authenticate(renewed.access_token);
    expect(principal).toMatchObject({ id: 'key-viewer-1', name: 'Hall 2 board', role: 'viewer', via: 'bearer' });
    expect(principal!.expiresAt!.getTime()).toBeGreaterThan(bearer!.expiresAt!.getTime());
  });

  it('answers an API key as POST /auth/token does: a token of its role', async () => {
    const token = controller.refresh(viewerKey);

    await expect(tokens.authenticate(token.access_token)).resolves.toMatchObject({ id: 'key-viewer-1', role: 'viewer', via: 'bearer' });
  });

  it('still exchanges only an API key at POST /auth/token', () => {
    expect(() => controller.token({ ...viewerKey, via: 'bearer' })).toThrow(expect.objectContaining({ code: ErrorCode.Forbidden }) as DomainError);
  });

  it('gives no token after the key is revoked: neither the old token nor a refreshed one authenticates', async () => {
    const old = controller.token(viewerKey).access_token;
    const renewed = controller.refresh((await tokens.authenticate(old))!);
    revoked.add('key-viewer-1');

    await expect(tokens.authenticate(old)).resolves.toBeNull();
    await expect(tokens.authenticate(renewed.access_token)).resolves.toBeNull();
  });
});
