import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedNotice {
  deliveryId: string;
  event: string;
  alertId: string;
  machineId: string;
}

/** A receiver of the platform's JSON webhooks that keeps every call, repeats included. */
export class WebhookSink {
  readonly calls: ReceivedNotice[] = [];
  private server?: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        try {
          const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { delivery_id: string; event: string; alert: { id: string; machine_id: string } };
          this.calls.push({ deliveryId: body.delivery_id, event: body.event, alertId: body.alert.id, machineId: body.alert.machine_id });
          response.writeHead(204).end();
        } catch {
          response.writeHead(400).end();
        }
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
  }

  /** Per alert of `machineId`: the distinct deliveries of each event, and how many calls repeated one. */
  noticesOf(machineId: string): Map<string, { events: Map<string, Set<string>>; calls: number }> {
    const byAlert = new Map<string, { events: Map<string, Set<string>>; calls: number }>();
    for (const call of this.calls.filter((c) => c.machineId === machineId)) {
      const entry = byAlert.get(call.alertId) ?? { events: new Map<string, Set<string>>(), calls: 0 };
      entry.calls += 1;
      const ids = entry.events.get(call.event) ?? new Set<string>();
      ids.add(call.deliveryId);
      entry.events.set(call.event, ids);
      byAlert.set(call.alertId, entry);
    }
    return byAlert;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
