import { ApiProperty } from '@nestjs/swagger';
import { API_KEY_ROLES, type ApiKeyEntity, type ApiKeyRole } from '@shopfloor/gateway/data-access';

export class ApiKeyView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: API_KEY_ROLES }) role!: ApiKeyRole;
  @ApiProperty({ description: 'First characters of the key' }) key_prefix!: string;
  @ApiProperty() created_by!: string;
  @ApiProperty() created_at!: string;
  @ApiProperty({ nullable: true, type: String }) last_used_at!: string | null;
  @ApiProperty({ nullable: true, type: String }) revoked_at!: string | null;

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
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: API_KEY_ROLES }) role!: ApiKeyRole;
  @ApiProperty({ description: 'The secret, shown this once' }) key!: string;
}

export class TokenView {
  @ApiProperty() access_token!: string;
  @ApiProperty({ example: 'Bearer' }) token_type!: 'Bearer';
  @ApiProperty({ description: 'Seconds until the token expires' }) expires_in!: number;
}
