import { Inject, Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, type DomainErrorShape } from '@shopfloor/contracts';
import { ErrorCode as NatsErrorCode, JSONCodec, NatsError, type ObjectStore } from 'nats';
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

/**
 * Request/reply over core NATS. A subject nobody listens on fails at once (no responders); one that does not answer
 * within the timeout fails then. Both surface as SERVICE_UNAVAILABLE; a handler's domain error comes back as itself.
 */
@Injectable()
export class RpcClient {
  private replyBucket?: Promise<ObjectStore>;

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
      throw new DomainError(ErrorCode.PayloadTooLarge, `The request is too large to pass on (${data.length} bytes as JSON; at most ${limit})`, { bytes: data.length, limit });
    }
    try {
      const msg = await this.nats.connection.request(subject, data, {
        timeout: timeoutMs,
        headers: outgoingHeaders(),
      });
      const raw = Buffer.from(msg.data.buffer, msg.data.byteOffset, msg.data.byteLength);
      return raw.subarray(0, OBJECT_PREFIX.length).equals(OBJECT_PREFIX) ? await this.collect(raw) : raw;
    } catch (error) {
      throw error instanceof DomainError ? error : toUnavailable(error, subject.split('.')[0], subject);
    }
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

function toUnavailable(error: unknown, service: string, subject: string): DomainError {
  const reason =
    error instanceof NatsError && error.code === (NatsErrorCode.NoResponders as string)
      ? 'no instance is running'
      : error instanceof NatsError && error.code === (NatsErrorCode.Timeout as string)
        ? 'it did not answer in time'
        : 'the message bus is not reachable';
  return new DomainError(ErrorCode.ServiceUnavailable, `The ${service} service is unavailable: ${reason}`, { service, subject });
}
