import { Module } from '@nestjs/common';
import { AnalyticsModule } from './analytics/analytics.module';
import { AlertsModule } from './alerts/alerts.module';
import { AuthModule } from './auth/auth.module';
import { CalendarsModule } from './calendars/calendars.module';
import { DataSyncModule } from './data-sync/data-sync.module';
import { IntegrityModule } from './integrity/integrity.module';
import { LiveModule } from './live/live.module';
import { MlModule } from './ml/ml.module';
import { ProbesModule } from './probes/probes.module';
import { RateLimitModule } from './rate-limit/rate-limit.module';
import { ReportsModule } from './reports/reports.module';

@Module({
  imports: [
    ProbesModule,
    AnalyticsModule,
    CalendarsModule,
    ReportsModule,
    DataSyncModule,
    IntegrityModule,
    MlModule,
    AlertsModule,
    // Auth before rate limit: Nest runs global guards in the order it meets their modules, and a request is counted
    // against its caller's budget, so the caller must be known first.
    AuthModule,
    RateLimitModule,
    LiveModule,
  ],
})
export class AppModule {}
