import { DomainError, ErrorCode } from '@shopfloor/contracts';
import { QueryFailedError } from 'typeorm';
import { refusalOfInput } from './api-key-insert.errors';

function failed(driverError: Record<string, unknown>, message = 'refused'): QueryFailedError {
  return new QueryFailedError('INSERT ...', ['name', 'sfk_abc123', 'f'.repeat(64)], Object.assign(new Error(message), driverError));
}

describe(refusalOfInput.name, () => {
  it('answers a unique violation on what the client sent with CONFLICT naming the constraint', () => {
    const refusal = refusalOfInput(failed({ code: '23505', constraint: 'uq_api_keys_name' }), 'line 3');

    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal?.code).toBe(ErrorCode.Conflict);
    expect(refusal?.details).toEqual({ constraint: 'uq_api_keys_name' });
  });

  it('leaves a unique violation on a value the gateway made (the key hash, the id) a server error', () => {
    expect(refusalOfInput(failed({ code: '23505', constraint: 'uq_api_keys_key_hash' }), 'line 3')).toBeNull();
    expect(refusalOfInput(failed({ code: '23505', constraint: 'pk_api_keys' }), 'line 3')).toBeNull();
  });

  it('answers a data exception with VALIDATION_FAILED on the name, quoting the database but never the key', () => {
    const refusal = refusalOfInput(failed({ code: '22021' }, 'invalid byte sequence for encoding "UTF8": 0x00'), 'line\u00003');

    expect(refusal?.code).toBe(ErrorCode.ValidationFailed);
    expect(refusal?.fieldErrors).toEqual([
      { field: 'name', message: 'cannot be stored: invalid byte sequence for encoding "UTF8": 0x00', invalid_value: 'line\u00003' },
    ]);
    expect(JSON.stringify(refusal?.toShape())).not.toContain('sfk_abc123');
  });

  it('leaves every other failure alone', () => {
    expect(refusalOfInput(failed({ code: '23514', constraint: 'ck_api_keys_role' }), 'x')).toBeNull();
    expect(refusalOfInput(failed({ code: '57014' }), 'x')).toBeNull();
    expect(refusalOfInput(new Error('connection terminated'), 'x')).toBeNull();
  });
});
