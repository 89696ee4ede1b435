/**
 * Domain error codes. Services throw {@link DomainError} with one of these; only the gateway maps a code to an HTTP
 * status and the public error body.
 */
export enum ErrorCode {
  ValidationFailed = 'VALIDATION_FAILED',
  Unauthorized = 'UNAUTHORIZED',
  Forbidden = 'FORBIDDEN',
  NotFound = 'NOT_FOUND',
  MethodNotAllowed = 'METHOD_NOT_ALLOWED',
  UnsupportedMediaType = 'UNSUPPORTED_MEDIA_TYPE',
  Conflict = 'CONFLICT',
  RateLimited = 'RATE_LIMITED',
  PayloadTooLarge = 'PAYLOAD_TOO_LARGE',
  ServiceUnavailable = 'SERVICE_UNAVAILABLE',
  InternalError = 'INTERNAL_ERROR',
  MachineNotFound = 'MACHINE_NOT_FOUND',
  /** No calendar of its own is configured for the machine (or no default), so there is nothing to delete. */
  CalendarNotFound = 'CALENDAR_NOT_FOUND',
  ApiKeyNotFound = 'API_KEY_NOT_FOUND',
  /** A sync is already running; details.sync_id names it. */
  SyncAlreadyRunning = 'SYNC_ALREADY_RUNNING',
  /** The source mapping does not match the source database; details list the problems. */
  SourceMappingInvalid = 'SOURCE_MAPPING_INVALID',
  /** The CIMCO source database cannot be reached (or its circuit breaker is open). */
  SourceUnavailable = 'SOURCE_UNAVAILABLE',
  DatasetNotFound = 'DATASET_NOT_FOUND',
  ModelNotFound = 'MODEL_NOT_FOUND',
  TrainingNotFound = 'TRAINING_NOT_FOUND',
  /** No version of the model type is active yet: train one (or activate one) first. */
  NoActiveModel = 'NO_ACTIVE_MODEL',
  /** The data is valid but too little to learn or predict from (details say what is missing). */
  InsufficientData = 'INSUFFICIENT_DATA',
}

export interface FieldError {
  field: string;
  message: string;
  invalid_value: unknown;
}

export interface DomainErrorShape {
  code: ErrorCode;
  message: string;
  details: Record<string, unknown> | null;
  field_errors?: FieldError[];
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> | null = null,
    readonly fieldErrors?: FieldError[],
  ) {
    super(message);
    this.name = DomainError.name;
  }

  toShape(): DomainErrorShape {
    return {
      code: this.code,
      message: this.message,
      details: this.details,
      ...(this.fieldErrors ? { field_errors: this.fieldErrors } : {}),
    };
  }

  static fromShape(shape: DomainErrorShape): DomainError {
    return new DomainError(shape.code, shape.message, shape.details, shape.field_errors);
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (Object.values(ErrorCode) as string[]).includes(value);
}
