import { API_KEY_ROLES, type ApiKeyRole } from '@shopfloor/gateway/data-access';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class CreateApiKeyDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;

  @IsIn(API_KEY_ROLES)
  role!: ApiKeyRole;
}
