import { ErrorCode } from '@shopfloor/contracts';
import { WebSocket, type RawData } from 'ws';
import type { Principal } from '../auth/principal';
import type { LiveChannel } from './live-channel';
import type { LiveSocketOptions } from './live-socket.options';
import { parseSubscribeRequest, type MachineSelection } from './subscribe-request.parser';

/** The part of a `ws` socket a client uses (a narrow type keeps the client testable without a network). */
export type LiveSocket = Pick<WebSocket, 'readyState' | 'bufferedAmount' | 'send' | 'close' | 'terminate' | 'ping'>;

/** RFC 6455 §7.4.1 / IANA close code 1013 "Try Again Later": used for a client that cannot keep up. */
export const CLOSE_TRY_AGAIN_LATER = 1013;

/**
 * The credentials the socket was opened with are no longer accepted (the API key revoked, the token expired):
 * RFC 6455 §7.4.2 leaves 4000–4999 to applications, and 4401 mirrors HTTP 401 as graphql-ws does, so a client knows
 * to reconnect with new credentials rather than retry with the old ones.
 */
export const CLOSE_UNAUTHORIZED = 4401;

export type DeliveryOutcome = 'sent' | 'filtered' | 'too_slow' | 'closed';

/** What the gateway itself says to a client, shaped like every live message. */
interface ControlMessage {
  type: 'subscribed' | 'error';
  data: Record<string, unknown>;
  timestamp: string;
}

/** One connected WebSocket: which channel it is on, which machines it wants, and whether it still answers pings. */
export class LiveClient {
  /** null: every machine. */
  private selection: ReadonlySet<string> | null = null;
  private awaitingPong = false;

  constructor(
    readonly socket: LiveSocket,
    readonly channel: LiveChannel,
    readonly principal: Principal,
    /** The upgrade request's correlation id, on every log line about this connection. */
    readonly requestId: string,
    private readonly options: LiveSocketOptions,
  ) {}

  get machines(): MachineSelection {
    return this.selection === null ? '*' : [...this.selection];
  }

  /** A message without a machine id reaches only clients that want every machine. */
  wants(machineId: string | undefined): boolean {
    return this.selection === null || (machineId !== undefined && this.selection.has(machineId));
  }

  /** Sends an already-serialised live message if the client wants that machine and keeps up with what it is sent. */
  deliver(machineId: string | undefined, text: string): DeliveryOutcome {
    if (this.socket.readyState !== WebSocket.OPEN) return 'closed';
    if (!this.wants(machineId)) return 'filtered';
    return this.send(text);
  }

  /** A message from the client: a valid subscribe replaces its filter; anything else gets an error and the socket stays open. */
  receive(data: RawData, isBinary: boolean): void {
    if (isBinary) {
      this.reply('error', { error_code: ErrorCode.ValidationFailed, message: 'Send text frames holding JSON, e.g. {"subscribe": ["M-001"]}' });
      return;
    }
    const result = parseSubscribeRequest(rawDataToString(data), this.options);
    if (!result.ok) {
      this.reply('error', { error_code: ErrorCode.ValidationFailed, message: result.message });
      return;
    }
    this.selection = result.machines === '*' ? null : new Set(result.machines);
    this.reply('subscribed', { machines: result.machines });
  }

  /** One heartbeat tick: false (and the socket cut off) when the previous ping went unanswered. */
  heartbeat(): boolean {
    if (this.awaitingPong) {
      this.socket.terminate();
      return false;
    }
    if (this.socket.readyState !== WebSocket.OPEN) return true;
    this.awaitingPong = true;
    this.socket.ping();
    return true;
  }

  pong(): void {
    this.awaitingPong = false;
  }

  /** Ends the connection because its credentials stopped being valid; false when it was already closing. */
  closeUnauthorized(reason: string): boolean {
    if (this.socket.readyState !== WebSocket.OPEN) return false;
    this.socket.close(CLOSE_UNAUTHORIZED, reason);
    return true;
  }

  private reply(type: ControlMessage['type'], data: ControlMessage['data']): void {
    if (this.socket.readyState !== WebSocket.OPEN) return;
    const message: ControlMessage = { type, data, timestamp: new Date().toISOString() };
    this.send(JSON.stringify(message));
  }

  /** Closes instead of queueing without bound: a client that does not read would otherwise grow the gateway's memory. */
  private send(text: string): DeliveryOutcome {
    if (this.socket.bufferedAmount > this.options.maxBufferedBytes) {
      this.socket.close(CLOSE_TRY_AGAIN_LATER, 'Too slow: unread messages piled up');
      return 'too_slow';
    }
    this.socket.send(text);
    return 'sent';
  }
}

function rawDataToString(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.from(data).toString('utf8');
}
