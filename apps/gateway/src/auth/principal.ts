import type { ApiKeyRole } from '@shopfloor/gateway/data-access';

/** Who is calling: resolved from an API key or a bearer token. */
export interface Principal {
  /** API key id, or `bootstrap-admin` for the key from the environment. */
  id: string;
  name: string;
  role: ApiKeyRole;
  via: 'api_key' | 'bearer';
}

const RANK: Record<ApiKeyRole, number> = { viewer: 0, operator: 1, admin: 2 };

/** Roles are nested: operator can do what viewer can, admin everything. */
export function roleSatisfies(actual: ApiKeyRole, required: ApiKeyRole): boolean {
  return RANK[actual] >= RANK[required];
}
