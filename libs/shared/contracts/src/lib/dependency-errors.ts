/**
 * Errors that say a dependency (PostgreSQL, the CIMCO source, Redis, NATS) cannot be reached or dropped the
 * connection, as the drivers raise them: a transient outage that the caller should hear as SERVICE_UNAVAILABLE (503,
 * try again), not as an internal error. Anything else stays unknown, and internal.
 */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/** mysql2's own codes for a lost or refused connection. */
const MYSQL_CODES = new Set([
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
  'ER_TOO_MANY_USER_CONNECTIONS',
]);
/** PostgreSQL SQLSTATEs: class 08 (connection exception), shutdown or start-up in progress, too many connections. */
const PG_STATES = /^(08[0-9A-Z]{3}|57P0[1-3]|53300)$/;
/** Messages of drivers that carry no code: pg's pool and client, ioredis, the nats client. */
const MESSAGES = [
  /^Connection terminated/,
  /Client has encountered a connection error and is not queryable/,
  /^timeout exceeded when trying to connect/,
  /^Connection is closed\.?$/,
  /^Reached the max retries per request limit/,
  /^Stream isn't writeable and enableOfflineQueue options is false/,
  /^Driver not Connected$/,
];
const NATS_CODES = new Set(['CONNECTION_CLOSED', 'CONNECTION_DRAINING', 'DISCONNECT', 'CONNECTION_REFUSED']);

/** True when `error`, or an error it wraps (TypeORM's driverError, a cause), is a dependency's outage. */
export function isDependencyOutage(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current !== null && typeof current === 'object'; depth += 1) {
    const e = current as { code?: unknown; message?: unknown; name?: unknown; driverError?: unknown; cause?: unknown };
    const code = typeof e.code === 'string' ? e.code : undefined;
    if (code !== undefined && (NETWORK_CODES.has(code) || MYSQL_CODES.has(code) || PG_STATES.test(code) || NATS_CODES.has(code))) return true;
    if (e.name === 'MaxRetriesPerRequestError') return true;
    if (typeof e.message === 'string' && MESSAGES.some((m) => m.test(e.message as string))) return true;
    current = e.driverError ?? e.cause;
  }
  return false;
}
