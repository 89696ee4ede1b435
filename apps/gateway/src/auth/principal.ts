import type { ApiKeyRole } from '@shopfloor/gateway/data-access';

/** The principal id of `BOOTSTRAP_ADMIN_API_KEY`: not a stored key, so it can never be revoked. */
export const BOOTSTRAP_ADMIN_ID = 'bootstrap-admin';

/** Who is calling: resolved from an API key or a bearer token. */
export interface Principal {
  /** API key id (a token's too: the key it was exchanged for), or {@link BOOTSTRAP_ADMIN_ID}. */
  id: string;
  name: string;
  role: ApiKeyRole;
  via: 'api_key' | 'bearer';
  /** A bearer token's `exp`; a WebSocket opened with the token is closed then. API keys do not expire. */
  expiresAt?: Date;
}

const RANK: Record<ApiKeyRole, number> = { viewer: 0, operator: 1, admin: 2 };

/** Roles are nested: operator can do what viewer can, admin everything. */
export function roleSatisfies(actual: ApiKeyRole, required: ApiKeyRole): boolean {
  return RANK[actual] >= RANK[required];
}
