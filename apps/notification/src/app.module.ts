import { Module } from '@nestjs/common';
import { createHealthPingController } from '@shopfloor/runtime';
import { AlertsModule } from './alerts/alerts.module';
import { DeliveryModule } from './delivery/delivery.module';
import { RulesModule } from './rules/rules.module';
import { SchedulesModule } from './schedules/schedules.module';

@Module({
  imports: [DeliveryModule, AlertsModule, RulesModule, SchedulesModule],
  controllers: [createHealthPingController('notification')],
})
export class AppModule {}
