import { Module } from '@nestjs/common';
import { AnalyticsModule } from './analytics/analytics.module';
import { AlertRulesController } from './alerts/alert-rules.controller';
import { AlertsController } from './alerts/alerts.controller';
import { DeliveriesController } from './alerts/deliveries.controller';
import { AuthModule } from './auth/auth.module';
import { CalendarsModule } from './calendars/calendars.module';
import { DataSyncModule } from './data-sync/data-sync.module';
import { IntegrityModule } from './integrity/integrity.module';
import { LiveModule } from './live/live.module';
import { MlModule } from './ml/ml.module';
import { DownstreamHealth } from './probes/downstream-health';
import { ProbesController } from './probes/probes.controller';
import { ReportsModule } from './reports/reports.module';

@Module({
  imports: [AnalyticsModule, CalendarsModule, ReportsModule, DataSyncModule, IntegrityModule, MlModule, AuthModule, LiveModule],
  // Rules before alerts: /alerts/rules must not be taken for the alert with id 'rules'.
  controllers: [
    ProbesController,
    AlertRulesController,
    AlertsController,
    DeliveriesController,
  ],
  providers: [DownstreamHealth],
})
export class AppModule {}
