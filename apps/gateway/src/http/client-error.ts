import { maxHeaderSize, STATUS_CODES, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { ErrorCode } from '@shopfloor/contracts';
import { acceptOrCreateRequestId } from '@shopfloor/observability';
import { codeForStatus, errorBody } from './error-body';
import { API_SECURITY_HEADERS } from './security-headers';

/** What Node's HTTP parser reports with a request it could not read. */
export interface ClientError extends Error {
  code?: string;
  reason?: string;
  /** The chunk being parsed when it failed, and how far into it the parser got. */
  rawPacket?: Buffer;
  bytesParsed?: number;
}

/**
 * Time the client gets to read the answer before the socket closes. Meanwhile the rest of an oversized request is read
 * and dropped: closing with it unread would send a reset, which can discard the answer before the client reads it.
 */
const LINGER_MS = 1000;

const REQUEST_LINE_START = /^[A-Z]+ \S/;

/**
 * Answers a request that Node's parser refuses (head over the size limit, malformed, too slow) with the public error
 * body and the security headers, where Node would write a bare status line or nothing.
 */
export function answerClientErrors(server: Server): void {
  // The server is created without a limit of its own, so Node's (--max-http-header-size) applies.
  server.on('clientError', (error: ClientError, socket: Socket) => answerClientError(error, socket, maxHeaderSize));
}

export function answerClientError(error: ClientError, socket: Socket, headLimitBytes: number): void {
  // A failed parser reports every further chunk of the request too; the first report was answered.
  if (socket.writableEnded) return;
  const answer = describe(error, headLimitBytes);
  if (!answer || !socket.writable || responseUnderway(socket)) {
    socket.destroy();
    return;
  }
  const requestId = acceptOrCreateRequestId(undefined);
  const json = JSON.stringify(errorBody({ ...answer, requestId }));
  const head = [
    `HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status] ?? 'Error'}`,
    'Connection: close',
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(json)}`,
    `X-Request-Id: ${requestId}`,
    'Cache-Control: no-store',
    // No HSTS: whether the request came over TLS is said by headers that were never parsed.
    ...API_SECURITY_HEADERS.map(([name, value]) => `${name}: ${value}`),
  ];
  socket.once('finish', () => setTimeout(() => socket.destroy(), LINGER_MS).unref());
  socket.end(`${head.join('\r\n')}\r\n\r\n${json}`);
}

/**
 * Whether the answer to an earlier request on this keep-alive connection is still being written: a status line now
 * would land inside it, or be taken for its answer. Node keeps that response on the socket until it is finished.
 */
function responseUnderway(socket: Socket): boolean {
  const response = (socket as Socket & { _httpMessage?: ServerResponse | null })._httpMessage;
  return response !== null && response !== undefined && !response.writableEnded;
}

function describe(error: ClientError, headLimitBytes: number) {
  const tooLarge = { code: ErrorCode.PayloadTooLarge, details: { limit_bytes: headLimitBytes } };
  switch (error.code) {
    case 'HPE_HEADER_OVERFLOW':
      return requestLineOpen(error)
        ? { ...tooLarge, status: 414, message: `Request URL too long: request line and headers may take ${headLimitBytes} bytes` }
        : { ...tooLarge, status: 431, message: `Request headers too large: request line and headers may take ${headLimitBytes} bytes` };
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return { code: ErrorCode.PayloadTooLarge, status: 413, message: 'Chunk extensions too large' };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return { code: codeForStatus(408), status: 408, message: 'Request not received in time' };
    default:
      // A reset or a broken pipe: there is no one to answer.
      if (!error.code?.startsWith('HPE_')) return undefined;
      return {
        code: ErrorCode.ValidationFailed,
        status: 400,
        message: 'Malformed HTTP request',
        details: error.reason ? { reason: error.reason } : null,
        fieldErrors: [],
      };
  }
}

/**
 * Whether the head overflowed inside its request line: the line the parser stopped in starts like one. Seen only when
 * that line began in the chunk that overflowed; a request line split across reads is answered 431.
 */
function requestLineOpen(error: ClientError): boolean {
  if (!error.rawPacket) return false;
  const parsed = error.rawPacket.subarray(0, error.bytesParsed ?? error.rawPacket.length);
  const lineStart = parsed.lastIndexOf(0x0a) + 1;
  return REQUEST_LINE_START.test(parsed.toString('latin1', lineStart, lineStart + 32));
}
