import { Module } from '@nestjs/common';
import { createHealthPingController } from '@shopfloor/runtime';
import { CalendarsModule } from './calendars/calendars.module';
import { DowntimePatternsModule } from './downtime-patterns/downtime-patterns.module';
import { IntegrityModule } from './integrity/integrity.module';
import { LiveStatusModule } from './live/live-status.module';
import { MachineHistoryModule } from './machine-history/machine-history.module';
import { MachinesModule } from './machines/machines.module';
import { OeeModule } from './oee/oee.module';
import { ReportsModule } from './reports/reports.module';
import { ShopfloorEventsModule } from './shopfloor-events/shopfloor-events.module';

@Module({
  imports: [
    MachinesModule,
    MachineHistoryModule,
    IntegrityModule,
    CalendarsModule,
    OeeModule,
    DowntimePatternsModule,
    LiveStatusModule,
    ReportsModule,
    ShopfloorEventsModule,
  ],
  controllers: [createHealthPingController('analytics')],
})
export class AppModule {}
