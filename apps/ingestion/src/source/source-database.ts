import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { DomainError, ErrorCode } from '@shopfloor/contracts';
import mysql, { type Pool, type PoolOptions, type RowDataPacket } from 'mysql2/promise';
import { readFileSync } from 'node:fs';
import { IngestionEnv } from '../config/ingestion.env';
import { backoffDelayMs, CircuitBreaker, type CircuitState } from './circuit-breaker';
import type { SourceColumn } from './mapping-check';

/** Connection settings from the environment; null when no source is configured. */
export function sourcePoolOptions(env: IngestionEnv): PoolOptions | null {
  const common: PoolOptions = {
    connectionLimit: env.CIMCO_POOL_SIZE,
    connectTimeout: env.CIMCO_CONNECT_TIMEOUT_MS,
    // DATETIMEs stay text: they are wall time of the source zone, converted explicitly, never by the driver.
    dateStrings: true,
    supportBigNumbers: true,
    decimalNumbers: true,
    waitForConnections: true,
    queueLimit: 0,
    ssl:
      env.CIMCO_DATABASE_SSL === 'disable'
        ? undefined
        : {
            rejectUnauthorized: env.CIMCO_DATABASE_SSL === 'verify-full',
            ca: env.CIMCO_DATABASE_SSL_CA ? readFileSync(env.CIMCO_DATABASE_SSL_CA, 'utf8') : undefined,
          },
  };
  if (env.CIMCO_DATABASE_URL) return { ...common, uri: env.CIMCO_DATABASE_URL };
  if (env.CIMCO_DATABASE_HOST && env.CIMCO_DATABASE_NAME) {
    return {
      ...common,
      host: env.CIMCO_DATABASE_HOST,
      port: env.CIMCO_DATABASE_PORT,
      user: env.CIMCO_DATABASE_USER,
      password: env.CIMCO_DATABASE_PASSWORD,
      database: env.CIMCO_DATABASE_NAME,
    };
  }
  return null;
}

/**
 * The CIMCO source, read only: a bounded pool, a timeout on every query, retries with exponential backoff and
 * jitter, and a circuit breaker that makes calls fail fast while the source is down.
 */
@Injectable()
export class SourceDatabase implements OnApplicationShutdown {
  private readonly logger = new Logger(SourceDatabase.name);
  private readonly pool: Pool | null;
  private readonly breaker: CircuitBreaker;
  private reachable = false;

  constructor(private readonly env: IngestionEnv) {
    const options = sourcePoolOptions(env);
    this.pool = options ? mysql.createPool(options) : null;
    // The platform only reads the source: every session is read only, so no bug here can change the shop's data.
    this.pool?.pool.on('connection', (connection) => {
      connection.query('SET SESSION TRANSACTION READ ONLY');
    });
    this.breaker = new CircuitBreaker(env.SOURCE_CIRCUIT_THRESHOLD, env.SOURCE_CIRCUIT_OPEN_SECONDS * 1000);
  }

  get configured(): boolean {
    return this.pool !== null;
  }

  get circuit(): CircuitState {
    return this.breaker.state();
  }

  get isReachable(): boolean {
    return this.reachable;
  }

  async query<T extends RowDataPacket>(sql: string, params: unknown[] = []): Promise<T[]> {
    const pool = this.pool;
    if (!pool) throw new DomainError(ErrorCode.SourceUnavailable, 'No CIMCO source is configured (set CIMCO_DATABASE_URL)');
    if (!this.breaker.tryAcquire()) {
      throw new DomainError(ErrorCode.SourceUnavailable, 'The CIMCO source is failing; its circuit breaker is open', { circuit: this.breaker.state() });
    }
    let lastError: unknown;
    for (let attempt = 1; attempt <= this.env.SOURCE_RETRY_ATTEMPTS; attempt += 1) {
      try {
        const [rows] = await pool.query<T[]>({ sql, values: params, timeout: this.env.CIMCO_QUERY_TIMEOUT_MS });
        this.breaker.onSuccess();
        this.reachable = true;
        return rows;
      } catch (error) {
        lastError = error;
        if (!isTransient(error)) break;
        if (attempt < this.env.SOURCE_RETRY_ATTEMPTS) await sleep(backoffDelayMs(attempt, 250, 5000));
      }
    }
    this.breaker.onFailure();
    this.reachable = !isConnectionError(lastError);
    const reason = lastError instanceof Error ? lastError.message : String(lastError);
    this.logger.warn({ message: 'Source query failed', reason, circuit: this.breaker.state() });
    throw new DomainError(ErrorCode.SourceUnavailable, `The CIMCO source query failed: ${reason}`, { circuit: this.breaker.state() });
  }

  /** Columns of every table in the source database (for checking the mapping). */
  async columns(): Promise<SourceColumn[]> {
    const rows = await this.query<RowDataPacket & { table_name: string; column_name: string; data_type: string }>(
      `SELECT TABLE_NAME AS table_name, COLUMN_NAME AS column_name, DATA_TYPE AS data_type
         FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()`,
    );
    return rows.map((r) => ({ table: r.table_name, column: r.column_name, dataType: r.data_type }));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool?.end().catch(() => undefined);
  }
}

const TRANSIENT_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_CON_COUNT_ERROR',
  'ER_LOCK_DEADLOCK',
  'ER_LOCK_WAIT_TIMEOUT',
  'ENOTFOUND',
  'EHOSTUNREACH',
]);

function isTransient(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code !== undefined && TRANSIENT_CODES.has(code);
}

function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code !== undefined && ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'PROTOCOL_CONNECTION_LOST', 'ENOTFOUND', 'EHOSTUNREACH'].includes(code);
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
