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

/** Deepest nesting a JSON body may have; no request of the API needs more than a few levels. */
export const MAX_JSON_DEPTH = 32;

/** How deep a parsed JSON value nests, counted without recursion (a hostile body may nest 10^5 levels). */
export function jsonDepth(value: unknown, stopAt = Infinity): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [unknown, number];
    if (node === null || typeof node !== 'object') continue;
    deepest = Math.max(deepest, depth);
    if (deepest > stopAt) return deepest;
    for (const child of Array.isArray(node) ? node : Object.values(node)) if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return deepest;
}

const hasBody = (req: express.Request): boolean => req.header('transfer-encoding') !== undefined || Number(req.header('content-length') ?? 0) > 0;

/**
 * Every body the API reads is JSON (dataset uploads, parsed before, excepted): any other content type is refused
 * with 415 rather than left unread, so a form or text body can never pass for an empty request.
 */
function requireJson(): RequestHandler {
  return (req, _res, next) => {
    if (req.body !== undefined || !hasBody(req) || req.is(['application/json', 'application/*+json'])) return next();
    next(new DomainError(ErrorCode.UnsupportedMediaType, 'Send the request body as application/json', { content_type: req.header('content-type') ?? null }));
  };
}

function limitDepth(): RequestHandler {
  return (req, _res, next) => {
    if (req.body === null || typeof req.body !== 'object' || Buffer.isBuffer(req.body) || jsonDepth(req.body, MAX_JSON_DEPTH) <= MAX_JSON_DEPTH) return next();
    next(
      new DomainError(ErrorCode.ValidationFailed, `The request body nests deeper than ${MAX_JSON_DEPTH} levels`, { max_depth: MAX_JSON_DEPTH }, [
        { field: 'body', message: `must not nest deeper than ${MAX_JSON_DEPTH} levels`, invalid_value: null },
      ]),
    );
  };
}

const emptyBodies = new WeakSet<object>();

/** The JSON body parser, whose failures come out as the public error body, never as a 500. */
export function bodyParsers(limit: string): RequestHandler[] {
  // An empty body sent as JSON is no body, not `{}`: a route that needs one says so instead of taking the defaults.
  const json = express.json({
    limit,
    type: ['application/json', 'application/*+json'],
    verify: (req, _res, raw) => void (raw.length === 0 && emptyBodies.add(req)),
  });
  const noEmptyObject: RequestHandler = (req, _res, next) => {
    if (emptyBodies.has(req)) req.body = undefined;
    next();
  };
  return [requireJson(), wrap(json, limit), noEmptyObject, limitDepth()];
}
