import { type ApiKeyEntity, type ApiKeyRole } from '@shopfloor/gateway/data-access';

export class ApiKeyView {
  id!: string;
  name!: string;
  role!: ApiKeyRole;
  /** The first characters of the key, to tell keys apart. */
  key_prefix!: string;
  created_by!: string;
  created_at!: string;
  last_used_at!: string | null;
  revoked_at!: string | null;

  static of(e: ApiKeyEntity): ApiKeyView {
    return {
      id: e.id,
      name: e.name,
      role: e.role,
      key_prefix: e.keyPrefix,
      created_by: e.createdBy,
      created_at: e.createdAt.toISOString(),
      last_used_at: e.lastUsedAt?.toISOString() ?? null,
      revoked_at: e.revokedAt?.toISOString() ?? null,
    };
  }
}

export class CreatedApiKeyView {
  id!: string;
  name!: string;
  role!: ApiKeyRole;
  /** The secret, shown this once. */
  key!: string;
}

export class TokenView {
  access_token!: string;
  token_type!: 'Bearer';
  /** Seconds until the token expires. */
  expires_in!: number;
}
