import { IsIn, IsInt, IsIP, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Variables every service reads. Defaults suit a single-host install against local infrastructure. */
export class BaseServiceEnv {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'production';

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: LogLevel = 'info';

  @IsInt()
  @Min(1)
  @Max(65535)
  PORT!: number;

  /**
   * Address the HTTP server binds to. Loopback by default: behind the gateway a service's port serves only probes and
   * metrics, so containers, whose probes come from outside, set 0.0.0.0.
   */
  @IsIP()
  HOST: string = '127.0.0.1';

  /** NATS servers, comma separated. */
  @Matches(/^(nats|tls):\/\/[^\s,]+(,(nats|tls):\/\/[^\s,]+)*$/, { message: 'must be nats://host:port[,nats://host:port...]' })
  NATS_URL: string = 'nats://127.0.0.1:4222';

  @IsOptional()
  @IsString()
  NATS_USER?: string;

  @IsOptional()
  @IsString()
  NATS_PASSWORD?: string;

  @IsOptional()
  @IsString()
  NATS_TOKEN?: string;

  /** Upper bound on an RPC over NATS, in milliseconds. */
  @IsInt()
  @Min(100)
  @Max(60000)
  RPC_TIMEOUT_MS: number = 4000;

  /** How long SIGTERM may take to drain and finish in-flight work, in milliseconds. */
  @IsInt()
  @Min(1000)
  @Max(120000)
  SHUTDOWN_TIMEOUT_MS: number = 15000;
}

/** Services that own a Postgres schema. */
export class DatabaseEnv extends BaseServiceEnv {
  /** postgres://<service role>:<password>@host:port/database — the role may touch only its own schema. */
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// URL' })
  DATABASE_URL!: string;

  @IsIn(['disable', 'require', 'verify-full'])
  DATABASE_SSL: 'disable' | 'require' | 'verify-full' = 'disable';

  /** At least 2: migrations at start hold one connection for their lock. */
  @IsInt()
  @Min(2)
  @Max(200)
  DATABASE_POOL_SIZE: number = 10;

  /** Run pending migrations at start (the default) or leave it to the `migrate` command. */
  @IsIn(['true', 'false'])
  DATABASE_MIGRATIONS_RUN: 'true' | 'false' = 'true';
}

/** Services that use Redis. */
export class RedisServiceEnv extends DatabaseEnv {
  @Matches(/^rediss?:\/\/.+/, { message: 'must be a redis:// or rediss:// URL' })
  REDIS_URL: string = 'redis://127.0.0.1:6379';
}

/** What the stand-alone migration command reads: only the database connection. */
export class MigrationEnv {
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// URL' })
  DATABASE_URL!: string;

  @IsIn(['disable', 'require', 'verify-full'])
  DATABASE_SSL: 'disable' | 'require' | 'verify-full' = 'disable';
}
