import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { DomainError, ErrorCode } from '@shopfloor/contracts';
import { acceptOrCreateRequestId, requestContext } from '@shopfloor/observability';
import { PeriodicTask } from '@shopfloor/util';
import type { IncomingMessage, Server } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import { ApiKeyRevocationsService } from '../auth/api-key-revocations.service';
import type { Principal } from '../auth/principal';
import { errorBody, statusForCode } from '../http/error-body';
import { loggableError } from '../http/loggable-error';
import { replayAsHttpRequest } from './http-request.replay';
import { LiveAuthService } from './live-auth.service';
import { liveChannelOf, type LiveChannel } from './live-channel';
import { LiveClient } from './live-client';
import { LiveSocketMetrics, type EvictionReason } from './live-socket.metrics';
import { LIVE_SOCKET_OPTIONS, type LiveSocketOptions } from './live-socket.options';
import { writeUpgradeError } from './upgrade-error.response';

/** RFC 6455 §7.4.1: 1001 "going away", the server is shutting down. */
const CLOSE_GOING_AWAY = 1001;

/**
 * `/ws/machine-status`, `/ws/alerts` and `/ws/predictions` on the gateway's own HTTP server: authenticates the upgrade
 * as REST does, keeps the connected clients per channel, pings them, and hands each live message to the clients that
 * want it.
 * A client's credentials are held to the same rules as a request's for as long as it stays connected: it is closed
 * with 4401 when its API key is revoked (on every replica, as soon as the revocation reaches it) or its token expires.
 * Plain `ws` on the server's `upgrade` event rather than Nest's WsAdapter, so a refused upgrade can answer 401 with
 * the public error body and every other path stays with Express.
 */
@Injectable()
export class LiveSocketGateway implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(LiveSocketGateway.name);
  private readonly wss: WebSocketServer;
  private readonly clients = new Map<WebSocket, LiveClient>();
  private readonly byChannel: Record<LiveChannel, Set<LiveClient>> = { 'machine-status': new Set(), alerts: new Set(), predictions: new Set() };
  private readonly requestIds = new WeakMap<IncomingMessage, string>();
  private httpServer?: Server;
  private heartbeat?: PeriodicTask;
  private stopListening?: () => void;
  private closing = false;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly auth: LiveAuthService,
    private readonly revocations: ApiKeyRevocationsService,
    private readonly metrics: LiveSocketMetrics,
    @Inject(LIVE_SOCKET_OPTIONS) private readonly options: LiveSocketOptions,
  ) {
    // maxPayload: a bigger client message makes ws close the socket with 1009 (RFC 6455 §7.4.1).
    this.wss = new WebSocketServer({ noServer: true, clientTracking: false, perMessageDeflate: false, maxPayload: options.maxMessageBytes });
    this.wss.on('headers', (headers: string[], req: IncomingMessage) => {
      const requestId = this.requestIds.get(req);
      if (requestId) headers.push(`X-Request-Id: ${requestId}`);
    });
  }

  onApplicationBootstrap(): void {
    const server = this.adapterHost.httpAdapter?.getHttpServer() as Server | undefined;
    if (!server) {
      this.logger.warn({ message: 'No HTTP server to attach to; the live WebSocket endpoints are off' });
      return;
    }
    this.httpServer = server;
    this.stopListening = this.revocations.onRevoked((id) => this.closeClientsOf(id));
    server.on('upgrade', this.onUpgrade);
    this.heartbeat = new PeriodicTask(() => this.beat(), {
      intervalMs: this.options.heartbeatIntervalMs,
      onError: (error) => this.logger.error({ message: 'WebSocket heartbeat failed', err: loggableError(error) }),
    });
    this.heartbeat.start();
  }

  /** Whether any client is on the channel (lets the NATS side skip parsing messages nobody would get). */
  hasClients(channel: LiveChannel): boolean {
    return this.byChannel[channel].size > 0;
  }

  /** Sends one serialised live message to the channel's clients that want its machine. */
  broadcast(channel: LiveChannel, machineId: string | undefined, text: string): void {
    for (const client of this.byChannel[channel]) {
      if (client.deliver(machineId, text) === 'too_slow') {
        this.metrics.evicted(channel, 'too_slow');
        this.logger.warn({
          message: 'Closed a WebSocket client that could not keep up',
          channel,
          principal_id: client.principal.id,
          request_id: client.requestId,
        });
      }
    }
  }

  /** Before the HTTP server closes (it would otherwise wait for these sockets): refuse new upgrades, close every client with 1001. */
  async beforeApplicationShutdown(): Promise<void> {
    this.closing = true;
    this.httpServer?.off('upgrade', this.onUpgrade);
    this.stopListening?.();
    await this.heartbeat?.stop();
    const sockets = [...this.clients.keys()];
    if (sockets.length > 0) {
      const closed = Promise.all(
        sockets.map((ws) => new Promise<void>((resolve) => (ws.readyState === WebSocket.CLOSED ? resolve() : ws.once('close', () => resolve())))),
      );
      for (const ws of sockets) ws.close(CLOSE_GOING_AWAY, 'Gateway shutting down');
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([closed, new Promise<void>((resolve) => (timer = setTimeout(resolve, this.options.shutdownGraceMs)))]);
      clearTimeout(timer);
      for (const ws of sockets) if (ws.readyState !== WebSocket.CLOSED) ws.terminate();
      this.logger.log({ message: 'Closed the live WebSocket clients', clients: sockets.length });
    }
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private readonly onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const channel = liveChannelOf(req.url);
    if (!channel || !isWebSocketUpgrade(req)) {
      // Not ours. Alone on `upgrade`, we give it back to Express (its routes, its 404); otherwise another listener owns it.
      if (this.httpServer && this.httpServer.listenerCount('upgrade') === 1) replayAsHttpRequest(this.httpServer, req, socket as Socket, head);
      return;
    }
    const requestId = acceptOrCreateRequestId(req.headers['x-request-id']);
    requestContext.run({ requestId }, () => {
      this.accept(req, socket, head, channel, requestId).catch((error: unknown) => {
        // As on REST (HttpErrorFilter): an unexpected failure, e.g. the key store unreachable, is a 500 with the public body.
        this.logger.error({ message: 'WebSocket upgrade failed', channel, err: loggableError(error) });
        writeUpgradeError(socket, 500, errorBody({ code: ErrorCode.InternalError, message: 'Internal error', requestId }));
      });
    });
  };

  private async accept(req: IncomingMessage, socket: Duplex, head: Buffer, channel: LiveChannel, requestId: string): Promise<void> {
    // Node detaches its own error listener from an upgraded socket; without one, a reset during auth would crash the process.
    const onEarlyError = (error: Error): void => this.logger.debug({ message: 'Socket error before the WebSocket handshake completed', reason: error.message });
    socket.on('error', onEarlyError);
    let principal: Principal;
    try {
      principal = await this.auth.authenticate(req);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      this.logger.log({ message: 'WebSocket upgrade refused', channel, error_code: error.code, remote_address: req.socket.remoteAddress });
      writeUpgradeError(socket, statusForCode(error.code), errorBody({ code: error.code, message: error.message, details: error.details, requestId }));
      return;
    }
    if (socket.destroyed) return;
    if (this.closing) {
      writeUpgradeError(socket, 503, errorBody({ code: ErrorCode.ServiceUnavailable, message: 'The gateway is shutting down; connect again', requestId }));
      return;
    }
    socket.off('error', onEarlyError);
    this.requestIds.set(req, requestId);
    this.wss.handleUpgrade(req, socket, head, (ws) => this.register(ws, channel, principal, requestId));
  }

  private register(ws: WebSocket, channel: LiveChannel, principal: Principal, requestId: string): void {
    const client = new LiveClient(ws, channel, principal, requestId, this.options);
    const fields = { channel, principal_id: principal.id, via: principal.via, request_id: requestId };
    const expiresAt = principal.expiresAt?.getTime();
    const expiry = expiresAt === undefined ? undefined : setTimeout(() => this.evict(client, 'expired', 'Token expired'), Math.max(0, expiresAt - Date.now()));
    expiry?.unref();
    this.clients.set(ws, client);
    this.byChannel[channel].add(client);
    this.metrics.connected(channel);
    ws.on('message', (data, isBinary) => client.receive(data, isBinary));
    ws.on('pong', () => client.pong());
    // ws closes the socket itself after an error (1009 for an oversized message, 1002 for a protocol error).
    ws.on('error', (error) => this.logger.log({ message: 'WebSocket client error', ...fields, reason: error.message }));
    ws.once('close', (code: number) => {
      clearTimeout(expiry);
      this.clients.delete(ws);
      this.byChannel[channel].delete(client);
      this.metrics.disconnected(channel);
      this.logger.log({ message: 'WebSocket client disconnected', ...fields, code });
    });
    this.logger.log({ message: 'WebSocket client connected', ...fields, clients: this.byChannel[channel].size });
    if (this.closing) ws.close(CLOSE_GOING_AWAY, 'Gateway shutting down');
    // Revoked while the upgrade was being authenticated: the revocation found no socket to close yet.
    else if (this.revocations.knownRevoked(principal.id)) this.evict(client, 'revoked', 'API key revoked');
  }

  /** Every client of the key or of a token minted from it, on any channel. */
  private closeClientsOf(keyId: string): void {
    for (const client of this.clients.values()) if (client.principal.id === keyId) this.evict(client, 'revoked', 'API key revoked');
  }

  private evict(client: LiveClient, reason: Extract<EvictionReason, 'revoked' | 'expired'>, text: string): void {
    if (!client.closeUnauthorized(text)) return;
    this.metrics.evicted(client.channel, reason);
    this.logger.log({
      message: `Closed a WebSocket client: ${text}`,
      channel: client.channel,
      principal_id: client.principal.id,
      via: client.principal.via,
      request_id: client.requestId,
    });
  }

  /**
   * Asks again, on each heartbeat, whether the keys of the connected clients are still active. Answers come from the
   * credential cache while fresh, so this costs a query per key and cache lifetime at most; a revocation whose NATS
   * message this replica missed is found here and closes the key's clients through the revocation listener.
   */
  private recheckKeys(): void {
    const keyIds = new Set([...this.clients.values()].map((client) => client.principal.id));
    for (const keyId of keyIds) {
      this.revocations
        .isRevoked(keyId)
        .catch((error: unknown) =>
          this.logger.warn({ message: 'Could not recheck the API key of WebSocket clients', principal_id: keyId, err: loggableError(error) }),
        );
    }
  }

  private beat(): void {
    this.recheckKeys();
    for (const client of this.clients.values()) {
      if (!client.heartbeat()) {
        this.metrics.evicted(client.channel, 'no_pong');
        this.logger.warn({
          message: 'Dropped a WebSocket client that stopped answering pings',
          channel: client.channel,
          principal_id: client.principal.id,
          request_id: client.requestId,
        });
      }
    }
  }
}

function isWebSocketUpgrade(req: IncomingMessage): boolean {
  return (req.headers.upgrade ?? '').toLowerCase() === 'websocket';
}
