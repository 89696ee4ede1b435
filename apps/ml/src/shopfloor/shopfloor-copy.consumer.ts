import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { CONSUMERS, STREAMS, SUBJECTS } from '@shopfloor/contracts';
import { DurableConsumerFactory, type RunningConsumer } from '@shopfloor/nats';
import { ShopfloorCopyService } from './shopfloor-copy.service';

/**
 * Keeps the ml service's copy of the shop floor in step with the SHOPFLOOR stream, through its own durable consumer
 * (ARCHITECTURE.md: ml consumes SHOPFLOOR). Writes are idempotent, so redeliveries and replays change nothing; the
 * consumer retries a failed message in place, so a deletion is never applied before the upsert it follows; a message
 * that can never succeed goes to the dead letters (kept, replayable) rather than being acknowledged and lost.
 */
@Injectable()
export class ShopfloorCopyConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ShopfloorCopyConsumer.name);
  private running?: RunningConsumer;

  constructor(
    private readonly consumers: DurableConsumerFactory,
    private readonly copy: ShopfloorCopyService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.running = await this.consumers.start(
      CONSUMERS.mlShopfloor,
      async (payload, ctx) => {
        await this.copy.apply(ctx.subject, payload);
      },
      // Inserting append-only records does not depend on order (and events are only acknowledged), so those batches
      // may be handled side by side.
      { subjects: [SUBJECTS.shopfloor.machineEventsAppended, SUBJECTS.shopfloor.machineReadingsAppended], limit: 3 },
    );
    this.logger.log(`Consuming ${STREAMS.shopfloor.name} as ${CONSUMERS.mlShopfloor.durableName}`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.running?.stop();
  }
}
