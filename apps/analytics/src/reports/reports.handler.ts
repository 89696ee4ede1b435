import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CustomReportRequest, DailyReportQuery, SUBJECTS, validatePayload, type ReportFile } from '@shopfloor/contracts';
import { ReportsService } from './reports.service';

@Controller()
export class ReportsHandler {
  constructor(private readonly reports: ReportsService) {}

  @MessagePattern(SUBJECTS.analytics.reportDaily)
  async daily(@Payload() payload: unknown): Promise<ReportFile> {
    return this.reports.daily(validatePayload(DailyReportQuery, payload));
  }

  @MessagePattern(SUBJECTS.analytics.reportCustom)
  async custom(@Payload() payload: unknown): Promise<ReportFile> {
    return this.reports.custom(validatePayload(CustomReportRequest, payload));
  }
}
