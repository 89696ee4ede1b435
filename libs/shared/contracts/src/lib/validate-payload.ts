import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { DomainError, ErrorCode, type FieldError } from './error-codes';

/** Flattens class-validator errors into the public `field_errors` list, with dotted paths for nested fields. */
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      message,
      invalid_value: error.value === undefined ? null : (error.value as unknown),
    }));
    return [...own, ...toFieldErrors(error.children ?? [], field)];
  });
}

/**
 * Turns an untrusted plain object into a validated payload instance, or throws a VALIDATION_FAILED
 * {@link DomainError} listing every offending field. Unknown properties are rejected, not silently dropped.
 */
export function validatePayload<T extends object>(cls: ClassConstructor<T>, plain: unknown): T {
  if (plain === null || typeof plain !== 'object' || Array.isArray(plain)) {
    throw new DomainError(ErrorCode.ValidationFailed, 'Payload must be a JSON object', null, []);
  }
  const instance = plainToInstance(cls, plain, { enableImplicitConversion: false });
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) {
    const fieldErrors = toFieldErrors(errors);
    throw new DomainError(ErrorCode.ValidationFailed, `Invalid payload: ${[...new Set(fieldErrors.map((e) => e.field))].join(', ')}`, null, fieldErrors);
  }
  return instance;
}
