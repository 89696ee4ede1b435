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

describe('the size of an error', () => {
  it('echoes a huge, deep or wide invalid value only in part, and keeps the body valid Unicode', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i += 1) deep = [deep];
    const error = new DomainError(ErrorCode.ValidationFailed, `bad ${'m'.repeat(5000)}`, null, [
      { field: 'name', message: 'too long', invalid_value: 'x'.repeat(1_000_000) },
      { field: 'f'.repeat(1000), message: 'deep', invalid_value: deep },
      { field: 'rows', message: 'wide', invalid_value: Array.from({ length: 1000 }, (_, i) => i) },
      { field: 'emoji', message: 'cut', invalid_value: '😀'.repeat(300) },
    ]);
    const body = JSON.stringify(error.toShape());
    expect(body.length).toBeLessThan(5000);
    expect(error.message.length).toBeLessThanOrEqual(1001);
    const [long, nested, wide, emoji] = error.fieldErrors ?? [];
    expect(String(long.invalid_value)).toMatch(/^x{200}…$/);
    expect(nested.field).toHaveLength(201);
    expect(JSON.stringify(nested.invalid_value)).toContain('an array of 1 items');
    expect(wide.invalid_value).toBe('[an array of 1000 items]');
    expect(String(emoji.invalid_value)).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });

  it('keeps at most 100 field errors', () => {
    const many = Array.from({ length: 5000 }, (_, i) => ({ field: `f${i}`, message: 'bad', invalid_value: i }));
    expect(new DomainError(ErrorCode.ValidationFailed, 'bad', null, many).fieldErrors).toHaveLength(100);
  });
});
