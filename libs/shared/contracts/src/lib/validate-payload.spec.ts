import { Type } from 'class-transformer';
import { IsISO8601, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, MaxLength, Min, ValidateNested, ValidationError } from 'class-validator';
import { DomainError, ErrorCode, type FieldError } from './error-codes';
import { GetMachineRequest, ListMachinesRequest } from './payloads/machine.payload';
import { inputProblem, toFieldErrors, validatePayload } from './validate-payload';

/** A decorated payload class to validate (shaped like a machine). */
class MachineRecord {
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  machine_id!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  type!: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  location!: string | null;

  @IsOptional()
  @IsISO8601({ strict: true })
  installation_date!: string | null;

  @IsOptional()
  @IsObject()
  specifications!: Record<string, unknown> | null;

  @IsISO8601({ strict: true })
  source_updated_at!: string;
}

class Spindle {
  @IsInt()
  @Min(0)
  max_rpm!: number;
}

class Axis {
  @IsString()
  name!: string;
}

class MachineSpecification {
  @IsString()
  controller!: string;

  @ValidateNested()
  @Type(() => Spindle)
  spindle!: Spindle;

  @ValidateNested({ each: true })
  @Type(() => Axis)
  axes!: Axis[];
}

const validRecord = {
  machine_id: 'M-001',
  name: 'Haas VF-2',
  type: 'mill',
  location: 'Hall A',
  installation_date: '2019-04-01',
  specifications: { spindle_rpm: 8100, axes: 3 },
  source_updated_at: '2024-05-01T10:00:00Z',
};

/** Runs the validation and returns the DomainError it throws (fails the test when nothing is thrown). */
function rejectionOf(cls: new () => object, plain: unknown): DomainError {
  try {
    validatePayload(cls, plain);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error('expected the payload to be rejected');
}

function fieldsOf(error: DomainError): string[] {
  return [...new Set((error.fieldErrors ?? []).map((e) => e.field))].sort();
}

function errorsFor(error: DomainError, field: string): FieldError[] {
  return (error.fieldErrors ?? []).filter((e) => e.field === field);
}

describe('validatePayload', () => {
  it('returns an instance of the payload class for a valid machine record', () => {
    const record = validatePayload(MachineRecord, validRecord);

    expect(record).toBeInstanceOf(MachineRecord);
    expect({ ...record }).toEqual(validRecord);
  });

  it('accepts a machine record whose optional fields are null or absent', () => {
    const record = validatePayload(MachineRecord, {
      machine_id: 'M-002',
      name: 'DMG Mori NLX',
      type: 'lathe',
      location: null,
      specifications: null,
      source_updated_at: '2024-05-01T10:00:00.000Z',
    });

    expect(record.machine_id).toBe('M-002');
    expect(record.location).toBeNull();
    expect(record.installation_date).toBeUndefined();
  });

  it('rejects a record missing every required field and names each of them', () => {
    const error = rejectionOf(MachineRecord, {});

    expect(error.code).toBe(ErrorCode.ValidationFailed);
    expect(fieldsOf(error)).toEqual(['machine_id', 'name', 'source_updated_at', 'type']);
    for (const field of ['machine_id', 'name', 'source_updated_at', 'type']) {
      expect(error.message).toContain(field);
    }
  });

  it('reports a missing field with a null invalid_value', () => {
    const { source_updated_at: _omitted, ...withoutTimestamp } = validRecord;
    const error = rejectionOf(MachineRecord, withoutTimestamp);

    expect(fieldsOf(error)).toEqual(['source_updated_at']);
    expect(errorsFor(error, 'source_updated_at').map((e) => e.invalid_value)).toEqual([null]);
  });

  it('rejects fields of the wrong type and carries the offending values', () => {
    const error = rejectionOf(MachineRecord, { ...validRecord, machine_id: 42, specifications: 'big', installation_date: '01.04.2019' });

    expect(error.code).toBe(ErrorCode.ValidationFailed);
    expect(fieldsOf(error)).toEqual(['installation_date', 'machine_id', 'specifications']);
    expect(errorsFor(error, 'machine_id').every((e) => e.invalid_value === 42)).toBe(true);
    expect(errorsFor(error, 'specifications')).toEqual([{ field: 'specifications', message: 'specifications must be an object', invalid_value: 'big' }]);
    expect(errorsFor(error, 'installation_date')[0]?.invalid_value).toBe('01.04.2019');
  });

  it('rejects a body with an unknown property instead of dropping it', () => {
    const error = rejectionOf(MachineRecord, { ...validRecord, colour: 'red' });

    expect(error.fieldErrors).toEqual([{ field: 'colour', message: 'property colour should not exist', invalid_value: 'red' }]);
    expect(error.message).toBe('Invalid payload: colour');
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['an array', [validRecord]],
    ['a string', JSON.stringify(validRecord)],
    ['a number', 7],
    ['undefined', undefined],
  ])('rejects %s as the payload with no field errors', (_label, payload) => {
    const error = rejectionOf(MachineRecord, payload);

    expect(error.code).toBe(ErrorCode.ValidationFailed);
    expect(error.message).toBe('Payload must be a JSON object');
    expect(error.details).toBeNull();
    expect(error.fieldErrors).toEqual([]);
  });

  describe('with a machine list request', () => {
    it('accepts an empty query', () => {
      expect(validatePayload(ListMachinesRequest, {})).toBeInstanceOf(ListMachinesRequest);
    });

    it('converts a numeric limit string to a number', () => {
      const request = validatePayload(ListMachinesRequest, { limit: '50', type: 'mill' });

      expect(request.limit).toBe(50);
      expect(request.type).toBe('mill');
    });

    it.each([0, 1001, 2.5])('rejects the limit %p', (limit) => {
      const error = rejectionOf(ListMachinesRequest, { limit });

      expect(fieldsOf(error)).toEqual(['limit']);
      expect(errorsFor(error, 'limit').every((e) => e.invalid_value === limit)).toBe(true);
    });

    it('rejects a limit that is not a number', () => {
      const error = rejectionOf(ListMachinesRequest, { limit: 'all' });

      expect(fieldsOf(error)).toEqual(['limit']);
      expect(errorsFor(error, 'limit')[0]?.invalid_value).toBe('NaN'); // as it would reach a client: JSON has no NaN
    });

    it('rejects a location that is not a string', () => {
      const error = rejectionOf(ListMachinesRequest, { location: ['Hall A'] });

      expect(error.fieldErrors).toContainEqual({ field: 'location', message: 'location must be a string', invalid_value: ['Hall A'] });
    });

    it('refuses null for a field that may only be left out', () => {
      expect(fieldsOf(rejectionOf(ListMachinesRequest, { location: null }))).toEqual(['location']);
    });
  });

  describe('with any payload', () => {
    it('refuses NUL characters and unpaired surrogates in values and keys, naming where, and nesting past the limit', () => {
      expect(rejectionOf(GetMachineRequest, { machine_id: 'M\u0000' }).fieldErrors?.[0]).toMatchObject({
        field: 'machine_id',
        message: expect.stringContaining('NUL'),
      });
      expect(rejectionOf(GetMachineRequest, { machine_id: '\udc00M' }).fieldErrors?.[0]).toMatchObject({
        field: 'machine_id',
        message: expect.stringContaining('surrogate'),
      });
      expect(rejectionOf(GetMachineRequest, { machine_id: 'M', ['x\u0000']: 1 }).fieldErrors?.[0].field).toBe('x\u0000');
      let deep: unknown = 'M';
      for (let i = 0; i < 100_000; i += 1) deep = [deep];
      expect(rejectionOf(GetMachineRequest, { machine_id: deep }).fieldErrors?.[0].message).toContain('deeper');
      expect(inputProblem({ a: [{ b: '😀 ok\ttab' }] })).toBeNull();
    });
  });

  describe('with a single machine request', () => {
    it('accepts a machine id', () => {
      expect(validatePayload(GetMachineRequest, { machine_id: 'M-001' }).machine_id).toBe('M-001');
    });

    it('rejects an empty machine id', () => {
      const error = rejectionOf(GetMachineRequest, { machine_id: '' });

      expect(error.fieldErrors).toEqual([{ field: 'machine_id', message: 'machine_id should not be empty', invalid_value: '' }]);
    });

    it('rejects a machine id longer than 50 characters', () => {
      const id = 'M'.repeat(51);
      const error = rejectionOf(GetMachineRequest, { machine_id: id });

      expect(error.fieldErrors).toEqual([{ field: 'machine_id', message: 'machine_id must be shorter than or equal to 50 characters', invalid_value: id }]);
    });
  });

  describe('with nested objects', () => {
    const validSpecification = { controller: 'Fanuc 0i', spindle: { max_rpm: 12000 }, axes: [{ name: 'X' }, { name: 'Y' }] };

    it('returns nested instances for a valid payload', () => {
      const specification = validatePayload(MachineSpecification, validSpecification);

      expect(specification.spindle).toBeInstanceOf(Spindle);
      expect(specification.spindle.max_rpm).toBe(12000);
      expect(specification.axes.map((a) => a.name)).toEqual(['X', 'Y']);
    });

    it('names an invalid nested field with a dotted path', () => {
      const error = rejectionOf(MachineSpecification, { ...validSpecification, spindle: { max_rpm: -5 } });

      expect(error.fieldErrors).toEqual([{ field: 'spindle.max_rpm', message: 'max_rpm must not be less than 0', invalid_value: -5 }]);
      expect(error.message).toBe('Invalid payload: spindle.max_rpm');
    });

    it('names an unknown nested property with a dotted path', () => {
      const error = rejectionOf(MachineSpecification, { ...validSpecification, spindle: { max_rpm: 100, coolant: true } });

      expect(fieldsOf(error)).toEqual(['spindle.coolant']);
    });

    it('includes the array index in the path of an invalid element', () => {
      const error = rejectionOf(MachineSpecification, { ...validSpecification, axes: [{ name: 'X' }, { name: 3 }] });

      expect(error.fieldErrors).toEqual([{ field: 'axes.1.name', message: 'name must be a string', invalid_value: 3 }]);
    });
  });
});

describe('toFieldErrors', () => {
  function validationError(props: Partial<ValidationError>): ValidationError {
    return Object.assign(new ValidationError(), { children: [], ...props });
  }

  it('gives one entry per violated constraint', () => {
    const errors = [validationError({ property: 'name', value: 7, constraints: { isString: 'name must be a string', maxLength: 'too long' } })];

    expect(toFieldErrors(errors)).toEqual([
      { field: 'name', message: 'name must be a string', invalid_value: 7 },
      { field: 'name', message: 'too long', invalid_value: 7 },
    ]);
  });

  it('turns an undefined value into null', () => {
    const errors = [validationError({ property: 'type', value: undefined, constraints: { isString: 'type must be a string' } })];

    expect(toFieldErrors(errors)).toEqual([{ field: 'type', message: 'type must be a string', invalid_value: null }]);
  });

  it('prefixes nested fields with their parents and the given parent path', () => {
    const errors = [
      validationError({
        property: 'spindle',
        value: { max_rpm: 'fast' },
        children: [validationError({ property: 'max_rpm', value: 'fast', constraints: { isInt: 'max_rpm must be an integer number' } })],
      }),
    ];

    expect(toFieldErrors(errors, 'machine')).toEqual([
      { field: 'machine.spindle.max_rpm', message: 'max_rpm must be an integer number', invalid_value: 'fast' },
    ]);
  });

  it('returns nothing for no errors', () => {
    expect(toFieldErrors([])).toEqual([]);
  });
});
