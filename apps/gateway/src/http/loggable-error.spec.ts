import { QueryFailedError } from 'typeorm';
import { loggableError } from './loggable-error';

const HASH = 'a'.repeat(64);

/** What node-postgres raises for a unique violation: the offending value is quoted in `detail`. */
function uniqueViolation(): Error {
  return Object.assign(new Error('duplicate key value violates unique constraint "uq_api_keys_key_hash"'), {
    code: '23505',
    detail: `Key (key_hash)=(${HASH}) already exists.`,
    schema: 'gateway',
    table: 'api_keys',
    constraint: 'uq_api_keys_key_hash',
  });
}

describe(loggableError.name, () => {
  it('keeps of a failed query its message, SQLSTATE and names, and none of its parameters or quoted values', () => {
    const failed = new QueryFailedError('INSERT INTO "gateway"."api_keys"(...) VALUES ($1, $2, $3)', ['line 3', 'sfk_abc123', HASH], uniqueViolation());

    const logged = loggableError(failed);

    expect(logged).toEqual({
      type: 'QueryFailedError',
      message: 'duplicate key value violates unique constraint "uq_api_keys_key_hash"',
      code: '23505',
      schema: 'gateway',
      table: 'api_keys',
      column: undefined,
      constraint: 'uq_api_keys_key_hash',
      stack: expect.any(String),
    });
    expect(JSON.stringify(logged)).not.toContain(HASH);
    expect(JSON.stringify(logged)).not.toContain('sfk_abc123');
    // The raw error would have carried both.
    expect(JSON.stringify(failed)).toContain(HASH);
  });

  it('passes any other error through unchanged', () => {
    const error = new Error('boom');

    expect(loggableError(error)).toBe(error);
    expect(loggableError('text')).toBe('text');
  });
});
