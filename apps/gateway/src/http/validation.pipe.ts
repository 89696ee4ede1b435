import { ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import { DomainError, ErrorCode, toFieldErrors, inputProblem, type FieldError } from '@shopfloor/contracts';

const invalid = (fieldErrors: FieldError[]): DomainError =>
  new DomainError(ErrorCode.ValidationFailed, `Invalid request: ${[...new Set(fieldErrors.map((e) => e.field))].join(', ')}`, null, fieldErrors);

/** Query strings remembered per DTO class once they passed; the oldest go first. */
const QUERIES_KEPT = 1000;

/**
 * A query DTO's own copy: same class, its arrays (machine_ids=…) copied too, so a handler that sorts or edits one
 * cannot change what a later request with the same query gets. Query values are strings, numbers, dates and arrays
 * of those: nothing deeper.
 */
function copyOf(dto: object): object {
  const copy = Object.create(Object.getPrototypeOf(dto) as object | null) as Record<string, unknown>;
  for (const [key, value] of Object.entries(dto))
    copy[key] = Array.isArray(value) ? [...(value as unknown[])] : value instanceof Date ? new Date(value.getTime()) : value;
  return copy;
}

const isJsonObject = (value: unknown): boolean => value !== null && typeof value === 'object' && !Array.isArray(value) && !Buffer.isBuffer(value);

/**
 * Validates bodies, queries and path parameters against their DTO classes; failures become VALIDATION_FAILED with
 * field_errors. Before any DTO sees them, every part of the request is checked for text no service can hold, and a
 * route that reads a body gets a JSON object (an absent, array or scalar body is refused, not taken for defaults).
 */
export class EdgeValidationPipe extends ValidationPipe {
  /**
   * Queries that passed, by DTO class and the query's JSON: validation depends on the text alone, and dashboards
   * send the same few queries again and again, so class-transformer and class-validator run once per distinct query.
   * Each request gets its own copy of the result.
   */
  private readonly passedQueries = new Map<unknown, Map<string, object>>();

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
    if (metadata.type === 'query' && metadata.metatype && this.toValidate(metadata) && isJsonObject(value))
      return this.transformQuery(value as object, metadata);
    return this.transformAny(value, metadata);
  }

  private async transformQuery(value: object, metadata: ArgumentMetadata): Promise<unknown> {
    let passed = this.passedQueries.get(metadata.metatype);
    if (!passed) this.passedQueries.set(metadata.metatype, (passed = new Map<string, object>()));
    const key = JSON.stringify(value);
    const known = passed.get(key);
    if (known) return copyOf(known);
    const result = await this.transformAny(value, metadata);
    if (result !== null && typeof result === 'object') {
      if (passed.size >= QUERIES_KEPT) passed.delete(passed.keys().next().value as string);
      passed.set(key, copyOf(result));
    }
    return result;
  }

  private async transformAny(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const problem = inputProblem(value, metadata.type === 'body' ? '' : (metadata.data ?? ''));
    if (problem) throw invalid([problem]);
    if (metadata.type === 'body' && metadata.data === undefined && metadata.metatype && metadata.metatype !== Object && !isJsonObject(value)) {
      throw invalid([
        { field: 'body', message: 'the request body must be a JSON object', invalid_value: Array.isArray(value) ? '[an array]' : (value ?? null) },
      ]);
    }
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new EdgeValidationPipe();
}
