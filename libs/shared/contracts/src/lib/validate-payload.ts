import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { DomainError, ErrorCode, type FieldError } from './error-codes';
import { textProblem } from './records/shopfloor-validator';

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

/** Deepest nesting a payload may have; no request of the platform needs more than a few levels. */
export const MAX_PAYLOAD_DEPTH = 32;

/**
 * What no service can take from an untrusted value, whatever its schema: a string or key with a NUL character (which
 * PostgreSQL's text cannot hold) or an unpaired surrogate (not Unicode at all), or nesting deeper than
 * MAX_PAYLOAD_DEPTH (which would overflow the validators' recursion; this walk has none). `root` names the value in
 * the field path.
 */
export function inputProblem(value: unknown, root = ''): FieldError | null {
  const stack: [unknown, string, number][] = [[value, root, 0]];
  while (stack.length > 0) {
    const [node, path, depth] = stack.pop() as [unknown, string, number];
    if (depth > MAX_PAYLOAD_DEPTH) return { field: path || 'body', message: `nests deeper than ${MAX_PAYLOAD_DEPTH} levels`, invalid_value: null };
    if (typeof node === 'string') {
      const problem = textProblem(node, {});
      if (problem) return { field: path || 'body', message: `${path || 'the value'} ${problem}`, invalid_value: node };
    } else if (Array.isArray(node)) {
      node.forEach((item, i) => stack.push([item, `${path}[${i}]`, depth + 1]));
    } else if (node !== null && typeof node === 'object' && !(node instanceof Uint8Array)) {
      for (const [key, item] of Object.entries(node)) {
        const keyPath = path ? `${path}.${key}` : key;
        const problem = textProblem(key, {});
        if (problem) return { field: keyPath, message: `the key ${problem}`, invalid_value: key };
        stack.push([item, keyPath, depth + 1]);
      }
    }
  }
  return null;
}

/**
 * Turns an untrusted plain object into a validated payload instance, or throws a VALIDATION_FAILED
 * {@link DomainError} listing every offending field. Unknown properties are rejected, not silently dropped.
 */
export function validatePayload<T extends object>(cls: ClassConstructor<T>, plain: unknown): T {
  if (plain === null || typeof plain !== 'object' || Array.isArray(plain)) {
    throw new DomainError(ErrorCode.ValidationFailed, 'Payload must be a JSON object', null, []);
  }
  const problem = inputProblem(plain);
  if (problem) throw new DomainError(ErrorCode.ValidationFailed, `Invalid payload: ${problem.field}`, null, [problem]);
  const instance = plainToInstance(cls, plain, { enableImplicitConversion: false });
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) {
    const fieldErrors = toFieldErrors(errors);
    throw new DomainError(ErrorCode.ValidationFailed, `Invalid payload: ${[...new Set(fieldErrors.map((e) => e.field))].join(', ')}`, null, fieldErrors);
  }
  return instance;
}
