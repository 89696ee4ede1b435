import { Module } from '@nestjs/common';
import { ReportSchedulesController } from './report-schedules.controller';
import { ReportsController } from './reports.controller';

/**
 * Reports under /api/v1/reports: made on request by analytics (daily, custom) and e-mailed on a schedule by
 * notification.
 */
@Module({ controllers: [ReportSchedulesController, ReportsController] })
export class ReportsModule {}
