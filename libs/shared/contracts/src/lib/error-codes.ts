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
  AlertNotFound = 'ALERT_NOT_FOUND',
  RuleNotFound = 'RULE_NOT_FOUND',
  ScheduleNotFound = 'SCHEDULE_NOT_FOUND',
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

/** What an error may carry, whatever it was given: an error body stays small enough for any message and any client. */
export const ERROR_LIMITS = { messageChars: 1000, fieldChars: 200, fieldErrors: 100, valueChars: 200, valueEntries: 20, valueDepth: 3 } as const;

export class DomainError extends Error {
  readonly fieldErrors?: FieldError[];

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> | null = null,
    fieldErrors?: FieldError[],
  ) {
    super(cut(message, ERROR_LIMITS.messageChars));
    this.name = DomainError.name;
    if (fieldErrors) {
      this.fieldErrors = fieldErrors.slice(0, ERROR_LIMITS.fieldErrors).map((e) => ({
        field: cut(String(e.field), ERROR_LIMITS.fieldChars),
        message: cut(String(e.message), ERROR_LIMITS.messageChars),
        invalid_value: boundedValue(e.invalid_value, 1),
      }));
    }
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

function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  // Never end on half a surrogate pair: the body must stay valid Unicode.
  const end = /[\ud800-\udbff]/.test(text[max - 1]) ? max - 1 : max;
  return `${text.slice(0, end)}…`;
}

/**
 * A copy of a value small enough to echo back: long strings cut, and arrays or objects beyond a few entries or levels
 * described instead of copied (a client sent them; it knows what they held).
 */
export function boundedValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return cut(value, ERROR_LIMITS.valueChars);
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (value === null || typeof value === 'boolean') return value;
  if (value === undefined) return null;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value !== 'object') return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (Array.isArray(value)) {
    if (depth >= ERROR_LIMITS.valueDepth || value.length > ERROR_LIMITS.valueEntries) return `[an array of ${value.length} items]`;
    return value.map((item) => boundedValue(item, depth + 1));
  }
  const keys = Object.keys(value);
  if (depth >= ERROR_LIMITS.valueDepth || keys.length > ERROR_LIMITS.valueEntries) return `[an object with ${keys.length} keys]`;
  const copy: Record<string, unknown> = {};
  for (const key of keys) copy[cut(key, ERROR_LIMITS.fieldChars)] = boundedValue((value as Record<string, unknown>)[key], depth + 1);
  return copy;
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (Object.values(ErrorCode) as string[]).includes(value);
}
