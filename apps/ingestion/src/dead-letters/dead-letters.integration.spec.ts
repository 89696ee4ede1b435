import { CONSUMERS, DomainError, ErrorCode, HEADERS, STREAMS, SUBJECTS, type DeadLetterPage, type DeadLetterView } from '@shopfloor/contracts';
import { JetStreamService, NatsConnectionHolder } from '@shopfloor/nats';
import { MetricsRegistry } from '@shopfloor/observability';
import { TEST_INFRA, uniqueName, withdrawTestBatches } from '@shopfloor/testing';
import { connect, DeliverPolicy, headers as natsHeaders, type NatsConnection } from 'nats';
import { DeadLetterReplayer } from './dead-letter-replayer';
import { DeadLetterMetrics } from './dead-letter.metrics';
import { DeadLetterStore } from './dead-letter.store';
import { DeadLettersHandler } from './dead-letters.handler';
import { readThrough } from './read-through';

interface TestLetter {
  consumer: string;
  payload: unknown;
  /** The subject the message was first published on. */
  subject?: string;
  requestId?: string;
}

interface StoredCopy {
  data: string;
  requestId: string | undefined;
}

function machineBatch(syncId: string, records = 1): { sync_id: string; records: Record<string, unknown>[] } {
  return {
    sync_id: syncId,
    records: Array.from({ length: records }, (_, i) => ({
      machine_id: `DLQ-TEST-${i}`,
      name: 'dead-letter test machine',
      type: 'test',
      location: null,
      installation_date: null,
      specifications: null,
      source_updated_at: '2026-01-01T00:00:00.000Z',
    })),
  };
}

async function failure(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe(DeadLetterStore.name, () => {
  const since = new Date(Date.now() - 1000);
  const created: number[] = [];
  const syncIds: string[] = [];
  let nc: NatsConnection;
  let jetStream: JetStreamService;
  let store: DeadLetterStore;
  let handler: DeadLettersHandler;

  /** A dead letter as DurableConsumerFactory writes one, for a SHOPFLOOR consumer of the test's own name. */
  async function deadLetter(letter: TestLetter): Promise<string> {
    const h = natsHeaders();
    h.set(HEADERS.deadLetterReason, 'failed 5 times: test');
    h.set(HEADERS.deadLetterStream, STREAMS.shopfloor.name);
    h.set(HEADERS.deadLetterConsumer, letter.consumer);
    h.set(HEADERS.deadLetterDeliveries, '5');
    h.set(HEADERS.deadLetterOriginalSubject, letter.subject ?? SUBJECTS.shopfloor.machinesUpserted);
    if (letter.requestId) h.set(HEADERS.requestId, letter.requestId);
    const data = typeof letter.payload === 'string' ? Buffer.from(letter.payload) : Buffer.from(JSON.stringify(letter.payload));
    const ack = await jetStream.client.publish(SUBJECTS.deadLetter.of(STREAMS.shopfloor.name, letter.consumer), data, { headers: h });
    created.push(ack.seq);
    return String(ack.seq);
  }

  /** Every message of this test run on a SHOPFLOOR subject carrying the sync id, read through a throwaway ordered consumer. */
  async function storedOnShopfloor(subject: string, syncId: string): Promise<StoredCopy[]> {
    const reader = await jetStream.client.consumers.get(STREAMS.shopfloor.name, {
      filterSubjects: subject,
      deliver_policy: DeliverPolicy.StartTime,
      opt_start_time: since.toISOString(),
    });
    const found: StoredCopy[] = [];
    await readThrough(reader, Infinity, 500, 1000, (msg) => {
      const data = msg.string();
      if (data.includes(syncId)) found.push({ data, requestId: msg.headers?.get(HEADERS.requestId) || undefined });
    });
    return found;
  }

  async function listAll(consumer: string, limit: number): Promise<DeadLetterPage[]> {
    const pages: DeadLetterPage[] = [];
    let cursor: string | undefined;
    do {
      const page = await handler.list({ consumer, limit, ...(cursor ? { cursor } : {}) });
      pages.push(page);
      cursor = page.next_cursor ?? undefined;
    } while (cursor && pages.length < 20);
    return pages;
  }

  beforeAll(async () => {
    nc = await connect({ servers: TEST_INFRA.natsUrl });
    jetStream = new JetStreamService(new NatsConnectionHolder(nc));
    // As every service does at start: the streams exist (creating one that exists changes nothing).
    await jetStream.ensureStreams([STREAMS.shopfloor, STREAMS.deadLetters]);
    store = new DeadLetterStore(jetStream);
    handler = new DeadLettersHandler(store, new DeadLetterReplayer(store, jetStream));
  });

  afterAll(async () => {
    const jsm = await jetStream.jsm();
    for (const sequence of created) await jsm.streams.deleteMessage(STREAMS.deadLetters.name, sequence, false).catch(() => false);
    await withdrawTestBatches(nc, syncIds, since);
    await nc.close();
  });

  it('pages through one consumer’s dead letters oldest first, skipping other consumers’ and deleted ones', async () => {
    const mine = uniqueName('dlq-list');
    const other = uniqueName('dlq-other');
    const ids: string[] = [];
    for (let i = 0; i < 6; i += 1) {
      ids.push(await deadLetter({ consumer: mine, payload: machineBatch(`sync-${i}`, i + 1) }));
      await deadLetter({ consumer: other, payload: machineBatch('other') });
    }
    await store.remove(Number(ids[2]));
    const expected = ids.filter((_, i) => i !== 2);

    const pages = await listAll(mine, 2);

    expect(pages.map((p) => p.items.length)).toEqual([2, 2, 1]);
    expect(pages[2].next_cursor).toBeNull();
    const items = pages.flatMap((p) => p.items);
    expect(items.map((item) => item.id)).toEqual(expected);
    expect(items[0]).toEqual<DeadLetterView>({
      id: ids[0],
      stream: STREAMS.shopfloor.name,
      consumer: mine,
      subject: SUBJECTS.shopfloor.machinesUpserted,
      reason: 'failed 5 times: test',
      deliveries: 5,
      dead_lettered_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/) as string,
      sync_id: 'sync-0',
      records: 1,
      size_bytes: Buffer.byteLength(JSON.stringify(machineBatch('sync-0', 1))),
    });
    expect(items.map((item) => item.records)).toEqual([1, 2, 4, 5, 6]);
  });

  it('lists every consumer’s dead letters without a filter', async () => {
    const first = uniqueName('dlq-a');
    const second = uniqueName('dlq-b');
    const a = await deadLetter({ consumer: first, payload: machineBatch('a') });
    const b = await deadLetter({
      consumer: second,
      payload: { sync_id: 'b', entity: 'jobs', keys: ['J-1', 'J-2'], deleted_at: '2026-01-01T00:00:00.000Z' },
      subject: SUBJECTS.shopfloor.recordsDeleted,
    });

    const page = await handler.list({ limit: 500, cursor: Buffer.from(a).toString('base64url') });

    const ours = page.items.filter((item) => item.id === a || item.id === b);
    expect(ours.map((item) => [item.consumer, item.subject, item.records])).toEqual([
      [first, SUBJECTS.shopfloor.machinesUpserted, 1],
      [second, SUBJECTS.shopfloor.recordsDeleted, 2],
    ]);
  });

  it('re-publishes a dead letter to its original subject once, with its request id, and forgets it', async () => {
    const consumer = uniqueName('dlq-replay');
    const syncId = uniqueName('sync');
    syncIds.push(syncId);
    const id = await deadLetter({ consumer, payload: machineBatch(syncId), requestId: 'req-dlq-test' });

    const first = await handler.replay({ ids: [id] });
    const again = await handler.replay({ ids: [id] });

    expect(first).toEqual({ replayed: 1, ids: [id], not_found: [] });
    expect(again).toEqual({ replayed: 0, ids: [], not_found: [id] });
    expect(await store.get(Number(id))).toBeNull();
    const copies = await storedOnShopfloor(SUBJECTS.shopfloor.machinesUpserted, syncId);
    expect(copies).toEqual([{ data: JSON.stringify(machineBatch(syncId)), requestId: 'req-dlq-test' }]);
  });

  it('stores a dead letter once when two replays of it run at the same time', async () => {
    const consumer = uniqueName('dlq-race');
    const syncId = uniqueName('sync');
    syncIds.push(syncId);
    const id = await deadLetter({ consumer, payload: machineBatch(syncId) });

    const replies = await Promise.all([handler.replay({ ids: [id] }), handler.replay({ ids: [id] })]);

    expect(replies.some((reply) => reply.ids.includes(id))).toBe(true);
    expect(await store.get(Number(id))).toBeNull();
    expect(await storedOnShopfloor(SUBJECTS.shopfloor.machinesUpserted, syncId)).toHaveLength(1);
  });

  it('replays one consumer’s dead letters and keeps those whose subject no stream captures', async () => {
    const consumer = uniqueName('dlq-consumer');
    const bystander = uniqueName('dlq-bystander');
    const syncId = uniqueName('sync');
    syncIds.push(syncId);
    const replayable = await deadLetter({ consumer, payload: machineBatch(syncId) });
    const stranded = await deadLetter({ consumer, payload: machineBatch(syncId), subject: `${uniqueName('nostream')}.machines` });
    const untouched = await deadLetter({ consumer: bystander, payload: machineBatch('bystander') });

    const reply = await handler.replay({ consumer });

    expect(reply).toEqual({ replayed: 1, ids: [replayable], not_found: [stranded] });
    expect((await listAll(consumer, 50)).flatMap((p) => p.items).map((item) => item.id)).toEqual([stranded]);
    expect(await store.get(Number(untouched))).not.toBeNull();
    expect(await storedOnShopfloor(SUBJECTS.shopfloor.machinesUpserted, syncId)).toHaveLength(1);
  });

  it.each([[['0']], [['-1']], [['1.5']], [['abc']], [['12', ' 13']], [['1e3']]])('refuses ids %j', async (ids) => {
    const error = await failure(handler.replay({ ids }));
    expect(error.code).toBe(ErrorCode.ValidationFailed);
    expect(error.fieldErrors?.map((e) => e.field)).toContain('ids');
  });

  it.each([{}, { all: false }, { ids: ['1'], all: true }, { ids: ['1'], consumer: 'x' }, { consumer: 'x', all: true }, { all: 'yes' }, { consumer: 'dlq.>' }])(
    'refuses the selection %j',
    async (request) => {
      const error = await failure(handler.replay(request));
      expect(error.code).toBe(ErrorCode.ValidationFailed);
    },
  );

  it('refuses a cursor it did not hand out', async () => {
    const error = await failure(handler.list({ cursor: 'not-a-cursor' }));
    expect(error.code).toBe(ErrorCode.ValidationFailed);
    expect(error.fieldErrors?.[0]?.field).toBe('cursor');
  });

  it('sums the batches and records each SHOPFLOOR consumer has dead-lettered, and shows them on /metrics', async () => {
    const consumer = uniqueName('dlq-summary');
    await deadLetter({ consumer, payload: machineBatch('s-1', 2) });
    await deadLetter({
      consumer,
      payload: { sync_id: 's-2', entity: 'machines', keys: ['M-1', 'M-2', 'M-3'], deleted_at: '2026-01-01T00:00:00.000Z' },
      subject: SUBJECTS.shopfloor.recordsDeleted,
    });
    await deadLetter({ consumer, payload: '{not json' });

    const summary = await store.summary(0);

    expect(summary[consumer]).toMatchObject({ batches: 3, records: 5 });
    expect(summary[CONSUMERS.analyticsShopfloor.durableName]).toMatchObject({ batches: expect.any(Number) as number, records: expect.any(Number) as number });
    const metrics = new MetricsRegistry();
    new DeadLetterMetrics(metrics, store);
    const text = await metrics.render();
    expect(text).toContain(`shopfloor_dead_letters{consumer="${consumer}"} 3`);
    expect(text).toContain(`shopfloor_dead_lettered_records{consumer="${consumer}"} 5`);
  });

  it('counts a removed dead letter out of the next summary at once', async () => {
    const consumer = uniqueName('dlq-fresh');
    const id = await deadLetter({ consumer, payload: machineBatch('f', 4) });
    expect((await store.summary(0))[consumer]).toMatchObject({ batches: 1, records: 4 });

    await store.remove(Number(id));

    expect((await store.summary())[consumer]).toBeUndefined();
  });
});
