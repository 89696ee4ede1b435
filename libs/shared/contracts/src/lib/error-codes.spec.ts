import { DomainError, ErrorCode, isErrorCode, type DomainErrorShape, type FieldError } from './error-codes';

describe(DomainError.name, () => {
  const fieldErrors: FieldError[] = [{ field: 'machine_id', message: 'machine_id should not be empty', invalid_value: '' }];

  it('is an Error named DomainError carrying its code, message and details', () => {
    const error = new DomainError(ErrorCode.MachineNotFound, 'Machine M-17 not found', { machine_id: 'M-17' });

    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('DomainError');
    expect(error.code).toBe(ErrorCode.MachineNotFound);
    expect(error.message).toBe('Machine M-17 not found');
    expect(error.details).toEqual({ machine_id: 'M-17' });
    expect(error.fieldErrors).toBeUndefined();
  });

  it('defaults details to null', () => {
    expect(new DomainError(ErrorCode.Conflict, 'Already exists').details).toBeNull();
  });

  it('leaves field_errors out of the shape when there are none', () => {
    const shape = new DomainError(ErrorCode.Forbidden, 'Admins only').toShape();

    expect(shape).toStrictEqual({ code: 'FORBIDDEN', message: 'Admins only', details: null });
    expect(Object.keys(shape)).not.toContain('field_errors');
  });

  it('includes field_errors in the shape when given, even an empty list', () => {
    expect(new DomainError(ErrorCode.ValidationFailed, 'Invalid payload: machine_id', null, fieldErrors).toShape()).toStrictEqual({
      code: 'VALIDATION_FAILED',
      message: 'Invalid payload: machine_id',
      details: null,
      field_errors: fieldErrors,
    });
    expect(new DomainError(ErrorCode.ValidationFailed, 'Payload must be a JSON object', null, []).toShape().field_errors).toEqual([]);
  });

  it('survives a round trip through its JSON shape with every field intact', () => {
    const original = new DomainError(ErrorCode.ValidationFailed, 'Invalid payload: machine_id', { source: 'ingestion' }, fieldErrors);

    const wire = JSON.parse(JSON.stringify(original.toShape())) as DomainErrorShape;
    const restored = DomainError.fromShape(wire);

    expect(restored).toBeInstanceOf(DomainError);
    expect(restored.name).toBe('DomainError');
    expect(restored.code).toBe(ErrorCode.ValidationFailed);
    expect(restored.message).toBe('Invalid payload: machine_id');
    expect(restored.details).toEqual({ source: 'ingestion' });
    expect(restored.fieldErrors).toEqual(fieldErrors);
    expect(restored.toShape()).toStrictEqual(original.toShape());
  });

  it('restores an error without field_errors as one without field errors', () => {
    const restored = DomainError.fromShape({ code: ErrorCode.ServiceUnavailable, message: 'Analytics is not answering', details: null });

    expect(restored.fieldErrors).toBeUndefined();
    expect(restored.toShape()).toStrictEqual({ code: 'SERVICE_UNAVAILABLE', message: 'Analytics is not answering', details: null });
  });
});

describe('isErrorCode', () => {
  it.each(Object.values(ErrorCode))('accepts the code %s', (code) => {
    expect(isErrorCode(code)).toBe(true);
  });

  it.each<[string, unknown]>([
    ['a lower-case code', 'validation_failed'],
    ['an enum key instead of its value', 'ValidationFailed'],
    ['an unknown code', 'TEAPOT'],
    ['an empty string', ''],
    ['a number', 404],
    ['null', null],
    ['undefined', undefined],
    ['an object', { code: 'NOT_FOUND' }],
  ])('rejects %s', (_label, value) => {
    expect(isErrorCode(value)).toBe(false);
  });
});
