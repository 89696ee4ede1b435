import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ErrorBody } from '../http/error-body';
import { API_SECURITY_HEADERS } from '../http/security-headers';

/**
 * Refuses a WebSocket upgrade with a plain HTTP response carrying the public error body, so a refused client sees the
 * same status, JSON and security headers as REST (RFC 6455 §4.2.2: any status other than 101 refuses the handshake).
 */
export function writeUpgradeError(socket: Duplex, status: number, body: ErrorBody): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const json = JSON.stringify(body);
  const head = [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}`,
    'Connection: close',
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(json)}`,
    `X-Request-Id: ${body.request_id}`,
    'Cache-Control: no-store',
    // Written outside Express, so the API's security headers are added here.
    ...API_SECURITY_HEADERS.map(([name, value]) => `${name}: ${value}`),
  ];
  socket.once('finish', () => socket.destroy());
  socket.end(`${head.join('\r\n')}\r\n\r\n${json}`);
}
