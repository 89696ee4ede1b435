import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { checkRecordsRejected, CONSUMERS, displayRow, displayText, STREAMS } from '@shopfloor/contracts';
import { SyncStateRepository } from '@shopfloor/ingestion/data-access';
import { DurableConsumerFactory, type RunningConsumer } from '@shopfloor/nats';
import { SourceMappingProvider } from '../source/source-mapping.provider';
import { quarantineKey } from '../sync/sync-runner';

/**
 * Keeps the records SHOPFLOOR's consumers could not apply (their RecordsRejected reports) in the quarantine, with the
 * consumer named, beside the rows ingestion itself refused. Writing an entry again changes nothing, so a redelivered
 * report is harmless.
 */
@Injectable()
export class RejectionsConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(RejectionsConsumer.name);
  private running?: RunningConsumer;

  constructor(
    private readonly consumers: DurableConsumerFactory,
    private readonly state: SyncStateRepository,
    private readonly mapping: SourceMappingProvider,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.running = await this.consumers.start(CONSUMERS.ingestionRejections, async (payload) => {
      const report = checkRecordsRejected(payload);
      const table = this.mapping.mapping.entities[report.entity].table;
      await this.state.recordRejections(
        report.rejected.map((r) => ({
          entity: report.entity,
          sourceTable: table,
          primaryKey: quarantineKey(r.key ?? ''),
          reasons: r.reasons.map((reason) => displayText(`${reason} (${report.consumer})`, 1000)),
          raw: displayRow(r.record),
          rejectedBy: report.consumer,
        })),
        report.sync_id,
      );
      this.logger.warn({
        message: `${report.consumer} rejected ${report.rejected.length} ${report.entity} records`,
        consumer: report.consumer,
        entity: report.entity,
        sync_id: report.sync_id,
      });
    });
    this.logger.log(`Consuming ${STREAMS.rejections.name} as ${CONSUMERS.ingestionRejections.durableName}`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.running?.stop();
  }
}
