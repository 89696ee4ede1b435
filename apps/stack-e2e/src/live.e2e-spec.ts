import { randomUUID } from 'node:crypto';
import { JSONCodec, connect, type NatsConnection } from 'nats';
import request from 'supertest';
import WebSocket from 'ws';
import {
  SUBJECTS,
  type LiveMessage,
  type LiveStatusList,
  type MachineEventsAppended,
  type MachineLiveStatus,
  type MachinesUpserted,
} from '@shopfloor/contracts';
import { waitFor } from '@shopfloor/testing';
import { ADMIN_KEY, Stack } from './stack';

/** A WebSocket client that keeps every message it receives. */
type Received = Omit<LiveMessage<unknown>, 'type'> & { type: string };

class LiveClient {
  readonly messages: Received[] = [];
  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data: Buffer) => this.messages.push(JSON.parse(data.toString('utf8')) as Received));
  }

  static async open(url: string, headers: Record<string, string> = {}): Promise<LiveClient> {
    const socket = new WebSocket(url, { headers });
    const client = new LiveClient(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
      socket.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused with ${res.statusCode}`)));
    });
    return client;
  }

  async subscribe(machines: string[]): Promise<void> {
    this.socket.send(JSON.stringify({ subscribe: machines }));
    await waitFor('the subscription to be confirmed', () => this.messages.some((m) => m.type === 'subscribed'));
  }

  statuses(): MachineLiveStatus[] {
    return this.messages.filter((m) => m.type === 'machine_status').map((m) => m.data as MachineLiveStatus);
  }

  close(): void {
    this.socket.close();
  }
}

/**
 * Live status end to end: machine events on the SHOPFLOOR stream → analytics keeps each machine's status and
 * publishes every change → every gateway replica pushes it to its own WebSocket clients, filtered by their
 * subscriptions. Each client must get every change it subscribed to, once.
 */
describe('live machine status over WebSocket across gateway replicas', () => {
  const stack = new Stack();
  const run = randomUUID().slice(0, 8);
  const [machineA, machineB] = [`LIVE-A-${run}`, `LIVE-B-${run}`];
  const syncId = `e2e-live-${run}`;
  let nats: NatsConnection;
  let secondGateway = '';
  const clients: LiveClient[] = [];
  let token = '';

  const wsUrl = (base: string, query = '') => `${base.replace('http', 'ws')}/ws/machine-status${query}`;

  beforeAll(async () => {
    await stack.start({ LIVE_SILENCE_SECONDS: '3600' });
    secondGateway = await stack.addGateway();
    nats = await connect({ servers: stack.natsUrl });
    const res = await request(stack.gatewayUrl).post('/api/v1/auth/token').set('X-API-Key', ADMIN_KEY);
    token = (res.body as { access_token: string }).access_token;
    const machines: MachinesUpserted = {
      sync_id: syncId,
      records: [machineA, machineB].map((machine_id) => ({
        machine_id,
        name: machine_id,
        type: 'MILL',
        location: null,
        installation_date: null,
        specifications: null,
        source_updated_at: '2026-11-01T00:00:00.000Z',
      })),
    };
    await nats.jetstream().publish(SUBJECTS.shopfloor.machinesUpserted, JSONCodec().encode(machines), { msgID: `${syncId}-m` });
  }, 120_000);

  afterAll(async () => {
    for (const c of clients) c.close();
    await nats?.close();
    stack.kill();
    await stack.database?.drop();
  });

  it('refuses a WebSocket without credentials', async () => {
    await expect(LiveClient.open(wsUrl(stack.gatewayUrl))).rejects.toThrow(/401|1008|refused/);
  });

  it('pushes every change a client subscribed to, once, whichever replica it is connected to', async () => {
    const onlyA = await LiveClient.open(wsUrl(stack.gatewayUrl), { 'X-API-Key': ADMIN_KEY });
    const both = await LiveClient.open(wsUrl(secondGateway, `?api_key=${encodeURIComponent(ADMIN_KEY)}`));
    const everything = await LiveClient.open(wsUrl(secondGateway, `?token=${encodeURIComponent(token)}`));
    const onlyB = await LiveClient.open(wsUrl(stack.gatewayUrl), { Authorization: `Bearer ${token}` });
    clients.push(onlyA, both, everything, onlyB);
    await onlyA.subscribe([machineA]);
    await both.subscribe([machineA, machineB]);
    await onlyB.subscribe([machineB]);

    // Three batches, each a change: A starts running, A goes down, B becomes idle. Times are now, so nobody is silent.
    const t = Date.now();
    const batches: [string, string, number][] = [
      [machineA, 'RUNNING', t - 3000],
      [machineA, 'DOWN', t - 2000],
      [machineB, 'IDLE', t - 1000],
    ];
    for (const [i, [machine_id, state, at]] of batches.entries()) {
      const events: MachineEventsAppended = {
        sync_id: syncId,
        records: [
          {
            event_id: 9_000_000 + (Number.parseInt(run, 16) % 1_000_000) + i,
            machine_id,
            event_time: new Date(at).toISOString(),
            state: state as MachineEventsAppended['records'][number]['state'],
            reason_code: null,
            job_id: null,
            part_count: i,
          },
        ],
      };
      await nats.jetstream().publish(SUBJECTS.shopfloor.machineEventsAppended, JSONCodec().encode(events), { msgID: `${syncId}-e${i}` });
      // One change at a time, so that each is its own message.
      await waitFor(
        `change ${i} to reach the clients`,
        () => everything.statuses().filter((s) => s.machine_id === machine_id && s.state === state).length === 1,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));

    const seen = (client: LiveClient) =>
      client
        .statuses()
        .filter((s) => s.machine_id.endsWith(run))
        .map((s) => `${s.machine_id}:${s.state}`);
    expect(seen(onlyA)).toEqual([`${machineA}:RUNNING`, `${machineA}:DOWN`]);
    expect(seen(both)).toEqual([`${machineA}:RUNNING`, `${machineA}:DOWN`, `${machineB}:IDLE`]);
    expect(seen(everything)).toEqual([`${machineA}:RUNNING`, `${machineA}:DOWN`, `${machineB}:IDLE`]);
    expect(seen(onlyB)).toEqual([`${machineB}:IDLE`]);

    const live = (await request(secondGateway).get('/api/v1/analytics/live').set('X-API-Key', ADMIN_KEY)).body as LiveStatusList;
    expect(live.items.filter((i) => i.machine_id.endsWith(run)).map((i) => [i.machine_id, i.state])).toEqual([
      [machineA, 'DOWN'],
      [machineB, 'IDLE'],
    ]);
  });

  it('refuses a key revoked through one replica on every other replica at once, though they had it in memory', async () => {
    const created = await request(stack.gatewayUrl)
      .post('/api/v1/auth/api-keys')
      .set('X-API-Key', ADMIN_KEY)
      .send({ name: 'revoked elsewhere', role: 'viewer' });
    const { id, key } = created.body as { id: string; key: string };
    for (let i = 0; i < 3; i += 1) expect((await request(secondGateway).get('/api/v1/analytics/live').set('X-API-Key', key)).status).toBe(200);
    expect((await request(stack.gatewayUrl).delete(`/api/v1/auth/api-keys/${id}`).set('X-API-Key', ADMIN_KEY)).status).toBe(204);
    await waitFor(
      'the other replica to refuse the key',
      async () => (await request(secondGateway).get('/api/v1/analytics/live').set('X-API-Key', key)).status === 401,
      2000,
    );
  });
});
