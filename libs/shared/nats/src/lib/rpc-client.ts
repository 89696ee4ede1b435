import { Inject, Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, type DomainErrorShape } from '@shopfloor/contracts';
import { createInbox, ErrorCode as NatsErrorCode, JSONCodec, NatsError, type Msg, type NatsConnection, type ObjectStore, type Subscription } from 'nats';
import { OBJECT_REPLY_PREFIX, OK_REPLY_PREFIX } from './json-text';
import { outgoingHeaders } from './message-headers';
import { NatsConnectionHolder } from './nats-connection';
import { NATS_OPTIONS, type NatsOptions } from './nats-options';
import { openReplyBucket } from './upload-bucket';

/** JSON bytes of a reply passed on unparsed, typed by what they hold (for the API document and the reader). */
export type JsonBytes<T> = Buffer & { readonly json?: T };

/** What an RPC handler answers on the wire. */
export type RpcReply<T> = { ok: true; data: T } | { ok: false; error: DomainErrorShape };

const codec = JSONCodec<unknown>();
const OK_PREFIX = Buffer.from(OK_REPLY_PREFIX, 'utf8');
const OBJECT_PREFIX = Buffer.from(OBJECT_REPLY_PREFIX, 'utf8');
const CLOSING_BRACE = 0x7d;
/** NATS's default max_payload, used until the server has said its own. */
const DEFAULT_MAX_PAYLOAD = 1024 * 1024;
/** Room for the headers (request id, trace context) that travel with a request or reply. */
export const HEADER_ALLOWANCE = 4096;
/** NATS core's answer, with no payload, to a request nobody subscribes to (when the client asked for it at CONNECT). */
const NO_RESPONDERS = 503;

type Outcome = 'no_responders' | 'timeout';

interface Waiting {
  subject: string;
  resolve: (msg: Msg) => void;
  reject: (error: DomainError) => void;
  timer: NodeJS.Timeout;
}

/**
 * Request/reply over core NATS. A subject nobody listens on fails at once (no responders); one that does not answer
 * within the timeout fails then. Both surface as SERVICE_UNAVAILABLE; a handler's domain error comes back as itself.
 *
 * Replies come to one wildcard inbox of this client's, as with the NATS client's own `request`, but matched here: the
 * client's request object builds an error with a stack trace (its "cancelled") after every answer, even one that
 * arrived, a measurable share of a small request's cost.
 */
@Injectable()
export class RpcClient {
  private replyBucket?: Promise<ObjectStore>;
  private inbox?: { connection: NatsConnection; prefix: string; subscription: Subscription };
  private readonly waiting = new Map<string, Waiting>();
  private sent = 0;

  constructor(
    private readonly nats: NatsConnectionHolder,
    @Inject(NATS_OPTIONS) private readonly options: NatsOptions,
  ) {}

  async request<TReply>(subject: string, payload: unknown, timeoutMs = this.options.rpcTimeoutMs): Promise<TReply> {
    const reply = codec.decode(await this.exchange(subject, payload, timeoutMs)) as RpcReply<TReply>;
    if (reply.ok) return reply.data;
    throw DomainError.fromShape(reply.error);
  }

  /**
   * The answer as JSON bytes, for passing on as they are (an HTTP body): a successful reply is not parsed, only its
   * `data` cut out. Errors come back as from `request`.
   */
  async requestJson<TReply>(subject: string, payload: unknown, timeoutMs = this.options.rpcTimeoutMs): Promise<JsonBytes<TReply>> {
    const raw = await this.exchange(subject, payload, timeoutMs);
    if (raw.length > OK_PREFIX.length && OK_PREFIX.equals(raw.subarray(0, OK_PREFIX.length)) && raw[raw.length - 1] === CLOSING_BRACE) {
      // A copy, so the body does not pin the connection's read buffer.
      return Buffer.from(raw.subarray(OK_PREFIX.length, raw.length - 1));
    }
    const reply = codec.decode(raw) as RpcReply<unknown>;
    if (reply.ok) return Buffer.from(JSON.stringify(reply.data) ?? 'null', 'utf8');
    throw DomainError.fromShape(reply.error);
  }

  private async exchange(subject: string, payload: unknown, timeoutMs: number): Promise<Buffer> {
    const data = codec.encode(payload ?? {});
    // A request the bus cannot carry is the caller's to make smaller, not an outage: say so before trying.
    const limit = (this.nats.connection.info?.max_payload ?? DEFAULT_MAX_PAYLOAD) - HEADER_ALLOWANCE;
    if (data.length > limit) {
      throw new DomainError(ErrorCode.PayloadTooLarge, `The request is too large to pass on (${data.length} bytes as JSON; at most ${limit})`, {
        bytes: data.length,
        limit,
      });
    }
    try {
      const msg = await this.send(subject, data, timeoutMs);
      const raw = Buffer.from(msg.data.buffer, msg.data.byteOffset, msg.data.byteLength);
      return raw.subarray(0, OBJECT_PREFIX.length).equals(OBJECT_PREFIX) ? await this.collect(raw) : raw;
    } catch (error) {
      throw error instanceof DomainError ? error : toUnavailable(error, subject.split('.')[0], subject);
    }
  }

  /** Publishes the request with a reply subject in this client's inbox, and waits for the reply there. */
  private send(subject: string, data: Uint8Array, timeoutMs: number): Promise<Msg> {
    const connection = this.nats.connection;
    if (this.inbox?.connection !== connection || this.inbox.subscription.isClosed()) {
      const prefix = createInbox();
      const subscription = connection.subscribe(`${prefix}.*`, { callback: (error, msg) => (error ? undefined : this.settle(msg)) });
      this.inbox = { connection, prefix, subscription };
    }
    this.sent += 1;
    const reply = `${this.inbox.prefix}.${this.sent.toString(36)}`;
    return new Promise<Msg>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(reply);
        reject(unavailable('timeout', subject));
      }, timeoutMs);
      this.waiting.set(reply, { subject, resolve, reject, timer });
      try {
        connection.publish(subject, data, { reply, headers: outgoingHeaders() });
      } catch (error) {
        clearTimeout(timer);
        this.waiting.delete(reply);
        reject(toUnavailable(error, subject.split('.')[0], subject));
      }
    });
  }

  private settle(msg: Msg): void {
    const waiting = this.waiting.get(msg.subject);
    if (!waiting) return; // answered after its timeout
    this.waiting.delete(msg.subject);
    clearTimeout(waiting.timer);
    if (msg.data.length === 0 && msg.headers?.code === NO_RESPONDERS) waiting.reject(unavailable('no_responders', waiting.subject));
    else waiting.resolve(msg);
  }

  /** An answer too large for a message waits in the reply bucket: read it once, then remove it. */
  private async collect(pointer: Buffer): Promise<Buffer> {
    const { object } = codec.decode(pointer) as { object: string };
    const bucket = await (this.replyBucket ??= openReplyBucket(this.nats.connection).catch((error: unknown) => {
      this.replyBucket = undefined;
      throw error;
    }));
    const data = await bucket.getBlob(object);
    await bucket.delete(object).catch(() => undefined); // it expires anyway
    if (!data) throw new DomainError(ErrorCode.ServiceUnavailable, 'The answer expired before it could be read; try again', { object });
    return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  }
}

function unavailable(outcome: Outcome, subject: string): DomainError {
  const service = subject.split('.')[0];
  const reason = outcome === 'no_responders' ? 'no instance is running' : 'it did not answer in time';
  return new DomainError(ErrorCode.ServiceUnavailable, `The ${service} service is unavailable: ${reason}`, { service, subject });
}

function toUnavailable(error: unknown, service: string, subject: string): DomainError {
  const reason =
    error instanceof NatsError && error.code === (NatsErrorCode.NoResponders as string)
      ? 'no instance is running'
      : error instanceof NatsError && error.code === (NatsErrorCode.Timeout as string)
        ? 'it did not answer in time'
        : 'the message bus is not reachable';
  return new DomainError(ErrorCode.ServiceUnavailable, `The ${service} service is unavailable: ${reason}`, { service, subject });
}
