import { Module } from '@nestjs/common';
import { createHealthPingController } from '@shopfloor/runtime';
import { IntegrityModule } from './integrity/integrity.module';
import { MachineHistoryModule } from './machine-history/machine-history.module';
import { MachinesModule } from './machines/machines.module';
import { ShopfloorEventsModule } from './shopfloor-events/shopfloor-events.module';

@Module({
  imports: [MachinesModule, MachineHistoryModule, IntegrityModule, ShopfloorEventsModule],
  controllers: [createHealthPingController('analytics')],
})
export class AppModule {}
