import { Module } from '@nestjs/common';
import { CacheModule } from '../cache/cache.module';
import { LiveStatusModule } from '../live/live-status.module';
import { ReadModelRepositoriesModule } from '../read-model/read-model-repositories.module';
import { ShopfloorEventsConsumer } from './shopfloor-events.consumer';
import { ShopfloorRecordsService } from './shopfloor-records.service';

@Module({
  imports: [ReadModelRepositoriesModule, CacheModule, LiveStatusModule],
  providers: [ShopfloorRecordsService, ShopfloorEventsConsumer],
})
export class ShopfloorEventsModule {}
