import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { DomainError, ErrorCode } from '@shopfloor/contracts';
import { ParseIdPipe } from '../http/parse-id.pipe';
import { ApiKeysService } from './api-keys.service';
import { CurrentPrincipal, RequireRole } from './auth.decorators';
import { BearerTokensService } from './bearer-tokens.service';
import { ApiKeyView, CreatedApiKeyView, TokenView } from './dto/api-key.views';
import { CreateApiKeyDto } from './dto/create-api-key.dto';
import type { Principal } from './principal';

@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthController {
  constructor(
    private readonly apiKeys: ApiKeysService,
    private readonly tokens: BearerTokensService,
  ) {}

  @Post('api-keys')
  @RequireRole('admin')
  @ApiOperation({ summary: 'Create an API key; the key is in this response only' })
  async create(@Body() dto: CreateApiKeyDto, @CurrentPrincipal() by: Principal): Promise<CreatedApiKeyView> {
    const { entity, key } = await this.apiKeys.create(dto.name, dto.role, by);
    return { id: entity.id, name: entity.name, role: entity.role, key };
  }

  @Get('api-keys')
  @RequireRole('admin')
  @ApiOperation({ summary: 'List API keys (never their secrets)' })
  @ApiQuery({ name: 'include_revoked', required: false, type: Boolean })
  async list(@Query('include_revoked') includeRevoked?: string): Promise<{ items: ApiKeyView[] }> {
    if (includeRevoked !== undefined && includeRevoked !== 'true' && includeRevoked !== 'false') {
      throw new DomainError(ErrorCode.ValidationFailed, 'include_revoked must be true or false', null, [
        { field: 'include_revoked', message: 'must be true or false', invalid_value: includeRevoked },
      ]);
    }
    const keys = await this.apiKeys.list(includeRevoked === 'true');
    return { items: keys.map((k) => ApiKeyView.of(k)) };
  }

  @Delete('api-keys/:id')
  @HttpCode(204)
  @RequireRole('admin')
  @ApiOperation({ summary: 'Revoke an API key' })
  async revoke(
    @Param('id', new ParseIdPipe(ErrorCode.ApiKeyNotFound, 'No API key with that id')) id: string,
    @CurrentPrincipal() by: Principal,
  ): Promise<void> {
    await this.apiKeys.revoke(id, by);
  }

  @Post('token')
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange an API key for a short-lived bearer token with the same role' })
  token(@CurrentPrincipal() principal: Principal): TokenView {
    if (principal.via !== 'api_key') {
      throw new DomainError(ErrorCode.Forbidden, 'A bearer token cannot be exchanged for another; use an API key');
    }
    const { token, expiresIn } = this.tokens.issue(principal);
    return { access_token: token, token_type: 'Bearer', expires_in: expiresIn };
  }

  @Post('token/refresh')
  @HttpCode(200)
  @ApiOperation({
    summary: 'A fresh bearer token with the same role and key for a valid one, so a browser renews without keeping the key',
    description:
      'Refused (401) once the key the token came from is revoked or the token has expired. With an API key it answers as POST /api/v1/auth/token does.',
  })
  refresh(@CurrentPrincipal() principal: Principal): TokenView {
    // The principal of a bearer token carries its key's id, name and role (verified, revocation checked by the guard).
    const { token, expiresIn } = this.tokens.issue(principal);
    return { access_token: token, token_type: 'Bearer', expires_in: expiresIn };
  }
}
