import { HEADERS, STREAMS, SUBJECTS, type ConsumerDefinition, type StreamDefinition } from '@shopfloor/contracts';
import { MetricsRegistry } from '@shopfloor/observability';
import { TEST_INFRA, uniqueName, waitFor } from '@shopfloor/testing';
import { connect, JSONCodec, type NatsConnection } from 'nats';
import { DurableConsumerFactory, PoisonMessageError, type EventContext } from './durable-consumer';
import { JetStreamService } from './jetstream';
import { NatsConnectionHolder } from './nats-connection';

const codec = JSONCodec<unknown>();

function testStream(): StreamDefinition {
  const name = uniqueName('TEST').toUpperCase();
  return { name, subjects: [`${name.toLowerCase()}.>`], description: 'test stream', maxAgeSeconds: 3600, duplicateWindowSeconds: 60 };
}

function testConsumer(stream: StreamDefinition, maxDeliver = 3): ConsumerDefinition {
  return { stream, durableName: uniqueName('c'), filterSubject: stream.subjects[0], maxDeliver, ackWaitSeconds: 2 };
}

describe('JetStream helpers', () => {
  const connections: NatsConnection[] = [];
  const streams: string[] = [];
  let js: JetStreamService;
  let factory: DurableConsumerFactory;
  let metrics: MetricsRegistry;

  async function services(): Promise<{ js: JetStreamService; factory: DurableConsumerFactory; nc: NatsConnection; metrics: MetricsRegistry }> {
    const nc = await connect({ servers: TEST_INFRA.natsUrl });
    connections.push(nc);
    const holder = new NatsConnectionHolder(nc);
    const jetStream = new JetStreamService(holder);
    const registry = new MetricsRegistry();
    return { js: jetStream, factory: new DurableConsumerFactory(jetStream, holder, registry), nc, metrics: registry };
  }

  async function stream(): Promise<StreamDefinition> {
    const def = testStream();
    await js.ensureStreams([def, STREAMS.deadLetters]);
    streams.push(def.name);
    return def;
  }

  async function deadLetter(def: ConsumerDefinition): Promise<{ data: unknown; headers: Record<string, string> } | undefined> {
    const jsm = await js.jsm();
    const msg = await jsm.streams
      .getMessage(STREAMS.deadLetters.name, { last_by_subj: SUBJECTS.deadLetter.of(def.stream.name, def.durableName) })
      .catch(() => undefined);
    if (!msg) return undefined;
    const headers: Record<string, string> = {};
    for (const key of msg.header?.keys() ?? []) headers[key.toLowerCase()] = msg.header.get(key);
    return { data: codec.decode(msg.data), headers };
  }

  beforeAll(async () => {
    ({ js, factory, metrics } = await services());
  });

  afterAll(async () => {
    const jsm = await js.jsm();
    for (const name of streams) await jsm.streams.delete(name).catch(() => undefined);
    await Promise.all(connections.map((nc) => nc.close()));
  });

  it('creates a stream once and accepts the same definition again', async () => {
    const def = await stream();
    await js.ensureStreams([def]);
    const info = await (await js.jsm()).streams.info(def.name);
    expect(info.config.subjects).toEqual(def.subjects);
  });

  it('brings an existing stream up to a changed definition', async () => {
    const def = await stream();
    const changed = { ...def, subjects: [...def.subjects, `${def.name.toLowerCase()}-extra.>`] };
    await js.ensureStreams([changed]);
    const info = await (await js.jsm()).streams.info(def.name);
    expect(info.config.subjects).toEqual(changed.subjects);
  });

  it('stores a publish with the same message id once', async () => {
    const def = await stream();
    const subject = `${def.name.toLowerCase()}.dup`;
    const first = await js.publish(subject, { n: 1 }, 'same-id');
    const second = await js.publish(subject, { n: 1 }, 'same-id');
    expect(first.duplicate).toBe(false);
    expect(second.duplicate).toBe(true);
    expect((await (await js.jsm()).streams.info(def.name)).state.messages).toBe(1);
  });

  it('acks a message its handler accepts, with the correlation id of the publisher', async () => {
    const def = await stream();
    const consumer = testConsumer(def);
    const seen: { payload: unknown; ctx: EventContext }[] = [];
    const running = await factory.start(consumer, async (payload, ctx) => {
      seen.push({ payload, ctx });
    });
    await js.publish(`${def.name.toLowerCase()}.ok`, { value: 7 });
    await waitFor('the message to be handled', () => seen.length === 1);
    await running.stop();
    expect(seen[0].payload).toEqual({ value: 7 });
    expect(seen[0].ctx.deliveryCount).toBe(1);
    const info = await (await js.jsm()).consumers.info(def.name, consumer.durableName);
    expect(info.num_ack_pending).toBe(0);
    expect(info.num_pending).toBe(0);
  });

  it('redelivers a failed message until the handler succeeds, and handles it once', async () => {
    const def = await stream();
    const consumer = testConsumer(def, 5);
    const attempts: number[] = [];
    let handled = 0;
    const running = await factory.start(consumer, async (_payload, ctx) => {
      attempts.push(ctx.deliveryCount);
      if (ctx.deliveryCount < 3) throw new Error('database busy');
      handled += 1;
    });
    await js.publish(`${def.name.toLowerCase()}.retry`, { value: 1 });
    await waitFor('the third delivery', () => handled === 1, 15_000);
    await running.stop();
    expect(attempts).toEqual([1, 2, 3]);
    expect(await deadLetter(consumer)).toBeUndefined();
  });

  it('waits out a database outage longer than the delivery limit, counting no attempt against the message', async () => {
    const def = await stream();
    const consumer = testConsumer(def, 2);
    let calls = 0;
    let handled = 0;
    const running = await factory.start(consumer, async () => {
      calls += 1;
      // What pg raises while the server cannot be reached.
      if (calls <= 4) throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
      handled += 1;
    });
    await js.publish(`${def.name.toLowerCase()}.outage`, { value: 1 });
    await waitFor('the message handled once the database is back', () => handled === 1, 25_000);
    await running.stop();
    expect(calls).toBe(5);
    expect(await deadLetter(consumer)).toBeUndefined();
  }, 30_000);

  it('keeps stream order through a failure: a later message waits until the failed one has succeeded', async () => {
    const def = await stream();
    const consumer = testConsumer(def, 5);
    const log: string[] = [];
    const running = await factory.start(consumer, async (payload, ctx) => {
      const { id } = payload as { id: string };
      if (id === 'upsert' && ctx.deliveryCount === 1) {
        log.push('upsert failed');
        throw new Error('database busy');
      }
      log.push(id);
    });
    await js.publish(`${def.name.toLowerCase()}.upsert`, { id: 'upsert' });
    await js.publish(`${def.name.toLowerCase()}.delete`, { id: 'delete' });
    await waitFor('both messages', () => log.length === 3, 15_000);
    await running.stop();
    expect(log).toEqual(['upsert failed', 'upsert', 'delete']);
  });

  it('hands a message back to the server when stopped while waiting to retry it', async () => {
    const def = await stream();
    // A long ack wait: a redelivery within seconds can only come from the message being handed back.
    const consumer = { ...testConsumer(def, 5), ackWaitSeconds: 60 };
    let failures = 0;
    const first = await factory.start(consumer, async () => {
      failures += 1;
      throw new Error('database down');
    });
    await js.publish(`${def.name.toLowerCase()}.held`, { id: 'held' });
    await waitFor('the first failure', () => failures === 1);
    const stoppedAt = Date.now();
    await first.stop();
    expect(Date.now() - stoppedAt).toBeLessThan(2_000);

    const received: EventContext[] = [];
    const second = await factory.start(consumer, async (_payload, ctx) => {
      received.push(ctx);
    });
    await waitFor('the redelivery', () => received.length === 1, 10_000);
    await second.stop();
    expect(received[0].subject).toBe(`${def.name.toLowerCase()}.held`);
    expect(await deadLetter(consumer)).toBeUndefined();
  });

  it('moves a message that keeps failing to the dead letters after the delivery limit, with the reason', async () => {
    const def = await stream();
    const consumer = testConsumer(def, 3);
    const attempts: number[] = [];
    const running = await factory.start(consumer, async (_payload, ctx) => {
      attempts.push(ctx.deliveryCount);
      throw new Error('always broken');
    });
    await js.publish(`${def.name.toLowerCase()}.broken`, { id: 'x-1' });
    const dead = await waitFor('the dead letter', () => deadLetter(consumer), 15_000);
    await running.stop();
    expect(attempts).toEqual([1, 2, 3]);
    expect(dead.data).toEqual({ id: 'x-1' });
    expect(dead.headers[HEADERS.deadLetterReason]).toContain('always broken');
    expect(dead.headers[HEADERS.deadLetterDeliveries]).toBe('3');
    expect(dead.headers['x-original-subject']).toBe(`${def.name.toLowerCase()}.broken`);
    expect(await metrics.render()).toMatch(
      new RegExp(`^nats_dead_lettered_messages_total\\{stream="${def.name}",consumer="${consumer.durableName}"\\} 1$`, 'm'),
    );
    const info = await (await js.jsm()).consumers.info(def.name, consumer.durableName);
    expect(info.num_ack_pending).toBe(0);
  });

  it('dead-letters a poison message at once instead of retrying it', async () => {
    const def = await stream();
    const consumer = testConsumer(def, 5);
    let calls = 0;
    const running = await factory.start(consumer, async () => {
      calls += 1;
      throw new PoisonMessageError('unknown record type');
    });
    await js.publish(`${def.name.toLowerCase()}.poison`, { kind: 'mystery' });
    const dead = await waitFor('the dead letter', () => deadLetter(consumer), 10_000);
    await running.stop();
    expect(calls).toBe(1);
    expect(dead.headers[HEADERS.deadLetterReason]).toBe('rejected: unknown record type');
  });

  it('redelivers to another process a message whose process died before acking it', async () => {
    const def = await stream();
    const consumer = testConsumer(def, 5);
    const doomed = await services();
    let doomedGotIt = false;
    let release = (): void => undefined;
    const doomedRunning = await doomed.factory.start(consumer, async () => {
      doomedGotIt = true;
      await new Promise<void>((resolve) => (release = resolve));
    });
    await js.publish(`${def.name.toLowerCase()}.crash`, { id: 'survivor' });
    await waitFor('the first process to take the message', () => doomedGotIt);
    // The process dies mid-handler: its connection vanishes and the ack never comes.
    await doomed.nc.close();

    const received: EventContext[] = [];
    const survivor = await factory.start(consumer, async (_payload, ctx) => {
      received.push(ctx);
    });
    await waitFor('the redelivery', () => received.length === 1, 15_000);
    await survivor.stop();
    // What is left of the dead process (its pull loop and timers) is cleared so that the test run can end.
    release();
    await doomedRunning.stop();
    expect(received[0].deliveryCount).toBe(2);
  });

  it('reports on /metrics the backlog of each consumer it runs, from JetStream consumer info', async () => {
    const def = await stream();
    const consumer = testConsumer(def, 5);
    const own = await services();
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const running = await own.factory.start(consumer, () => held);
    for (let i = 0; i < 3; i += 1) await js.publish(`${def.name.toLowerCase()}.held`, { i });
    const labels = `stream="${def.name}",consumer="${consumer.durableName}"`;
    const value = (text: string, name: string): number => Number(new RegExp(`^${name}\\{${labels}[^}]*\\} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);
    // Not yet acknowledged: the first is in the handler, the rest wait behind it (given out, or still in the stream).
    await waitFor('the backlog on /metrics', async () => {
      const text = await own.metrics.render();
      return value(text, 'nats_consumer_pending_messages') + value(text, 'nats_consumer_ack_pending_messages') === 3;
    });
    release();
    await waitFor('the backlog to drain', async () => {
      const text = await own.metrics.render();
      return value(text, 'nats_consumer_pending_messages') === 0 && value(text, 'nats_consumer_ack_pending_messages') === 0;
    });
    await running.stop();
    expect(await own.metrics.render()).toMatch(new RegExp(`^nats_consumer_redelivered_messages\\{${labels}[^}]*\\} 0$`, 'm'));
  });
});
