import { DomainError, ErrorCode } from '@shopfloor/contracts';
import { QueryFailedError } from 'typeorm';

/** Constraints of the api_keys table on values the gateway makes itself, never on what the client sent. */
const OWN_CONSTRAINTS = new Set(['pk_api_keys', 'uq_api_keys_key_hash']);

/**
 * The client's part in a failed insert, as a 4xx: a unique violation (SQLSTATE 23505) on a constraint over what it
 * sent, or a data exception (class 22, e.g. 22021 for a NUL character), which only the free-text name can cause. Null
 * for anything else, which stays a 500 (logged without the query's parameters: loggableError).
 */
export function refusalOfInput(error: unknown, name: string): DomainError | null {
  if (!(error instanceof QueryFailedError)) return null;
  const { code, constraint } = error.driverError as { code?: unknown; constraint?: unknown };
  if (code === '23505' && typeof constraint === 'string' && !OWN_CONSTRAINTS.has(constraint)) {
    return new DomainError(ErrorCode.Conflict, 'An API key with these details exists already', { constraint });
  }
  if (typeof code === 'string' && code.startsWith('22')) {
    return new DomainError(ErrorCode.ValidationFailed, 'Invalid request: name', null, [
      { field: 'name', message: `cannot be stored: ${error.message}`, invalid_value: name },
    ]);
  }
  return null;
}
