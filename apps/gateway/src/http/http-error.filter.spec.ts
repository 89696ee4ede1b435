import { BadRequestException, ForbiddenException, HttpException, Logger, NotFoundException, type ArgumentsHost } from '@nestjs/common';
import { DomainError, ErrorCode } from '@shopfloor/contracts';
import type { ErrorBody } from './error-body';
import { HttpErrorFilter } from './http-error.filter';

interface RecordedResponse {
  headersSent: boolean;
  statusCode?: number;
  body?: ErrorBody;
  headers: Record<string, string>;
  status(code: number): RecordedResponse;
  json(body: ErrorBody): RecordedResponse;
  setHeader(name: string, value: string): void;
}

function recordingResponse(headersSent = false): RecordedResponse {
  return {
    headersSent,
    headers: {},
    status(code) {
      this.statusCode = code;
      return this;
    },
    json(body) {
      this.body = body;
      return this;
    },
    setHeader(name, value) {
      this.headers[name] = value;
    },
  };
}

function hostFor(res: RecordedResponse, request: { requestId?: string; headers?: Record<string, string> } = { requestId: 'r-1' }): ArgumentsHost {
  const req = {
    method: 'GET',
    path: '/x',
    requestId: request.requestId,
    header: (name: string) => request.headers?.[name.toLowerCase()],
  };
  return { switchToHttp: () => ({ getRequest: () => req, getResponse: () => res, getNext: () => undefined }) } as unknown as ArgumentsHost;
}

function handle(exception: unknown, request?: { requestId?: string; headers?: Record<string, string> }): RecordedResponse {
  const res = recordingResponse();
  new HttpErrorFilter().catch(exception, hostFor(res, request));
  return res;
}

describe(HttpErrorFilter.name, () => {
  let loggedErrors: jest.SpyInstance;

  beforeEach(() => {
    loggedErrors = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });

  afterEach(() => {
    loggedErrors.mockRestore();
  });

  it('answers a domain error with its status and body, field errors included', () => {
    const fieldErrors = [{ field: 'limit', message: 'limit must not be greater than 1000', invalid_value: 5000 }];

    const res = handle(new DomainError(ErrorCode.ValidationFailed, 'Invalid request: limit', null, fieldErrors));

    expect(res.statusCode).toBe(400);
    expect(res.body).toStrictEqual({
      error_code: 'VALIDATION_FAILED',
      message: 'Invalid request: limit',
      details: null,
      timestamp: expect.any(String),
      request_id: 'r-1',
      field_errors: fieldErrors,
    });
  });

  it('answers a domain error without field errors without a field_errors key', () => {
    const res = handle(new DomainError(ErrorCode.MachineNotFound, 'Machine M-9 not found', { machine_id: 'M-9' }));

    expect(res.statusCode).toBe(404);
    expect(res.body?.error_code).toBe('MACHINE_NOT_FOUND');
    expect(res.body?.details).toEqual({ machine_id: 'M-9' });
    expect(Object.keys(res.body ?? {})).not.toContain('field_errors');
  });

  it('passes an unavailable downstream service on as 503 without logging it as unhandled', () => {
    const res = handle(new DomainError(ErrorCode.ServiceUnavailable, 'Analytics is not answering'));

    expect(res.statusCode).toBe(503);
    expect(res.body?.error_code).toBe('SERVICE_UNAVAILABLE');
    expect(loggedErrors).not.toHaveBeenCalled();
  });

  it('answers a missing route with 404 NOT_FOUND naming the method and path', () => {
    const res = handle(new NotFoundException('Cannot GET /x'));

    expect(res.statusCode).toBe(404);
    expect(res.body).toMatchObject({ error_code: 'NOT_FOUND', message: 'No route for GET /x', details: null, request_id: 'r-1' });
    expect(Object.keys(res.body ?? {})).not.toContain('field_errors');
  });

  it('keeps the message of any other not-found exception', () => {
    const res = handle(new NotFoundException('Report not ready'));

    expect(res.body?.message).toBe('Report not ready');
  });

  it('maps a framework exception to the code of its status', () => {
    const res = handle(new ForbiddenException('Admins only'));

    expect(res.statusCode).toBe(403);
    expect(res.body).toMatchObject({ error_code: 'FORBIDDEN', message: 'Admins only' });
  });

  it('answers a framework bad request with VALIDATION_FAILED and an empty field list', () => {
    const res = handle(new BadRequestException('Validation failed (numeric string is expected)'));

    expect(res.statusCode).toBe(400);
    expect(res.body).toMatchObject({ error_code: 'VALIDATION_FAILED', message: 'Validation failed (numeric string is expected)', field_errors: [] });
  });

  it('keeps the message of a 400 that merely mentions JSON', () => {
    const res = handle(new BadRequestException('details must be a JSON object'));

    expect(res.statusCode).toBe(400);
    expect(res.body).toMatchObject({ error_code: 'VALIDATION_FAILED', message: 'details must be a JSON object', field_errors: [] });
  });

  it('answers a body that failed to parse with 400 VALIDATION_FAILED on the field body', () => {
    const res = handle({ type: 'entity.parse.failed', status: 400, expose: true });

    expect(res.statusCode).toBe(400);
    expect(res.body?.error_code).toBe('VALIDATION_FAILED');
    expect(res.body?.message).toBe('Request body is not valid JSON');
    expect(res.body?.field_errors?.[0]?.field).toBe('body');
  });

  it('answers a body that is too large with 413 PAYLOAD_TOO_LARGE', () => {
    const res = handle({ type: 'entity.too.large', status: 413, expose: true, message: 'request entity too large' });

    expect(res.statusCode).toBe(413);
    expect(res.body?.error_code).toBe('PAYLOAD_TOO_LARGE');
    expect(Object.keys(res.body ?? {})).not.toContain('field_errors');
  });

  it('keeps the message of a body parser error raised as an Error', () => {
    const error = Object.assign(new Error('unsupported charset "UTF-7"'), { type: 'charset.unsupported', status: 415, expose: true });

    const res = handle(error);

    expect(res.statusCode).toBe(415);
    expect(res.body).toMatchObject({ error_code: 'UNSUPPORTED_MEDIA_TYPE', message: 'unsupported charset "UTF-7"' });
  });

  it('does not trust a body parser error that is not meant to be shown', () => {
    const res = handle({ type: 'stream.not.readable', status: 400, expose: false, message: 'stream is not readable' });

    expect(res.statusCode).toBe(500);
    expect(res.body?.error_code).toBe('INTERNAL_ERROR');
  });

  it('answers an unknown error with 500 INTERNAL_ERROR without revealing its message, and logs it', () => {
    const res = handle(new Error('boom'));

    expect(res.statusCode).toBe(500);
    expect(res.body).toMatchObject({ error_code: 'INTERNAL_ERROR', message: 'Internal error', details: null, request_id: 'r-1' });
    expect(res.body?.message).not.toContain('boom');
    expect(JSON.stringify(res.body)).not.toContain('boom');
    expect(loggedErrors).toHaveBeenCalledTimes(1);
    expect(loggedErrors.mock.calls[0]?.[0]).toMatchObject({ message: 'Unhandled error on GET /x' });
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['a string', 'boom'],
    ['a number', 42],
  ])('answers a thrown %s with 500 INTERNAL_ERROR', (_label, thrown) => {
    const res = handle(thrown);

    expect(res.statusCode).toBe(500);
    expect(res.body?.error_code).toBe('INTERNAL_ERROR');
  });

  it('answers its own database or cache being unreachable with 503 SERVICE_UNAVAILABLE, naming no address', () => {
    const res = handle(
      Object.assign(new Error('Query failed'), { driverError: Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:5432'), { code: 'ECONNREFUSED' }) }),
    );

    expect(res.statusCode).toBe(503);
    expect(res.body).toMatchObject({ error_code: 'SERVICE_UNAVAILABLE', request_id: 'r-1' });
    expect(JSON.stringify(res.body)).not.toContain('10.0.0.5');
    expect(loggedErrors).not.toHaveBeenCalled();
  });

  it('keeps a 5xx framework exception status', () => {
    const res = handle(new HttpException('Upstream timed out', 504));

    expect(res.statusCode).toBe(504);
    expect(res.body?.error_code).toBe('SERVICE_UNAVAILABLE');
  });

  it('sets the X-Request-Id header to the request id', () => {
    expect(handle(new Error('boom')).headers).toEqual({ 'X-Request-Id': 'r-1' });
    expect(handle(new DomainError(ErrorCode.Conflict, 'Exists')).headers).toEqual({ 'X-Request-Id': 'r-1' });
  });

  it('falls back to a sane X-Request-Id header of the client when the request has no id yet', () => {
    const res = handle(new DomainError(ErrorCode.Unauthorized, 'Missing credentials'), { headers: { 'x-request-id': 'client-abc-1' } });

    expect(res.headers['X-Request-Id']).toBe('client-abc-1');
    expect(res.body?.request_id).toBe('client-abc-1');
  });

  it('replaces an unsafe client request id with a new UUID', () => {
    const res = handle(new DomainError(ErrorCode.Unauthorized, 'Missing credentials'), { headers: { 'x-request-id': '<script>' } });

    expect(res.headers['X-Request-Id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body?.request_id).toBe(res.headers['X-Request-Id']);
  });

  it('leaves a response alone once its headers are sent', () => {
    const res = recordingResponse(true);

    new HttpErrorFilter().catch(new Error('late failure'), hostFor(res));

    expect(res.statusCode).toBeUndefined();
    expect(res.body).toBeUndefined();
    expect(res.headers).toEqual({});
    expect(loggedErrors).toHaveBeenCalledTimes(1);
  });
});
