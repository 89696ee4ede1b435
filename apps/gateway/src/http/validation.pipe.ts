import { ValidationPipe } from '@nestjs/common';
import { DomainError, ErrorCode, toFieldErrors } from '@shopfloor/contracts';

/** Validates bodies, queries and params against their DTO classes; failures become VALIDATION_FAILED with field_errors. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    exceptionFactory: (errors) => {
      const fieldErrors = toFieldErrors(errors);
      return new DomainError(ErrorCode.ValidationFailed, `Invalid request: ${[...new Set(fieldErrors.map((e) => e.field))].join(', ')}`, null, fieldErrors);
    },
  });
}
