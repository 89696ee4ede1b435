import { WebSocket } from 'ws';
import type { Principal } from '../auth/principal';
import { CLOSE_TRY_AGAIN_LATER, CLOSE_UNAUTHORIZED, LiveClient, type LiveSocket } from './live-client';
import { DEFAULT_LIVE_SOCKET_OPTIONS } from './live-socket.options';

const VIEWER: Principal = { id: 'k-1', name: 'wall board', role: 'viewer', via: 'api_key' };

/** A socket that records what the client does to it, with a settable send buffer. */
class RecordingSocket implements LiveSocket {
  readyState: WebSocket['readyState'] = WebSocket.OPEN;
  bufferedAmount = 0;
  readonly sent: string[] = [];
  readonly closes: [number | undefined, string | undefined][] = [];
  pings = 0;
  terminated = false;

  send(data: unknown): void {
    this.sent.push(String(data));
  }
  close(code?: number, reason?: string): void {
    this.closes.push([code, reason]);
    this.readyState = WebSocket.CLOSING;
  }
  terminate(): void {
    this.terminated = true;
    this.readyState = WebSocket.CLOSED;
  }
  ping(): void {
    this.pings++;
  }
}

function client(socket = new RecordingSocket()): { socket: RecordingSocket; live: LiveClient } {
  return { socket, live: new LiveClient(socket, 'machine-status', VIEWER, 'req-1', DEFAULT_LIVE_SOCKET_OPTIONS) };
}

describe(LiveClient.name, () => {
  it('delivers every machine until it subscribes, then only the machines it named', () => {
    const { socket, live } = client();
    expect(live.deliver('M-2', 'a')).toBe('sent');
    live.receive(Buffer.from(JSON.stringify({ subscribe: ['M-1'] })), false);
    expect(live.deliver('M-2', 'b')).toBe('filtered');
    expect(live.deliver(undefined, 'c')).toBe('filtered');
    expect(live.deliver('M-1', 'd')).toBe('sent');
    expect(socket.sent[0]).toBe('a');
    expect(JSON.parse(socket.sent[1])).toEqual({ type: 'subscribed', data: { machines: ['M-1'] }, timestamp: expect.any(String) });
    expect(socket.sent[2]).toBe('d');
  });

  it('answers malformed input with VALIDATION_FAILED and keeps its filter and the socket', () => {
    const { socket, live } = client();
    live.receive(Buffer.from(JSON.stringify({ subscribe: ['M-1'] })), false);
    live.receive(Buffer.from('{"subscribe": 3}'), false);
    live.receive(Buffer.from([1, 2, 3]), true);
    expect(socket.sent.slice(1).map((text): unknown => JSON.parse(text))).toEqual([
      { type: 'error', data: { error_code: 'VALIDATION_FAILED', message: expect.any(String) }, timestamp: expect.any(String) },
      { type: 'error', data: { error_code: 'VALIDATION_FAILED', message: expect.any(String) }, timestamp: expect.any(String) },
    ]);
    expect(live.machines).toEqual(['M-1']);
    expect(socket.closes).toEqual([]);
  });

  it('closes with 1013 instead of queueing more once over 1 MB is unsent', () => {
    const { socket, live } = client();
    socket.bufferedAmount = DEFAULT_LIVE_SOCKET_OPTIONS.maxBufferedBytes;
    expect(live.deliver('M-1', 'a')).toBe('sent');
    socket.bufferedAmount = DEFAULT_LIVE_SOCKET_OPTIONS.maxBufferedBytes + 1;
    expect(live.deliver('M-1', 'b')).toBe('too_slow');
    expect(socket.closes).toEqual([[CLOSE_TRY_AGAIN_LATER, expect.any(String)]]);
    expect(live.deliver('M-1', 'c')).toBe('closed');
    expect(socket.sent).toEqual(['a']);
  });

  it('closes with 4401 when its credentials stop being valid, once, and sends nothing after', () => {
    const { socket, live } = client();

    expect(live.closeUnauthorized('API key revoked')).toBe(true);
    expect(live.closeUnauthorized('Token expired')).toBe(false);

    expect(socket.closes).toEqual([[CLOSE_UNAUTHORIZED, 'API key revoked']]);
    expect(live.deliver('M-1', 'a')).toBe('closed');
    expect(socket.sent).toEqual([]);
  });

  it('pings on each heartbeat and cuts off a client that missed the previous ping', () => {
    const { socket, live } = client();
    expect(live.heartbeat()).toBe(true);
    live.pong();
    expect(live.heartbeat()).toBe(true);
    expect(socket.pings).toBe(2);
    expect(live.heartbeat()).toBe(false);
    expect(socket.terminated).toBe(true);
  });
});
