import { Inject, Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, type DomainErrorShape } from '@shopfloor/contracts';
import { ErrorCode as NatsErrorCode, JSONCodec, NatsError } from 'nats';
import { outgoingHeaders } from './message-headers';
import { NatsConnectionHolder } from './nats-connection';
import { NATS_OPTIONS, type NatsOptions } from './nats-options';

/** What an RPC handler answers on the wire. */
export type RpcReply<T> = { ok: true; data: T } | { ok: false; error: DomainErrorShape };

const codec = JSONCodec<unknown>();

/**
 * Request/reply over core NATS. A subject nobody listens on fails at once (no responders); one that does not answer
 * within the timeout fails then. Both surface as SERVICE_UNAVAILABLE; a handler's domain error comes back as itself.
 */
@Injectable()
export class RpcClient {
  constructor(
    private readonly nats: NatsConnectionHolder,
    @Inject(NATS_OPTIONS) private readonly options: NatsOptions,
  ) {}

  async request<TReply>(subject: string, payload: unknown, timeoutMs = this.options.rpcTimeoutMs): Promise<TReply> {
    const service = subject.split('.')[0];
    let raw: Uint8Array;
    try {
      const msg = await this.nats.connection.request(subject, codec.encode(payload ?? {}), {
        timeout: timeoutMs,
        headers: outgoingHeaders(),
      });
      raw = msg.data;
    } catch (error) {
      throw toUnavailable(error, service, subject);
    }
    const reply = codec.decode(raw) as RpcReply<TReply>;
    if (reply.ok) return reply.data;
    throw DomainError.fromShape(reply.error);
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
