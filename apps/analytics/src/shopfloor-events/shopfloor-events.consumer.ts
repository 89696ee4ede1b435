import { Injectable, Logger, type OnApplicationBootstrap, type BeforeApplicationShutdown } from '@nestjs/common';
import { CONSUMERS, SUBJECTS, STREAMS } from '@shopfloor/contracts';
import { DurableConsumerFactory, type RunningConsumer } from '@shopfloor/nats';
import { ShopfloorRecordsService } from './shopfloor-records.service';

/**
 * Keeps the read model in step with the SHOPFLOOR stream. Writes are idempotent, so redeliveries and replays never
 * double-count; a message that can never succeed (invalid, or a subject this version does not know) goes to the
 * dead letters (kept, replayable) rather than being acknowledged and lost.
 */
@Injectable()
export class ShopfloorEventsConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ShopfloorEventsConsumer.name);
  private running?: RunningConsumer;

  constructor(
    private readonly consumers: DurableConsumerFactory,
    private readonly records: ShopfloorRecordsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.running = await this.consumers.start(
      CONSUMERS.analyticsShopfloor,
      async (payload, ctx) => {
        await this.records.apply(ctx.subject, payload);
      },
      // Inserting append-only records does not depend on order, so those batches may be written side by side.
      { subjects: [SUBJECTS.shopfloor.machineEventsAppended, SUBJECTS.shopfloor.machineReadingsAppended], limit: 3 },
    );
    this.logger.log(`Consuming ${STREAMS.shopfloor.name} as ${CONSUMERS.analyticsShopfloor.durableName}`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.running?.stop();
  }
}
