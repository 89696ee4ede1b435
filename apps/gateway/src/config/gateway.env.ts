import {
  IsInt,
  IsOptional,
  IsString,
  Max,
  Min,
  MinLength,
  Validate,
  ValidatorConstraint,
  type ValidationArguments,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { RedisServiceEnv } from '@shopfloor/config';

/** The entries of a comma-separated origin list; blanks around commas are ignored. */
export function parseOrigins(list: string | undefined): string[] {
  return (list ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}

/** Whether an entry is an origin exactly as a browser sends it in `Origin` (RFC 6454 §6.2): lower case, no default port, no path. */
function isExactOrigin(entry: string): boolean {
  try {
    const url = new URL(entry);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === entry;
  } catch {
    return false;
  }
}

@ValidatorConstraint({ name: 'exactOrigins' })
class ExactOrigins implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && parseOrigins(value).every(isExactOrigin);
  }

  defaultMessage(args: ValidationArguments): string {
    const wrong = typeof args.value === 'string' ? parseOrigins(args.value).filter((entry) => !isExactOrigin(entry)) : [];
    // Origins are public names, not secrets, so naming the wrong ones is safe.
    return `must be origins as browsers send them, comma separated: scheme://host[:port] in lower case, without path, trailing slash or default port (not ${wrong.map((entry) => JSON.stringify(entry)).join(', ')})`;
  }
}

/** The gateway's environment (see .env.example). */
export class GatewayEnv extends RedisServiceEnv {
  override PORT: number = 3000;

  /** The edge: clients reach it from other hosts. */
  override HOST: string = '0.0.0.0';

  /** Signs and verifies bearer tokens (HS256). At least 32 characters of randomness. */
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  JWT_SECRET!: string;

  /** Lifetime of an issued bearer token, in seconds. */
  @IsInt()
  @Min(60)
  @Max(86400)
  JWT_TTL_SECONDS: number = 900;

  /** The first admin key, accepted as it is (never stored). Optional once other admin keys exist. */
  @IsOptional()
  @IsString()
  @MinLength(24, { message: 'must be at least 24 characters' })
  BOOTSTRAP_ADMIN_API_KEY?: string;

  /** Requests per minute per API key or token (per client address when unauthenticated). */
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  RATE_LIMIT_PER_MINUTE: number = 600;

  /** How long /ready waits for each downstream service's answer, in milliseconds. */
  @IsInt()
  @Min(100)
  @Max(10000)
  READY_TIMEOUT_MS: number = 1500;

  /** Largest accepted request body. */
  @IsString()
  BODY_LIMIT: string = '10mb';

  /** Largest accepted dataset upload (`POST /api/v1/ml/datasets`, JSON or CSV); 50,000 rows × 30 columns is about 15 MB. */
  @IsString()
  DATASET_BODY_LIMIT: string = '100mb';

  /**
   * Web origins whose pages may call the API from the browser (CORS), comma separated, e.g.
   * `https://dashboard.example.com,http://localhost:5173`. Empty: pages of the gateway's own origin only.
   */
  @IsOptional()
  @Validate(ExactOrigins)
  CORS_ORIGINS?: string;

  /** The built web dashboard served at `/`; default: dist/apps/dashboard beside the gateway's build. */
  @IsOptional()
  @IsString()
  DASHBOARD_DIR?: string;
}
