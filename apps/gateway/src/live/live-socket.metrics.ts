import { Injectable } from '@nestjs/common';
import { MetricsRegistry } from '@shopfloor/observability';
import { Counter, Gauge } from 'prom-client';
import { LIVE_CHANNELS, type LiveChannel } from './live-channel';

export type EvictionReason = 'too_slow' | 'no_pong' | 'revoked' | 'expired';

/** Connected WebSocket clients per channel, and the clients the gateway had to drop. */
@Injectable()
export class LiveSocketMetrics {
  private readonly clients: Gauge<'channel'>;
  private readonly evictions: Counter<'channel' | 'reason'>;

  constructor(metrics: MetricsRegistry) {
    this.clients = new Gauge({
      name: 'gateway_websocket_clients',
      help: 'WebSocket clients connected to this gateway replica, by channel',
      labelNames: ['channel'] as const,
      registers: [metrics.registry],
    });
    for (const channel of LIVE_CHANNELS) this.clients.set({ channel }, 0);
    this.evictions = new Counter({
      name: 'gateway_websocket_evictions_total',
      help: 'WebSocket clients closed by the gateway: too slow, no longer answering pings, API key revoked or token expired',
      labelNames: ['channel', 'reason'] as const,
      registers: [metrics.registry],
    });
  }

  connected(channel: LiveChannel): void {
    this.clients.inc({ channel });
  }

  disconnected(channel: LiveChannel): void {
    this.clients.dec({ channel });
  }

  evicted(channel: LiveChannel, reason: EvictionReason): void {
    this.evictions.inc({ channel, reason });
  }
}
