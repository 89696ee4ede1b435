import { Logger } from '@nestjs/common';
import { Server, type CustomTransportStrategy, type MessageHandler } from '@nestjs/microservices';
import { context as otelContext, SpanStatusCode, trace } from '@opentelemetry/api';
import { DomainError, ErrorCode, isDependencyOutage, type DomainErrorShape } from '@shopfloor/contracts';
import { requestContext, acceptOrCreateRequestId, type MetricsRegistry } from '@shopfloor/observability';
import { randomUUID } from 'node:crypto';
import { JSONCodec, type Msg, type NatsConnection, type ObjectStore, type Subscription } from 'nats';
import { lastValueFrom } from 'rxjs';
import { JsonText, OK_REPLY_PREFIX } from './json-text';
import { incomingContext } from './message-headers';
import { HEADER_ALLOWANCE, type RpcReply } from './rpc-client';
import { openReplyBucket } from './upload-bucket';

const codec = JSONCodec<unknown>();
const tracer = trace.getTracer('shopfloor-nats');

/**
 * Nest transport for request/reply over core NATS. Every `@MessagePattern` subject is subscribed in the service's
 * queue group, so N replicas share the load and each request is answered once. Handlers run in the caller's
 * correlation and trace context; domain errors travel back as data, anything else as INTERNAL_ERROR.
 * On close it stops taking requests and waits for the ones in flight.
 */
export class NatsRpcServer extends Server implements CustomTransportStrategy {
  private readonly log = new Logger(NatsRpcServer.name);
  private readonly subscriptions: Subscription[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private replyBucket?: Promise<ObjectStore>;

  constructor(
    private readonly connection: NatsConnection,
    private readonly queueGroup: string,
    private readonly metrics: MetricsRegistry,
    private readonly drainTimeoutMs: number,
  ) {
    super();
  }

  listen(callback: (...optionalParams: unknown[]) => void): void {
    for (const [subject, handler] of this.messageHandlers) {
      if (handler.isEventHandler) continue; // data events go through JetStream consumers, not here
      const subscription = this.connection.subscribe(subject, {
        queue: this.queueGroup,
        callback: (error, msg) => {
          if (error) {
            this.log.error({ message: 'NATS subscription error', subject, err: error });
            return;
          }
          const work = this.handle(subject, handler, msg).finally(() => this.inFlight.delete(work));
          this.inFlight.add(work);
        },
      });
      this.subscriptions.push(subscription);
    }
    callback();
  }

  async close(): Promise<void> {
    await Promise.all(this.subscriptions.filter((s) => !s.isClosed()).map((s) => s.drain().catch(() => undefined)));
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.allSettled([...this.inFlight]),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, this.drainTimeoutMs);
      }),
    ]);
    clearTimeout(timer);
  }

  on(): void {
    throw new Error('NatsRpcServer does not emit events');
  }

  unwrap<T>(): T {
    return this.connection as T;
  }

  private async handle(subject: string, handler: MessageHandler, msg: Msg): Promise<void> {
    const incoming = incomingContext(msg.headers);
    const requestId = acceptOrCreateRequestId(incoming.requestId);
    const stop = this.metrics.natsHandlerDuration.startTimer({ subject, kind: 'rpc' });
    const started = performance.now();
    await requestContext.run({ requestId }, () =>
      otelContext.with(incoming.traceContext, () =>
        tracer.startActiveSpan(`rpc ${subject}`, async (span) => {
          let reply: RpcReply<unknown>;
          try {
            const payload = msg.data.length > 0 ? codec.decode(msg.data) : {};
            const result: unknown = await lastValueFrom(this.transformToObservable(await handler(payload, { subject, requestId })), {
              defaultValue: null,
            });
            reply = { ok: true, data: result };
            stop({ outcome: 'ok' });
          } catch (error) {
            reply = { ok: false, error: this.toErrorShape(subject, error) };
            stop({ outcome: reply.error.code === ErrorCode.InternalError ? 'error' : 'rejected' });
            span.setStatus({ code: SpanStatusCode.ERROR, message: reply.error.code });
          } finally {
            span.end();
          }
          if (msg.reply) await this.respond(subject, msg, reply);
          // One line per request served, in the caller's correlation context (pings only at debug level).
          const line = { message: `rpc ${subject} ${reply.ok ? 'ok' : reply.error.code}`, subject, duration_ms: Math.round(performance.now() - started) };
          if (subject.endsWith('.health.ping')) this.log.debug(line);
          else this.log.log(line);
        }),
      ),
    );
  }

  /**
   * Sends the reply. One larger than a message may be waits in the reply bucket and the caller is sent its name; if
   * even that fails, the caller hears so at once, never silence.
   */
  private async respond(subject: string, msg: Msg, reply: RpcReply<unknown>): Promise<void> {
    const data = encodeReply(reply);
    try {
      if (data.length <= (this.connection.info?.max_payload ?? 1024 * 1024) - HEADER_ALLOWANCE) {
        msg.respond(data);
        return;
      }
      const name = randomUUID();
      const bucket = await (this.replyBucket ??= openReplyBucket(this.connection).catch((error: unknown) => {
        this.replyBucket = undefined;
        throw error;
      }));
      await bucket.putBlob({ name }, data);
      msg.respond(codec.encode({ ok: true, object: name }));
    } catch (error) {
      this.log.error({ message: `Could not send the reply to ${subject}`, err: error });
      const fallback: RpcReply<unknown> = {
        ok: false,
        error: { code: ErrorCode.ServiceUnavailable, message: 'The answer could not be passed on; try again', details: { bytes: data.length } },
      };
      try {
        msg.respond(codec.encode(fallback));
      } catch {
        // The connection is gone; the caller times out with 503.
      }
    }
  }

  private toErrorShape(subject: string, error: unknown): DomainErrorShape {
    if (error instanceof DomainError) return error.toShape();
    if (error instanceof SyntaxError) {
      return { code: ErrorCode.ValidationFailed, message: 'Message body is not valid JSON', details: null, field_errors: [] };
    }
    // A database, source, cache or NATS outage is the caller's 503 (try again), not a fault of the handler; what
    // failed stays in this service's log, out of the answer.
    if (isDependencyOutage(error)) {
      this.log.warn({ message: `A dependency is unavailable for ${subject}`, err: error });
      return { code: ErrorCode.ServiceUnavailable, message: 'A dependency of the service is unavailable; try again shortly', details: null };
    }
    this.log.error({ message: `Unhandled error in handler for ${subject}`, err: error });
    return { code: ErrorCode.InternalError, message: 'Internal error', details: null };
  }
}

function encodeReply(reply: RpcReply<unknown>): Uint8Array {
  if (reply.ok && reply.data instanceof JsonText) return Buffer.from(`${OK_REPLY_PREFIX}${reply.data.text}}`, 'utf8');
  return codec.encode(reply);
}
