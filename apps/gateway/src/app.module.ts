import { Module } from '@nestjs/common';
import { AuthModule } from './auth/auth.module';
import { DataSyncController } from './data/data-sync.controller';
import { LiveModule } from './live/live.module';
import { AnalyticsController } from './machines/analytics.controller';
import { CalendarsController } from './machines/calendars.controller';
import { ReportsController } from './machines/reports.controller';
import { IntegrityController } from './machines/integrity.controller';
import { MachinesController } from './machines/machines.controller';
import { MlController } from './ml/ml.controller';
import { UploadBucketService } from './ml/upload-bucket.service';
import { DownstreamHealth } from './probes/downstream-health';
import { ProbesController } from './probes/probes.controller';

@Module({
  imports: [AuthModule, LiveModule],
  controllers: [ProbesController, MachinesController, CalendarsController, AnalyticsController, ReportsController, DataSyncController, IntegrityController, MlController],
  providers: [DownstreamHealth, UploadBucketService],
})
export class AppModule {}
