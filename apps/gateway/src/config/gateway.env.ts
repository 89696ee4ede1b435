import { IsInt, IsOptional, IsString, Max, Min, MinLength } from 'class-validator';
import { RedisServiceEnv } from '@shopfloor/config';

/** The gateway's environment (see .env.example). */
export class GatewayEnv extends RedisServiceEnv {
  override PORT: number = 3000;

  /** Signs and verifies bearer tokens (HS256). At least 32 characters of randomness. */
  @IsString() @MinLength(32, { message: 'must be at least 32 characters' })
  JWT_SECRET!: string;

  /** Lifetime of an issued bearer token, in seconds. */
  @IsInt() @Min(60) @Max(86400)
  JWT_TTL_SECONDS: number = 900;

  /** The first admin key, accepted as it is (never stored). Optional once other admin keys exist. */
  @IsOptional() @IsString() @MinLength(24, { message: 'must be at least 24 characters' })
  BOOTSTRAP_ADMIN_API_KEY?: string;

  /** Requests per minute per API key or token (per client address when unauthenticated). */
  @IsInt() @Min(1) @Max(1_000_000)
  RATE_LIMIT_PER_MINUTE: number = 600;

  /** How long /ready waits for each downstream service's answer, in milliseconds. */
  @IsInt() @Min(100) @Max(10000)
  READY_TIMEOUT_MS: number = 1500;

  /** Largest accepted request body. */
  @IsString()
  BODY_LIMIT: string = '10mb';

  /** Largest accepted dataset upload (`POST /api/v1/ml/datasets`, JSON or CSV); 50,000 rows × 30 columns is about 15 MB. */
  @IsString()
  DATASET_BODY_LIMIT: string = '100mb';
}
