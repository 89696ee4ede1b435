import { DomainError, ErrorCode } from '@shopfloor/contracts';
import express, { type RequestHandler } from 'express';

interface BodyParserError {
  type?: string;
  status?: number;
}

/** A body-parser failure as the domain error the client should see (raised before any route runs). */
export function bodyErrorToDomainError(error: unknown, limit: string): unknown {
  const parserError = error as BodyParserError | null;
  switch (parserError?.type) {
    case 'entity.parse.failed':
      return new DomainError(ErrorCode.ValidationFailed, 'Request body is not valid JSON', null, [
        { field: 'body', message: 'must be valid JSON', invalid_value: null },
      ]);
    case 'entity.too.large':
      return new DomainError(ErrorCode.PayloadTooLarge, `Request body is larger than ${limit}`, { limit });
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return new DomainError(ErrorCode.UnsupportedMediaType, 'Request body charset or encoding is not supported');
    case 'request.aborted':
    case 'request.size.invalid':
    case 'stream.encoding.set':
      return new DomainError(ErrorCode.ValidationFailed, 'Request body could not be read', null, []);
    default:
      return error;
  }
}

function wrap(parser: RequestHandler, limit: string): RequestHandler {
  return (req, res, next) => parser(req, res, (error?: unknown) => next(error ? bodyErrorToDomainError(error, limit) : undefined));
}

/**
 * Dataset uploads are passed on as they are (to the ml service, through the upload bucket): read as bytes, with their
 * own, larger limit. Mounted before the other parsers, which then leave the body alone.
 */
export function uploadBodyParser(limit: string): RequestHandler {
  return wrap(express.raw({ limit, type: ['application/json', 'application/*+json', 'text/csv', 'text/plain'] }), limit);
}

/** JSON and CSV body parsers whose failures come out as the public error body, never as a 500. */
export function bodyParsers(limit: string): RequestHandler[] {
  return [
    wrap(express.json({ limit, type: ['application/json', 'application/*+json'] }), limit),
    wrap(express.text({ limit, type: ['text/csv', 'text/plain'] }), limit),
  ];
}
