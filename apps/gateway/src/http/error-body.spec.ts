import { ErrorCode, type FieldError } from '@shopfloor/contracts';
import { codeForStatus, errorBody, statusForCode } from './error-body';

describe('statusForCode', () => {
  it.each(Object.values(ErrorCode))('maps %s to an error status', (code) => {
    const status = statusForCode(code);

    expect(Number.isInteger(status)).toBe(true);
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(600);
  });

  it.each([
    [ErrorCode.ValidationFailed, 400],
    [ErrorCode.Unauthorized, 401],
    [ErrorCode.Forbidden, 403],
    [ErrorCode.NotFound, 404],
    [ErrorCode.MachineNotFound, 404],
    [ErrorCode.CalendarNotFound, 404],
    [ErrorCode.ApiKeyNotFound, 404],
    [ErrorCode.MethodNotAllowed, 405],
    [ErrorCode.Conflict, 409],
    [ErrorCode.PayloadTooLarge, 413],
    [ErrorCode.UnsupportedMediaType, 415],
    [ErrorCode.RateLimited, 429],
    [ErrorCode.InternalError, 500],
    [ErrorCode.ServiceUnavailable, 503],
  ])('maps %s to %i', (code, status) => {
    expect(statusForCode(code)).toBe(status);
  });

  it('maps only server-side failures to 5xx', () => {
    const serverSide = Object.values(ErrorCode)
      .filter((code) => statusForCode(code) >= 500)
      .sort();

    expect(serverSide).toEqual([ErrorCode.InternalError, ErrorCode.ServiceUnavailable, ErrorCode.SourceUnavailable].sort());
  });
});

describe('codeForStatus', () => {
  it.each([
    [400, ErrorCode.ValidationFailed],
    [422, ErrorCode.ValidationFailed],
    [401, ErrorCode.Unauthorized],
    [403, ErrorCode.Forbidden],
    [404, ErrorCode.NotFound],
    [405, ErrorCode.MethodNotAllowed],
    [409, ErrorCode.Conflict],
    [413, ErrorCode.PayloadTooLarge],
    [415, ErrorCode.UnsupportedMediaType],
    [429, ErrorCode.RateLimited],
    [502, ErrorCode.ServiceUnavailable],
    [503, ErrorCode.ServiceUnavailable],
    [504, ErrorCode.ServiceUnavailable],
    [500, ErrorCode.InternalError],
    [501, ErrorCode.InternalError],
    [418, ErrorCode.ValidationFailed],
  ])('maps %i to %s', (status, code) => {
    expect(codeForStatus(status)).toBe(code);
  });

  it.each([400, 401, 403, 404, 405, 409, 413, 415, 429, 503])('maps %i back to a code of the same status', (status) => {
    expect(statusForCode(codeForStatus(status))).toBe(status);
  });
});

describe('errorBody', () => {
  const now = new Date('2024-05-01T10:15:30.123Z');

  it('has exactly the public keys when there are no field errors', () => {
    const body = errorBody({ code: ErrorCode.MachineNotFound, message: 'Machine M-9 not found', details: { machine_id: 'M-9' }, requestId: 'r-1', now });

    expect(body).toStrictEqual({
      error_code: 'MACHINE_NOT_FOUND',
      message: 'Machine M-9 not found',
      details: { machine_id: 'M-9' },
      timestamp: '2024-05-01T10:15:30.123Z',
      request_id: 'r-1',
    });
    expect(Object.keys(body).sort()).toEqual(['details', 'error_code', 'message', 'request_id', 'timestamp']);
  });

  it('adds field_errors when they are given', () => {
    const fieldErrors: FieldError[] = [{ field: 'limit', message: 'limit must not be greater than 1000', invalid_value: 5000 }];

    const body = errorBody({ code: ErrorCode.ValidationFailed, message: 'Invalid request: limit', requestId: 'r-2', fieldErrors, now });

    expect(Object.keys(body).sort()).toEqual(['details', 'error_code', 'field_errors', 'message', 'request_id', 'timestamp']);
    expect(body.field_errors).toEqual(fieldErrors);
  });

  it('keeps an empty field_errors list', () => {
    expect(errorBody({ code: ErrorCode.ValidationFailed, message: 'Bad request', requestId: 'r-3', fieldErrors: [], now }).field_errors).toEqual([]);
  });

  it('sets details to null when none are given', () => {
    expect(errorBody({ code: ErrorCode.Unauthorized, message: 'Missing credentials', requestId: 'r-4', now }).details).toBeNull();
    expect(errorBody({ code: ErrorCode.Unauthorized, message: 'Missing credentials', details: null, requestId: 'r-4', now }).details).toBeNull();
  });

  it('stamps the current time when no time is given', () => {
    const before = Date.now();

    const body = errorBody({ code: ErrorCode.InternalError, message: 'Internal error', requestId: 'r-5' });

    const stamped = Date.parse(body.timestamp);
    expect(body.timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(stamped).toBeGreaterThanOrEqual(before);
    expect(stamped).toBeLessThanOrEqual(Date.now());
  });
});
