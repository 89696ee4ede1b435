import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AlertIdRequest,
  ReportScheduleBody,
  ScheduleRunsRequest,
  SUBJECTS,
  validatePayload,
  type ReportRunView,
  type ReportScheduleView,
} from '@shopfloor/contracts';
import { SchedulesService } from './schedules.service';

@Controller()
export class SchedulesHandler {
  constructor(private readonly schedules: SchedulesService) {}

  @MessagePattern(SUBJECTS.notification.schedulesList)
  async list(): Promise<{ items: ReportScheduleView[] }> {
    return { items: await this.schedules.list() };
  }

  @MessagePattern(SUBJECTS.notification.scheduleCreate)
  async create(@Payload() payload: unknown): Promise<ReportScheduleView> {
    return this.schedules.create(validatePayload(ReportScheduleBody, payload));
  }

  @MessagePattern(SUBJECTS.notification.scheduleDelete)
  async delete(@Payload() payload: unknown): Promise<{ deleted: true }> {
    return this.schedules.delete(validatePayload(AlertIdRequest, payload).id);
  }

  @MessagePattern(SUBJECTS.notification.scheduleRuns)
  async runs(@Payload() payload: unknown): Promise<{ items: ReportRunView[] }> {
    const request = validatePayload(ScheduleRunsRequest, payload);
    return this.schedules.runsOf(request.id, request.limit);
  }
}
