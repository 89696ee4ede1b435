import { CONSUMERS, SUBJECTS, type ConsumerDefinition } from '@shopfloor/contracts';
import type { DurableConsumerFactory, EventContext, EventHandler, ParallelOptions } from '@shopfloor/nats';
import { ShopfloorCopyConsumer } from './shopfloor-copy.consumer';
import type { ShopfloorCopyService } from './shopfloor-copy.service';

// Delivery itself (ack, in-place retries in order, dead letters) is DurableConsumerFactory's, tested against real NATS
// in libs/shared/nats; what the records do to the copy, against real Postgres in shopfloor-copy.service.integration.spec.ts. This
// holds the wiring between the two.
describe(ShopfloorCopyConsumer.name, () => {
  let started: { def: ConsumerDefinition; handler: EventHandler; parallel?: ParallelOptions }[];
  let stop: jest.Mock<Promise<void>, []>;
  let apply: jest.Mock<Promise<number>, [string, unknown]>;
  let consumer: ShopfloorCopyConsumer;

  const ctx = (subject: string): EventContext => ({ subject, deliveryCount: 1, streamSequence: 1, requestId: 'r-1' });

  beforeEach(async () => {
    started = [];
    stop = jest.fn(async () => undefined);
    apply = jest.fn(async (_subject: string, _payload: unknown) => 1);
    const factory = {
      start: async (def: ConsumerDefinition, handler: EventHandler, parallel?: ParallelOptions) => {
        started.push({ def, handler, parallel });
        return { stop };
      },
    } as unknown as DurableConsumerFactory;
    consumer = new ShopfloorCopyConsumer(factory, { apply } as unknown as ShopfloorCopyService);
    await consumer.onApplicationBootstrap();
  });

  it("consumes SHOPFLOOR through the ml service's own durable consumer", () => {
    expect(started).toHaveLength(1);
    expect(started[0].def).toBe(CONSUMERS.mlShopfloor);
    expect(CONSUMERS.mlShopfloor).toMatchObject({ durableName: 'ml-shopfloor', filterSubject: SUBJECTS.shopfloor.all });
    expect(CONSUMERS.mlShopfloor.durableName).not.toBe(CONSUMERS.analyticsShopfloor.durableName);
  });

  it('hands each message to the service by its subject, and fails when the service fails so it is retried', async () => {
    const { handler } = started[0];
    await handler({ sync_id: 's' }, ctx(SUBJECTS.shopfloor.jobsUpserted));
    expect(apply).toHaveBeenCalledWith(SUBJECTS.shopfloor.jobsUpserted, { sync_id: 's' });
    apply.mockRejectedValueOnce(new Error('database busy'));
    await expect(handler({ sync_id: 's' }, ctx(SUBJECTS.shopfloor.recordsDeleted))).rejects.toThrow('database busy');
  });

  it('lets only append-only batches run side by side: upserts and deletions keep stream order', () => {
    const subjects = [...(started[0].parallel?.subjects ?? [])].sort();
    expect(subjects).toEqual([SUBJECTS.shopfloor.machineEventsAppended, SUBJECTS.shopfloor.machineReadingsAppended].sort());
  });

  it('stops consuming before the application shuts down', async () => {
    await consumer.beforeApplicationShutdown();
    expect(stop).toHaveBeenCalledTimes(1);
  });
});
