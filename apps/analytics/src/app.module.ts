import { Module } from '@nestjs/common';
import { createHealthPingController } from '@shopfloor/runtime';
import { MachinesModule } from './machines/machines.module';
import { ShopfloorEventsConsumer } from './shopfloor-events/shopfloor-events.consumer';

@Module({
  imports: [MachinesModule],
  controllers: [createHealthPingController('analytics')],
  providers: [ShopfloorEventsConsumer],
})
export class AppModule {}
