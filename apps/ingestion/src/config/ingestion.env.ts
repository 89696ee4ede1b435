import { DatabaseEnv } from '@shopfloor/config';
import { MAX_DURATION_SECONDS, MAX_READING_MAGNITUDE } from '@shopfloor/contracts';
import { IsIn, IsInt, IsISO8601, IsNumber, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

/** The ingestion service's environment (see .env.example). */
export class IngestionEnv extends DatabaseEnv {
  override PORT: number = 3001;

  /** The CIMCO MDC source: mysql://user:password@host:3306/database (read only). Or the separate variables below. */
  @IsOptional()
  @Matches(/^mysql:\/\/.+\/[^/?]+/, { message: 'must be mysql://user:password@host:port/database' })
  CIMCO_DATABASE_URL?: string;

  @IsOptional()
  @IsString()
  CIMCO_DATABASE_HOST?: string;

  @IsInt()
  @Min(1)
  @Max(65535)
  CIMCO_DATABASE_PORT: number = 3306;

  @IsOptional()
  @IsString()
  CIMCO_DATABASE_USER?: string;

  @IsOptional()
  @IsString()
  CIMCO_DATABASE_PASSWORD?: string;

  @IsOptional()
  @IsString()
  CIMCO_DATABASE_NAME?: string;

  @IsIn(['disable', 'require', 'verify-full'])
  CIMCO_DATABASE_SSL: 'disable' | 'require' | 'verify-full' = 'disable';

  /** PEM file of the CA that signed the source server's certificate (for verify-full with a private CA). */
  @IsOptional()
  @IsString()
  CIMCO_DATABASE_SSL_CA?: string;

  @IsInt()
  @Min(1)
  @Max(32)
  CIMCO_POOL_SIZE: number = 4;

  @IsInt()
  @Min(1000)
  @Max(600_000)
  CIMCO_QUERY_TIMEOUT_MS: number = 30_000;

  @IsInt()
  @Min(500)
  @Max(60_000)
  CIMCO_CONNECT_TIMEOUT_MS: number = 5000;

  /** IANA zone of the source's DATETIME values. */
  @IsString()
  CIMCO_TIMEZONE: string = 'UTC';

  /** JSON file with table/column overrides of the default layout (see README "Source mapping"). */
  @IsOptional()
  @IsString()
  CIMCO_MAPPING_FILE?: string;

  /** Seconds between scheduled incremental syncs; 0 turns the schedule off. */
  @IsInt()
  @Min(0)
  @Max(86_400)
  SYNC_INTERVAL_SECONDS: number = 60;

  /** Records per published message. */
  @IsInt()
  @Min(1)
  @Max(1000)
  SYNC_BATCH_SIZE: number = 1000;

  /** Source rows per read; a page is published as several messages at once and committed once. */
  @IsInt()
  @Min(1)
  @Max(50_000)
  SYNC_PAGE_SIZE: number = 5000;

  /** Rows changed in the source this recently are left for the next sync, so a transaction still committing is not skipped. */
  @IsInt()
  @Min(0)
  @Max(60_000)
  SYNC_SAFETY_LAG_MS: number = 1000;

  /** Attempts per source query before it counts as failed (exponential backoff with jitter between them). */
  @IsInt()
  @Min(1)
  @Max(10)
  SOURCE_RETRY_ATTEMPTS: number = 3;

  /** Failed source operations in a row that open the circuit breaker. */
  @IsInt()
  @Min(1)
  @Max(100)
  SOURCE_CIRCUIT_THRESHOLD: number = 3;

  @IsInt()
  @Min(1)
  @Max(3600)
  SOURCE_CIRCUIT_OPEN_SECONDS: number = 30;

  // Plausibility rules: rows breaking one are quarantined with the setting's name in the reason. The upper bounds are
  // the record schema's own limits, so a row these settings let through is one every consumer accepts.

  /** How far past the source database's clock a time may lie (seconds). */
  @IsInt()
  @Min(0)
  @Max(31_536_000)
  PLAUSIBLE_MAX_FUTURE_SECONDS: number = 86_400;

  /** The earliest time a record may state (ISO 8601, UTC unless it says otherwise). */
  @IsISO8601({ strict: true })
  PLAUSIBLE_EARLIEST_TIME: string = '1970-01-01T00:00:00Z';

  /** The longest stop (seconds). */
  @IsInt()
  @Min(1)
  @Max(MAX_DURATION_SECONDS)
  PLAUSIBLE_MAX_STOP_SECONDS: number = 90 * 86_400;

  /** The longest job from start to end (seconds). */
  @IsInt()
  @Min(1)
  @Max(MAX_DURATION_SECONDS)
  PLAUSIBLE_MAX_JOB_SECONDS: number = 90 * 86_400;

  /** The largest magnitude a sensor reading may have. */
  @IsNumber()
  @Min(1)
  @Max(MAX_READING_MAGNITUDE)
  PLAUSIBLE_MAX_READING_ABS: number = 1e9;
}
