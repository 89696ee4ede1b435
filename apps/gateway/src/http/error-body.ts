import { ErrorCode, type FieldError } from '@shopfloor/contracts';

/** The public error body of API.md, sent with every 4xx and 5xx. */
export interface ErrorBody {
  error_code: ErrorCode;
  message: string;
  details: Record<string, unknown> | null;
  timestamp: string;
  request_id: string;
  field_errors?: FieldError[];
}

const STATUS_BY_CODE: Record<ErrorCode, number> = {
  [ErrorCode.ValidationFailed]: 400,
  [ErrorCode.Unauthorized]: 401,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.MachineNotFound]: 404,
  [ErrorCode.CalendarNotFound]: 404,
  [ErrorCode.ApiKeyNotFound]: 404,
  [ErrorCode.DatasetNotFound]: 404,
  [ErrorCode.ModelNotFound]: 404,
  [ErrorCode.TrainingNotFound]: 404,
  [ErrorCode.AlertNotFound]: 404,
  [ErrorCode.RuleNotFound]: 404,
  [ErrorCode.ScheduleNotFound]: 404,
  [ErrorCode.NoActiveModel]: 409,
  [ErrorCode.InsufficientData]: 422,
  [ErrorCode.MethodNotAllowed]: 405,
  [ErrorCode.Conflict]: 409,
  [ErrorCode.SyncAlreadyRunning]: 409,
  [ErrorCode.SourceMappingInvalid]: 409,
  [ErrorCode.SourceUnavailable]: 503,
  [ErrorCode.PayloadTooLarge]: 413,
  [ErrorCode.UnsupportedMediaType]: 415,
  [ErrorCode.RateLimited]: 429,
  [ErrorCode.InternalError]: 500,
  [ErrorCode.ServiceUnavailable]: 503,
};

/** HTTP status of a domain error code. */
export function statusForCode(code: ErrorCode): number {
  return STATUS_BY_CODE[code];
}

/** The error code for a bare HTTP status (framework errors that carry no domain code). */
export function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 400:
    case 422:
      return ErrorCode.ValidationFailed;
    case 401:
      return ErrorCode.Unauthorized;
    case 403:
      return ErrorCode.Forbidden;
    case 404:
      return ErrorCode.NotFound;
    case 405:
      return ErrorCode.MethodNotAllowed;
    case 409:
      return ErrorCode.Conflict;
    case 413:
      return ErrorCode.PayloadTooLarge;
    case 415:
      return ErrorCode.UnsupportedMediaType;
    case 429:
      return ErrorCode.RateLimited;
    case 502:
    case 503:
    case 504:
      return ErrorCode.ServiceUnavailable;
    default:
      return status >= 500 ? ErrorCode.InternalError : ErrorCode.ValidationFailed;
  }
}

export function errorBody(args: {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown> | null;
  requestId: string;
  fieldErrors?: FieldError[];
  now?: Date;
}): ErrorBody {
  return {
    error_code: args.code,
    message: args.message,
    details: args.details ?? null,
    timestamp: (args.now ?? new Date()).toISOString(),
    request_id: args.requestId,
    ...(args.fieldErrors ? { field_errors: args.fieldErrors } : {}),
  };
}
