import { Module } from '@nestjs/common';
import { createHealthPingController } from '@shopfloor/runtime';
import { DeliveryModule } from './delivery/delivery.module';
import { SchedulesModule } from './schedules/schedules.module';

@Module({
  imports: [DeliveryModule, SchedulesModule],
  controllers: [createHealthPingController('notification')],
})
export class AppModule {}
