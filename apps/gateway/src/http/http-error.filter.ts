import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { DomainError, ErrorCode, isDependencyOutage } from '@shopfloor/contracts';
import { acceptOrCreateRequestId } from '@shopfloor/observability';
import type { Request, Response } from 'express';
import { codeForStatus, errorBody, statusForCode } from './error-body';
import { loggableError } from './loggable-error';

interface BodyParserError {
  type?: string;
  status?: number;
  expose?: boolean;
}

/** Maps every error — domain, framework, body parser, unknown — to the public error body and its status. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(HttpErrorFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<Request & { requestId?: string }>();
    const res = ctx.getResponse<Response>();
    const requestId = req.requestId ?? acceptOrCreateRequestId(req.header('x-request-id'));
    const { status, body } = this.describe(exception, requestId, req);
    if (status >= 500 && body.error_code === ErrorCode.InternalError) {
      this.logger.error({ message: `Unhandled error on ${req.method} ${req.path}`, err: loggableError(exception) });
    }
    if (res.headersSent) return;
    res.setHeader('X-Request-Id', requestId);
    res.status(status).json(body);
  }

  private describe(exception: unknown, requestId: string, req: Request) {
    if (exception instanceof DomainError) {
      return {
        status: statusForCode(exception.code),
        body: errorBody({ code: exception.code, message: exception.message, details: exception.details, requestId, fieldErrors: exception.fieldErrors }),
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const code = codeForStatus(status);
      const message = status === 404 && /^Cannot /.test(exception.message) ? `No route for ${req.method} ${req.path}` : exception.message;
      return {
        status,
        body: errorBody({ code, message, requestId, fieldErrors: code === ErrorCode.ValidationFailed ? [] : undefined }),
      };
    }
    // Errors raised by the body parser before any route runs (bad JSON, too large, wrong charset).
    const parserError = exception as BodyParserError | null;
    if (parserError && typeof parserError.status === 'number' && parserError.status < 500 && parserError.expose) {
      if (parserError.type === 'entity.parse.failed') return this.malformedJson(requestId);
      const code = codeForStatus(parserError.status);
      return { status: parserError.status, body: errorBody({ code, message: exception instanceof Error ? exception.message : 'Bad request', requestId }) };
    }
    // The gateway's own PostgreSQL or Redis unreachable (API keys, revocations): refused as every outage is.
    if (isDependencyOutage(exception)) {
      this.logger.warn({ message: `A dependency is unavailable on ${req.method} ${req.path}`, err: loggableError(exception) });
      return {
        status: 503,
        body: errorBody({ code: ErrorCode.ServiceUnavailable, message: 'A dependency of the gateway is unavailable; try again shortly', requestId }),
      };
    }
    return { status: 500, body: errorBody({ code: ErrorCode.InternalError, message: 'Internal error', requestId }) };
  }

  private malformedJson(requestId: string) {
    return {
      status: 400,
      body: errorBody({
        code: ErrorCode.ValidationFailed,
        message: 'Request body is not valid JSON',
        requestId,
        fieldErrors: [{ field: 'body', message: 'must be valid JSON', invalid_value: null }],
      }),
    };
  }
}
