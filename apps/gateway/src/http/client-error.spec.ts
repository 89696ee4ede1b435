import { ErrorCode } from '@shopfloor/contracts';
import { createServer, maxHeaderSize, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { answerClientError, answerClientErrors } from './client-error';
import type { ErrorBody } from './error-body';
import { API_SECURITY_HEADERS } from './security-headers';

interface RawResponse {
  status: number;
  headers: Map<string, string>;
  body: string;
}

/** Sends bytes on a fresh connection, in pieces when asked, and reads what comes back until the server closes. */
function exchange(port: number, request: string, pieces = 1): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    // The server may close while the rest of an oversized request is still being sent.
    socket.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' || error.code === 'EPIPE' ? undefined : reject(error)));
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head, ...rest] = text.split('\r\n\r\n');
      const [statusLine, ...fields] = head.split('\r\n');
      resolve({
        status: Number(statusLine.split(' ')[1]),
        headers: new Map(fields.map((f) => [f.slice(0, f.indexOf(':')).toLowerCase(), f.slice(f.indexOf(':') + 1).trim()])),
        body: rest.join('\r\n\r\n'),
      });
    });
    const size = Math.ceil(request.length / pieces);
    let offset = 0;
    const next = (): void => {
      if (offset >= request.length || socket.destroyed) return;
      socket.write(request.slice(offset, (offset += size)), () => setTimeout(next, 2));
    };
    next();
  });
}

function expectErrorBody(res: RawResponse, code: ErrorCode): ErrorBody {
  expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
  expect(Number(res.headers.get('content-length'))).toBe(Buffer.byteLength(res.body));
  const body = JSON.parse(res.body) as ErrorBody;
  expect(body).toEqual(
    expect.objectContaining({ error_code: code, message: expect.any(String), timestamp: expect.any(String), request_id: res.headers.get('x-request-id') }),
  );
  expect(Object.keys(body)).toEqual(expect.arrayContaining(['error_code', 'message', 'details', 'timestamp', 'request_id']));
  for (const [name, value] of API_SECURITY_HEADERS) expect([name, res.headers.get(name.toLowerCase())]).toEqual([name, value]);
  expect(res.headers.get('connection')).toBe('close');
  return body;
}

describe(answerClientErrors.name, () => {
  let server: Server;
  let port: number;

  beforeAll(async () => {
    server = createServer((_req, res) => res.end('ok'));
    answerClientErrors(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('answers a 1 MB query string with 414 and PAYLOAD_TOO_LARGE naming the limit', async () => {
    const res = await exchange(port, `GET /api/v1/machines?q=${'a'.repeat(1024 * 1024)} HTTP/1.1\r\nHost: x\r\n\r\n`);

    expect(res.status).toBe(414);
    expect(expectErrorBody(res, ErrorCode.PayloadTooLarge).details).toEqual({ limit_bytes: maxHeaderSize });
  });

  it('answers a 100 KB header with 431 and PAYLOAD_TOO_LARGE', async () => {
    const res = await exchange(port, `GET / HTTP/1.1\r\nHost: x\r\nX-Padding: ${'a'.repeat(100 * 1024)}\r\n\r\n`);

    expect(res.status).toBe(431);
    expectErrorBody(res, ErrorCode.PayloadTooLarge);
  });

  it('answers 431 when a long request line arrives in pieces and cannot be told from a header', async () => {
    const res = await exchange(port, `GET /?q=${'a'.repeat(64 * 1024)} HTTP/1.1\r\nHost: x\r\n\r\n`, 64);

    expect(res.status).toBe(431);
    expectErrorBody(res, ErrorCode.PayloadTooLarge);
  });

  it('answers 414 for an oversized request line behind a good request on the same connection', async () => {
    const res = await exchange(port, `GET / HTTP/1.1\r\nHost: x\r\n\r\nGET /?q=${'a'.repeat(32 * 1024)} HTTP/1.1\r\nHost: x\r\n\r\n`);

    // The first request's answer comes first on the wire; the refusal follows it.
    expect(res.status).toBe(200);
    expect(res.body).toMatch(/^okHTTP\/1\.1 414 URI Too Long\r\n/);
  });

  it.each([
    ['a garbage request line', 'GARBAGE\r\n\r\n'],
    ['a header without a colon', 'GET / HTTP/1.1\r\nHost x\r\n\r\n'],
    ['a TLS handshake on the plain port', '\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03'],
  ])('answers %s with 400 and VALIDATION_FAILED', async (_case, request) => {
    const res = await exchange(port, request);

    expect(res.status).toBe(400);
    const body = expectErrorBody(res, ErrorCode.ValidationFailed);
    expect(body.field_errors).toEqual([]);
    expect(body.details).toEqual({ reason: expect.any(String) });
  });

  it('still serves well-formed requests', async () => {
    const res = await exchange(port, 'GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');

    expect(res.status).toBe(200);
    expect(res.body).toBe('ok');
  });

  it('keeps serving after a client resets the connection in the middle of its head', async () => {
    const socket = connect(port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    const closed = new Promise((resolve) => socket.once('close', resolve));
    socket.write(`GET / HTTP/1.1\r\nHost: x\r\nX-Padding: ${'a'.repeat(8 * 1024)}`);
    socket.resetAndDestroy();
    await closed;

    const res = await exchange(port, 'GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(res.status).toBe(200);
  });
});

describe(answerClientError.name, () => {
  function fakeSocket(state: { writable: boolean; writableEnded: boolean; _httpMessage?: { writableEnded: boolean } }) {
    const destroy = jest.fn<void, []>();
    const end = jest.fn<void, [string]>();
    const socket = { ...state, destroy, end, once: jest.fn() } as unknown as Socket;
    return { socket, destroy, end };
  }
  const parseError = Object.assign(new Error('Parse Error: Invalid method encountered'), { code: 'HPE_INVALID_METHOD' });

  it('destroys a socket that can no longer be written to', () => {
    const { socket, destroy, end } = fakeSocket({ writable: false, writableEnded: false });
    answerClientError(parseError, socket, maxHeaderSize);

    expect(destroy).toHaveBeenCalled();
    expect(end).not.toHaveBeenCalled();
  });

  it('destroys the socket on a reset or broken pipe: nothing to answer', () => {
    const { socket, destroy, end } = fakeSocket({ writable: true, writableEnded: false });
    answerClientError(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }), socket, maxHeaderSize);

    expect(destroy).toHaveBeenCalled();
    expect(end).not.toHaveBeenCalled();
  });

  it('never writes into an answer still under way on a keep-alive connection', () => {
    const { socket, destroy, end } = fakeSocket({ writable: true, writableEnded: false, _httpMessage: { writableEnded: false } });
    answerClientError(parseError, socket, maxHeaderSize);

    expect(destroy).toHaveBeenCalled();
    expect(end).not.toHaveBeenCalled();
  });

  it('answers once: later reports of the same failed request are ignored', () => {
    const { socket, destroy, end } = fakeSocket({ writable: false, writableEnded: true });
    answerClientError(parseError, socket, maxHeaderSize);

    expect(destroy).not.toHaveBeenCalled();
    expect(end).not.toHaveBeenCalled();
  });
});
