import { Injectable, Logger } from '@nestjs/common';
import { connect, Events, type NatsConnection } from 'nats';
import type { NatsOptions } from './nats-options';

const CONNECT_TIMEOUT_MS = 5000;

/** Thrown when NATS cannot be reached at start; the message names the URL and how to get it running. */
export class NatsUnreachableError extends Error {
  constructor(url: string, cause: unknown) {
    super(
      `NATS is not reachable at ${url} (${cause instanceof Error ? cause.message : String(cause)}). ` +
        'Start a NATS server with JetStream enabled (nats-server -js) or set NATS_URL.',
    );
    this.name = NatsUnreachableError.name;
  }
}

/** Opens the service's NATS connection: reconnects forever once up, and drains on shutdown. */
export async function openNatsConnection(options: NatsOptions): Promise<NatsConnection> {
  try {
    return await connect({
      servers: options.url.split(','),
      name: options.name,
      user: options.user,
      pass: options.password,
      token: options.token,
      timeout: CONNECT_TIMEOUT_MS,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 1000,
      pingInterval: 10_000,
      // No stack trace captured per request and publish: a large share of a small request's cost, for errors that name their subject anyway.
      noAsyncTraces: true,
    });
  } catch (error) {
    throw new NatsUnreachableError(options.url.replace(/\/\/[^@/]*@/, '//'), error);
  }
}

/** Holds the connection for the rest of the process, logs its status changes, and drains it at the end. */
@Injectable()
export class NatsConnectionHolder {
  private readonly logger = new Logger(NatsConnectionHolder.name);

  constructor(readonly connection: NatsConnection) {
    void this.watchStatus();
  }

  /** Readiness: the connection is open and the server answers a round trip. */
  async check(): Promise<void> {
    if (this.connection.isClosed() || this.connection.isDraining()) throw new Error('NATS connection closed');
    await this.connection.flush();
  }

  async drain(): Promise<void> {
    if (this.connection.isClosed() || this.connection.isDraining()) return;
    await this.connection.drain();
  }

  private async watchStatus(): Promise<void> {
    for await (const status of this.connection.status()) {
      if (status.type === Events.Disconnect || status.type === Events.Reconnect || status.type === Events.Error) {
        this.logger.warn({ message: `NATS ${status.type}`, nats_status: status.type, data: JSON.stringify(status.data) });
      }
    }
  }
}
