import { Injectable, Logger, type OnApplicationBootstrap, type BeforeApplicationShutdown } from '@nestjs/common';
import { CONSUMERS, MachineDeletedEvent, MachineRecord, STREAMS, SUBJECTS, validatePayload } from '@shopfloor/contracts';
import { DurableConsumerFactory, PoisonMessageError, type EventContext, type RunningConsumer } from '@shopfloor/nats';
import { MachinesService } from '../machines/machines.service';

/**
 * Keeps the read model in step with the SHOPFLOOR stream. Every handler is an idempotent upsert by natural key and
 * source version, so redeliveries and replays never double-count. A subject this version does not know goes to the
 * dead letters (kept, replayable) rather than being acknowledged and lost.
 */
@Injectable()
export class ShopfloorEventsConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ShopfloorEventsConsumer.name);
  private running?: RunningConsumer;

  constructor(
    private readonly consumers: DurableConsumerFactory,
    private readonly machines: MachinesService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.running = await this.consumers.start(CONSUMERS.analyticsShopfloor, (payload, ctx) => this.handle(payload, ctx));
    this.logger.log(`Consuming ${STREAMS.shopfloor.name} as ${CONSUMERS.analyticsShopfloor.durableName}`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.running?.stop();
  }

  private async handle(payload: unknown, ctx: EventContext): Promise<void> {
    switch (ctx.subject) {
      case SUBJECTS.shopfloor.machineUpserted:
        return this.machines.applyUpsert(validatePayload(MachineRecord, payload));
      case SUBJECTS.shopfloor.machineDeleted:
        return this.machines.applyDelete(validatePayload(MachineDeletedEvent, payload));
      default:
        throw new PoisonMessageError(`no handler for subject ${ctx.subject}`);
    }
  }
}
