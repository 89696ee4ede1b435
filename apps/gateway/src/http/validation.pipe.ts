import { ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import { DomainError, ErrorCode, toFieldErrors, inputProblem, type FieldError } from '@shopfloor/contracts';

const invalid = (fieldErrors: FieldError[]): DomainError =>
  new DomainError(ErrorCode.ValidationFailed, `Invalid request: ${[...new Set(fieldErrors.map((e) => e.field))].join(', ')}`, null, fieldErrors);

const isJsonObject = (value: unknown): boolean => value !== null && typeof value === 'object' && !Array.isArray(value) && !Buffer.isBuffer(value);

/**
 * Validates bodies, queries and path parameters against their DTO classes; failures become VALIDATION_FAILED with
 * field_errors. Before any DTO sees them, every part of the request is checked for text no service can hold, and a
 * route that reads a body gets a JSON object (an absent, array or scalar body is refused, not taken for defaults).
 */
export class EdgeValidationPipe extends ValidationPipe {
  constructor() {
    super({
      transform: true,
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      exceptionFactory: (errors) => invalid(toFieldErrors(errors)),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'custom') return value;
    const problem = inputProblem(value, metadata.type === 'body' ? '' : (metadata.data ?? ''));
    if (problem) throw invalid([problem]);
    if (metadata.type === 'body' && metadata.data === undefined && metadata.metatype && metadata.metatype !== Object && !isJsonObject(value)) {
      throw invalid([{ field: 'body', message: 'the request body must be a JSON object', invalid_value: Array.isArray(value) ? '[an array]' : (value ?? null) }]);
    }
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new EdgeValidationPipe();
}
